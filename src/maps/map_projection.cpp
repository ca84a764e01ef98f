#include "maps/map_projection.hpp"

#include <cmath>

#include <fmt/format.h>
#include <proj.h>

#include "util/error.hpp"

namespace kuril::maps {

MapProjection::MapProjection(const std::string& given) : ctx_(proj_context_create()) {
    // A bare PROJ string names an operation; "+type=crs" makes it the CRS the user means.
    const std::string crs =
        given.rfind("+proj=", 0) == 0 && given.find("+type=crs") == std::string::npos ? given + " +type=crs" : given;
    PJ* target = proj_create(ctx_, crs.c_str());
    const bool projected = target != nullptr && proj_get_type(target) == PJ_TYPE_PROJECTED_CRS;
    if (!projected) {
        if (target != nullptr) proj_destroy(target);
        proj_context_destroy(ctx_);
        ctx_ = nullptr;
        throw UsageError(fmt::format("--crs {}: not a projected CRS that PROJ knows", given));
    }
    if (const char* w = proj_as_wkt(ctx_, target, PJ_WKT1_GDAL, nullptr)) wkt_ = w;
    if (const char* n = proj_get_name(target)) name_ = n;
    PJ* op = proj_create_crs_to_crs(ctx_, "EPSG:4326", crs.c_str(), nullptr);
    proj_destroy(target);
    if (op == nullptr) {
        proj_context_destroy(ctx_);
        ctx_ = nullptr;
        throw UsageError(fmt::format("--crs {}: PROJ finds no operation from WGS 84", given));
    }
    pj_ = proj_normalize_for_visualization(ctx_, op);
    proj_destroy(op);
}

MapProjection::~MapProjection() {
    if (pj_ != nullptr) proj_destroy(pj_);
    if (ctx_ != nullptr) proj_context_destroy(ctx_);
}

geom::XY MapProjection::forward(geom::XY lonlat) const {
    const PJ_COORD out = proj_trans(pj_, PJ_FWD, proj_coord(lonlat.x, lonlat.y, 0, 0));
    if (!std::isfinite(out.xy.x) || !std::isfinite(out.xy.y)) {
        throw GeometryError(fmt::format("PROJ cannot project ({}, {}) to the map's CRS", lonlat.x, lonlat.y));
    }
    return {out.xy.x, out.xy.y};
}

geom::XY MapProjection::inverse(geom::XY metres) const {
    const PJ_COORD out = proj_trans(pj_, PJ_INV, proj_coord(metres.x, metres.y, 0, 0));
    if (!std::isfinite(out.lp.lam) || !std::isfinite(out.lp.phi)) {
        throw GeometryError(fmt::format("PROJ cannot take ({}, {}) of the map's CRS back to WGS 84", metres.x, metres.y));
    }
    return {out.lp.lam, out.lp.phi};
}

std::string fitted_lcc(double west, double south, double east, double north) {
    const double span = north - south;
    return fmt::format("+proj=lcc +lat_1={:.2f} +lat_2={:.2f} +lat_0={:.2f} +lon_0={:.2f} +datum=WGS84 +units=m +no_defs +type=crs",
                       south + span / 6, north - span / 6, (south + north) / 2, (west + east) / 2);
}

}  // namespace kuril::maps
