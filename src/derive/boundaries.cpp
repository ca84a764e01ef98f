#include "derive/boundaries.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <optional>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "util/error.hpp"
#include "util/parallel.hpp"

namespace kuril {

namespace {

// The real coastline of a territory: its land boundary less the record frame's edges, where GMT cut the land.
geom::Geom coastline(const geom::Context& ctx, const geom::Geom& land_ll) {
    std::vector<geom::Geom> edges;
    for (const Region& r : kRecordFrame.parts) {
        edges.push_back(ctx.line({{r.west, r.south}, {r.east, r.south}, {r.east, r.north}, {r.west, r.north}, {r.west, r.south}}));
    }
    return ctx.difference(ctx.boundary(land_ll), ctx.collect(std::move(edges), GEOS_MULTILINESTRING));
}

// The coast of one side within `within` of the other side's land, a point every `step` metres: the
// rectangle of the other side grown by `within` cuts the coast cheaply, a distance query keeps the points.
std::vector<geom::XY> samples_near(const geom::Context& ctx, const geom::Geom& coast_xy, const geom::Geom& other_xy,
                                   double within, double step) {
    const geom::Bounds o = ctx.bounds(other_xy);
    const geom::Geom near = ctx.clip_by_rect(coast_xy, o.xmin - within, o.ymin - within, o.xmax + within, o.ymax + within);
    std::vector<geom::XY> out;
    if (ctx.is_empty(near)) return out;
    const geom::Context::Prepared other = ctx.prepare(other_xy);
    for (const auto& line : ctx.lines(ctx.densify(near, step))) {
        for (const auto& p : line) {
            if (other.distance(ctx.point(p)) <= within) out.push_back(p);
        }
    }
    return out;
}

// What a thread derives with: a GEOS context and a projection of its own, and the shared, read-only model.
struct Worker {
    const geom::Context& ctx;
    const geom::Projection& proj;
    const Geography& geo;
    const TerritoryIndex& index;
    const Region& region;
};

// The part of segment p–q within `radius` of c (a segment is convex, so is a disc: one piece or none).
std::optional<std::vector<geom::XY>> within_disc(const geom::XY& p, const geom::XY& q, const geom::XY& c, double radius) {
    const double dx = q.x - p.x, dy = q.y - p.y, fx = p.x - c.x, fy = p.y - c.y;
    const double a = dx * dx + dy * dy, b = 2 * (fx * dx + fy * dy), k = fx * fx + fy * fy - radius * radius;
    const double disc = b * b - 4 * a * k;
    if (a == 0 || disc <= 0) return std::nullopt;
    const double t0 = std::max(0.0, (-b - std::sqrt(disc)) / (2 * a));
    const double t1 = std::min(1.0, (-b + std::sqrt(disc)) / (2 * a));
    if (t0 >= t1) return std::nullopt;
    const auto at = [&](double t) { return geom::XY{p.x + t * dx, p.y + t * dy}; };
    return std::vector<geom::XY>{t0 == 0 ? p : at(t0), t1 == 1 ? q : at(t1)};
}

// The centre of the circle through a, b and c (a triangle of the Delaunay triangulation: not degenerate).
geom::XY circumcentre(const geom::XY& a, const geom::XY& b, const geom::XY& c) {
    const double bx = b.x - a.x, by = b.y - a.y, cx = c.x - a.x, cy = c.y - a.y;
    const double d = 2 * (bx * cy - by * cx);
    const double b2 = bx * bx + by * by, c2 = cx * cx + cy * cy;
    return {a.x + (cy * b2 - by * c2) / d, a.y + (bx * c2 - cx * b2) / d};
}

using SitePair = std::pair<geom::XY, geom::XY>;  // a Delaunay edge's sites, the smaller first

struct SiteLess {
    bool operator()(const geom::XY& p, const geom::XY& q) const { return std::tie(p.x, p.y) < std::tie(q.x, q.y); }
    bool operator()(const SitePair& p, const SitePair& q) const {
        return (*this)(p.first, q.first) || (!(*this)(q.first, p.first) && (*this)(p.second, q.second));
    }
};

// The Voronoi edge dual to the Delaunay edge between sites p and q: the segment between the centres of
// its two triangles, or, on the triangulation's hull, the ray from its one triangle's centre away from
// that triangle's third site — as a segment long enough to leave the disc of `radius` round p.
struct Dual {
    std::vector<geom::XY> centres;
    geom::XY third;
};

std::vector<geom::XY> voronoi_edge(const SitePair& e, const Dual& d, double radius) {
    if (d.centres.size() == 2) return d.centres;
    const geom::XY& p = e.first;
    const geom::XY& q = e.second;
    const geom::XY& c = d.centres.front();
    double nx = -(q.y - p.y), ny = q.x - p.x;
    if (nx * (d.third.x - p.x) + ny * (d.third.y - p.y) > 0) nx = -nx, ny = -ny;  // away from the triangle
    const double length = std::hypot(c.x - p.x, c.y - p.y) + radius;
    const double n = std::hypot(nx, ny);
    return {c, {c.x + nx / n * length, c.y + ny / n * length}};
}

InputError too_far_apart(const BoundaryDef& def) {
    return InputError(def.where, fmt::format("'{}' and '{}' are more than 2 × {} km apart: no strait to draw a median "
                                             "line in",
                                             def.side_a, def.side_b, def.reach_km));
}

// The median line: the Voronoi edges between a coast point of one side and one of the other (each edge
// is the perpendicular bisector of its two sites: equidistant from both coasts), each kept where it is
// within reach of its sites — within reach of both sides — exactly (a circle, not a buffer's polygon).
// The Voronoi edges come from their duals, the Delaunay triangulation's edges, which name their sites.
geom::Geom median_line(const Worker& w, const BoundaryDef& def) {
    const geom::Context& ctx = w.ctx;
    const geom::Projection& proj = w.proj;
    const geom::Geom a_ll = w.geo.territory_land(ctx, w.index, def.side_a);
    const geom::Geom b_ll = w.geo.territory_land(ctx, w.index, def.side_b);
    const double reach = def.reach_km * 1000;
    // A point within reach of both sides has its nearest coast within reach, so within 2 × reach of the
    // other side (a margin of 5% for the sampling): only that coast is sampled.
    const double within = 2.1 * reach;
    const auto sa = samples_near(ctx, proj.forward(ctx, coastline(ctx, a_ll)), proj.forward(ctx, b_ll), within, def.sample_m);
    const auto sb = samples_near(ctx, proj.forward(ctx, coastline(ctx, b_ll)), proj.forward(ctx, a_ll), within, def.sample_m);
    if (sa.empty() || sb.empty()) throw too_far_apart(def);
    std::map<geom::XY, bool, SiteLess> on_side_a;
    for (const auto& p : sb) on_side_a.emplace(p, false);
    for (const auto& p : sa) on_side_a.emplace(p, true);
    std::vector<geom::Geom> points;
    for (const auto& [p, a] : on_side_a) points.push_back(ctx.point(p));
    std::map<SitePair, Dual, SiteLess> duals;  // the Delaunay edges between the sides
    for (const auto& triangle : ctx.polygons(ctx.delaunay_triangles(ctx.collect(std::move(points), GEOS_MULTIPOINT)))) {
        const geom::Ring& t = triangle.front();
        const geom::XY centre = circumcentre(t[0], t[1], t[2]);
        for (std::size_t k = 0; k < 3; ++k) {
            const geom::XY& p = t[k];
            const geom::XY& q = t[k + 1];
            if (on_side_a.at(p) == on_side_a.at(q)) continue;
            Dual& d = duals[SiteLess{}(p, q) ? SitePair{p, q} : SitePair{q, p}];
            d.centres.push_back(centre);
            d.third = t[(k + 2) % 3];
        }
    }
    std::vector<geom::Geom> pieces;
    for (const auto& [sites, dual] : duals) {
        const auto edge = voronoi_edge(sites, dual, reach);
        if (auto piece = within_disc(edge[0], edge[1], sites.first, reach)) pieces.push_back(ctx.line(*piece));
    }
    if (pieces.empty()) throw too_far_apart(def);
    return proj.inverse(ctx, ctx.line_merge(ctx.collect(std::move(pieces), GEOS_MULTILINESTRING)));
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
