#include "tiles/engine/tiler.hpp"

#include <algorithm>
#include <functional>
#include <cmath>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>

#include "tiles/engine/clip.hpp"
#include "tiles/engine/polygon_repair.hpp"
#include "tiles/gzip.hpp"
#include "tiles/mvt/builder.hpp"
#include "tiles/engine/simplify.hpp"
#include "util/error.hpp"
#include "util/parallel.hpp"

namespace kuril::tiles {

namespace {

// The features of a layer drawn with the same geometry (the dated layers repeat an island's or a
// territory's outline in every period of it): clipped, simplified, snapped and repaired once per tile.
using FeatureGroup = std::vector<const SourceFeature*>;

// A geometry clipped to one tile (with buffer), still in unit-square coordinates, and its features.
struct Clipped : Geometry {
    const FeatureGroup* features = nullptr;
    [[nodiscard]] const SourceFeature& first() const { return *features->front(); }
};
using LayerClips = std::vector<std::vector<Clipped>>;  // per source layer

// A feature's place in its layer: the index of its tags in the layer's TagTable too.
std::size_t index_in(const SourceLayer& layer, const SourceFeature* f) {
    return static_cast<std::size_t>(f - layer.features.data());
}

Box tile_box(int z, std::uint32_t x, std::uint32_t y, const TileOptions& o) { return tiles::tile_box(z, x, y, o.buffer, o.extent); }

Clipped clip(const Clipped& in, const Box& box) {
    Clipped out;
    static_cast<Geometry&>(out) = clip_geometry(in, box);
    out.features = in.features;
    return out;
}

// How a tile over the size limit is encoded again: simplified at `tolerance` times the usual tolerance,
// and without the features marked in `skip` (per layer, per clip).
struct Reduce {
    double tolerance = 1;
    std::vector<std::vector<char>> skip;
    [[nodiscard]] bool skips(std::size_t layer, std::size_t i) const { return !skip.empty() && skip[layer][i] != 0; }
};

// The point features of a clip shown at zoom z (a point feature is left out before its first zoom).
std::uint32_t shown_at(const Clipped& c, int z) {
    return static_cast<std::uint32_t>(std::count_if(c.features->begin(), c.features->end(), [z](const SourceFeature* f) { return f->minzoom <= z; }));
}

// --cluster-distance: a layer's point clips in a tile gathered into clusters. In Morton order, a clip
// within `distance` (unit-square units) of the point that started the last cluster joins it. Only the
// points inside the tile itself: a cluster is in the tile that holds it, not in its neighbours' buffers,
// so that the counts of a zoom's clusters add up to its points. Per clip: 0 when it joined another (or
// shows nothing here), else how many point features its cluster stands for.
std::vector<std::uint32_t> cluster_counts(const std::vector<Clipped>& clips, const Reduce& reduce, std::size_t li,
                                          const TileAddress& tile, double distance) {
    const double n = static_cast<double>(1U << tile.z);
    const auto inside = [&](const Pt& p) {
        return std::floor(p.x * n) == static_cast<double>(tile.x) && std::floor(p.y * n) == static_cast<double>(tile.y);
    };
    const int z = tile.z;
    std::vector<std::pair<std::uint64_t, std::size_t>> order;
    for (std::size_t i = 0; i < clips.size(); ++i) {
        if (!clips[i].points.empty() && !reduce.skips(li, i) && inside(clips[i].points.front())) {
            order.emplace_back(morton_code(clips[i].points.front()), i);
        }
    }
    std::sort(order.begin(), order.end());
    std::vector<std::uint32_t> counts(clips.size(), 0);
    std::size_t head = clips.size();
    for (const auto& [m, i] : order) {
        const std::uint32_t n = shown_at(clips[i], z);
        if (n == 0) continue;
        const Pt& p = clips[i].points.front();
        if (head != clips.size()) {
            const Pt& h = clips[head].points.front();
            if (std::hypot(p.x - h.x, p.y - h.y) < distance) {
                counts[head] += n;
                continue;
            }
        }
        head = i;
        counts[i] = n;
    }
    return counts;
}

// A cluster's attributes, as map clients' clustering names them.
std::vector<Attribute> cluster_attributes(std::uint32_t n) {
    const double k = n / 1000.0;
    const std::string abbreviated = n < 1000 ? std::to_string(n) : k < 10 ? fmt::format("{:.1f}k", std::floor(k * 10) / 10) : fmt::format("{}k", static_cast<int>(k));
    return {{"clustered", true}, {"point_count", static_cast<std::int64_t>(n)},
            {"sqrt_point_count", std::round(std::sqrt(static_cast<double>(n)) * 100) / 100}, {"point_count_abbreviated", abbreviated}};
}

class TileEncoder {
public:
    TileEncoder(const std::vector<SourceLayer>& layers, const std::vector<mvt::TagTable>& tags, const TileOptions& o)
        : layers_(layers), tags_(tags), o_(o) {}

