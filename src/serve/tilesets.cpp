#include "serve/tilesets.hpp"

#include <sys/stat.h>

#include <fmt/format.h>
#include <sqlite3.h>

#include "tiles/pmtiles_reader.hpp"
#include "util/error.hpp"

namespace kuril::serve {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

double e7(std::int32_t v) { return v / 1e7; }

class PmtilesTileset final : public Tileset {
public:
    explicit PmtilesTileset(const fs::path& file) : archive_(file) {}
    std::optional<std::string> tile(const tiles::TileAddress& a) override { return archive_.tile(a); }
    json tilejson() override {
        const auto& h = archive_.header();
        json meta = json::parse(archive_.metadata(), nullptr, false);
        if (!meta.is_object()) meta = json::object();
        json t;
        t["name"] = meta.value("name", "");
        t["attribution"] = meta.value("attribution", "");
        t["description"] = meta.value("description", "");
        t["minzoom"] = h.min_zoom;
        t["maxzoom"] = h.max_zoom;
        t["bounds"] = json::array({e7(h.min_lon_e7), e7(h.min_lat_e7), e7(h.max_lon_e7), e7(h.max_lat_e7)});
        t["center"] = json::array({e7(h.center_lon_e7), e7(h.center_lat_e7), h.center_zoom});
        t["vector_layers"] = meta.value("vector_layers", json::array());
        return t;
    }

private:
    tiles::PmtilesArchive archive_;
};

// One read-only connection, serialised (SQLite's FULLMUTEX); tiles are small and come from the page cache.
class MbtilesTileset final : public Tileset {
public:
    explicit MbtilesTileset(const fs::path& file) {
        if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK ||
            sqlite3_prepare_v2(db_, "SELECT tile_data FROM tiles WHERE zoom_level=? AND tile_column=? AND tile_row=?",
                               -1, &tile_, nullptr) != SQLITE_OK) {
            const std::string why = db_ != nullptr ? sqlite3_errmsg(db_) : "out of memory";
            sqlite3_close(db_);
            throw InputError(Location{file.string(), 0, {}}, fmt::format("not an MBTiles file: {}", why));
        }
    }
    ~MbtilesTileset() override {
        sqlite3_finalize(tile_);
        sqlite3_close(db_);
    }
    MbtilesTileset(const MbtilesTileset&) = delete;
    MbtilesTileset& operator=(const MbtilesTileset&) = delete;

    std::optional<std::string> tile(const tiles::TileAddress& a) override {
        const std::lock_guard<std::mutex> lock(mutex_);
        sqlite3_reset(tile_);
        sqlite3_bind_int(tile_, 1, a.z);
        sqlite3_bind_int64(tile_, 2, a.x);
        sqlite3_bind_int64(tile_, 3, tiles::tms_row(a));  // MBTiles rows count from the south
        if (sqlite3_step(tile_) != SQLITE_ROW) return std::nullopt;
        return std::string(static_cast<const char*>(sqlite3_column_blob(tile_, 0)),
                           static_cast<std::size_t>(sqlite3_column_bytes(tile_, 0)));
    }

    json tilejson() override {
        std::map<std::string, std::string> m;
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            sqlite3_stmt* s = nullptr;
            sqlite3_prepare_v2(db_, "SELECT name, value FROM metadata", -1, &s, nullptr);
            while (s != nullptr && sqlite3_step(s) == SQLITE_ROW) {
                const auto* k = sqlite3_column_text(s, 0);
                const auto* v = sqlite3_column_text(s, 1);
                if (k != nullptr && v != nullptr) m[reinterpret_cast<const char*>(k)] = reinterpret_cast<const char*>(v);
            }
            sqlite3_finalize(s);
        }
        auto numbers = [](const std::string& csv) {
            json a = json::array();
            for (std::size_t at = 0; at < csv.size();) {
                const std::size_t end = std::min(csv.find(',', at), csv.size());
                a.push_back(std::strtod(csv.substr(at, end - at).c_str(), nullptr));
                at = end + 1;
            }
            return a;
        };
        json t;
        t["name"] = m["name"];
        t["attribution"] = m["attribution"];
        t["description"] = m["description"];
        t["minzoom"] = std::atoi(m.count("minzoom") > 0 ? m["minzoom"].c_str() : "0");
        t["maxzoom"] = std::atoi(m.count("maxzoom") > 0 ? m["maxzoom"].c_str() : "14");
        t["bounds"] = numbers(m["bounds"]);
        t["center"] = numbers(m["center"]);
        const json extra = json::parse(m.count("json") > 0 ? m["json"] : "{}", nullptr, false);
        t["vector_layers"] = extra.is_object() ? extra.value("vector_layers", json::array()) : json::array();
        return t;
    }

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* tile_ = nullptr;
    std::mutex mutex_;
};

bool tileset_name(const std::string& name) {
    if (name.empty() || name.find('/') != std::string::npos || name.find('\\') != std::string::npos || name[0] == '.') {
        return false;
    }
    const std::string ext = fs::path(name).extension().string();
    return ext == ".pmtiles" || ext == ".mbtiles";
}

}  // namespace

std::shared_ptr<Tileset> Tilesets::get(const std::string& name) {
    if (!tileset_name(name)) return nullptr;
    const fs::path file = dir_ / name;
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return nullptr;
    const std::string version =
        fmt::format("{:x}-{:x}-{:x}", st.st_ino, st.st_size, st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec);
    const std::lock_guard<std::mutex> lock(mutex_);
    if (const auto it = open_.find(name); it != open_.end() && it->second->version == version) return it->second;
    std::shared_ptr<Tileset> t;
    if (fs::path(name).extension() == ".pmtiles") {
        t = std::make_shared<PmtilesTileset>(file);
    } else {
        t = std::make_shared<MbtilesTileset>(file);
    }
    t->version = version;
    open_[name] = t;  // the old one stays alive while a request still holds it
    return t;
}

std::vector<std::string> Tilesets::names() const {
    std::vector<std::string> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir_, ec)) {
        const std::string name = e.path().filename().string();
        if (tileset_name(name) && e.is_regular_file(ec)) out.push_back(name);
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace kuril::serve
