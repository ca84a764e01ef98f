#pragma once
// Random access to one tile of a PMTiles v3 archive on disk, for serving: the header and root directory
// are read once; each tile costs a binary search in the root directory, a leaf directory (read once, then
// kept in a small cache) and one pread(2) of the tile's bytes. Safe to use from many threads at once.
#include <cstdint>
#include <filesystem>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "tiles/tile_id.hpp"
#include "tiles/containers/tile_reader.hpp"
#include "util/error.hpp"

namespace kuril::tiles {

// One entry of a PMTiles v3 directory: a run of `run_length` tiles from `tile_id` (0: a leaf directory).
struct PmtilesEntry {
    std::uint64_t tile_id, offset, length, run_length;
};

// PMTiles v3 §"Directories": decodes an uncompressed directory. Throws InputError at `where` if malformed.
[[nodiscard]] std::vector<PmtilesEntry> decode_pmtiles_directory(const std::string& directory, const Location& where);

class PmtilesArchive {
public:
    // Throws InputError naming the file if it is not a PMTiles v3 archive.
    explicit PmtilesArchive(const std::filesystem::path& file);
    ~PmtilesArchive();
    PmtilesArchive(const PmtilesArchive&) = delete;
    PmtilesArchive& operator=(const PmtilesArchive&) = delete;

    [[nodiscard]] const PmtilesHeader& header() const noexcept { return header_; }
    [[nodiscard]] bool tiles_gzipped() const noexcept { return header_.tile_compression == 2; }
    // The tile as stored (gzip-compressed where tiles_gzipped()); nullopt where the archive has none.
    [[nodiscard]] std::optional<std::string> tile(const TileAddress& address);
    // The JSON metadata (PMTiles v3 §"JSON Metadata"), uncompressed.
    [[nodiscard]] std::string metadata();

    using Entry = PmtilesEntry;

private:
    [[nodiscard]] std::string read(std::uint64_t offset, std::uint64_t length) const;
    [[nodiscard]] std::vector<Entry> directory(std::uint64_t offset, std::uint64_t length) const;
    [[nodiscard]] std::shared_ptr<const std::vector<Entry>> leaf(std::uint64_t offset, std::uint64_t length);

    std::filesystem::path file_;
    int fd_ = -1;
    std::uint64_t size_ = 0;
    PmtilesHeader header_{};
    std::vector<Entry> root_;
    std::mutex mutex_;  // guards the leaf cache
    std::map<std::uint64_t, std::shared_ptr<const std::vector<Entry>>> leaves_;
    std::list<std::uint64_t> leaf_order_;  // least recently read first
};

}  // namespace kuril::tiles
