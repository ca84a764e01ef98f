#pragma once
// Point thinning: the zoom each point feature first appears at, so that a low-zoom tile shows the
// pattern of the points and not every one of them. In the reference tile builder's terms: below a
// base zoom (-B), each zoom keeps 1/rate of the points of the next (-r, 2.5 by default); the points
// kept are chosen along the index order (Morton order of each feature's first position, ties by input
// order) by a van der Corput sequence, so that they are spread evenly along it, any run of n points
// keeping n x fraction of them to within a few. A point kept at a zoom is kept at every deeper one, and
// every point is in the tiles of the base zoom and below it.
#include <array>
#include <compare>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <span>
#include <vector>

#include "tiles/engine/source.hpp"
#include "tiles/tileset.hpp"

namespace kuril::tiles {

inline constexpr int kMaxZoom = 24;
// -B g: the base zoom is the lowest zoom whose densest tile holds at most this many points.
inline constexpr std::uint64_t kGuessBasePoints = 50000;

struct ThinningOptions {
    int base_zoom = -1;           // -B: every point at this zoom and deeper; -1: the maximum zoom
    bool guess_base = false;      // -B g
    double drop_rate = 2.5;       // -r: each zoom above the base keeps 1/rate of the next one's points
    bool guess_rate = false;      // -r g
    bool guess_maxzoom = false;   // -zg: the maximum zoom from the points' spacing
    bool drop_densest = false;    // --drop-densest-as-needed: a tile over the size limit loses its densest points first
    double cluster_distance = 0;  // --cluster-distance, in pixels of a 256-pixel tile; 0: no clusters
    int cluster_maxzoom = -1;     // clusters below this zoom; -1: below each layer's maximum zoom
};

// A point feature's place in the index order.
struct PointKey {
    std::uint64_t morton = 0;  // of its first position, 32 bits an axis
    std::uint32_t seq = 0;     // its number in the input (the order of features with the same position)
    std::uint32_t pad = 0;
    friend auto operator<=>(const PointKey&, const PointKey&) = default;
};
[[nodiscard]] std::uint64_t morton_code(const Pt& p);
[[nodiscard]] Pt morton_point(std::uint64_t code);  // the cell's corner, for distances

// What the keys, fed in index order, say about the points: the densest tile of each zoom and the
// typical spacing of neighbours (the geometric mean of the distances between consecutive distinct points).
class PointDensity {
public:
    void add_sorted(std::span<const PointKey> keys);  // the next run of keys, sorted, in index order
    [[nodiscard]] std::uint64_t points() const noexcept { return points_; }
    [[nodiscard]] std::uint64_t densest(int z) const { return densest_[static_cast<std::size_t>(z)]; }
    [[nodiscard]] double typical_spacing() const;  // unit-square units; 0 when fewer than two distinct points

private:
    std::uint64_t points_ = 0;
    std::uint64_t last_ = 0;
    std::array<std::uint64_t, kMaxZoom + 1> run_{};      // points in the current tile of each zoom
    std::array<std::uint64_t, kMaxZoom + 1> densest_{};  // the most in one tile of each zoom
    double log_sum_ = 0;
    std::uint64_t gaps_ = 0;
};

// The zooms decided (guesses made) from the density and the options, and each rank's first zoom.
class Thinning {
public:
    Thinning(const ThinningOptions& options, int minzoom, int maxzoom, const PointDensity& density);
    [[nodiscard]] std::uint8_t first_zoom(std::uint64_t rank) const;
    [[nodiscard]] int maxzoom() const noexcept { return report_.maxzoom; }
    // Counts one point of that first zoom in the report.
    void count(std::uint8_t first_zoom) { ++report_.first_zooms[first_zoom]; }
    [[nodiscard]] PointThinningReport report() const;

private:
    PointThinningReport report_;
    std::array<double, kMaxZoom + 1> fraction_{};
};

// The first zoom of every point feature of `layers` (in memory), set in SourceFeature::minzoom;
// guesses the maximum zoom under -zg (the layers' maxzoom set to it).
PointThinningReport thin_points(std::vector<SourceLayer>& layers, const ThinningOptions& options);

// Keys written to a temporary file and read back (a partition's points, tiles/engine/partitioned.hpp).
class PointKeyFile {
public:
    explicit PointKeyFile(std::filesystem::path file);
    ~PointKeyFile();
    PointKeyFile(const PointKeyFile&) = delete;
    PointKeyFile& operator=(const PointKeyFile&) = delete;
    void add(const PointKey& key);
    // The keys in index order, handed to fn in sorted runs: all at once, or when there are more than
    // `max_keys`, a cell of the partition (at `zoom`) a few zooms down at a time, each read in a pass over
    // the file (memory: the largest cell's keys, not the partition's).
    void for_each_sorted(int zoom, std::uint64_t max_keys, const std::function<void(std::span<const PointKey>)>& fn);
    [[nodiscard]] std::uint64_t count() const noexcept { return count_; }

private:
    std::filesystem::path file_;
    std::FILE* f_ = nullptr;
    std::uint64_t count_ = 0;
};

}  // namespace kuril::tiles
