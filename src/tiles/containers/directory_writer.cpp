#include "tiles/containers/directory_writer.hpp"

#include <algorithm>
#include <set>
#include <string_view>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "tiles/gzip.hpp"
#include "util/atomic.hpp"
#include "util/error.hpp"
#include "util/files.hpp"
#include "util/parallel.hpp"

namespace kuril::tiles {

namespace fs = std::filesystem;

namespace {

fs::path column_of(const fs::path& root, const TileAddress& a) {
    return root / std::to_string(a.z) / std::to_string(a.x);
}

// Every {z}/{x}/ directory the tiles need, made once before the files are written by several threads.
void make_columns(const fs::path& root, const TileSet& set) {
    std::set<std::pair<std::uint8_t, std::uint32_t>> columns;
    for (const auto& t : set.tiles) columns.emplace(t.address.z, t.address.x);
    for (const auto& [z, x] : columns) fs::create_directories(column_of(root, TileAddress{z, x, 0}));
}

// For each tile, the index of the first tile with the same bytes (its own index when it is the first).
// Keys: the tiles' MVT bytes, or the content keys of gzip'd bytes (equal gzip'd bytes are equal MVT bytes).
std::vector<std::uint32_t> first_copies(const TileSet& set) {
    std::unordered_map<std::string_view, std::uint32_t> seen;
    std::vector<std::uint32_t> first(set.tiles.size());
    for (std::size_t i = 0; i < set.tiles.size(); ++i) {
        const Tile& t = set.tiles[i];
        const std::string_view key = t.data.empty() ? TileSet::content_key(t) : std::string_view(t.data);
        first[i] = seen.try_emplace(key, static_cast<std::uint32_t>(i)).first->second;
    }
    return first;
}

// The files of a z/x/y directory, each distinct tile written once: a tile whose bytes come earlier in the
// set becomes a hard link to that tile's file (open water and solid land repeat thousands of times — the
// Kuril tileset has 11,026 distinct tiles among 68,444). Creating an inode is what costs on ext4, more so
// beside a just-deleted tree (the allocator skips recently freed inodes one by one); a link makes none.
// Where the filesystem refuses the link, the tile is written as a file of its own. Several TileFiles work
// at once, each on its own run of the tiles: first every distinct tile, then every copy.
class TileFiles {
public:
    TileFiles(fs::path root, fs::path previous, const TileSet& set)
        : root_(std::move(root)), previous_(std::move(previous)), set_(set) {}

    // Writes the tile's MVT bytes to {z}/{x}/{y}.pbf (or links it to the previous directory's equal file).
    // Returns the bytes the file holds.
    std::uint64_t write(const Tile& t) {
        const std::string unpacked = t.data.empty() ? gunzip(set_.gz(t, buffer_)) : std::string();
        const std::string& data = t.data.empty() ? unpacked : t.data;
        const fs::path file = file_of(t.address);
        if (!link_previous(t.address, data, file)) write_file(file, data);
        return data.size();
    }

    // Makes `copy`'s file a link to `first`'s (written by write(), by this or another TileFiles), or
    // where that is refused (EMLINK: the first has as many links as the filesystem allows), to an earlier
    // copy this one wrote, or a file of its own.
    void link_copy(const Tile& copy, std::uint32_t first) {
        const fs::path file = file_of(copy.address);
        const auto own = own_copies_.find(first);
        const fs::path& target = own != own_copies_.end() ? own->second : file_of(set_.tiles[first].address);
        if (link_file(target, file)) return;
        (void)write(copy);
        own_copies_.insert_or_assign(first, file);  // the next copies link to this one
    }

private:
    // Links `file` to the previous directory's file of the same tile when that holds exactly `data`: a
    // rebuild makes no inode for a tile that did not change (and removing the previous directory then
    // frees none). The previous directory is only read; where it has no such file, or cannot be read or
    // linked to, the tile is written anew.
    bool link_previous(const TileAddress& a, std::string_view data, const fs::path& file) {
        if (previous_.empty()) return false;
        const fs::path old = column_of(previous_, a) / fmt::format("{}.pbf", a.y);
        if (!same_content(old, data, buffer_)) return false;
        return link_file(old, file);
    }

    // {z}/{x}/{y}.pbf, its column made before (see make_columns).
    fs::path file_of(const TileAddress& a) const { return column_of(root_, a) / fmt::format("{}.pbf", a.y); }

    fs::path root_;
    fs::path previous_;
    const TileSet& set_;
    std::string buffer_;
    std::unordered_map<std::uint32_t, fs::path> own_copies_;  // by first tile: a copy written, not linked
};

}  // namespace

std::uint64_t write_directory(const fs::path& dir, const TileSet& set, const TilesetInfo& info,
                              const fs::path& previous) {
    StagingDir stage(dir);
    make_columns(stage.path(), set);
    const std::vector<std::uint32_t> first = first_copies(set);
    // Each thread takes a run of the tiles (creating and linking files is the kernel's work, and it
    // proceeds in several directories at once): the distinct tiles first, then, once all are written,
    // the copies.
    const std::size_t runs = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 4);
    const std::size_t per_run = (set.tiles.size() + runs - 1) / runs;
    const fs::path& replaced = previous.empty() ? dir : previous;
    std::vector<std::uint64_t> sizes(set.tiles.size(), 0);
    const auto each_run = [&](auto&& fn) {
        parallel_for(runs, static_cast<unsigned>(runs), [] { return 0; }, [&](std::size_t run, int) {
            TileFiles files(stage.path(), replaced, set);
            for (std::size_t i = run * per_run; i < std::min(set.tiles.size(), (run + 1) * per_run); ++i) fn(files, i);
        });
    };
    each_run([&](TileFiles& files, std::size_t i) {
        if (first[i] == i) sizes[i] = files.write(set.tiles[i]);
    });
    each_run([&](TileFiles& files, std::size_t i) {
        if (first[i] != i) files.link_copy(set.tiles[i], first[i]);
    });
    std::uint64_t bytes = 0;
    for (std::size_t i = 0; i < set.tiles.size(); ++i) bytes += sizes[first[i]];
    write_file(stage.path() / "tiles.json", tilejson(set, info, "{z}/{x}/{y}.pbf"));
    write_file(stage.path() / "metadata.json", mbtiles_metadata_json(set, info));
    stage.commit();
    return bytes;
}

}  // namespace kuril::tiles
