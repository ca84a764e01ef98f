#include "tiles/engine/validity.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "tiles/engine/orientation.hpp"

namespace kuril::tiles {

namespace {

// Coordinates within ±2^30: differences below 2^31, so a cross product's two terms below 2^62 each and
// their difference exact in 64 bits.
constexpr std::int64_t kMaxCoordinate = std::int64_t{1} << 30;

// Pairs of edges or rings looked at, at most, per point: past it, GEOS decides (it never runs away on
// a pathological tile, a few long edges along the tile's border are far below it).
constexpr std::size_t kBudgetPerPoint = 256;
constexpr std::size_t kBudgetFloor = 1 << 16;

struct Box {
    std::int32_t xmin, ymin, xmax, ymax;
    [[nodiscard]] bool overlaps(const Box& o) const {
        return xmin <= o.xmax && o.xmin <= xmax && ymin <= o.ymax && o.ymin <= ymax;
    }
    [[nodiscard]] bool holds(const IPt& p) const { return p.x >= xmin && p.x <= xmax && p.y >= ymin && p.y <= ymax; }
};

Box box_of(const IPt& a, const IPt& b) {
    return {std::min(a.x, b.x), std::min(a.y, b.y), std::max(a.x, b.x), std::max(a.y, b.y)};
}

Box box_of(const IRing& r) {
    Box b = box_of(r.front(), r.front());
    for (const auto& p : r) b = {std::min(b.xmin, p.x), std::min(b.ymin, p.y), std::max(b.xmax, p.x), std::max(b.ymax, p.y)};
    return b;
}

struct Edge {
    IPt a, b;
    Box box;
    std::uint32_t ring;   // numbered over all the polygons' rings
    std::uint32_t index;  // in its ring
    std::uint32_t count;  // edges in its ring
};

int sign(std::int64_t v) { return (v > 0) - (v < 0); }

class Budget {
public:
    explicit Budget(std::size_t points) : left_(kBudgetPerPoint * points + kBudgetFloor) {}
    [[nodiscard]] bool spend() { return left_ == 0 ? false : (--left_, true); }

private:
    std::size_t left_;
};

bool usable(const IRing& r) {
    if (r.size() < 4 || !(r.front() == r.back())) return false;
    return std::all_of(r.begin(), r.end(), [](const IPt& p) {
        return std::llabs(p.x) <= kMaxCoordinate && std::llabs(p.y) <= kMaxCoordinate;
    });
}

// Every ring's edges, or none when a ring is unusable or has an edge of no length.
std::vector<Edge> edges_of(const std::vector<IPolygon>& polys) {
    std::vector<Edge> out;
    std::uint32_t ring = 0;
    for (const auto& poly : polys) {
        if (poly.empty()) return {};
        for (const auto& r : poly) {
            if (!usable(r)) return {};
            const auto count = static_cast<std::uint32_t>(r.size() - 1);
            for (std::uint32_t i = 0; i < count; ++i) {
                if (r[i] == r[i + 1]) return {};
                out.push_back({r[i], r[i + 1], box_of(r[i], r[i + 1]), ring, i, count});
            }
            ++ring;
        }
    }
    return out;
}

// e and f share at least one point (p collinear with an edge lies on it when inside its box).
bool meet(const Edge& e, const Edge& f) {
    const int d1 = sign(cross(f.a, f.b, e.a)), d2 = sign(cross(f.a, f.b, e.b));
    const int d3 = sign(cross(e.a, e.b, f.a)), d4 = sign(cross(e.a, e.b, f.b));
    if (d1 * d2 < 0 && d3 * d4 < 0) return true;
    return (d1 == 0 && f.box.holds(e.a)) || (d2 == 0 && f.box.holds(e.b)) || (d3 == 0 && e.box.holds(f.a)) ||
           (d4 == 0 && e.box.holds(f.b));
}

// Neighbours in a ring (e ends where f starts) meet only there unless f turns straight back along e.
bool fold_back(const Edge& e, const Edge& f) {
    if (cross(e.a, e.b, f.b) != 0) return false;
    const std::int64_t dot = (std::int64_t{e.b.x} - e.a.x) * (std::int64_t{f.b.x} - f.a.x) +
                             (std::int64_t{e.b.y} - e.a.y) * (std::int64_t{f.b.y} - f.a.y);
    return dot < 0;
}

bool neighbours(const Edge& e, const Edge& f) {
    return e.ring == f.ring && ((e.index + 1) % e.count == f.index || (f.index + 1) % f.count == e.index);
}

// Every pair of items whose boxes overlap, each pair once: a sweep along x, the items sorted by their
// boxes' west edges, each against the later ones that start within its x-range. False as soon as `fn`
// answers false for a pair or the budget runs out.
template <typename T, typename BoxOf, typename Fn>
bool overlapping_pairs(std::vector<T>& items, BoxOf box, Budget& budget, Fn fn) {
    std::sort(items.begin(), items.end(), [&](const T& a, const T& b) { return box(a).xmin < box(b).xmin; });
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Box& bi = box(items[i]);
        for (std::size_t j = i + 1; j < items.size() && box(items[j]).xmin <= bi.xmax; ++j) {
            if (!budget.spend()) return false;
            if (bi.overlaps(box(items[j])) && !fn(items[i], items[j])) return false;
        }
    }
    return true;
}

// No two edges meet but neighbours at their shared point: every ring simple, no two rings touching.
bool edges_apart(std::vector<Edge>& edges, Budget& budget) {
    return overlapping_pairs(edges, [](const Edge& e) -> const Box& { return e.box; }, budget, [](const Edge& e, const Edge& f) {
        if (!neighbours(e, f)) return !meet(e, f);
        const bool e_first = (e.index + 1) % e.count == f.index;
        return !(e_first ? fold_back(e, f) : fold_back(f, e));
    });
}

enum class Side { inside, outside, on };

// Where p lies against the closed ring (crossing number, exact).
Side side_of(const IPt& p, const IRing& r) {
    bool inside = false;
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        const IPt& a = r[i];
        const IPt& b = r[i + 1];
        if ((a.y > p.y) == (b.y > p.y)) continue;
        const std::int64_t c = cross(a, b, p);
        if (c == 0) return Side::on;
        if ((c > 0) == (b.y > a.y)) inside = !inside;
    }
    return inside ? Side::inside : Side::outside;
}