    std::string encode(int z, std::uint32_t x, std::uint32_t y, const LayerClips& clips, const Reduce& reduce = {}) {
        tolerance_ = o_.tolerance * reduce.tolerance;
        std::vector<std::string> messages;
        for (std::size_t li = 0; li < layers_.size(); ++li) {
            const auto& layer = layers_[li];
            if (z < layer.minzoom || z > layer.maxzoom || clips[li].empty()) {
                continue;
            }
            mvt::LayerBuilder builder(layer.name, o_.extent, tags_[li], scratch_);
            const int unclustered = o_.thinning.cluster_maxzoom >= 0 ? o_.thinning.cluster_maxzoom : layer.maxzoom;
            const bool clustered = o_.thinning.cluster_distance > 0 && z < unclustered;
            const auto counts = clustered ? cluster_counts(clips[li], reduce, li, TileAddress{static_cast<std::uint8_t>(z), x, y},
                                                           o_.thinning.cluster_distance / (256.0 * (1U << z)))
                                          : std::vector<std::uint32_t>{};
            for (std::size_t i = 0; i < clips[li].size(); ++i) {
                const Clipped& c = clips[li][i];
                if (reduce.skips(li, i)) continue;
                try {
                    if (clustered && !c.points.empty()) {
                        add_cluster(builder, layer, c, counts[i], z, x, y);
                        continue;
                    }
                    add(builder, layer, c, z, x, y);
                } catch (const Error& e) {  // a geometry repair that failed: say which tile and feature
                    throw GeometryError(fmt::format("tile {}/{}/{}, layer {}, feature {}: {}", z, x, y, layer.name,
                                                    c.first().id, e.what()));
                }
            }
            if (!builder.empty()) {
                messages.push_back(builder.finish());
            }
        }
        return messages.empty() ? std::string() : mvt::tile_message(messages);
    }

    // gzip(mvt), remembered for small tiles: solid land and open water repeat thousands of times (the Kuril
    // set: 68,444 tiles, 11,026 distinct), and for a tile of a few hundred bytes the compressor's set-up is
    // most of the work. The same bytes in, the same bytes out: the memo changes no output.
    std::string gzipped(const std::string& mvt) {
        if (mvt.size() > kMemoTileBytes) return gzip(mvt);
        if (const auto it = gz_memo_.find(mvt); it != gz_memo_.end()) return it->second;
        std::string gz = gzip(mvt);
        if (gz_memo_.size() == kMemoTiles) gz_memo_.clear();  // full of one-offs: start again
        gz_memo_.emplace(mvt, gz);
        return gz;
    }

private:
    static constexpr std::size_t kMemoTileBytes = 512;
    static constexpr std::size_t kMemoTiles = 1024;  // under 1 MB a thread, with their gzip'd copies

    Pt to_tile(const Pt& p, int z, std::uint32_t x, std::uint32_t y) const {
        const double scale = static_cast<double>(1U << z);
        return Pt{(p.x * scale - x) * o_.extent, (p.y * scale - y) * o_.extent, p.fixed};
    }

