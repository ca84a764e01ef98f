#include "geom/geos.hpp"

#include <cstdint>

#include "util/error.hpp"

namespace kuril::geom {

Geom& Geom::operator=(Geom&& o) noexcept {
    if (this != &o) {
        if (g_ != nullptr) {
            GEOSGeom_destroy_r(h_, g_);
        }
        h_ = o.h_;
        g_ = o.g_;
        o.g_ = nullptr;
    }
    return *this;
}

Geom::~Geom() {
    if (g_ != nullptr) {
        GEOSGeom_destroy_r(h_, g_);
    }
}

namespace {

void on_error(const char* message, void* userdata) {
    *static_cast<std::string*>(userdata) = message;
}
}  // namespace

Context::Context() : h_(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(h_, on_error, &last_error_);
}

Context::~Context() { GEOS_finish_r(h_); }

Geom Context::take(GEOSGeometry* g, const char* operation) const {
    if (g == nullptr) {
        throw GeometryError(std::string("GEOS ") + operation + " failed: " + last_error_);
    }
    return Geom{h_, g};
}

namespace {
GEOSCoordSequence* make_seq(GEOSContextHandle_t h, const std::vector<XY>& coords) {
    return GEOSCoordSeq_copyFromBuffer_r(h, reinterpret_cast<const double*>(coords.data()),
                                         static_cast<unsigned>(coords.size()), 0, 0);
}
}  // namespace
static_assert(sizeof(XY) == 2 * sizeof(double));

Geom Context::point(XY p) const { return take(GEOSGeom_createPointFromXY_r(h_, p.x, p.y), "point"); }

Geom Context::line(const std::vector<XY>& coords) const {
    return take(GEOSGeom_createLineString_r(h_, make_seq(h_, coords)), "line");
}

Geom Context::polygon(const PolygonRings& rings) const {
    if (rings.empty()) {
        return empty_polygon();
    }
    std::vector<GEOSGeometry*> made;
    for (const auto& r : rings) {
        GEOSGeometry* lr = GEOSGeom_createLinearRing_r(h_, make_seq(h_, r));
        if (lr == nullptr) {
            for (auto* m : made) {
                GEOSGeom_destroy_r(h_, m);
            }
            throw GeometryError("GEOS ring failed: " + last_error_);
        }
        made.push_back(lr);
    }
    return take(GEOSGeom_createPolygon_r(h_, made[0], made.data() + 1, static_cast<unsigned>(made.size() - 1)),
                "polygon");
}

Geom Context::box(double minx, double miny, double maxx, double maxy) const {
    return take(GEOSGeom_createRectangle_r(h_, minx, miny, maxx, maxy), "rectangle");
}

Geom Context::collect(std::vector<Geom> parts, int type) const {
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (auto& p : parts) {
        raw.push_back(p.release());
    }
    return take(GEOSGeom_createCollection_r(h_, type, raw.data(), static_cast<unsigned>(raw.size())), "collect");
}

Geom Context::empty_polygon() const { return take(GEOSGeom_createEmptyPolygon_r(h_), "empty polygon"); }

Geom Context::from_wkt(std::string_view wkt) const {
    GEOSWKTReader* r = GEOSWKTReader_create_r(h_);
    const std::string s(wkt);
    GEOSGeometry* g = GEOSWKTReader_read_r(h_, r, s.c_str());
    GEOSWKTReader_destroy_r(h_, r);
    return take(g, "WKT read");
}

Geom Context::from_wkb(const unsigned char* data, std::size_t size) const {
    GEOSWKBReader* r = GEOSWKBReader_create_r(h_);
    GEOSGeometry* g = GEOSWKBReader_read_r(h_, r, data, size);
    GEOSWKBReader_destroy_r(h_, r);
    return take(g, "WKB read");
}

Geom Context::clone(const Geom& g) const { return take(GEOSGeom_clone_r(h_, g.get()), "clone"); }

std::string Context::wkt(const Geom& g, int decimals) const {
    GEOSWKTWriter* w = GEOSWKTWriter_create_r(h_);
    GEOSWKTWriter_setRoundingPrecision_r(h_, w, decimals);
    char* out = GEOSWKTWriter_write_r(h_, w, g.get());
    GEOSWKTWriter_destroy_r(h_, w);
    std::string s = out != nullptr ? out : "";
    GEOSFree_r(h_, out);
    return s;
}

std::vector<unsigned char> Context::wkb(const Geom& g) const {
    GEOSWKBWriter* w = GEOSWKBWriter_create_r(h_);
    GEOSWKBWriter_setByteOrder_r(h_, w, GEOS_WKB_NDR);
    std::size_t size = 0;
    unsigned char* out = GEOSWKBWriter_write_r(h_, w, g.get(), &size);
    GEOSWKBWriter_destroy_r(h_, w);
    if (out == nullptr) {
        throw GeometryError("GEOS WKB write failed: " + last_error_);
    }
    std::vector<unsigned char> v(out, out + size);
    GEOSFree_r(h_, out);
    return v;
}

namespace {
bool check_bool(char r, const std::string& err, const char* op) {
    if (r == 2) {
        throw GeometryError(std::string("GEOS ") + op + " failed: " + err);
    }
    return r == 1;
}
}  // namespace

bool Context::is_valid(const Geom& g) const { return check_bool(GEOSisValid_r(h_, g.get()), last_error_, "isValid"); }

std::string Context::invalid_reason(const Geom& g) const {
    char* r = GEOSisValidReason_r(h_, g.get());
    std::string s = r != nullptr ? r : "unknown";
    GEOSFree_r(h_, r);
    return s;
}

bool Context::is_empty(const Geom& g) const { return check_bool(GEOSisEmpty_r(h_, g.get()), last_error_, "isEmpty"); }

bool Context::contains(const Geom& a, const Geom& b) const {
    return check_bool(GEOSContains_r(h_, a.get(), b.get()), last_error_, "contains");
}

bool Context::intersects(const Geom& a, const Geom& b) const {
    return check_bool(GEOSIntersects_r(h_, a.get(), b.get()), last_error_, "intersects");
}

double Context::area(const Geom& g) const {
    double a = 0;
    if (GEOSArea_r(h_, g.get(), &a) == 0) {
        throw GeometryError("GEOS area failed: " + last_error_);
    }
    return a;
}

double Context::length(const Geom& g) const {
    double a = 0;
    if (GEOSLength_r(h_, g.get(), &a) == 0) {
        throw GeometryError("GEOS length failed: " + last_error_);
    }
    return a;
}

double Context::distance(const Geom& a, const Geom& b) const {
    double d = 0;
    if (GEOSDistance_r(h_, a.get(), b.get(), &d) == 0) {
        throw GeometryError("GEOS distance failed: " + last_error_);
    }
    return d;
}

int Context::type(const Geom& g) const { return GEOSGeomTypeId_r(h_, g.get()); }

int Context::num_geometries(const Geom& g) const { return GEOSGetNumGeometries_r(h_, g.get()); }

Geom Context::geometry_n(const Geom& g, int n) const {
    const GEOSGeometry* part = GEOSGetGeometryN_r(h_, g.get(), n);
    return take(part != nullptr ? GEOSGeom_clone_r(h_, part) : nullptr, "geometryN");
}

std::vector<Geom> Context::parts(const Geom& g) const {
    std::vector<Geom> out;
    const int n = num_geometries(g);
    out.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        out.push_back(geometry_n(g, i));
    }
    return out;
}

