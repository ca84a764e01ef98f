#pragma once
// Small RAII wrappers over GEOS's reentrant C API (geos_c.h). A Context owns one
// GEOSContextHandle_t and turns GEOS errors into GeometryError; a Geom owns one GEOSGeometry.
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <geos_c.h>

namespace kuril::geom {

struct XY {
    double x = 0;
    double y = 0;
    friend bool operator==(const XY&, const XY&) = default;
};
using Ring = std::vector<XY>;          // closed: first == last
using PolygonRings = std::vector<Ring>;  // exterior first, then holes

struct Bounds {
    double xmin = 0, ymin = 0, xmax = 0, ymax = 0;
};

class Context;

// An owning handle to one GEOS geometry. Move-only.
class Geom {
public:
    Geom() = default;
    Geom(GEOSContextHandle_t h, GEOSGeometry* g) : h_(h), g_(g) {}
    Geom(const Geom&) = delete;
    Geom& operator=(const Geom&) = delete;
    Geom(Geom&& o) noexcept : h_(o.h_), g_(o.g_) { o.g_ = nullptr; }
    Geom& operator=(Geom&& o) noexcept;
    ~Geom();

    [[nodiscard]] const GEOSGeometry* get() const noexcept { return g_; }
    [[nodiscard]] GEOSGeometry* release() noexcept { auto* g = g_; g_ = nullptr; return g; }
    [[nodiscard]] explicit operator bool() const noexcept { return g_ != nullptr; }

private:
    GEOSContextHandle_t h_ = nullptr;
    GEOSGeometry* g_ = nullptr;
};

// One GEOS context: not shared between threads.
class Context {
public:
    Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;
    ~Context();

    [[nodiscard]] GEOSContextHandle_t handle() const noexcept { return h_; }
    // Takes over a geometry made in another context (a worker thread's, about to end): a GEOS geometry
    // does not depend on the context that made it, only its owner's handle destroys it. No GEOS call.
    [[nodiscard]] Geom adopt(Geom&& g) const noexcept { return Geom(h_, g.release()); }

    // Construction.
    [[nodiscard]] Geom point(XY p) const;
    [[nodiscard]] Geom line(const std::vector<XY>& coords) const;
    [[nodiscard]] Geom polygon(const PolygonRings& rings) const;
    [[nodiscard]] Geom box(double minx, double miny, double maxx, double maxy) const;
    [[nodiscard]] Geom collect(std::vector<Geom> parts, int type) const;  // GEOS_MULTIPOLYGON, ...
    [[nodiscard]] Geom empty_polygon() const;
    [[nodiscard]] Geom from_wkt(std::string_view wkt) const;
    [[nodiscard]] Geom from_wkb(const unsigned char* data, std::size_t size) const;
    [[nodiscard]] Geom clone(const Geom& g) const;

    // Serialisation.
    [[nodiscard]] std::string wkt(const Geom& g, int decimals = 7) const;
    [[nodiscard]] std::vector<unsigned char> wkb(const Geom& g) const;

    // Predicates and measures.
    [[nodiscard]] bool is_valid(const Geom& g) const;
    [[nodiscard]] std::string invalid_reason(const Geom& g) const;
    [[nodiscard]] bool is_empty(const Geom& g) const;
    [[nodiscard]] bool contains(const Geom& a, const Geom& b) const;
    [[nodiscard]] bool intersects(const Geom& a, const Geom& b) const;
    [[nodiscard]] double area(const Geom& g) const;
    [[nodiscard]] double length(const Geom& g) const;
    [[nodiscard]] double distance(const Geom& a, const Geom& b) const;
    [[nodiscard]] int type(const Geom& g) const;
    [[nodiscard]] int num_geometries(const Geom& g) const;
    [[nodiscard]] Geom geometry_n(const Geom& g, int n) const;  // a copy
    [[nodiscard]] std::vector<Geom> parts(const Geom& g) const;  // copies of the parts
    [[nodiscard]] XY point_xy(const Geom& point) const;
    [[nodiscard]] std::vector<XY> coords(const Geom& linear) const;  // LineString or LinearRing
    [[nodiscard]] std::vector<PolygonRings> polygons(const Geom& g) const;  // Polygon or MultiPolygon
    [[nodiscard]] std::vector<std::vector<XY>> lines(const Geom& g) const;  // (Multi)LineString