    // The clip's geometry, encoded once, for each of its features.
    // Point features before their first zoom are left out (none shown: nothing encoded).
    void add(mvt::LayerBuilder& b, const SourceLayer& layer, const Clipped& c, int z, std::uint32_t x, std::uint32_t y) {
        const auto shown = [z](const SourceFeature* f) { return f->minzoom <= z; };
        if (std::none_of(c.features->begin(), c.features->end(), shown)) return;
        const auto [type, commands] = geometry_commands(c, z, x, y);
        for (const SourceFeature* f : *c.features) {
            if (shown(f)) b.add(f->id, type, commands, index_in(layer, f));
        }
    }

    // A cluster's first point feature with the count of those it stands for (a lone point as it is).
    void add_cluster(mvt::LayerBuilder& b, const SourceLayer& layer, const Clipped& c, std::uint32_t count, int z,
                     std::uint32_t x, std::uint32_t y) {
        if (count == 0) return;
        if (count == 1) return add(b, layer, c, z, x, y);
        const auto [type, commands] = geometry_commands(c, z, x, y);
        const auto first = std::find_if(c.features->begin(), c.features->end(), [z](const SourceFeature* f) { return f->minzoom <= z; });
        b.add((*first)->id, type, commands, index_in(layer, *first), cluster_attributes(count));
    }

    // The clip in tile units, simplified and snapped to the grid, as MVT geometry commands.
    std::pair<mvt::GeomType, std::vector<std::uint32_t>> geometry_commands(const Clipped& c, int z, std::uint32_t x, std::uint32_t y) {
        const GeomKind kind = c.first().kind;
        if (kind == GeomKind::point) {
            std::vector<IPt> pts;
            for (const auto& p : c.points) {
                const Pt t = to_tile(p, z, x, y);
                pts.push_back({static_cast<std::int32_t>(std::lround(t.x)), static_cast<std::int32_t>(std::lround(t.y))});
            }
            return {mvt::GeomType::point, mvt::point_commands(pts)};
        }
        if (kind == GeomKind::line) {
            std::vector<std::vector<IPt>> lines;
            for (const auto& l : c.lines) {
                Path t;
                for (const auto& p : l) {
                    t.push_back(to_tile(p, z, x, y));
                }
                simplify_line(t, tolerance_);
                std::vector<IPt> s;
                for (const auto& p : t) {
                    const IPt q{static_cast<std::int32_t>(std::lround(p.x)), static_cast<std::int32_t>(std::lround(p.y))};
                    if (s.empty() || !(s.back() == q)) {
                        s.push_back(q);
                    }
                }
                if (s.size() >= 2) {
                    lines.push_back(std::move(s));
                }
            }
            return {mvt::GeomType::linestring, mvt::line_commands(lines)};
        }
        return {mvt::GeomType::polygon, mvt::polygon_commands(polygon_rings(c, z, x, y))};
    }

    // Area-weighted centroid of the exteriors (before snapping), as sums of cross products.
    struct Centroid {
        double cross = 0, x = 0, y = 0;
        void add(const Path& ring) {
            double a = 0, sx = 0, sy = 0;  // the ring's sums first, then the feature's (as ever: same bits)
            for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
                const double c = ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y;
                a += c;
                sx += (ring[i].x + ring[i + 1].x) * c;
                sy += (ring[i].y + ring[i + 1].y) * c;
            }
            cross += a;
            x += sx;
            y += sy;
        }
    };

    std::vector<IRing> polygon_rings(const Clipped& c, int z, std::uint32_t x, std::uint32_t y) {
        std::vector<std::vector<IRing>> polys;
        Centroid centroid;
        for (const auto& poly : c.polygons) {
            std::vector<IRing> rings;
            for (std::size_t r = 0; r < poly.size(); ++r) {
                Path t;
                t.reserve(poly[r].size());
                for (const auto& p : poly[r]) t.push_back(to_tile(p, z, x, y));
                if (r == 0) centroid.add(t);
                simplify_ring(t, tolerance_);
                IRing s = snap_ring(t);
                if (s.empty()) {
                    if (r == 0) break;  // the exterior collapsed: so does the polygon
                    continue;
                }
                orient(s, r == 0);
                rings.push_back(std::move(s));
            }
            if (!rings.empty()) polys.push_back(std::move(rings));
        }
        if (polys.empty()) return stand_in(centroid);
        polys = repair_.valid(std::move(polys));
        std::vector<IRing> out;
        for (auto& p : polys) {
            for (auto& r : p) out.push_back(std::move(r));
        }
        return out;
    }

