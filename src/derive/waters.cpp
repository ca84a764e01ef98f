// The waters the maps name, as shapes: a sea or ocean as its open water (farther than kOpenWaterKm from any
// land, GSHHG's record and context land; the islands of a chain part two seas where their gaps are narrower
// than twice that), a strait as the median line between the territories it runs between.
#include <algorithm>

#include <fmt/format.h>

#include "derive/atlas.hpp"
#include "derive/boundaries.hpp"
#include "util/error.hpp"

namespace kuril {

namespace {

// All land, moved into `proj` (metres), simplified to a tenth of the distance and widened by it.
geom::Geom widened_land(const geom::Context& ctx, const Dataset& ds, const geom::Projection& proj) {
    std::vector<geom::Geom> parts;
    for (const auto* pieces : {&ds.land, &ds.context}) {
        for (const auto& p : *pieces) {
            const geom::Geom m = proj.forward(ctx, p.geometry);
            parts.push_back(ctx.buffer(ctx.simplify_preserving(m, kOpenWaterKm * 100), kOpenWaterKm * 1000, 4));
        }
    }
    return ctx.unary_union(ctx.collect(std::move(parts), GEOS_GEOMETRYCOLLECTION));
}

// The open water of the context region, in parts that the land keeps apart.
std::vector<geom::Geom> open_waters(const geom::Context& ctx, const Dataset& ds, const geom::Projection& proj) {
    const Region& r = kContextRegion;
    const geom::Geom frame = ctx.densify(ctx.box(r.west, r.south, r.east, r.north), 0.25);
    const geom::Geom open = ctx.difference(proj.forward(ctx, frame), widened_land(ctx, ds, proj));
    return ctx.parts(open);
}

// Each sea's part of the open water: the one that holds its point; two seas in one part are refused.
void add_seas(const geom::Context& ctx, const Dataset& ds, const geom::Projection& proj, std::vector<WaterShape>& out) {
    const std::vector<geom::Geom> parts = open_waters(ctx, ds, proj);
    std::vector<const Water*> holder(parts.size(), nullptr);
    for (const auto& w : ds.waters) {
        if (w.kind == "strait") continue;
        const geom::Geom seed = ctx.point(proj.forward(w.point));
        std::size_t i = 0;
        while (i < parts.size() && !ctx.contains(parts[i], seed)) ++i;
        if (i == parts.size()) {
            throw InputError(w.where, fmt::format("the point ({} {}) of '{}' is not in open water: it must lie farther "
                                                  "than {} km from land, inside {}°–{}° E, {}°–{}° N",
                                                  w.point.y, w.point.x, w.id, kOpenWaterKm, kContextRegion.west,
                                                  kContextRegion.east, kContextRegion.south, kContextRegion.north));
        }
        if (holder[i] != nullptr) {
            throw InputError(w.where, fmt::format("'{}' and '{}' are one open water: no land parts them within {} km",
                                                  holder[i]->id, w.id, 2 * kOpenWaterKm));
        }
        holder[i] = &w;
        out.push_back({&w, proj.inverse(ctx, ctx.simplify_preserving(parts[i], kOpenWaterKm * 50))});
    }
}

}  // namespace

std::vector<WaterShape> Atlas::water_shapes() const {
    std::vector<WaterShape> out;
    add_seas(ctx_, ds_, geo_->projection(), out);
    std::vector<BoundaryDef> defs;
    std::vector<const Water*> straits;
    for (const auto& w : ds_.waters) {
        if (w.kind != "strait") continue;
        BoundaryDef d;
        d.id = w.id, d.method = BoundaryMethod::median, d.side_a = w.side_a, d.side_b = w.side_b;
        d.reach_km = w.reach_km, d.where = w.where;
        // A name's line, not a boundary: a site every 1/100 of the reach (200 m at least) is fine enough.
        d.sample_m = std::max(200.0, w.reach_km * 10);
        defs.push_back(std::move(d));
        straits.push_back(&w);
    }
    auto lines = BoundaryDeriver(ctx_, *geo_, *index_, region_).derive_all(defs);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (lines[i].error) throw *lines[i].error;
        out.push_back({straits[i], std::move(lines[i].line)});
    }
    return out;
}

}  // namespace kuril