// A polygon's rings with their boxes, to test points against.
struct Rings {
    const IPolygon* poly;
    std::vector<Box> boxes;  // per ring
};

Side side_of(const IPt& p, const IRing& r, const Box& b) { return b.holds(p) ? side_of(p, r) : Side::outside; }

// Whether p is inside the polygon's area (in its exterior, in none of its holes); `on` when p lies on
// a ring or the budget ran out.
Side side_of(const IPt& p, const Rings& poly, Budget& budget) {
    const Side s = side_of(p, poly.poly->front(), poly.boxes.front());
    if (s != Side::inside) return s;
    for (std::size_t h = 1; h < poly.poly->size(); ++h) {
        if (!budget.spend()) return Side::on;
        const Side in_hole = side_of(p, (*poly.poly)[h], poly.boxes[h]);
        if (in_hole != Side::outside) return in_hole == Side::inside ? Side::outside : Side::on;
    }
    return Side::inside;
}

// Rings that do not meet are nested or apart, so one point of each decides: every hole inside its
// exterior and outside the other holes.
bool holes_nested(const Rings& p, Budget& budget) {
    const IPolygon& poly = *p.poly;
    for (std::size_t h = 1; h < poly.size(); ++h) {
        if (side_of(poly[h].front(), poly.front(), p.boxes.front()) != Side::inside) return false;
        for (std::size_t k = 1; k < poly.size(); ++k) {
            if (k == h) continue;
            if (!budget.spend()) return false;
            if (side_of(poly[h].front(), poly[k], p.boxes[k]) != Side::outside) return false;
        }
    }
    return true;
}

// No polygon's exterior inside another's area (inside a hole of it is fine: an island in a lake).
bool polygons_apart(std::vector<Rings>& polys, Budget& budget) {
    return overlapping_pairs(polys, [](const Rings& r) -> const Box& { return r.boxes.front(); }, budget,
                             [&](const Rings& a, const Rings& b) {
                                 return side_of(b.poly->front().front(), a, budget) == Side::outside &&
                                        side_of(a.poly->front().front(), b, budget) == Side::outside;
                             });
}

}  // namespace

bool proven_valid(const std::vector<IPolygon>& polys) {
    std::vector<Edge> edges = edges_of(polys);
    if (edges.empty()) return false;
    Budget budget(edges.size());
    if (!edges_apart(edges, budget)) return false;
    std::vector<Rings> rings;
    rings.reserve(polys.size());
    for (const auto& poly : polys) {
        Rings r{&poly, {}};
        for (const auto& ring : poly) r.boxes.push_back(box_of(ring));
        if (!holes_nested(r, budget)) return false;
        rings.push_back(std::move(r));
    }
    return polygons_apart(rings, budget);
}

}  // namespace kuril::tiles