    // A polygon too small for the grid: a minimum-size square where the feature is, so small islands stay
    // on the map at every zoom. Only in the tile whose interior holds the centroid.
    std::vector<IRing> stand_in(const Centroid& c) const {
        if (c.cross == 0) return {};
        const double mx = c.x / (3 * c.cross);
        const double my = c.y / (3 * c.cross);
        const double e = o_.extent;
        if (!(mx >= 0 && mx < e && my >= 0 && my < e)) return {};
        const std::int32_t h = o_.min_polygon / 2;
        const auto px = static_cast<std::int32_t>(std::lround(mx));
        const auto py = static_cast<std::int32_t>(std::lround(my));
        IRing sq{{px - h, py - h}, {px + h, py - h}, {px + h, py + h}, {px - h, py + h}, {px - h, py - h}};
        orient(sq, true);
        return {std::move(sq)};
    }

    const std::vector<SourceLayer>& layers_;
    const std::vector<mvt::TagTable>& tags_;
    const TileOptions& o_;
    double tolerance_ = 1;
    mvt::TagScratch scratch_;
    PolygonRepair repair_;
    std::unordered_map<std::string, std::string> gz_memo_;  // small tiles' MVT bytes -> gzip'd
};

// A clip's size in the tile, in square tile units: a polygon's area, a line's length (one unit wide), a
// point nothing. The smallest go first when a tile must lose features.
double size_in_tile(const Clipped& c, int z, std::uint32_t extent) {
    const double scale = static_cast<double>(1U << z) * extent;
    double size = 0;
    for (const auto& poly : c.polygons) size += std::abs(geom::signed_area(poly.front())) * scale * scale;
    for (const auto& line : c.lines) {
        for (std::size_t i = 1; i < line.size(); ++i) size += std::hypot(line[i].x - line[i - 1].x, line[i].y - line[i - 1].y) * scale;
    }
    return size;
}

// The tile's clips, smallest first; ties by layer, then feature id: the same order on every run.
std::vector<std::pair<std::size_t, std::size_t>> smallest_first(const LayerClips& clips, int z, std::uint32_t extent) {
    struct Entry {
        double size;
        std::size_t layer, index;
        std::uint64_t id;
    };
    std::vector<Entry> all;
    for (std::size_t li = 0; li < clips.size(); ++li) {
        for (std::size_t i = 0; i < clips[li].size(); ++i) all.push_back({size_in_tile(clips[li][i], z, extent), li, i, clips[li][i].first().id});
    }
    std::sort(all.begin(), all.end(), [](const Entry& a, const Entry& b) {
        return std::tie(a.size, a.layer, a.id, a.index) < std::tie(b.size, b.layer, b.id, b.index);
    });
    std::vector<std::pair<std::size_t, std::size_t>> out;
    for (const auto& e : all) out.emplace_back(e.layer, e.index);
    return out;
}

// --drop-densest-as-needed: the tile's points kept only at least `spacing` tile units from the last point
// kept before them in Morton order, the spacing growing by half at each step (from one tile unit) until
// the tile fits or one point is left. The tile is left as the last step made it; false: it has no points.
bool drop_densest(TileEncoder& enc, Tile& t, const LayerClips& clips, Reduce& reduce, const TileOptions& o) {
    const TileAddress& a = t.address;
    std::vector<std::tuple<std::uint64_t, std::size_t, std::size_t>> order;  // morton, layer, clip
    for (std::size_t li = 0; li < clips.size(); ++li) {
        for (std::size_t i = 0; i < clips[li].size(); ++i) {
            if (!clips[li][i].points.empty()) order.emplace_back(morton_code(clips[li][i].points.front()), li, i);
        }
    }
    if (order.empty()) return false;
    std::sort(order.begin(), order.end());
    const double unit = 1.0 / (static_cast<double>(1U << a.z) * o.extent);  // one tile unit in the unit square
    std::size_t kept = order.size();
    for (double spacing = unit; kept > 1 && t.gz.size() > o.max_tile_bytes; spacing *= 1.5) {
        const Pt* last = nullptr;
        kept = 0;
        t.reduction.dropped = 0;
        for (const auto& [m, li, i] : order) {
            const Pt& p = clips[li][i].points.front();
            const bool keep = last == nullptr || std::hypot(p.x - last->x, p.y - last->y) >= spacing;
            reduce.skip[li][i] = keep ? 0 : 1;
            if (keep) {
                last = &p;
                ++kept;
            } else {
                t.reduction.dropped += static_cast<std::uint32_t>(clips[li][i].features->size());
            }
        }
        t.data = enc.encode(a.z, a.x, a.y, clips, reduce);
        t.gz = t.data.empty() ? std::string() : enc.gzipped(t.data);
    }
    return true;
}

// The tile, gzip'd, kept under the size limit (TileOptions::max_tile_bytes): over it, the tile's geometry
// is simplified at 2, 4, 8 and 16 times the tolerance; still over, its smallest features are left out,
// a tenth of them more at each step, until it fits (a cut in proportion to the excess was tried: it drops
// more than needed, small features weighing little in the gzip'd size). Each step
// depends only on the tile's own content, so the result is the same on every run and any number of threads.
Tile limited_tile(TileEncoder& enc, int z, std::uint32_t x, std::uint32_t y, const LayerClips& clips, const TileOptions& o) {
    const TileAddress a{static_cast<std::uint8_t>(z), x, y};
    Tile t{a, pmtiles_id(a), enc.encode(z, x, y, clips), {}, {}, {}};
    if (t.data.empty()) return t;
    t.gz = enc.gzipped(t.data);
    const auto over = [&] { return o.max_tile_bytes > 0 && t.gz.size() > o.max_tile_bytes; };
    Reduce reduce;
    for (std::uint32_t factor = 2; factor <= 16 && over(); factor *= 2) {
        reduce.tolerance = factor;
        t.reduction.simplified = factor;
        t.data = enc.encode(z, x, y, clips, reduce);
        t.gz = enc.gzipped(t.data);
    }
    if (!over()) return t;
    for (const auto& layer : clips) reduce.skip.emplace_back(layer.size(), 0);
    if (o.thinning.drop_densest && drop_densest(enc, t, clips, reduce, o) && !over()) return t;
    const auto order = smallest_first(clips, z, o.extent);
    const std::size_t step = std::max<std::size_t>(1, order.size() / 10);
    for (std::size_t dropped = 0; over() && dropped < order.size();) {
        const std::size_t next = std::min(order.size(), dropped + step);
        for (; dropped < next; ++dropped) {
            const auto [layer, i] = order[dropped];
            reduce.skip[layer][i] = 1;
            t.reduction.dropped += static_cast<std::uint32_t>(clips[layer][i].features->size());
        }
        t.data = enc.encode(z, x, y, clips, reduce);
        t.gz = t.data.empty() ? std::string() : enc.gzipped(t.data);
    }
    return t;
}

struct Task {
    int z;
    std::uint32_t x;
    std::uint32_t y;
    LayerClips clips;
};

class Tiler {
public:
    Tiler(const std::vector<SourceLayer>& layers, const TileOptions& o) : layers_(layers), o_(o) {
        for (const auto& l : layers) {
            maxzoom_ = std::max(maxzoom_, l.maxzoom);
        }
    }

