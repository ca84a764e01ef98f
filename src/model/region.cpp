#include "model/region.hpp"

#include <algorithm>
#include <cmath>

namespace kuril {

Region Frame::bounds() const {
    Region b = parts.front();
    for (const auto& r : parts) {
        b.west = std::min(b.west, r.west), b.east = std::max(b.east, r.east);
        b.south = std::min(b.south, r.south), b.north = std::max(b.north, r.north);
    }
    return b;
}

bool Frame::contains(geom::XY p) const {
    return std::any_of(parts.begin(), parts.end(), [&](const Region& r) { return r.contains(p); });
}

namespace {

bool near(double a, double b, double tolerance) { return std::abs(a - b) <= tolerance; }

bool within(double v, double lo, double hi, double tolerance) { return v >= lo - tolerance && v <= hi + tolerance; }

bool on_rectangle_edge(const Region& r, geom::XY p, geom::XY q, double t) {
    for (const double x : {r.west, r.east}) {
        if (near(p.x, x, t) && near(q.x, x, t) && within(p.y, r.south, r.north, t) && within(q.y, r.south, r.north, t)) {
            return true;
        }
    }
    for (const double y : {r.south, r.north}) {
        if (near(p.y, y, t) && near(q.y, y, t) && within(p.x, r.west, r.east, t) && within(q.x, r.west, r.east, t)) {
            return true;
        }
    }
    return false;
}

}  // namespace

bool Frame::on_edge(geom::XY p, geom::XY q, double tolerance) const {
    return std::any_of(parts.begin(), parts.end(), [&](const Region& r) { return on_rectangle_edge(r, p, q, tolerance); });
}

}  // namespace kuril