XY Context::point_xy(const Geom& point) const {
    XY p;
    if (GEOSGeomGetX_r(h_, point.get(), &p.x) == 0 || GEOSGeomGetY_r(h_, point.get(), &p.y) == 0) {
        throw GeometryError("GEOS point coordinates failed: " + last_error_);
    }
    return p;
}

namespace {
std::vector<XY> seq_coords(GEOSContextHandle_t h, const GEOSGeometry* g) {
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, g);
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    std::vector<XY> out(n);
    GEOSCoordSeq_copyToBuffer_r(h, seq, reinterpret_cast<double*>(out.data()), 0, 0);
    return out;
}
}  // namespace

std::vector<XY> Context::coords(const Geom& linear) const { return seq_coords(h_, linear.get()); }

std::vector<PolygonRings> Context::polygons(const Geom& g) const {
    std::vector<PolygonRings> out;
    auto one = [&](const GEOSGeometry* poly) {
        if (GEOSisEmpty_r(h_, poly) == 1) {
            return;
        }
        PolygonRings rings;
        rings.push_back(seq_coords(h_, GEOSGetExteriorRing_r(h_, poly)));
        const int holes = GEOSGetNumInteriorRings_r(h_, poly);
        for (int i = 0; i < holes; ++i) {
            rings.push_back(seq_coords(h_, GEOSGetInteriorRingN_r(h_, poly, i)));
        }
        out.push_back(std::move(rings));
    };
    std::function<void(const GEOSGeometry*)> walk = [&](const GEOSGeometry* x) {
        const int t = GEOSGeomTypeId_r(h_, x);
        if (t == GEOS_POLYGON) {
            one(x);
        } else if (t == GEOS_MULTIPOLYGON || t == GEOS_GEOMETRYCOLLECTION) {
            const int n = GEOSGetNumGeometries_r(h_, x);
            for (int i = 0; i < n; ++i) {
                walk(GEOSGetGeometryN_r(h_, x, i));
            }
        }
    };
    walk(g.get());
    return out;
}

