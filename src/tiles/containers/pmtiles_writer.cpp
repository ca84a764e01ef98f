#include "tiles/containers/pmtiles_writer.hpp"

#include <cmath>
#include <cstring>
#include <unordered_map>

#include <protozero/buffer_string.hpp>
#include <protozero/varint.hpp>

#include "tiles/gzip.hpp"
#include "util/atomic.hpp"
#include "util/error.hpp"

namespace kuril::tiles {

namespace {

struct Entry {
    std::uint64_t tile_id;
    std::uint64_t offset;
    std::uint32_t length;
    std::uint32_t run_length;  // 0: points at a leaf directory
};

// PMTiles v3 directory: entry count, then delta-coded ids, run lengths, lengths, offsets (0 = follows
// the previous entry), all varints; then compressed.
std::string serialize_directory(const std::vector<Entry>& entries) {
    std::string buf;
    protozero::add_varint_to_buffer(&buf, entries.size());
    std::uint64_t last = 0;
    for (const auto& e : entries) {
        protozero::add_varint_to_buffer(&buf, e.tile_id - last);
        last = e.tile_id;
    }
    for (const auto& e : entries) {
        protozero::add_varint_to_buffer(&buf, e.run_length);
    }
    for (const auto& e : entries) {
        protozero::add_varint_to_buffer(&buf, e.length);
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const bool follows = i > 0 && entries[i].offset == entries[i - 1].offset + entries[i - 1].length;
        protozero::add_varint_to_buffer(&buf, follows ? 0 : entries[i].offset + 1);
    }
    return gzip(buf);
}

template <typename T>
void put(std::string& h, std::size_t at, T v) {
    std::memcpy(h.data() + at, &v, sizeof v);  // little-endian host (x86_64, aarch64)
}

std::int32_t e7(double deg) { return static_cast<std::int32_t>(std::lround(deg * 1e7)); }

// The tile data, each distinct tile once (PMTiles v3 §"Tile Data": deduplicated contents), and the
// directory entries addressing it, a run of equal tiles in one entry.
struct TileData {
    std::vector<const Tile*> blobs;  // the tiles whose bytes are the distinct contents, in file order
    std::uint64_t length = 0;
    std::vector<Entry> entries;
    std::uint64_t addressed = 0;
    std::uint64_t contents = 0;
};

TileData tile_data(const TileSet& set) {
    TileData out;
    std::unordered_map<std::string_view, std::pair<std::uint64_t, std::uint32_t>> seen;  // content keys of set.tiles
    for (const auto& t : set.tiles) {
        const std::string_view key = TileSet::content_key(t);
        ++out.addressed;
        if (const auto it = seen.find(key); it != seen.end()) {
            auto& last = out.entries.back();
            if (last.offset == it->second.first && last.tile_id + last.run_length == t.id) {
                ++last.run_length;  // the same bytes as the tile just before it
                continue;
            }
            out.entries.push_back(Entry{t.id, it->second.first, it->second.second, 1});
            continue;
        }
        const auto off = out.length;
        const auto len = static_cast<std::uint32_t>(t.gz_size());
        out.blobs.push_back(&t);
        out.length += len;
        out.entries.push_back(Entry{t.id, off, len, 1});
        seen.emplace(key, std::make_pair(off, len));
    }
    out.contents = seen.size();
    return out;
}

// The root directory, with leaf directories when it would not fit in the first 16 KiB (PMTiles v3
// §"Directories": the header and root directory within the first 16,384 bytes).
struct Directories {
    std::string root;
    std::string leaves;
    std::uint64_t leaf_count = 0;
};

Directories directories(const std::vector<Entry>& entries) {
    Directories d{serialize_directory(entries), {}, 0};
    for (std::size_t leaf_size = 4096; d.root.size() > kPmtilesRootLimit - kPmtilesHeaderSize; leaf_size *= 2) {
        d.leaves.clear();
        std::vector<Entry> root_entries;
        for (std::size_t i = 0; i < entries.size(); i += leaf_size) {
            const std::vector<Entry> chunk(entries.begin() + static_cast<std::ptrdiff_t>(i),
                                           entries.begin() + static_cast<std::ptrdiff_t>(std::min(i + leaf_size, entries.size())));
            const std::string leaf = serialize_directory(chunk);
            root_entries.push_back(Entry{chunk.front().tile_id, d.leaves.size(), static_cast<std::uint32_t>(leaf.size()), 0});
            d.leaves += leaf;
        }
        d.leaf_count = root_entries.size();
        d.root = serialize_directory(root_entries);
    }
    return d;
}

// PMTiles v3 §"Header": 127 bytes, little-endian, the sections in the order root, metadata, leaves, data.
std::string header(const TileSet& set, const TileData& data, const Directories& dirs, std::size_t metadata_size) {
    std::string h(kPmtilesHeaderSize, '\0');
    std::memcpy(h.data(), "PMTiles", 7);
    h[7] = 3;
    const std::uint64_t root_off = kPmtilesHeaderSize;
    const std::uint64_t meta_off = root_off + dirs.root.size();
    const std::uint64_t leaf_off = meta_off + metadata_size;
    const std::uint64_t data_off = leaf_off + dirs.leaves.size();
    put<std::uint64_t>(h, 8, root_off);
    put<std::uint64_t>(h, 16, dirs.root.size());
    put<std::uint64_t>(h, 24, meta_off);
    put<std::uint64_t>(h, 32, metadata_size);
    put<std::uint64_t>(h, 40, leaf_off);
    put<std::uint64_t>(h, 48, dirs.leaves.size());
    put<std::uint64_t>(h, 56, data_off);
    put<std::uint64_t>(h, 64, data.length);
    put<std::uint64_t>(h, 72, data.addressed);
    put<std::uint64_t>(h, 80, data.entries.size());
    put<std::uint64_t>(h, 88, data.contents);
    h[96] = 1;  // clustered
    h[97] = 2;  // internal compression: gzip
    h[98] = 2;  // tile compression: gzip
    h[99] = 1;  // tile type: MVT
    h[100] = static_cast<char>(set.minzoom);
    h[101] = static_cast<char>(set.maxzoom);
    put<std::int32_t>(h, 102, e7(set.west));
    put<std::int32_t>(h, 106, e7(set.south));
    put<std::int32_t>(h, 110, e7(set.east));
    put<std::int32_t>(h, 114, e7(set.north));
    h[118] = static_cast<char>(center_zoom(set));
    put<std::int32_t>(h, 119, e7((set.west + set.east) / 2));
    put<std::int32_t>(h, 123, e7((set.south + set.north) / 2));
    return h;
}

}  // namespace

namespace {

// The archive as the pieces of its sections, in order: the head, then each distinct tile's bytes, views of
// the tile set's own or read back from its store one at a time, so that the archive is never held whole
// in memory (a world z0-8 set: 38 MB of tiles, once; z0-10: 77 MB, in the store).
struct Archive {
    std::string head;  // header, root directory, metadata, leaf directories
    TileData data;
    PmtilesStats stats;
    [[nodiscard]] std::size_t pieces() const { return 1 + data.blobs.size(); }
    [[nodiscard]] std::string_view piece(const TileSet& set, std::size_t i, std::string& buffer) const {
        return i == 0 ? std::string_view(head) : set.gz(*data.blobs[i - 1], buffer);
    }
};

Archive archive(const TileSet& set, const TilesetInfo& info) {
    Archive a;
    a.data = tile_data(set);
    const Directories dirs = directories(a.data.entries);
    const std::string metadata = gzip(pmtiles_metadata(set, info));
    a.head = header(set, a.data, dirs, metadata.size()) + dirs.root + metadata + dirs.leaves;
    a.stats = PmtilesStats{a.data.addressed, a.data.entries.size(), a.data.contents, dirs.leaf_count, a.head.size() + a.data.length};
    return a;
}

}  // namespace

std::string pmtiles_archive(const TileSet& set, const TilesetInfo& info, PmtilesStats* stats) {
    const Archive a = archive(set, info);
    std::string out;
    std::string buffer;
    for (std::size_t i = 0; i < a.pieces(); ++i) out += a.piece(set, i, buffer);
    if (stats != nullptr) *stats = a.stats;
    return out;
}

PmtilesStats write_pmtiles(const std::filesystem::path& path, const TileSet& set, const TilesetInfo& info) {
    const Archive a = archive(set, info);
    StagingFile staged(path);
    write_file(staged.path(), a.pieces(), a.stats.bytes,
               [&](std::size_t i, std::string& buffer) { return a.piece(set, i, buffer); });
    staged.commit();
    return a.stats;
}

}  // namespace kuril::tiles