    // Operations.
    [[nodiscard]] Geom unary_union(const Geom& g) const;
    [[nodiscard]] Geom intersection(const Geom& a, const Geom& b) const;
    [[nodiscard]] Geom difference(const Geom& a, const Geom& b) const;
    [[nodiscard]] Geom boundary(const Geom& g) const;
    // The part of `g` in the rectangle, by GEOS's rectangle intersection (linear in the vertices; an
    // overlay's robustness is not needed against an axis-parallel box).
    [[nodiscard]] Geom clip_by_rect(const Geom& g, double xmin, double ymin, double xmax, double ymax) const;
    [[nodiscard]] Geom buffer(const Geom& g, double distance, int quadsegs = 8) const;
    // Douglas–Peucker that keeps the topology (no self-intersection, rings kept): for display only.
    [[nodiscard]] Geom simplify_preserving(const Geom& g, double tolerance) const;
    [[nodiscard]] Geom polygonize(const std::vector<const Geom*>& lines) const;
    [[nodiscard]] Geom line_merge(const Geom& g) const;
    [[nodiscard]] Geom node(const Geom& g) const;
    // The Delaunay triangulation of the points, as triangles (polygons whose vertices are the points).
    [[nodiscard]] Geom delaunay_triangles(const Geom& sites) const;
    [[nodiscard]] Geom max_inscribed_circle(const Geom& g, double tolerance) const;  // a 2-point line
    [[nodiscard]] Geom point_on_surface(const Geom& g) const;
    [[nodiscard]] Geom centroid(const Geom& g) const;
    [[nodiscard]] Bounds bounds(const Geom& g) const;  // of a geometry that is not empty
    [[nodiscard]] Geom make_valid(const Geom& g) const;
    [[nodiscard]] Geom densify(const Geom& g, double tolerance) const;
    // Snap-rounds to a grid of `grid` units; the result is valid (GEOS precision reduction).
    [[nodiscard]] Geom set_precision(const Geom& g, double grid) const;
    [[nodiscard]] Geom normalize(Geom g) const;
    // Applies f to every coordinate (in place on a copy).
    [[nodiscard]] Geom transform(const Geom& g, const std::function<XY(XY)>& f) const;

    // Wraps a raw result; throws GeometryError with GEOS's message when it is null.
    [[nodiscard]] Geom take(GEOSGeometry* g, const char* operation) const;

    // A prepared geometry for repeated predicates against the same shape.
    class Prepared {
    public:
        Prepared(GEOSContextHandle_t h, const GEOSPreparedGeometry* p) : h_(h), p_(p) {}
        Prepared(const Prepared&) = delete;
        Prepared& operator=(const Prepared&) = delete;
        Prepared(Prepared&& o) noexcept : h_(o.h_), p_(o.p_) { o.p_ = nullptr; }
        ~Prepared();
        [[nodiscard]] bool contains(const Geom& g) const;
        [[nodiscard]] bool intersects(const Geom& g) const;
        [[nodiscard]] double distance(const Geom& g) const;

    private:
        GEOSContextHandle_t h_;
        const GEOSPreparedGeometry* p_;
    };
    [[nodiscard]] Prepared prepare(const Geom& g) const;  // g must outlive the result

    // The last error GEOS reported on this context.
    [[nodiscard]] const std::string& last_error() const noexcept { return last_error_; }

private:
    GEOSContextHandle_t h_;
    std::string last_error_;
};

// Signed shoelace area of a closed ring of points with x and y (doubles, or the integer tile coordinates
// of MVT): positive when counter-clockwise with y up, i.e. clockwise in tile coordinates (y down). The one
// ring-area computation of the project: GeoJSON winding, the tiler's orientation, the MVT checker.
template <typename Ring>
[[nodiscard]] double signed_area(const Ring& ring) {
    double a = 0;
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
        a += static_cast<double>(ring[i].x) * ring[i + 1].y - static_cast<double>(ring[i + 1].x) * ring[i].y;
    }
    return a / 2;
}

}  // namespace kuril::geom
