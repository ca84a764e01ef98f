#pragma once
// The tilesets `kuril serve` answers z/x/y requests from: every PMTiles v3 archive and MBTiles 1.3 file in
// output/tiles/, read in place (the PMTiles by ranges of the file, the MBTiles through SQLite). A tileset
// is reopened when its file is replaced (kuril build swaps output/ in whole), so a running server always
// serves the newest build.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "tiles/tile_id.hpp"

namespace kuril::serve {

class Tileset {
public:
    virtual ~Tileset() = default;
    // The tile as stored: gzip-compressed (MVT in both containers, as kuril writes them); nullopt if none.
    [[nodiscard]] virtual std::optional<std::string> tile(const tiles::TileAddress& address) = 0;
    // TileJSON 3.0 fields from the container's metadata: name, attribution, description, minzoom, maxzoom,
    // bounds, center, vector_layers.
    [[nodiscard]] virtual nlohmann::ordered_json tilejson() = 0;
    // Changes whenever the file does (size, modification time, inode): tile URLs and ETags carry it.
    std::string version;
};

class Tilesets {
public:
    explicit Tilesets(std::filesystem::path dir) : dir_(std::move(dir)) {}
    // The tileset in file `name` (e.g. "kuril.pmtiles") of the directory; nullptr if there is none, or if
    // the name is not a plain .pmtiles or .mbtiles file name. Throws InputError for a broken file.
    [[nodiscard]] std::shared_ptr<Tileset> get(const std::string& name);
    // The names of the tilesets in the directory now, sorted.
    [[nodiscard]] std::vector<std::string> names() const;

private:
    std::filesystem::path dir_;
    std::mutex mutex_;
    std::map<std::string, std::shared_ptr<Tileset>> open_;
};

}  // namespace kuril::serve
