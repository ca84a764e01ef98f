#pragma once
// WGS 84 longitude/latitude (degrees) to the map's projected CRS, through PROJ (proj_create_crs_to_crs,
// normalised to lon/lat order), with the CRS's WKT for the PNG's .aux.xml.
#include <string>

#include "geom/geos.hpp"

struct PJconsts;
struct pj_ctx;

namespace kuril::maps {

class MapProjection {
public:
    // `crs`: anything PROJ accepts as a CRS ("EPSG:3857", a PROJ string, WKT). Throws UsageError when PROJ
    // does not know it or it is not a projected CRS.
    explicit MapProjection(const std::string& crs);
    MapProjection(const MapProjection&) = delete;
    MapProjection& operator=(const MapProjection&) = delete;
    ~MapProjection();

    [[nodiscard]] geom::XY forward(geom::XY lonlat) const;  // throws GeometryError off the projection's domain
    [[nodiscard]] geom::XY inverse(geom::XY metres) const;  // longitude/latitude; throws GeometryError likewise
    [[nodiscard]] const std::string& wkt() const noexcept { return wkt_; }
    [[nodiscard]] const std::string& name() const noexcept { return name_; }

private:
    pj_ctx* ctx_ = nullptr;
    PJconsts* pj_ = nullptr;
    std::string wkt_;
    std::string name_;
};

// The default: a Lambert conformal conic with standard parallels at 1/6 and 5/6 of the extent's latitudes.
[[nodiscard]] std::string fitted_lcc(double west, double south, double east, double north);

}  // namespace kuril::maps
