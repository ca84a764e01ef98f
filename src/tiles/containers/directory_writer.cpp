#include "tiles/containers/directory_writer.hpp"

#include <string_view>
#include <unordered_map>

#include <fmt/format.h>

#include "tiles/gzip.hpp"
#include "util/atomic.hpp"
#include "util/error.hpp"
#include "util/files.hpp"

namespace kuril::tiles {

namespace fs = std::filesystem;

namespace {

// The files of a z/x/y directory, each distinct tile written once: a tile whose bytes were written before
// becomes a hard link to that file (open water and solid land repeat thousands of times — the Kuril
// tileset has 11,026 distinct tiles among 68,444). Creating an inode is what costs on ext4, more so
// beside a just-deleted tree (the allocator skips recently freed inodes one by one); a link makes none.
// Where the filesystem refuses the link, the tile is written as a file of its own.
class TileFiles {
public:
    TileFiles(fs::path root, fs::path previous, const TileSet& set)
        : root_(std::move(root)), previous_(std::move(previous)), set_(set) {}

    // Writes the tile's MVT bytes to {z}/{x}/{y}.pbf, or links it to an equal tile's file (equal gzip'd
    // bytes are equal MVT bytes). Returns the bytes the file holds.
    std::uint64_t write(const Tile& t) {
        const fs::path file = directory(t.address) / fmt::format("{}.pbf", t.address.y);
        const std::string_view key = t.data.empty() ? TileSet::content_key(t) : std::string_view(t.data);
        const auto [it, first] = written_.try_emplace(key);
        if (!first && link_file(it->second.file, file)) return it->second.bytes;
        const std::string unpacked = t.data.empty() ? gunzip(set_.gz(t, buffer_)) : std::string();
        const std::string& data = t.data.empty() ? unpacked : t.data;
        if (!link_previous(t.address, data, file)) write_file(file, data);
        it->second = {file, data.size()};  // the next copies link to this one (the last may be full: EMLINK)
        return data.size();
    }

private:
    // Links `file` to the previous directory's file of the same tile when that holds exactly `data`: a
    // rebuild makes no inode for a tile that did not change (and removing the previous directory then
    // frees none). The previous directory is only read; where it has no such file, or cannot be read or
    // linked to, the tile is written anew.
    bool link_previous(const TileAddress& a, std::string_view data, const fs::path& file) {
        if (previous_.empty()) return false;
        const fs::path old = previous_ / std::to_string(a.z) / std::to_string(a.x) / fmt::format("{}.pbf", a.y);
        if (!same_content(old, data, buffer_)) return false;
        return link_file(old, file);
    }

    // {z}/{x}/, made when a tile of another column than the last one's comes (the tiles come in PMTiles id
    // order, which visits a column more than once; create_directories returns at once for one that exists).
    const fs::path& directory(const TileAddress& a) {
        if (a.z != dir_z_ || a.x != dir_x_ || dir_.empty()) {
            dir_ = root_ / std::to_string(a.z) / std::to_string(a.x);
            fs::create_directories(dir_);
            dir_z_ = a.z;
            dir_x_ = a.x;
        }
        return dir_;
    }
    fs::path root_;
    fs::path previous_;
    const TileSet& set_;
    std::string buffer_;
    struct Written {
        fs::path file;
        std::uint64_t bytes = 0;
    };
    std::unordered_map<std::string_view, Written> written_;  // keys: the tiles' MVT bytes or content keys
    fs::path dir_;
    std::uint8_t dir_z_ = 0;
    std::uint32_t dir_x_ = 0;
};

}  // namespace

std::uint64_t write_directory(const fs::path& dir, const TileSet& set, const TilesetInfo& info,
                              const fs::path& previous) {
    StagingDir stage(dir);
    TileFiles files(stage.path(), previous.empty() ? dir : previous, set);
    std::uint64_t bytes = 0;
    for (const auto& t : set.tiles) bytes += files.write(t);
    write_file(stage.path() / "tiles.json", tilejson(set, info, "{z}/{x}/{y}.pbf"));
    write_file(stage.path() / "metadata.json", mbtiles_metadata_json(set, info));
    stage.commit();
    return bytes;
}

}  // namespace kuril::tiles