    // Tiles z/x/y and, depth first, everything below it; tiles at `stop_z` are handed to `defer`.
    void run(Task t, TileEncoder& enc, std::vector<Tile>& out, int stop_z, std::vector<Task>* defer) const {
        if (defer != nullptr && t.z == stop_z) {
            defer->push_back(std::move(t));
            return;
        }
        Tile tile = limited_tile(enc, t.z, t.x, t.y, t.clips, o_);
        if (!tile.data.empty()) {
            if (!o_.keep_mvt) std::string().swap(tile.data);  // only the gzip'd copy is wanted
            out.push_back(std::move(tile));
        }
        if (t.z >= maxzoom_) {
            return;
        }
        for (Task& child : split(t)) {
            run(std::move(child), enc, out, stop_z, defer);
        }
    }

private:
    // The children of t that hold anything: each with the parts of t's clips inside it (and its buffer).
    // t's clips are freed one by one as they are split, so that a tile and its children are never held
    // whole at once (at a world set's root: two copies of the input).
    std::vector<Task> split(Task& t) const {
        std::vector<Task> children;
        std::vector<Box> boxes;
        for (std::uint32_t dy = 0; dy < 2; ++dy) {
            for (std::uint32_t dx = 0; dx < 2; ++dx) {
                children.push_back(Task{t.z + 1, t.x * 2 + dx, t.y * 2 + dy, LayerClips(layers_.size())});
                boxes.push_back(tile_box(t.z + 1, t.x * 2 + dx, t.y * 2 + dy, o_));
            }
        }
        for (std::size_t li = 0; li < layers_.size(); ++li) {
            if (layers_[li].maxzoom < t.z + 1) {
                continue;
            }
            for (Clipped& c : t.clips[li]) {
                for (std::size_t k = 0; k < children.size(); ++k) {
                    Clipped cc = clip(c, boxes[k]);
                    if (!cc.empty()) {
                        children[k].clips[li].push_back(std::move(cc));
                    }
                }
                static_cast<Geometry&>(c) = Geometry{};
            }
        }
        t.clips = LayerClips{};
        const auto empty = [](const Task& c) {
            return std::all_of(c.clips.begin(), c.clips.end(), [](const std::vector<Clipped>& l) { return l.empty(); });
        };
        children.erase(std::remove_if(children.begin(), children.end(), empty), children.end());
        return children;
    }

