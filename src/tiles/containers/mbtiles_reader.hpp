#pragma once
// Reading an MBTiles 1.3 file (https://github.com/mapbox/mbtiles-spec/blob/master/1.3/spec.md): one
// tile by its address (rows count from the south, TMS), every tile in a stable order, and the metadata
// table. One read-only SQLite connection, serialised (FULLMUTEX): safe to use from many threads.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "tiles/tile_id.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace kuril::tiles {

class MbtilesArchive {
public:
    // Throws InputError naming the file if it cannot be opened or has no tiles table.
    explicit MbtilesArchive(const std::filesystem::path& file);
    ~MbtilesArchive();
    MbtilesArchive(const MbtilesArchive&) = delete;
    MbtilesArchive& operator=(const MbtilesArchive&) = delete;

    // The tile as stored (kuril writes them gzip-compressed); nullopt where the file has none.
    [[nodiscard]] std::optional<std::string> tile(const TileAddress& address);
    // Every tile as stored, ordered by zoom, column, row; returns the number of tiles.
    std::uint64_t for_each(const std::function<void(const TileAddress&, const std::string& data)>& visit);
    // The metadata table (MBTiles 1.3 §"Content": name, format, bounds, center, minzoom, maxzoom, json, ...).
    [[nodiscard]] std::map<std::string, std::string> metadata();

private:
    std::filesystem::path file_;
    sqlite3* db_ = nullptr;
    sqlite3_stmt* tile_ = nullptr;
    std::mutex mutex_;
};

}  // namespace kuril::tiles
