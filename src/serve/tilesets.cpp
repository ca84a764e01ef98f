#include "serve/tilesets.hpp"

#include <sys/stat.h>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tiles/containers/mbtiles_reader.hpp"
#include "tiles/containers/metadata.hpp"
#include "tiles/containers/pmtiles_reader.hpp"
#include "util/error.hpp"

namespace kuril::serve {

namespace fs = std::filesystem;
using json = nlohmann::ordered_json;

namespace {

class PmtilesTileset final : public Tileset {
public:
    explicit PmtilesTileset(const fs::path& file) : archive_(file) {}
    std::optional<std::string> tile(const tiles::TileAddress& a) override { return archive_.tile(a); }
    json tilejson() override { return tiles::tilejson_fields(archive_.header(), archive_.metadata()); }

private:
    tiles::PmtilesArchive archive_;
};

class MbtilesTileset final : public Tileset {
public:
    explicit MbtilesTileset(const fs::path& file) : archive_(file) {}
    std::optional<std::string> tile(const tiles::TileAddress& a) override { return archive_.tile(a); }
    json tilejson() override { return tiles::tilejson_fields(archive_.metadata()); }

private:
    tiles::MbtilesArchive archive_;
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