    const std::vector<SourceLayer>& layers_;
    const TileOptions& o_;
    int maxzoom_ = 0;
};

std::string type_name(const TagValue& v) {
    if (std::holds_alternative<std::string>(v)) {
        return "String";
    }
    if (std::holds_alternative<bool>(v)) {
        return "Boolean";
    }
    return "Number";
}

}  // namespace

namespace {

// The layer's description in the tileset (its fields and their types), and the tileset's bounds extended
// by its features.
VectorLayer describe_layer(const SourceLayer& l, TileSet& set) {
    VectorLayer info{l.name, l.description, l.minzoom, l.maxzoom, {}};
    std::map<std::string, std::string> fields;
    auto extend = [&](const Pt& p) {
        set.west = std::min(set.west, p.x * 360 - 180);
        set.east = std::max(set.east, p.x * 360 - 180);
        set.north = std::max(set.north, mercator_lat(p.y));
        set.south = std::min(set.south, mercator_lat(p.y));
    };
    for (const auto& f : l.features) {
        for (const auto& a : f.attributes) fields.emplace(a.key, type_name(a.value));
        for (const auto& p : f.points) extend(p);
        for (const auto& line : f.lines) {
            for (const auto& p : line) extend(p);
        }
        for (const auto& poly : f.polygons) {
            for (const auto& p : poly.front()) extend(p);
        }
    }
    for (auto& [k, t] : fields) info.fields.push_back({k, t});
    return info;
}

// A clustered layer's features may carry the clusters' attributes too (cluster_attributes).
void add_cluster_fields(VectorLayer& layer) {
    for (const auto& [name, type] : {std::pair{"clustered", "Boolean"}, {"point_count", "Number"}, {"point_count_abbreviated", "String"},
                                     {"sqrt_point_count", "Number"}}) {
        if (std::none_of(layer.fields.begin(), layer.fields.end(), [&](const FieldInfo& f) { return f.name == name; })) {
            layer.fields.push_back({name, type});
        }
    }
    std::sort(layer.fields.begin(), layer.fields.end(), [](const FieldInfo& a, const FieldInfo& b) { return a.name < b.name; });
}

bool same_points(const std::vector<Pt>& a, const std::vector<Pt>& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const Pt& p, const Pt& q) {
               return p.x == q.x && p.y == q.y && p.fixed == q.fixed;
           });
}

