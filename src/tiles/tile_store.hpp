#pragma once
// Finished tiles' gzip'd bytes kept in a temporary file instead of in memory, each distinct content
// once. A world-scale run makes far more tile bytes than it needs to hold while it tiles (z0-10 of the
// world: 77 MB of them, and four times that per zoom deeper); the tiles refer to their bytes by
// offset (Tile::stored), and as equal contents share one offset, the containers find repeated tiles
// by comparing offsets. The file's format is private to one run.
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "tiles/tileset.hpp"

namespace kuril::tiles {

class TileStore {
public:
    explicit TileStore(std::filesystem::path file);  // created, then unlinked at once (kept open)
    ~TileStore();
    TileStore(const TileStore&) = delete;
    TileStore& operator=(const TileStore&) = delete;

    // Stores `bytes`, or finds the same bytes stored before; thread-safe. Throws OutputError naming the
    // file when the disk refuses them.
    [[nodiscard]] StoredTile add(std::string_view bytes);
    // The bytes of `t` (made by add) into `out`; thread-safe.
    void read(const StoredTile& t, std::string& out) const;

    [[nodiscard]] std::uint64_t bytes() const;     // stored, the distinct contents once
    [[nodiscard]] std::uint64_t contents() const;  // distinct contents
    [[nodiscard]] const std::filesystem::path& file() const noexcept { return file_; }

private:
    [[nodiscard]] bool equal(const StoredTile& t, std::string_view bytes) const;  // with mutex_ held
    void flush();                                                                 // with mutex_ held
    void read_unlocked(const StoredTile& t, std::string& out) const;

    std::filesystem::path file_;
    int fd_ = -1;
    mutable std::mutex mutex_;
    std::string pending_;         // bytes not yet written, from offset flushed_
    std::uint64_t flushed_ = 0;   // bytes in the file
    std::unordered_multimap<std::uint64_t, StoredTile> by_hash_;  // key: the bytes' hash
};

}  // namespace kuril::tiles
