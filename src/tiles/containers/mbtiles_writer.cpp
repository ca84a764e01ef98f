#include "tiles/containers/mbtiles_writer.hpp"

#include <nlohmann/json.hpp>

#include <cstring>
#include <memory>

#include <fmt/format.h>
#include <sqlite3.h>

#include "tiles/gzip.hpp"
#include "util/atomic.hpp"
#include "util/error.hpp"

namespace kuril::tiles {

namespace {

struct DbCloser {
    void operator()(sqlite3* db) const { sqlite3_close(db); }
};
struct StmtCloser {
    void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};

// SQLite's message, and the OS error under it where there is one (ENOSPC,
// EFBIG, EIO).
std::string why(sqlite3* db) {
    const int os = sqlite3_system_errno(db);
    return os != 0 ? fmt::format("{} ({})", sqlite3_errmsg(db), std::strerror(os)) : std::string(sqlite3_errmsg(db));
}

void exec(sqlite3* db, const char* sql) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
        throw OutputError(fmt::format("{}: {}", sql, why(db)));
    }
}

std::unique_ptr<sqlite3_stmt, StmtCloser> prepare(sqlite3* db, const char* sql) {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) {
        throw OutputError(fmt::format("{}: {}", sql, why(db)));
    }
    return std::unique_ptr<sqlite3_stmt, StmtCloser>(s);
}

void step(sqlite3* db, sqlite3_stmt* s) {
    if (sqlite3_step(s) != SQLITE_DONE) {
        throw OutputError(why(db));
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
}

void write_database(const std::filesystem::path& file, const TileSet& set, const TilesetInfo& info) {
    sqlite3* raw = nullptr;
    if (sqlite3_open(file.c_str(), &raw) != SQLITE_OK) {
        const std::string msg = raw != nullptr ? why(raw) : "out of memory";
        sqlite3_close(raw);
        throw OutputError(fmt::format("cannot create {}: {}", file.string(), msg));
    }
    std::unique_ptr<sqlite3, DbCloser> db(raw);
    exec(db.get(), "PRAGMA journal_mode=OFF");
    exec(db.get(), "PRAGMA synchronous=OFF");
    exec(db.get(), "PRAGMA application_id=0x4d504258");  // 'MPBX', as the spec suggests
    exec(db.get(), "BEGIN");
    exec(db.get(), "CREATE TABLE metadata (name text, value text)");
    exec(db.get(), "CREATE TABLE tiles (zoom_level integer, tile_column integer, tile_row integer, tile_data blob)");
    auto meta = prepare(db.get(), "INSERT INTO metadata (name, value) VALUES (?, ?)");
    nlohmann::ordered_json json_meta{{"vector_layers", vector_layers_json(set)}, {"kuril:size_limit", size_limit_json(set)}};
    if (set.thinning) json_meta["kuril:points"] = points_json(*set.thinning);
    std::vector<std::pair<std::string, std::string>> rows{
        {"name", info.name},
        {"format", "pbf"},
        {"bounds", fmt::format("{:.6f},{:.6f},{:.6f},{:.6f}", set.west, set.south, set.east, set.north)},
        {"center",
         fmt::format("{:.6f},{:.6f},{}", (set.west + set.east) / 2, (set.south + set.north) / 2, center_zoom(set))},
        {"minzoom", std::to_string(set.minzoom)},
        {"maxzoom", std::to_string(set.maxzoom)},
        {"attribution", info.attribution},
        {"description", info.description},
        {"type", "overlay"},
        {"version", info.version},
        {"json", json_meta.dump()}};
    if (!info.license.empty()) rows.emplace_back("license", info.license);  // beside MBTiles 1.3's own rows
    for (const auto& [k, v] : rows) {
        sqlite3_bind_text(meta.get(), 1, k.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(meta.get(), 2, v.c_str(), -1, SQLITE_TRANSIENT);
        step(db.get(), meta.get());
    }
    auto ins = prepare(db.get(), "INSERT INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)");
    std::string buffer;
    for (const auto& t : set.tiles) {
        const std::string_view z = set.gz(t, buffer);
        sqlite3_bind_int(ins.get(), 1, t.address.z);
        sqlite3_bind_int64(ins.get(), 2, t.address.x);
        sqlite3_bind_int64(ins.get(), 3, tms_row(t.address));
        sqlite3_bind_blob(ins.get(), 4, z.data(), static_cast<int>(z.size()), SQLITE_TRANSIENT);
        step(db.get(), ins.get());
    }
    exec(db.get(),
         "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, "
         "tile_column, tile_row)");
    exec(db.get(), "CREATE UNIQUE INDEX name ON metadata (name)");
    exec(db.get(), "COMMIT");
}

}  // namespace

void write_mbtiles(const std::filesystem::path& path, const TileSet& set, const TilesetInfo& info) {
    StagingFile staging(path);
    try {
        write_database(staging.path(), set, info);
    } catch (const OutputError& e) {
        throw OutputError(fmt::format("cannot write the MBTiles {}: {}", path.string(), e.what()));
    }
    staging.commit();
}

}  // namespace kuril::tiles