bool same_geometry(const SourceFeature& a, const SourceFeature& b) {
    if (a.kind != b.kind || !same_points(a.points, b.points) || a.lines.size() != b.lines.size() ||
        a.polygons.size() != b.polygons.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.lines.size(); ++i) {
        if (!same_points(a.lines[i], b.lines[i])) return false;
    }
    for (std::size_t i = 0; i < a.polygons.size(); ++i) {
        if (a.polygons[i].size() != b.polygons[i].size()) return false;
        for (std::size_t r = 0; r < a.polygons[i].size(); ++r) {
            if (!same_points(a.polygons[i][r], b.polygons[i][r])) return false;
        }
    }
    return true;
}

std::uint64_t geometry_hash(const SourceFeature& f) {
    std::uint64_t h = static_cast<std::uint64_t>(f.kind) + 0x9E3779B97F4A7C15ULL;
    auto mix = [&](const std::vector<Pt>& pts) {
        h = h * 31 + pts.size();
        for (const auto& p : pts) h = (h ^ std::hash<double>()(p.x)) * 0x100000001B3ULL ^ std::hash<double>()(p.y);
    };
    mix(f.points);
    for (const auto& l : f.lines) mix(l);
    for (const auto& poly : f.polygons) {
        for (const auto& r : poly) mix(r);
    }
    return h;
}

// Each layer's features grouped by identical geometry, in the order of each group's first feature.
std::vector<std::vector<FeatureGroup>> group_features(const std::vector<SourceLayer>& layers) {
    std::vector<std::vector<FeatureGroup>> groups(layers.size());
    for (std::size_t li = 0; li < layers.size(); ++li) {
        std::unordered_map<std::uint64_t, std::vector<std::size_t>> by_hash;
        for (const auto& f : layers[li].features) {
            auto& candidates = by_hash[geometry_hash(f)];
            const auto same = std::find_if(candidates.begin(), candidates.end(),
                                           [&](std::size_t g) { return same_geometry(*groups[li][g].front(), f); });
            if (same != candidates.end()) {
                groups[li][*same].push_back(&f);
            } else {
                candidates.push_back(groups[li].size());
                groups[li].push_back({&f});
            }
        }
    }
    return groups;
}

// The root tile (options.root, z0 by default) with every distinct geometry clipped to it. The geometry
// is taken out of the source features, which only lend their ids and attributes from here on: the input
// is not held twice (at the root of a world tile set, the whole input).
Task root_task(std::vector<SourceLayer>& layers, const std::vector<std::vector<FeatureGroup>>& groups,
               const TileOptions& options) {
    const TileAddress& r = options.root;
    Task root{r.z, r.x, r.y, LayerClips(layers.size())};
    const Box root_box = tile_box(r.z, r.x, r.y, options);
    for (std::size_t li = 0; li < layers.size(); ++li) {
        auto& features = layers[li].features;
        for (const auto& group : groups[li]) {
            Clipped c;
            c.features = &group;
            auto& first = features[index_in(layers[li], group.front())];
            static_cast<Geometry&>(c) = std::move(static_cast<Geometry&>(first));
            if (r.z > 0) c = clip(c, root_box);
            if (!c.empty()) root.clips[li].push_back(std::move(c));
        }
        for (auto& f : features) static_cast<Geometry&>(f) = Geometry{};  // the groups' other members
    }
    return root;
}

// Each layer's keys and values, interned once; the features keep only their index in the layer, which
// is the index of their tags in the table (their attributes are freed: at world scale, memory).
std::vector<mvt::TagTable> tag_tables(std::vector<SourceLayer>& layers) {
    std::vector<mvt::TagTable> tables(layers.size());
    for (std::size_t li = 0; li < layers.size(); ++li) {
        for (auto& f : layers[li].features) {
            tables[li].add(f.attributes);
            std::vector<Attribute>().swap(f.attributes);
        }
        tables[li].seal();
    }
    return tables;
}