std::vector<std::vector<XY>> Context::lines(const Geom& g) const {
    std::vector<std::vector<XY>> out;
    const int t = type(g);
    if (t == GEOS_LINESTRING) {
        out.push_back(seq_coords(h_, g.get()));
    } else if (t == GEOS_MULTILINESTRING || t == GEOS_GEOMETRYCOLLECTION) {
        const int n = num_geometries(g);
        for (int i = 0; i < n; ++i) {
            const GEOSGeometry* part = GEOSGetGeometryN_r(h_, g.get(), i);
            if (GEOSGeomTypeId_r(h_, part) == GEOS_LINESTRING) {
                out.push_back(seq_coords(h_, part));
            }
        }
    }
    return out;
}

Geom Context::unary_union(const Geom& g) const { return take(GEOSUnaryUnion_r(h_, g.get()), "union"); }

Geom Context::intersection(const Geom& a, const Geom& b) const {
    return take(GEOSIntersection_r(h_, a.get(), b.get()), "intersection");
}

Geom Context::difference(const Geom& a, const Geom& b) const {
    return take(GEOSDifference_r(h_, a.get(), b.get()), "difference");
}

Geom Context::boundary(const Geom& g) const { return take(GEOSBoundary_r(h_, g.get()), "boundary"); }

Geom Context::clip_by_rect(const Geom& g, double xmin, double ymin, double xmax, double ymax) const {
    return take(GEOSClipByRect_r(h_, g.get(), xmin, ymin, xmax, ymax), "clip by rectangle");
}

Geom Context::buffer(const Geom& g, double distance, int quadsegs) const {
    return take(GEOSBuffer_r(h_, g.get(), distance, quadsegs), "buffer");
}

Geom Context::simplify_preserving(const Geom& g, double tolerance) const {
    return take(GEOSTopologyPreserveSimplify_r(h_, g.get(), tolerance), "topology-preserving simplify");
}

Geom Context::polygonize(const std::vector<const Geom*>& lines) const {
    std::vector<const GEOSGeometry*> raw;
    raw.reserve(lines.size());
    for (const auto* l : lines) {
        raw.push_back(l->get());
    }
    return take(GEOSPolygonize_r(h_, raw.data(), static_cast<unsigned>(raw.size())), "polygonize");
}

Geom Context::line_merge(const Geom& g) const { return take(GEOSLineMerge_r(h_, g.get()), "line merge"); }

Geom Context::node(const Geom& g) const { return take(GEOSNode_r(h_, g.get()), "node"); }

