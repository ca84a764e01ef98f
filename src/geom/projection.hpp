#pragma once
// Coordinates between WGS 84 longitude/latitude (degrees) and a projected plane (metres), through PROJ,
// plus PROJ's geodesic area on the WGS 84 ellipsoid.
#include <mutex>
#include <string>
#include <unordered_map>

#include "geom/geos.hpp"

struct PJconsts;
struct pj_ctx;

namespace kuril::geom {

class Projection {
public:
    // A PROJ operation string whose input is geographic (radians), e.g. "+proj=laea +lat_0=46 ...".
    explicit Projection(const std::string& definition);
    // Lambert azimuthal equal-area centred on a point: distances and areas nearly true nearby.
    static Projection local(XY centre_lonlat);
    Projection(const Projection&) = delete;
    Projection& operator=(const Projection&) = delete;
    Projection(Projection&& o) noexcept : definition_(std::move(o.definition_)), ctx_(o.ctx_), pj_(o.pj_) {
        o.ctx_ = nullptr;
        o.pj_ = nullptr;
    }
    Projection& operator=(Projection&&) = delete;
    ~Projection();
    // The same projection with a PROJ context of its own, for another thread (a PJ is not to be shared).
    [[nodiscard]] Projection copy() const { return Projection(definition_); }

    [[nodiscard]] XY forward(XY lonlat) const;
    [[nodiscard]] XY inverse(XY xy) const;
    [[nodiscard]] Geom forward(const Context& ctx, const Geom& g) const;
    [[nodiscard]] Geom inverse(const Context& ctx, const Geom& g) const;

private:
    std::string definition_;
    pj_ctx* ctx_;
    PJconsts* pj_;
};

// Geodesic area in km² of a (multi)polygon in lon/lat degrees, on the WGS 84 ellipsoid
// (PROJ's geodesic routines, Karney 2013): exteriors minus holes.
[[nodiscard]] double geodesic_area_km2(const Context& ctx, const Geom& lonlat);

// geodesic_area_km2, bit for bit, with each ring's area remembered by its coordinates: the dated layers
// measure the same islands again and again (every snapshot holds most of them; 0.4 s of each build before).
// Safe to share between threads.
class GeodesicAreas {
public:
    [[nodiscard]] double km2(const Context& ctx, const Geom& lonlat) const;

private:
    struct RingHash {
        std::size_t operator()(const Ring& r) const noexcept;
    };
    mutable std::mutex mutex_;
    mutable std::unordered_map<Ring, double, RingHash> m2_;
};

}  // namespace kuril::geom