// Every tile under `root`, on a pool of `threads`, each thread with its own encoder (and GEOS context).
// Breadth first, one zoom at a time (each zoom's tiles shared out over the pool), until there are enough
// subtrees to keep every core busy; then each subtree, depth first, is a task for the pool.
std::vector<Tile> run_tiler(const std::vector<SourceLayer>& layers, const std::vector<mvt::TagTable>& tags,
                            const TileOptions& options, Task root, int maxzoom, unsigned threads, const Progress& progress) {
    const Tiler tiler(layers, options);
    auto on_pool = [&](std::size_t n, const std::function<void(std::size_t, TileEncoder&)>& fn) {
        kuril::parallel_for(n, threads, [&] { return TileEncoder(layers, tags, options); }, fn);
    };
    std::vector<Task> tasks;
    tasks.push_back(std::move(root));
    std::vector<std::vector<Tile>> results;
    while (!tasks.empty() && tasks.size() < 16 * static_cast<std::size_t>(threads) && tasks.front().z < maxzoom) {
        std::vector<std::vector<Task>> children(tasks.size());
        std::vector<std::vector<Tile>> level(tasks.size());
        on_pool(tasks.size(), [&](std::size_t i, TileEncoder& enc) {
            const int stop = tasks[i].z + 1;
            tiler.run(std::move(tasks[i]), enc, level[i], stop, &children[i]);
        });
        for (auto& l : level) results.push_back(std::move(l));
        tasks.clear();
        for (auto& c : children) {
            for (auto& t : c) tasks.push_back(std::move(t));
        }
    }
    const std::size_t first = results.size();
    results.resize(first + tasks.size());
    on_pool(tasks.size(), [&](std::size_t i, TileEncoder& enc) {
        tiler.run(std::move(tasks[i]), enc, results[first + i], -1, nullptr);
        progress.step(fmt::format("tiles: subtree {}/{} done", i + 1, tasks.size()));
    });
    std::vector<Tile> tiles;
    for (auto& r : results) {
        for (auto& t : r) tiles.push_back(std::move(t));
    }
    return tiles;
}

}  // namespace

TileSet make_tiles(std::vector<SourceLayer> layers, const TileOptions& options, const Progress& progress) {
    TileSet set;
    set.minzoom = 99;
    set.max_tile_bytes = options.max_tile_bytes;
    const unsigned threads = options.threads != 0 ? options.threads : std::max(1U, std::thread::hardware_concurrency());
    for (auto& l : layers) {
        set.minzoom = std::min(set.minzoom, l.minzoom);
        set.maxzoom = std::max(set.maxzoom, l.maxzoom);
        set.layers.push_back(describe_layer(l, set));
        const bool points = std::any_of(l.features.begin(), l.features.end(), [](const SourceFeature& f) { return f.kind == GeomKind::point; });
        if (options.thinning.cluster_distance > 0 && points) add_cluster_fields(set.layers.back());
    }
    if (layers.empty()) {
        return set;
    }
    const auto groups = group_features(layers);
    // Each layer's borders on their own (a layer's features share borders only among themselves), each
    // distinct geometry once: the first feature of each group, whose geometry is the one tiled.
    parallel_for(layers.size(), threads, [] { return 0; }, [&](std::size_t i, int) {
        std::vector<std::size_t> distinct;
        for (const auto& group : groups[i]) distinct.push_back(index_in(layers[i], group.front()));
        mark_shared_borders(layers[i], distinct);
    });
    const auto tags = tag_tables(layers);
    set.tiles = run_tiler(layers, tags, options, root_task(layers, groups, options), set.maxzoom, threads, progress);
    std::sort(set.tiles.begin(), set.tiles.end(), [](const Tile& a, const Tile& b) { return a.id < b.id; });
    return set;
}

}  // namespace kuril::tiles