Geom Context::delaunay_triangles(const Geom& sites) const {
    return take(GEOSDelaunayTriangulation_r(h_, sites.get(), 0.0, 0), "Delaunay triangulation");
}

Geom Context::max_inscribed_circle(const Geom& g, double tolerance) const {
    return take(GEOSMaximumInscribedCircle_r(h_, g.get(), tolerance), "maximum inscribed circle");
}

Geom Context::point_on_surface(const Geom& g) const {
    return take(GEOSPointOnSurface_r(h_, g.get()), "point on surface");
}

Geom Context::centroid(const Geom& g) const { return take(GEOSGetCentroid_r(h_, g.get()), "centroid"); }

Bounds Context::bounds(const Geom& g) const {
    Bounds b;
    if (GEOSGeom_getXMin_r(h_, g.get(), &b.xmin) == 0 || GEOSGeom_getYMin_r(h_, g.get(), &b.ymin) == 0 ||
        GEOSGeom_getXMax_r(h_, g.get(), &b.xmax) == 0 || GEOSGeom_getYMax_r(h_, g.get(), &b.ymax) == 0) {
        throw GeometryError("GEOS bounds failed: " + last_error_);
    }
    return b;
}

// GEOS 3.10's "structure" method: the union of the shells less the union of the holes, dropping what
// collapses. Several times faster than the default "linework" method on large polygons, and it keeps
// every lobe of a ring that crosses itself (as the linework method does).
Geom Context::make_valid(const Geom& g) const {
    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(h_);
    if (params == nullptr) throw GeometryError("GEOS make valid: out of memory");
    GEOSMakeValidParams_setMethod_r(h_, params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(h_, params, 0);
    GEOSGeometry* out = GEOSMakeValidWithParams_r(h_, g.get(), params);
    GEOSMakeValidParams_destroy_r(h_, params);
    return take(out, "make valid");
}

Geom Context::densify(const Geom& g, double tolerance) const {
    return take(GEOSDensify_r(h_, g.get(), tolerance), "densify");
}

Geom Context::set_precision(const Geom& g, double grid) const {
    return take(GEOSGeom_setPrecision_r(h_, g.get(), grid, 0), "set precision");
}

Geom Context::normalize(Geom g) const {
    if (GEOSNormalize_r(h_, const_cast<GEOSGeometry*>(g.get())) != 0) {
        throw GeometryError("GEOS normalize failed: " + last_error_);
    }
    return g;
}

namespace {
int transform_cb(double* x, double* y, void* userdata) {
    const auto& f = *static_cast<const std::function<XY(XY)>*>(userdata);
    const XY out = f(XY{*x, *y});
    *x = out.x;
    *y = out.y;
    return 1;
}
}  // namespace

Geom Context::transform(const Geom& g, const std::function<XY(XY)>& f) const {
    return take(GEOSGeom_transformXY_r(h_, g.get(), transform_cb, const_cast<std::function<XY(XY)>*>(&f)),
                "transform");
}

Context::Prepared::~Prepared() {
    if (p_ != nullptr) {
        GEOSPreparedGeom_destroy_r(h_, p_);
    }
}

bool Context::Prepared::contains(const Geom& g) const { return GEOSPreparedContains_r(h_, p_, g.get()) == 1; }

bool Context::Prepared::intersects(const Geom& g) const { return GEOSPreparedIntersects_r(h_, p_, g.get()) == 1; }

double Context::Prepared::distance(const Geom& g) const {
    double d = 0;
    if (GEOSPreparedDistance_r(h_, p_, g.get(), &d) == 0) {
        throw GeometryError("GEOS prepared distance failed");
    }
    return d;
}

Context::Prepared Context::prepare(const Geom& g) const {
    const GEOSPreparedGeometry* p = GEOSPrepare_r(h_, g.get());
    if (p == nullptr) {
        throw GeometryError("GEOS prepare failed: " + last_error_);
    }
    return Prepared{h_, p};
}

}  // namespace kuril::geom
