#include "geom/projection.hpp"

#include <cmath>

#include <fmt/format.h>
#include <geodesic.h>
#include <proj.h>

#include "util/error.hpp"

namespace kuril::geom {

Projection::Projection(const std::string& definition)
    : definition_(definition), ctx_(proj_context_create()), pj_(nullptr) {
    proj_context_use_proj4_init_rules(ctx_, 1);
    pj_ = proj_create(ctx_, definition.c_str());
    if (pj_ == nullptr) {
        const int err = proj_context_errno(ctx_);
        proj_context_destroy(ctx_);
        throw GeometryError(fmt::format("PROJ cannot create '{}': {}", definition, proj_errno_string(err)));
    }
}

Projection Projection::local(XY centre) {
    return Projection(fmt::format("+proj=laea +lat_0={:.6f} +lon_0={:.6f} +ellps=WGS84 +units=m", centre.y, centre.x));
}

Projection::~Projection() {
    if (pj_ != nullptr) {
        proj_destroy(pj_);
    }
    if (ctx_ != nullptr) {
        proj_context_destroy(ctx_);
    }
}

XY Projection::forward(XY lonlat) const {
    const PJ_COORD in = proj_coord(proj_torad(lonlat.x), proj_torad(lonlat.y), 0, 0);
    const PJ_COORD out = proj_trans(pj_, PJ_FWD, in);
    if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y)) {
        throw GeometryError(fmt::format("PROJ cannot project ({}, {})", lonlat.x, lonlat.y));
    }
    return XY{out.xy.x, out.xy.y};
}

XY Projection::inverse(XY xy) const {
    const PJ_COORD in = proj_coord(xy.x, xy.y, 0, 0);
    const PJ_COORD out = proj_trans(pj_, PJ_INV, in);
    if (!std::isfinite(out.lp.lam) || !std::isfinite(out.lp.phi)) {
        throw GeometryError(fmt::format("PROJ cannot unproject ({}, {})", xy.x, xy.y));
    }
    return XY{proj_todeg(out.lp.lam), proj_todeg(out.lp.phi)};
}

Geom Projection::forward(const Context& ctx, const Geom& g) const {
    return ctx.transform(g, [this](XY p) { return forward(p); });
}

Geom Projection::inverse(const Context& ctx, const Geom& g) const {
    return ctx.transform(g, [this](XY p) { return inverse(p); });
}

namespace {
double ring_area_m2(const geod_geodesic& geod, const Ring& ring) {
    std::vector<double> lats;
    std::vector<double> lons;
    lats.reserve(ring.size());
    lons.reserve(ring.size());
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {  // geod_polygonarea closes the ring itself
        lons.push_back(ring[i].x);
        lats.push_back(ring[i].y);
    }
    double area = 0;
    double perimeter = 0;
    geod_polygonarea(&geod, lats.data(), lons.data(), static_cast<int>(lats.size()), &area, &perimeter);
    return std::fabs(area);
}

geod_geodesic wgs84() {
    geod_geodesic geod{};
    geod_init(&geod, 6378137.0, 1 / 298.257223563);
    return geod;
}

// Exteriors minus holes, in m², each ring's area from `ring_m2`, summed in the same order whoever measures.
template <typename RingArea>
double polygons_m2(const Context& ctx, const Geom& lonlat, RingArea ring_m2) {
    double m2 = 0;
    for (const auto& poly : ctx.polygons(lonlat)) {
        for (std::size_t r = 0; r < poly.size(); ++r) {
            const double a = ring_m2(poly[r]);
            m2 += r == 0 ? a : -a;
        }
    }
    return m2;
}

}  // namespace

double geodesic_area_km2(const Context& ctx, const Geom& lonlat) {
    const geod_geodesic geod = wgs84();
    return polygons_m2(ctx, lonlat, [&](const Ring& r) { return ring_area_m2(geod, r); }) / 1e6;
}

std::size_t GeodesicAreas::RingHash::operator()(const Ring& r) const noexcept {
    std::size_t h = r.size();
    for (const auto& p : r) {
        h = h * 1099511628211ULL ^ std::hash<double>{}(p.x);
        h = h * 1099511628211ULL ^ std::hash<double>{}(p.y);
    }
    return h;
}

double GeodesicAreas::km2(const Context& ctx, const Geom& lonlat) const {
    const geod_geodesic geod = wgs84();
    return polygons_m2(ctx, lonlat, [&](const Ring& r) {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            if (const auto it = m2_.find(r); it != m2_.end()) return it->second;
        }
        const double a = ring_area_m2(geod, r);
        const std::lock_guard<std::mutex> lock(mutex_);
        m2_.emplace(r, a);
        return a;
    }) / 1e6;
}

}  // namespace kuril::geom
