#pragma once
// A tile set made a part at a time, for inputs too large to hold in memory. Features are streamed
// in: each is clipped to the partition tiles (one zoom, P) it touches and appended to that partition's
// temporary file, and a copy simplified for the zooms below P stays in memory. finish() tiles the
// zooms below P from that copy, then each partition from its file (zooms P and deeper),
// largest first, side by side only while their spilled bytes stay within the largest one's.
// The finished tiles' bytes go to a TileStore file in the spill directory as each partition ends.
// Peak memory is the largest partitions, the low-zoom copy and the finished tiles' records (112 bytes a
// tile), not the input nor the output.
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "tiles/engine/feature_spill.hpp"
#include "tiles/engine/thinning.hpp"
#include "tiles/engine/tiler.hpp"

namespace kuril::tiles {

class TileStore;

inline constexpr int kMaxPartitionZoom = 4;  // 256 partition files open at once at most

class PartitionedTiler {
public:
    // partition_zoom in 1..kMaxPartitionZoom; `spill_dir` must exist and holds the partition files,
    // each removed once tiled (or by the destructor).
    PartitionedTiler(TileOptions options, int partition_zoom, std::filesystem::path spill_dir);

    // The index of the layer of that name, added with these zooms if new.
    std::size_t layer(const std::string& name, int minzoom, int maxzoom);
    ~PartitionedTiler();
    PartitionedTiler(const PartitionedTiler&) = delete;
    PartitionedTiler& operator=(const PartitionedTiler&) = delete;

    void add(std::size_t layer, SourceFeature feature);
    [[nodiscard]] TileSet finish(const Progress& progress);

    [[nodiscard]] std::uint64_t spilled_bytes() const;

private:
    [[nodiscard]] std::vector<TileSet> tile_partitions(const std::vector<SourceLayer>& specs, TileStore& store,
                                                       const Progress& progress);
    void add_point(std::size_t layer, const SourceFeature& f);
    [[nodiscard]] PointThinningReport thin_points();
    void add_low_points();

    std::vector<SourceLayer> low_;  // the simplified copy, zooms below P
    TileOptions options_;
    int zoom_;
    std::filesystem::path dir_;
    std::map<std::uint64_t, std::unique_ptr<SpillWriter>> parts_;  // key: x << 32 | y
    // Point features: each one's key in the file of the partition that holds its first position, the
    // whole feature in one file (for the zooms below P), and once thinned, each one's first zoom.
    std::map<std::uint64_t, std::unique_ptr<PointKeyFile>> keys_;  // key: x << 32 | y
    std::unique_ptr<SpillWriter> points_;
    std::vector<std::uint8_t> first_zoom_;
    std::uint32_t next_seq_ = 0;
};

// The partition zoom for an input of `bytes`: 0 (all in memory) below 64 MB, else the finest
// (kMaxPartitionZoom, or maxzoom if lower).
[[nodiscard]] int partition_zoom_for(std::uint64_t bytes, int maxzoom);

}  // namespace kuril::tiles
