#include "derive/boundaries.hpp"

#include <map>
#include <memory>

#include <fmt/format.h>

#include "util/error.hpp"
#include "util/parallel.hpp"

namespace kuril {

namespace {

constexpr double kSampleMetres = 200;  // coast sampling step for the Voronoi sites

// The real coastline of a territory: its land boundary less the region frame, where GMT cut the land.
geom::Geom coastline(const geom::Context& ctx, const geom::Geom& land_ll, const Region& region) {
    const geom::Geom frame = ctx.line({{region.west, region.south},
                                       {region.east, region.south},
                                       {region.east, region.north},
                                       {region.west, region.north},
                                       {region.west, region.south}});
    return ctx.difference(ctx.boundary(land_ll), frame);
}

std::vector<geom::XY> samples(const geom::Context& ctx, const geom::Geom& coast_xy, const geom::Geom& zone) {
    const geom::Geom near = ctx.intersection(coast_xy, zone);
    std::vector<geom::XY> out;
    if (ctx.is_empty(near)) {
        return out;
    }
    for (const auto& line : ctx.lines(ctx.densify(near, kSampleMetres))) {
        out.insert(out.end(), line.begin(), line.end());
    }
    return out;
}

geom::Geom multipoint(const geom::Context& ctx, const std::vector<geom::XY>& pts) {
    std::vector<geom::Geom> g;
    g.reserve(pts.size());
    for (const auto& p : pts) {
        g.push_back(ctx.point(p));
    }
    return ctx.collect(std::move(g), GEOS_MULTIPOINT);
}

// What a thread derives with: a GEOS context and a projection of its own, and the shared, read-only model.
struct Worker {
    const geom::Context& ctx;
    const geom::Projection& proj;
    const Geography& geo;
    const TerritoryIndex& index;
    const Region& region;
};

geom::Geom median_line(const Worker& w, const BoundaryDef& def) {
    const geom::Context& ctx = w.ctx;
    const geom::Projection& proj = w.proj;
    const Region& region = w.region;
    const geom::Geom a_ll = w.geo.territory_land(ctx, w.index, def.side_a);
    const geom::Geom b_ll = w.geo.territory_land(ctx, w.index, def.side_b);
    const double reach = def.reach_km * 1000;
    const geom::Geom a_full = proj.forward(ctx, a_ll);
    const geom::Geom b_full = proj.forward(ctx, b_ll);
    // Land farther than 2 x reach from the other side's envelope cannot be within reach of a point that is
    // within reach of the other side: clip it away before buffering (same window, far less work).
    const geom::Geom a = ctx.intersection(a_full, ctx.buffer(ctx.envelope(b_full), 2 * reach, 1));
    const geom::Geom b = ctx.intersection(b_full, ctx.buffer(ctx.envelope(a_full), 2 * reach, 1));
    const geom::Geom window = ctx.intersection(ctx.buffer(a, reach), ctx.buffer(b, reach));
    if (ctx.is_empty(window)) {
        throw InputError(def.where, fmt::format("'{}' and '{}' are more than 2 × {} km apart: no strait to draw a "
                                                "median line in",
                                                def.side_a, def.side_b, def.reach_km));
    }
    // Only coast within `reach` of the window can be the nearest coast of a point in it.
    const geom::Geom zone = ctx.buffer(window, reach * 1.05);
    const auto sa = samples(ctx, proj.forward(ctx, coastline(ctx, a_ll, region)), zone);
    const auto sb = samples(ctx, proj.forward(ctx, coastline(ctx, b_ll, region)), zone);
    if (sa.empty() || sb.empty()) {
        throw InputError(def.where, "a side has no coastline near the strait");
    }
    std::vector<geom::XY> all = sa;
    all.insert(all.end(), sb.begin(), sb.end());
    const geom::Geom cells = ctx.voronoi(multipoint(ctx, all), ctx.buffer(window, reach));
    // A Voronoi cell is convex and holds exactly one site: the site nearest its centroid is its own.
    const geom::PointIndex sites(ctx, all);
    std::vector<geom::Geom> a_cells;
    for (auto& cell : ctx.parts(cells)) {
        if (sites.nearest(ctx.centroid(cell)) < sa.size()) {
            a_cells.push_back(std::move(cell));
        }
    }
    const geom::Geom region_a = ctx.coverage_union(ctx.collect(std::move(a_cells), GEOS_MULTIPOLYGON));
    const geom::Geom line = ctx.line_merge(ctx.intersection(ctx.boundary(region_a), window));
    if (ctx.is_empty(line)) {
        throw InputError(def.where, "no equidistant line found between the sides");
    }
    return proj.inverse(ctx, line);
}

geom::Geom parallel_line(const Worker& w, const BoundaryDef& def) {
    const geom::Context& ctx = w.ctx;
    const geom::Geom land = w.geo.territory_land(ctx, w.index, def.side_a);
    const geom::Geom parallel = ctx.line({{w.region.west - 1, def.latitude}, {w.region.east + 1, def.latitude}});
    geom::Geom cut = ctx.line_merge(ctx.intersection(land, parallel));
    if (ctx.is_empty(cut)) {
        throw InputError(def.where, fmt::format("the parallel {}° does not cross the land of '{}'", def.latitude, def.side_a));
    }
    return cut;
}

}  // namespace

std::vector<BoundaryDeriver::Derived> BoundaryDeriver::derive_all(const std::vector<BoundaryDef>& defs) const {
    std::vector<std::size_t> line_of(defs.size());  // each definition's distinct line
    std::vector<const BoundaryDef*> distinct;
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < defs.size(); ++i) {
        const auto& d = defs[i];
        const std::string key = fmt::format("{}|{}|{}|{}|{}", static_cast<int>(d.method), d.side_a, d.side_b,
                                            d.reach_km, d.latitude);
        const auto [it, first] = seen.try_emplace(key, distinct.size());
        if (first) distinct.push_back(&d);
        line_of[i] = it->second;
    }
    struct State {
        explicit State(const geom::Projection& p) : proj(p.copy()) {}
        geom::Context ctx;
        geom::Projection proj;
    };
    std::vector<Derived> lines(distinct.size());
    parallel_for(
        distinct.size(), 0, [&] { return std::make_unique<State>(geo_.projection()); },
        [&](std::size_t k, const std::unique_ptr<State>& state) {
            const Worker w{state->ctx, state->proj, geo_, index_, region_};
            const BoundaryDef& def = *distinct[k];
            try {
                geom::Geom line = def.method == BoundaryMethod::median ? median_line(w, def) : parallel_line(w, def);
                lines[k].line = ctx_.adopt(std::move(line));  // outlives the thread's context
            } catch (const InputError& e) {
                lines[k].error = e;
            } catch (const GeometryError& e) {  // GEOS or PROJ failed: name the line being derived
                throw GeometryError(fmt::format("{}: deriving the line: {}", def.where.str(), e.what()));
            }
        });
    std::vector<Derived> out(defs.size());
    for (std::size_t i = 0; i < defs.size(); ++i) {
        const Derived& d = lines[line_of[i]];
        out[i].error = d.error;
        if (d.line) out[i].line = ctx_.clone(d.line);
    }
    return out;
}

geom::Geom BoundaryDeriver::derive(const BoundaryDef& def) const {
    Derived d = std::move(derive_all({def}).front());
    if (d.error) throw *d.error;
    return std::move(d.line);
}

}  // namespace kuril
