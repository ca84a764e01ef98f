#include "tiles/engine/partitioned.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "tiles/engine/clip.hpp"
#include "tiles/engine/simplify.hpp"
#include "tiles/tile_store.hpp"
#include "util/allocator.hpp"
#include "util/byte_budget.hpp"
#include "util/parallel.hpp"

namespace kuril::tiles {

namespace {

Box bounds(const SourceFeature& f) {
    Box b{2, 2, -1, -1};
    const auto add = [&](const Pt& p) {
        b.x0 = std::min(b.x0, p.x);
        b.y0 = std::min(b.y0, p.y);
        b.x1 = std::max(b.x1, p.x);
        b.y1 = std::max(b.y1, p.y);
    };
    for (const auto& p : f.points) add(p);
    for (const auto& l : f.lines) for (const auto& p : l) add(p);
    for (const auto& poly : f.polygons) for (const auto& p : poly.front()) add(p);
    return b;
}

// A ring simplified for the low zooms; one that simplification collapses keeps three of its points,
// which the tiler draws as its smallest square.
Path low_ring(const Path& ring, double tolerance) {
    Path r = ring;
    simplify_ring(r, tolerance);
    if (r.size() >= 4) {
        r.shrink_to_fit();  // simplification keeps the input's capacity; this copy is held to the end
        return r;
    }
    const std::size_t m = ring.size() - 1;
    return Path{ring[0], ring[m / 3], ring[2 * m / 3], ring[0]};
}

// A partition's fields and bounds join the whole set's (clipping only ever shrinks geometry, so the
// union of the parts' bounds is the input's).
void merge_info(TileSet& set, const TileSet& part) {
    for (std::size_t i = 0; i < set.layers.size(); ++i) {
        auto& fields = set.layers[i].fields;
        for (const auto& f : part.layers[i].fields) {
            if (std::none_of(fields.begin(), fields.end(), [&](const FieldInfo& x) { return x.name == f.name; })) {
                fields.push_back(f);
            }
        }
        std::sort(fields.begin(), fields.end(), [](const FieldInfo& a, const FieldInfo& b) { return a.name < b.name; });
    }
    if (!part.tiles.empty()) {
        set.west = std::min(set.west, part.west);
        set.south = std::min(set.south, part.south);
        set.east = std::max(set.east, part.east);
        set.north = std::max(set.north, part.north);
    }
}

// The tiles' gzip'd bytes moved to the store (each tile keeps where they are).
void store_tiles(TileSet& set, TileStore& store) {
    for (auto& t : set.tiles) {
        t.stored = store.add(t.gz);
        std::string().swap(t.gz);  // freed (assigning an empty string would keep the capacity)
    }
    set.tiles.shrink_to_fit();  // held to the end: without the slack of growing (up to as much again)
}

// The partitions' tiles and layer fields joined to the set's, each part freed once moved, and the heap's
// free pages given back every few MB: a part's records (under 1 MiB for a partition of 5,461 tiles)
// live in the heap, and kept there they would double the records' memory while the set grows.
void merge_parts(TileSet& set, std::vector<TileSet>& parts) {
    std::size_t count = set.tiles.size();
    for (const auto& part : parts) count += part.tiles.size();
    set.tiles.reserve(count);  // grown once: 592,436 tiles at world z0-10, 66 MB of Tile, not twice that
    constexpr std::size_t kTrimBytes = 8U << 20U;
    std::size_t freed = 0;
    for (auto& part : parts) {
        merge_info(set, part);
        for (auto& t : part.tiles) set.tiles.push_back(std::move(t));
        freed += part.tiles.capacity() * sizeof(Tile);
        part = TileSet{};
        if (freed >= kTrimBytes) {
            kuril::release_free_memory();
            freed = 0;
        }
    }
}

// The parts of a feature inside each tile of `zoom` its bounds touch (with the tile buffer), within the
// tiles `limit` covers at that zoom: fn(x, y, part).
template <typename Fn>
void for_each_part(const SourceFeature& f, int zoom, const TileOptions& o, const TileAddress& limit, Fn&& fn) {
    const Box b = bounds(f);
    const double n = static_cast<double>(1U << zoom);
    const double buf = static_cast<double>(o.buffer) / o.extent;
    const std::uint32_t scale = 1U << (zoom - limit.z);
    const double first_x = static_cast<double>(limit.x * scale), first_y = static_cast<double>(limit.y * scale);
    const auto index = [&](double v, double first) {
        return static_cast<std::uint32_t>(std::clamp(std::floor(v), first, first + scale - 1));
    };
    for (std::uint32_t y = index(b.y0 * n - buf, first_y); y <= index(b.y1 * n + buf, first_y); ++y) {
        for (std::uint32_t x = index(b.x0 * n - buf, first_x); x <= index(b.x1 * n + buf, first_x); ++x) {
            SourceFeature part;
            static_cast<Geometry&>(part) = clip_geometry(f, tile_box(zoom, x, y, o.buffer, o.extent));
            if (part.empty()) continue;
            part.id = f.id;
            part.kind = f.kind;
            part.seq = f.seq;
            part.attributes = f.attributes;
            fn(x, y, std::move(part));
        }
    }
}

// A partition's spill file, and what it holds.
struct PartFile {
    std::filesystem::path file;
    std::uint64_t bytes = 0, features = 0, points = 0;
};

TileSet tile_partition(const PartFile& part, const std::vector<SourceLayer>& layers, TileOptions o, TileAddress root,
                       const std::vector<std::uint8_t>& first_zoom, TileStore& store);

// A partition of mostly points, too large to hold: its features streamed into the 16 tiles two zooms down
// (files again, beside it), its own two zooms tiled from what they show (the points whose first zoom is there,
// every other feature), then each part the same way, in order. Memory stays with the tiles, not the points.
TileSet split_partition(const PartFile& part, const std::vector<SourceLayer>& layers, const TileOptions& o,
                        TileAddress root, const std::vector<std::uint8_t>& first_zoom, TileStore& store) {
    const int q = root.z + 2;
    std::vector<SourceLayer> top = layers, deeper = layers;
    for (auto& l : top) l.maxzoom = std::min(l.maxzoom, q - 1);
    for (auto& l : deeper) l.minzoom = std::max(l.minzoom, q);
    std::map<std::uint64_t, std::unique_ptr<SpillWriter>> children;  // key: x << 32 | y
    read_spill(part.file, [&](std::uint32_t layer, SourceFeature&& f) {
        const bool point = f.kind == GeomKind::point && f.seq < first_zoom.size();
        if (point) f.minzoom = first_zoom[f.seq];
        for_each_part(f, q, o, root, [&](std::uint32_t x, std::uint32_t y, SourceFeature&& p) {
            auto& w = children[(static_cast<std::uint64_t>(x) << 32U) | y];
            if (!w) w = std::make_unique<SpillWriter>(part.file.parent_path() / fmt::format("part-{}-{}-{}.bin", q, x, y));
            w->write(layer, p);
        });
        if (!point || f.minzoom < q) top[layer].features.push_back(std::move(f));
    });
    std::filesystem::remove(part.file);
    TileOptions to = o;
    to.root = root;
    TileSet set = make_tiles(std::move(top), to, Progress(true));
    store_tiles(set, store);
    std::vector<TileSet> parts;
    for (auto& [key, w] : children) {
        w->close();
        const TileAddress child{static_cast<std::uint8_t>(q), static_cast<std::uint32_t>(key >> 32U), static_cast<std::uint32_t>(key & 0xFFFFFFFFU)};
        parts.push_back(tile_partition(PartFile{w->file(), w->bytes(), w->features(), w->points()}, deeper, o, child, first_zoom, store));
        kuril::release_free_memory();
    }
    merge_parts(set, parts);
    return set;
}

// One partition read back from its spill file (removed then) and tiled from its root down, its tiles' bytes
// moved to the store; one of mostly points larger than TileOptions::split_bytes in parts (split_partition).
TileSet tile_partition(const PartFile& part, const std::vector<SourceLayer>& layers, TileOptions o, TileAddress root,
                       const std::vector<std::uint8_t>& first_zoom, TileStore& store) {
    o.keep_mvt = false;  // a partition's tiles, uncompressed, would be 3 times the gzip'd in memory
    int maxzoom = 0;
    for (const auto& l : layers) maxzoom = std::max(maxzoom, l.maxzoom);
    if (part.bytes > o.split_bytes && 2 * part.points > part.features && root.z + 2 <= maxzoom) {
        return split_partition(part, layers, o, root, first_zoom, store);
    }
    std::vector<SourceLayer> tiled = layers;
    read_spill(part.file, [&](std::uint32_t layer, SourceFeature&& f) {
        if (f.kind == GeomKind::point && f.seq < first_zoom.size()) f.minzoom = first_zoom[f.seq];
        tiled[layer].features.push_back(std::move(f));
    });
    std::filesystem::remove(part.file);
    o.root = root;
    TileSet set = make_tiles(std::move(tiled), o, Progress(true));
    store_tiles(set, store);
    return set;
}

}  // namespace

int partition_zoom_for(std::uint64_t bytes, int maxzoom) {
    constexpr std::uint64_t kInMemory = 64ULL << 20U;
    return bytes < kInMemory ? 0 : std::min(kMaxPartitionZoom, maxzoom);
}

PartitionedTiler::PartitionedTiler(TileOptions options, int partition_zoom, std::filesystem::path spill_dir)
    : options_(options), zoom_(std::clamp(partition_zoom, 1, kMaxPartitionZoom)), dir_(std::move(spill_dir)) {}

std::size_t PartitionedTiler::layer(const std::string& name, int minzoom, int maxzoom) {
    const auto it = std::find_if(low_.begin(), low_.end(), [&](const SourceLayer& l) { return l.name == name; });
    if (it != low_.end()) return static_cast<std::size_t>(it - low_.begin());
    SourceLayer l;
    l.name = name;
    l.minzoom = minzoom;
    l.maxzoom = maxzoom;
    low_.push_back(std::move(l));
    return low_.size() - 1;
}

PartitionedTiler::~PartitionedTiler() {
    std::error_code ec;
    for (auto& [key, w] : parts_) {
        if (w) {
            std::filesystem::remove(w->file(), ec);
        }
    }
}

// A point feature's key goes to the partition of its first position; the feature, whole, to the points'
// file, from which those whose first zoom is below P are read back for the low zooms once thinned.
void PartitionedTiler::add_point(std::size_t layer, const SourceFeature& f) {
    const double n = static_cast<double>(1U << zoom_);
    const auto index = [&](double v) { return static_cast<std::uint32_t>(std::clamp(std::floor(v * n), 0.0, n - 1)); };
    const Pt& p = f.points.front();
    auto& keys = keys_[(static_cast<std::uint64_t>(index(p.x)) << 32U) | index(p.y)];
    if (!keys) keys = std::make_unique<PointKeyFile>(dir_ / fmt::format("keys-{}-{}-{}.bin", zoom_, index(p.x), index(p.y)));
    keys->add(PointKey{morton_code(p), f.seq, 0});
    if (low_[layer].minzoom < zoom_) {
        if (!points_) points_ = std::make_unique<SpillWriter>(dir_ / "points.bin");
        points_->write(static_cast<std::uint32_t>(layer), f);
    }
}

void PartitionedTiler::add(std::size_t layer, SourceFeature f) {
    const bool point = f.kind == GeomKind::point && !f.points.empty();
    if (point) {  // numbered, for its first zoom
        f.seq = next_seq_++;
        add_point(layer, f);
    }
    // The copy for zooms below P: simplified at the tolerance of zoom P − 1 (points: once thinned).
    if (!point && zoom_ > 0 && low_[layer].minzoom < zoom_) {
        const double tol = options_.tolerance / (static_cast<double>(options_.extent) * (1U << (zoom_ - 1)));
        SourceFeature low;
        low.id = f.id;
        low.kind = f.kind;
        low.attributes = f.attributes;
        low.points = f.points;
        for (const auto& l : f.lines) {
            Path s = l;
            simplify_line(s, tol);
            s.shrink_to_fit();
            low.lines.push_back(std::move(s));
        }
        for (const auto& poly : f.polygons) {
            PolygonPaths p;
            for (const auto& r : poly) p.push_back(low_ring(r, tol));
            low.polygons.push_back(std::move(p));
        }
        low_[layer].features.push_back(std::move(low));
    }
    if (low_[layer].maxzoom < zoom_) return;
    // Each partition the feature touches gets the part inside it (with the tile buffer).
    for_each_part(f, zoom_, options_, TileAddress{}, [&](std::uint32_t x, std::uint32_t y, SourceFeature&& part) {
        auto& w = parts_[(static_cast<std::uint64_t>(x) << 32U) | y];
        if (!w) {
            w = std::make_unique<SpillWriter>(dir_ / fmt::format("part-{}-{}-{}.bin", zoom_, x, y));
        }
        w->write(static_cast<std::uint32_t>(layer), part);
    });
}

std::uint64_t PartitionedTiler::spilled_bytes() const {
    std::uint64_t n = 0;
    for (const auto& [k, w] : parts_) n += w->bytes();
    return n;
}

// The partitions on the pool, largest first (so that the longest ones do not start last), each read
// back, tiled from z = P down with its own threads, its tiles' bytes moved to the store, and freed;
// returned in key order whatever finishes first, so the result does not depend on the scheduling.
std::vector<TileSet> PartitionedTiler::tile_partitions(const std::vector<SourceLayer>& specs, TileStore& store,
                                                       const Progress& progress) {
    std::vector<std::pair<std::uint64_t, SpillWriter*>> order;  // key order, the map's
    for (auto& [key, writer] : parts_) {
        writer->close();
        order.emplace_back(key, writer.get());
    }
    std::vector<std::size_t> schedule(order.size());
    for (std::size_t i = 0; i < schedule.size(); ++i) schedule[i] = i;
    std::stable_sort(schedule.begin(), schedule.end(),
                     [&](std::size_t a, std::size_t b) { return order[a].second->bytes() > order[b].second->bytes(); });
    const unsigned threads = options_.threads != 0 ? options_.threads : std::max(1U, std::thread::hardware_concurrency());
    std::vector<TileSet> parts(order.size());
    std::atomic<std::size_t> done{0};
    // Partitions in memory at once hold no more spilled bytes than the largest one: the large ones are
    // tiled alone (on every thread, by make_tiles), the small ones side by side.
    kuril::ByteBudget budget(order.empty() ? 0 : order[schedule.front()].second->bytes());
    kuril::parallel_for(schedule.size(), threads, [] { return 0; }, [&](std::size_t s, int&) {
        const std::size_t i = schedule[s];
        const auto [key, writer] = order[i];
        const kuril::ByteBudget::Hold hold(budget, writer->bytes());
        const TileAddress root{static_cast<std::uint8_t>(zoom_), static_cast<std::uint32_t>(key >> 32U),
                               static_cast<std::uint32_t>(key & 0xFFFFFFFFU)};
        parts[i] = tile_partition(PartFile{writer->file(), writer->bytes(), writer->features(), writer->points()}, specs,
                                  options_, root, first_zoom_, store);
        kuril::release_free_memory();  // the partition's geometry, freed amid the records that stay
        progress.step(fmt::format("tiles: partition {}/{} ({}/{}/{}) done", ++done, order.size(), zoom_, root.x, root.y));
    });
    return parts;
}

// The partitions in index order (the Morton order of their x and y), each one's keys sorted: the
// density of the points first, then their first zooms, ranked across all partitions.
PointThinningReport PartitionedTiler::thin_points() {
    std::vector<std::pair<std::uint64_t, PointKeyFile*>> order;
    const double n = static_cast<double>(1U << zoom_);
    for (auto& [key, file] : keys_) {
        const Pt centre{(static_cast<double>(key >> 32U) + 0.5) / n, (static_cast<double>(key & 0xFFFFFFFFU) + 0.5) / n, false};
        order.emplace_back(morton_code(centre), file.get());
    }
    std::sort(order.begin(), order.end());
    constexpr std::uint64_t kKeysAtOnce = 1U << 18U;  // 4 MB of keys
    PointDensity density;
    for (auto& [m, file] : order) file->for_each_sorted(zoom_, kKeysAtOnce, [&](std::span<const PointKey> keys) { density.add_sorted(keys); });
    int minzoom = kMaxZoom;
    int maxzoom = 0;
    for (const auto& l : low_) {
        minzoom = std::min(minzoom, l.minzoom);
        maxzoom = std::max(maxzoom, l.maxzoom);
    }
    Thinning thinning(options_.thinning, std::min(minzoom, maxzoom), maxzoom, density);
    first_zoom_.assign(next_seq_, 0);
    std::uint64_t rank = 0;
    for (auto& [m, file] : order) {
        file->for_each_sorted(zoom_, kKeysAtOnce, [&](std::span<const PointKey> keys) {
            for (const auto& k : keys) {
                const std::uint8_t z = thinning.first_zoom(rank++);
                first_zoom_[k.seq] = z;
                thinning.count(z);
            }
        });
    }
    keys_.clear();
    if (options_.thinning.guess_maxzoom) {
        for (auto& l : low_) {
            l.maxzoom = thinning.maxzoom();
            l.minzoom = std::min(l.minzoom, l.maxzoom);
        }
    }
    return thinning.report();
}

// The point features whose first zoom is below P, whole, into the copy for the low zooms.
void PartitionedTiler::add_low_points() {
    if (!points_) return;
    points_->close();
    read_spill(points_->file(), [&](std::uint32_t layer, SourceFeature&& f) {
        f.minzoom = first_zoom_[f.seq];
        if (f.minzoom < zoom_) low_[layer].features.push_back(std::move(f));
    });
    std::filesystem::remove(points_->file());
    points_.reset();
}

TileSet PartitionedTiler::finish(const Progress& progress) {
    if (low_.empty()) {
        return TileSet{};
    }
    std::optional<PointThinningReport> thinning;
    if (next_seq_ > 0) {
        progress.step(fmt::format("tiles: thinning {} point features", next_seq_));
        thinning = thin_points();
        add_low_points();
    }
    // Zooms below P, from the simplified copy; its layer list and bounds describe the whole input.
    std::vector<SourceLayer> low = std::move(low_);
    std::vector<int> maxzooms;
    std::vector<SourceLayer> specs;
    for (auto& l : low) {
        maxzooms.push_back(l.maxzoom);
        SourceLayer spec;
        spec.name = l.name;
        spec.description = l.description;
        spec.minzoom = std::max(l.minzoom, zoom_);
        spec.maxzoom = l.maxzoom;
        specs.push_back(std::move(spec));
        l.maxzoom = std::min(l.maxzoom, zoom_ - 1);
    }
    progress.step(fmt::format("tiles: zooms below {} from the simplified copy", zoom_));
    TileOptions low_options = options_;  // the copy's layers stop below P; clusters stop at the true maximum zoom
    if (low_options.thinning.cluster_maxzoom < 0) low_options.thinning.cluster_maxzoom = *std::max_element(maxzooms.begin(), maxzooms.end());
    TileSet set = make_tiles(std::move(low), low_options, progress);
    auto store = std::make_shared<TileStore>(dir_ / "tiles.bin");
    store_tiles(set, *store);
    set.store = store;
    for (std::size_t i = 0; i < set.layers.size(); ++i) set.layers[i].maxzoom = maxzooms[i];
    set.maxzoom = *std::max_element(maxzooms.begin(), maxzooms.end());
    std::vector<TileSet> parts = tile_partitions(specs, *store, progress);
    merge_parts(set, parts);
    parts_.clear();
    std::sort(set.tiles.begin(), set.tiles.end(), [](const Tile& a, const Tile& b) { return a.id < b.id; });
    set.thinning = thinning;
    return set;
}

}  // namespace kuril::tiles
