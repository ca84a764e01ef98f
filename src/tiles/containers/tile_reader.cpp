#include "tiles/containers/tile_reader.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "tiles/gzip.hpp"
#include "tiles/containers/mbtiles_reader.hpp"
#include "tiles/containers/output.hpp"
#include "tiles/containers/pmtiles_reader.hpp"
#include "util/error.hpp"

namespace kuril::tiles {

namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) {
        throw InputError(Location{p.string(), 0, {}}, "cannot open file");
    }
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

template <typename T>
T get(const std::string& b, std::size_t at) {
    T v;
    std::memcpy(&v, b.data() + at, sizeof v);
    return v;
}

std::string maybe_gunzip(const std::string& data) { return is_gzip(data) ? gunzip(data) : data; }

std::vector<PmtilesEntry> parse_directory(const std::string& raw, const std::string& name) {
    return decode_pmtiles_directory(maybe_gunzip(raw), Location{name, 0, {}});
}

std::string slice(const std::string& b, std::uint64_t off, std::uint64_t len, const std::string& name) {
    if (off > b.size() || len > b.size() - off) {
        throw InputError(Location{name, 0, {}}, fmt::format("PMTiles range {}+{} lies past the end of the file", off, len));
    }
    return b.substr(off, len);
}

std::uint64_t pmtiles_tiles(const fs::path& path, const TileVisitor& visit) {
    const std::string b = read_all(path);
    const PmtilesHeader h = read_pmtiles_header(b, path.string());
    std::uint64_t count = 0;
    std::function<void(const std::string&, int)> walk = [&](const std::string& dir, int depth) {
        if (depth > 3) {
            throw InputError(Location{path.string(), 0, {}}, "PMTiles leaf directories nested too deep");
        }
        for (const auto& e : parse_directory(dir, path.string())) {
            if (e.run_length == 0) {
                walk(slice(b, h.leaf_offset + e.offset, e.length, path.string()), depth + 1);
                continue;
            }
            const std::string tile = maybe_gunzip(slice(b, h.data_offset + e.offset, e.length, path.string()));
            for (std::uint64_t r = 0; r < e.run_length; ++r) {
                visit(from_pmtiles_id(e.tile_id + r), tile);
                ++count;
            }
        }
    };
    walk(slice(b, h.root_offset, h.root_length, path.string()), 0);
    return count;
}

std::uint64_t mbtiles_tiles(const fs::path& path, const TileVisitor& visit) {
    MbtilesArchive archive(path);
    return archive.for_each([&](const TileAddress& a, const std::string& data) { visit(a, maybe_gunzip(data)); });
}

std::uint64_t directory_tiles(const fs::path& dir, const TileVisitor& visit) {
    std::vector<std::pair<TileAddress, fs::path>> found;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (e.path().extension() != ".pbf") {
            continue;
        }
        const fs::path rel = fs::relative(e.path(), dir);
        auto it = rel.begin();
        const int z = std::stoi((it++)->string());
        const long x = std::stol((it++)->string());
        const long y = std::stol(it->stem().string());
        found.push_back({TileAddress{static_cast<std::uint8_t>(z), static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y)}, e.path()});
    }
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [a, p] : found) {
        visit(a, maybe_gunzip(read_all(p)));
    }
    return found.size();
}

}  // namespace

PmtilesHeader read_pmtiles_header(const std::string& b, const std::string& name) {
    if (b.size() < 127 || b.compare(0, 7, "PMTiles") != 0) {
        throw InputError(Location{name, 0, {}}, "not a PMTiles archive (no 'PMTiles' magic)");
    }
    if (b[7] != 3) {
        throw InputError(Location{name, 0, {}}, fmt::format("PMTiles version {} where 3 is required", static_cast<int>(b[7])));
    }
    PmtilesHeader h{};
    h.root_offset = get<std::uint64_t>(b, 8);
    h.root_length = get<std::uint64_t>(b, 16);
    h.metadata_offset = get<std::uint64_t>(b, 24);
    h.metadata_length = get<std::uint64_t>(b, 32);
    h.leaf_offset = get<std::uint64_t>(b, 40);
    h.leaf_length = get<std::uint64_t>(b, 48);
    h.data_offset = get<std::uint64_t>(b, 56);
    h.data_length = get<std::uint64_t>(b, 64);
    h.addressed_tiles = get<std::uint64_t>(b, 72);
    h.tile_entries = get<std::uint64_t>(b, 80);
    h.tile_contents = get<std::uint64_t>(b, 88);
    h.clustered = static_cast<std::uint8_t>(b[96]);
    h.internal_compression = static_cast<std::uint8_t>(b[97]);
    h.tile_compression = static_cast<std::uint8_t>(b[98]);
    h.tile_type = static_cast<std::uint8_t>(b[99]);
    h.min_zoom = static_cast<std::uint8_t>(b[100]);
    h.max_zoom = static_cast<std::uint8_t>(b[101]);
    h.min_lon_e7 = get<std::int32_t>(b, 102);
    h.min_lat_e7 = get<std::int32_t>(b, 106);
    h.max_lon_e7 = get<std::int32_t>(b, 110);
    h.max_lat_e7 = get<std::int32_t>(b, 114);
    h.center_zoom = static_cast<std::uint8_t>(b[118]);
    h.center_lon_e7 = get<std::int32_t>(b, 119);
    h.center_lat_e7 = get<std::int32_t>(b, 123);
    return h;
}

nlohmann::json read_pmtiles_metadata(const std::string& archive, const std::string& name) {
    const PmtilesHeader h = read_pmtiles_header(archive, name);
    return nlohmann::json::parse(maybe_gunzip(slice(archive, h.metadata_offset, h.metadata_length, name)));
}

std::uint64_t for_each_tile(const fs::path& path, const TileVisitor& visit) {
    if (fs::is_directory(path)) {
        return directory_tiles(path, visit);
    }
    if (const auto ext = path.extension(); ext == ".mvt" || ext == ".pbf" || ext == ".gz") {
        visit(TileAddress{}, maybe_gunzip(read_all(path)));  // a single tile
        return 1;
    }
    switch (container_of(path)) {
        case Container::pmtiles: return pmtiles_tiles(path, visit);
        case Container::mbtiles: return mbtiles_tiles(path, visit);
        case Container::directory: break;
    }
    throw InputError(Location{path.string(), 0, {}}, "not a .pmtiles or .mbtiles file, nor a directory");
}

}  // namespace kuril::tiles
