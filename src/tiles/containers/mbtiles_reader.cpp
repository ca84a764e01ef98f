#include "tiles/containers/mbtiles_reader.hpp"

#include <memory>

#include <fmt/format.h>
#include <sqlite3.h>

#include "util/error.hpp"

namespace kuril::tiles {

namespace {
using Statement = std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)>;
}

MbtilesArchive::MbtilesArchive(const std::filesystem::path& file) : file_(file) {
    if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v2(db_, "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?", -1,
                           &tile_, nullptr) != SQLITE_OK) {
        const std::string why = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw InputError(Location{file.string(), 0, {}}, fmt::format("not an MBTiles file: {}", why));
    }
}

MbtilesArchive::~MbtilesArchive() {
    sqlite3_finalize(tile_);
    sqlite3_close(db_);
}

std::optional<std::string> MbtilesArchive::tile(const TileAddress& a) {
    const std::lock_guard<std::mutex> lock(mutex_);
    sqlite3_reset(tile_);
    sqlite3_bind_int(tile_, 1, a.z);
    sqlite3_bind_int64(tile_, 2, a.x);
    sqlite3_bind_int64(tile_, 3, tms_row(a));  // MBTiles rows count from the south
    if (sqlite3_step(tile_) != SQLITE_ROW) return std::nullopt;
    return std::string(static_cast<const char*>(sqlite3_column_blob(tile_, 0)),
                       static_cast<std::size_t>(sqlite3_column_bytes(tile_, 0)));
}

std::uint64_t MbtilesArchive::for_each(const std::function<void(const TileAddress&, const std::string&)>& visit) {
    const std::lock_guard<std::mutex> lock(mutex_);
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_,
                           "SELECT zoom_level, tile_column, tile_row, tile_data FROM tiles "
                           "ORDER BY zoom_level, tile_column, tile_row",
                           -1, &raw, nullptr) != SQLITE_OK) {
        throw InputError(Location{file_.string(), 0, {}}, fmt::format("not an MBTiles file: {}", sqlite3_errmsg(db_)));
    }
    const Statement s(raw, sqlite3_finalize);
    std::uint64_t count = 0;
    int step = SQLITE_ROW;
    while ((step = sqlite3_step(raw)) == SQLITE_ROW) {
        const int z = sqlite3_column_int(raw, 0);
        const auto x = static_cast<std::uint32_t>(sqlite3_column_int64(raw, 1));
        const auto row = static_cast<std::uint32_t>(sqlite3_column_int64(raw, 2));
        if (z < 0 || z > 30) {
            throw InputError(Location{file_.string(), 0, {}}, fmt::format("a tile at zoom {} (MBTiles 1.3: 0 to 30)", z));
        }
        const auto* blob = static_cast<const char*>(sqlite3_column_blob(raw, 3));
        const std::string data(blob, static_cast<std::size_t>(sqlite3_column_bytes(raw, 3)));
        const auto zoom = static_cast<std::uint8_t>(z);
        visit(TileAddress{zoom, x, ((1U << zoom) - 1U) - row}, data);  // TMS row back to XYZ
        ++count;
    }
    if (step != SQLITE_DONE) {
        throw InputError(Location{file_.string(), 0, {}}, fmt::format("cannot read the tiles: {}", sqlite3_errmsg(db_)));
    }
    return count;
}

std::map<std::string, std::string> MbtilesArchive::metadata() {
    const std::lock_guard<std::mutex> lock(mutex_);
    std::map<std::string, std::string> m;
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_, "SELECT name, value FROM metadata", -1, &raw, nullptr) != SQLITE_OK) {
        return m;  // MBTiles 1.3 requires the table; a file without one is served with empty metadata
    }
    const Statement s(raw, sqlite3_finalize);
    while (sqlite3_step(raw) == SQLITE_ROW) {
        const auto* k = sqlite3_column_text(raw, 0);
        const auto* v = sqlite3_column_text(raw, 1);
        if (k != nullptr && v != nullptr) m[reinterpret_cast<const char*>(k)] = reinterpret_cast<const char*>(v);
    }
    return m;
}

}  // namespace kuril::tiles
