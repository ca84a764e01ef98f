#include "maps/label_placer.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace kuril::maps {

namespace {

const std::string kNone;

// Whether `own` (an island id, or several separated by ';') names `island`.
bool owns(const std::string& own, const std::string& island) {
    for (std::size_t a = 0; a <= own.size() && !island.empty();) {
        const std::size_t e = std::min(own.find(';', a), own.size());
        if (own.compare(a, e - a, island) == 0) return true;
        a = e + 1;
    }
    return false;
}

Quad quad_of_box(const Box& b) { return {geom::XY{b.x0, b.y0}, {b.x1, b.y0}, {b.x1, b.y1}, {b.x0, b.y1}}; }

// The projection of a quad on the axis (ax, ay): its least and greatest.
std::pair<double, double> project(const Quad& q, double ax, double ay) {
    double lo = 1e300, hi = -1e300;
    for (const auto& p : q) {
        const double v = p.x * ax + p.y * ay;
        lo = std::min(lo, v), hi = std::max(hi, v);
    }
    return {lo, hi};
}

// The length of a path from its start to each of its points.
std::vector<double> lengths_along(const std::vector<geom::XY>& path) {
    std::vector<double> at{0};
    for (std::size_t i = 1; i < path.size(); ++i) at.push_back(at.back() + std::hypot(path[i].x - path[i - 1].x, path[i].y - path[i - 1].y));
    return at;
}

// A point `t` along a path (its length from the start), the path's ends held.
geom::XY point_at(const std::vector<geom::XY>& path, const std::vector<double>& at, double t) {
    const auto i = static_cast<std::size_t>(std::upper_bound(at.begin(), at.end(), t) - at.begin());
    if (i == 0) return path.front();
    if (i >= path.size()) return path.back();
    const double f = (t - at[i - 1]) / std::max(at[i] - at[i - 1], 1e-9);
    return {path[i - 1].x + f * (path[i].x - path[i - 1].x), path[i - 1].y + f * (path[i].y - path[i - 1].y)};
}

// The index of the point of `path` nearest `p` (the first of equals).
std::size_t nearest(const std::vector<geom::XY>& path, geom::XY p) {
    const auto d = [&](geom::XY q) { return std::hypot(q.x - p.x, q.y - p.y); };
    return static_cast<std::size_t>(
        std::min_element(path.begin(), path.end(), [&](geom::XY a, geom::XY b) { return d(a) < d(b); }) - path.begin());
}

// Other points of a line a name may stand beside: its middle, quarters and tenths (by length).
std::vector<geom::XY> stations(const std::vector<geom::XY>& path) {
    const std::vector<double> at = lengths_along(path);
    std::vector<geom::XY> out;
    for (const double f : {0.5, 0.25, 0.75, 0.1, 0.9}) out.push_back(point_at(path, at, f * at.back()));
    return out;
}

// The path lengthened at each end by `by`, along the line from its other end: a strait's name may run out of
// its mouth into the open water, its nearer end at the mouth.
std::vector<geom::XY> lengthened(std::vector<geom::XY> path, double by) {
    const geom::XY a = path.front(), z = path.back();
    const double dx = z.x - a.x, dy = z.y - a.y, d = std::hypot(dx, dy);
    if (d == 0) return path;
    path.insert(path.begin(), geom::XY{a.x - dx / d * by, a.y - dy / d * by});
    path.push_back(geom::XY{z.x + dx / d * by, z.y + dy / d * by});
    return path;
}

}  // namespace

Quad quad_of(geom::XY c, double w, double h, double angle_deg) {
    const double a = angle_deg * M_PI / 180, cs = std::cos(a), sn = std::sin(a);
    Quad q;
    const double corners[4][2] = {{-w / 2, -h / 2}, {w / 2, -h / 2}, {w / 2, h / 2}, {-w / 2, h / 2}};
    for (int i = 0; i < 4; ++i) {
        q[i] = {c.x + corners[i][0] * cs - corners[i][1] * sn, c.y + corners[i][0] * sn + corners[i][1] * cs};
    }
    return q;
}

Box box_of(const Quad& q) {
    Box b{1e300, 1e300, -1e300, -1e300};
    for (const auto& p : q) b.x0 = std::min(b.x0, p.x), b.y0 = std::min(b.y0, p.y), b.x1 = std::max(b.x1, p.x), b.y1 = std::max(b.y1, p.y);
    return b;
}

bool quads_overlap(const Quad& a, const Quad& b) {
    for (const Quad* q : {&a, &b}) {
        for (int i = 0; i < 4; ++i) {
            const geom::XY p = (*q)[i], n = (*q)[(i + 1) % 4];
            const double ax = -(n.y - p.y), ay = n.x - p.x;
            const auto [alo, ahi] = project(a, ax, ay);
            const auto [blo, bhi] = project(b, ax, ay);
            if (ahi <= blo + 1e-9 || bhi <= alo + 1e-9) return false;
        }
    }
    return true;
}

void LabelPlacer::add_land(const std::string& island, const geom::Geom& sheet_land, double min_size) {
    Box env{1e300, 1e300, -1e300, -1e300};
    for (const auto& poly : ctx_.polygons(sheet_land)) {
        for (const auto& p : poly.front()) {
            env.x0 = std::min(env.x0, p.x), env.y0 = std::min(env.y0, p.y);
            env.x1 = std::max(env.x1, p.x), env.y1 = std::max(env.y1, p.y);
        }
    }
    if (env.x0 > env.x1) return;
    if (env.x1 - env.x0 < min_size && env.y1 - env.y0 < min_size) {
        const double cx = (env.x0 + env.x1) / 2, cy = (env.y0 + env.y1) / 2, h = min_size / 2;
        env = Box{cx - h, cy - h, cx + h, cy + h};
        marks_.push_back(ctx_.box(env.x0, env.y0, env.x1, env.y1));
        land_.push_back({island, prepared(marks_.back()), env});
        return;
    }
    land_.push_back({island, prepared(sheet_land), env});
}

void LabelPlacer::add_line(const geom::Geom& sheet_line) {
    if (ctx_.is_empty(sheet_line)) return;
    const geom::Bounds e = ctx_.bounds(sheet_line);
    lines_.push_back({prepared(sheet_line), Box{e.xmin, e.ymin, e.xmax, e.ymax}});
}

bool LabelPlacer::free(const Box& b, const std::string& own) const { return free(quad_of_box(b), own); }

bool LabelPlacer::leader_free(geom::XY a, const Box& b, const std::string& own) const {
    const geom::XY z = leader_end(a, b);
    const auto crosses = [](geom::XY p, geom::XY q, geom::XY r, geom::XY s) {
        const auto side = [](geom::XY o, geom::XY u, geom::XY v) { return (u.x - o.x) * (v.y - o.y) - (u.y - o.y) * (v.x - o.x); };
        return side(p, q, r) * side(p, q, s) < 0 && side(r, s, p) * side(r, s, q) < 0;
    };
    if (std::any_of(placed_.begin(), placed_.end(), [&](const PlacedLabel& p) {
            return p.leader && crosses(a, z, p.anchor, leader_end(p.anchor, p.box));
        })) {
        return false;
    }
    const geom::Geom segment = ctx_.line({a, z});
    const Box env{std::min(a.x, z.x), std::min(a.y, z.y), std::max(a.x, z.x), std::max(a.y, z.y)};
    for (const auto& p : placed_) {
        if (p.box.overlaps(env) && ctx_.intersects(segment, outline(p.quad))) return false;
    }
    // Land is looked for past the leader's first 3 pt: it starts on its feature, which may lie within an
    // islet's mark.
    const double len = std::hypot(z.x - a.x, z.y - a.y);
    if (len <= 3) return true;
    const geom::Geom reach = ctx_.line({{a.x + (z.x - a.x) * 3 / len, a.y + (z.y - a.y) * 3 / len}, z});
    return std::none_of(land_.begin(), land_.end(), [&](const Land& l) {
        return !owns(own, l.island) && l.envelope.overlaps(env) && l.geometry->intersects(reach);
    });
}

bool LabelPlacer::free(const Quad& q, const std::string& own) const {
    const Box b = box_of(q);
    if (b.x0 < sheet_.fx0 + 1 || b.y0 < sheet_.fy0 + 1 || b.x1 > sheet_.fx1 - 1 || b.y1 > sheet_.fy1 - 1) return false;
    const auto hits = [&](const Quad& other) { return box_of(other).overlaps(b) && quads_overlap(other, q); };
    if (std::any_of(placed_.begin(), placed_.end(), [&](const PlacedLabel& p) { return hits(p.quad); })) return false;
    if (std::any_of(reserved_.begin(), reserved_.end(), [&](const Box& r) { return hits(quad_of_box(r)); })) return false;
    const geom::Geom shape = outline(q);
    if (std::any_of(lines_.begin(), lines_.end(), [&](const Line& l) { return l.envelope.overlaps(b) && l.geometry->intersects(shape); })) {
        return false;
    }
    return std::none_of(land_.begin(), land_.end(), [&](const Land& l) {
        return !owns(own, l.island) && l.envelope.overlaps(b) && l.geometry->intersects(shape);
    });
}

const PlacedLabel& LabelPlacer::keep(const Candidate& c, const Quad& q, double angle, bool leader) {
    placed_.push_back(PlacedLabel{c.id, c.text, box_of(q), c.anchor, leader, c.size, c.lonlat, angle, q});
    return placed_.back();
}

const PlacedLabel& LabelPlacer::placed_as(const std::string& id) const {
    return *std::find_if(placed_.begin(), placed_.end(), [&](const PlacedLabel& p) { return p.id == id; });
}

std::optional<PlacedLabel> LabelPlacer::place(const Candidate& c, double w, double h, Effort effort) {
    if (effort == Effort::utmost) return place_utmost(c, w, h);
    if (try_place({c, w, h}) || displace({c, w, h}, 2)) return placed_as(c.id);
    return std::nullopt;
}

std::optional<PlacedLabel> LabelPlacer::place_utmost(const Candidate& c, double w, double h) {
    if (c.beside && c.path.size() >= 2) {  // a boundary's name: first beside the point of its line nearest a place
        std::optional<std::pair<double, geom::XY>> best;  // the shortest leader (none: 0), and its point
        for (const geom::XY at : stations(c.path)) {
            if (auto level = place_level(c, w, h, at)) {
                const geom::XY end = leader_end(at, level->box);
                const double leader = level->leader ? std::hypot(end.x - at.x, end.y - at.y) : 0;
                placed_.pop_back();
                if (!best || leader < best->first) best = {leader, at};
            }
        }
        if (best) {
            auto level = place_level(c, w, h, best->second);  // the same place again: the first free one round it
            asked_.push_back({c, w, h});
            return level;
        }
    }
    if (!displace({c, w, h}, 3)) return std::nullopt;
    return placed_as(c.id);
}

bool LabelPlacer::try_place(const Asked& a) {
    if (!place_once(a.candidate, a.w, a.h)) return false;
    asked_.push_back(a);
    return true;
}

// The placed names round an anchor within reach of `at`, nearest first: the names another may move.
std::vector<std::size_t> LabelPlacer::movable_near(geom::XY at) const {
    constexpr double kReach = 70;
    constexpr std::size_t kTries = 8;
    std::vector<std::pair<double, std::size_t>> near;
    for (std::size_t i = 0; i < placed_.size(); ++i) {
        const Candidate& c = asked_[i].candidate;
        if (c.area != nullptr || c.path.size() >= 2 || placed_[i].angle != 0) continue;
        const Box& b = placed_[i].box;
        const double d = std::hypot(std::max({b.x0 - at.x, 0.0, at.x - b.x1}), std::max({b.y0 - at.y, 0.0, at.y - b.y1}));
        if (d < kReach) near.emplace_back(d, i);
    }
    std::sort(near.begin(), near.end());
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < near.size() && k < kTries; ++k) out.push_back(near[k].second);
    return out;
}

// A name with no place of its own: each movable name near it is lifted, this one placed, and the lifted one
// placed again — itself moving another where `depth` allows; the first that all find a place stands, and
// the moved names come after this one. Else everything is put back as it was.
bool LabelPlacer::displace(const Asked& want, int depth) {
    if (want.candidate.area != nullptr || want.candidate.path.size() >= 2) return false;  // a water's name moves none
    for (const std::size_t i : movable_near(want.candidate.anchor)) {  // each put back where it was, if lifted in vain
        const PlacedLabel lifted = placed_[i];
        const Asked again = asked_[i];
        placed_.erase(placed_.begin() + std::ptrdiff_t(i));
        asked_.erase(asked_.begin() + std::ptrdiff_t(i));
        if (try_place(want)) {
            if (try_place(again) || (depth > 1 && displace(again, depth - 1))) return true;
            placed_.pop_back();
            asked_.pop_back();
        }
        placed_.insert(placed_.begin() + std::ptrdiff_t(i), lifted);
        asked_.insert(asked_.begin() + std::ptrdiff_t(i), again);
    }
    return false;
}

std::optional<PlacedLabel> LabelPlacer::place_once(const Candidate& c, double w, double h) {
    if (c.area != nullptr) return place_in(c, w, h);
    if (c.path.size() >= 2) {
        if (auto along = place_along(c, w, h)) return along;
        // A strait too narrow for its name on this sheet (a line with no room along it): level, beside the point
        // of its line nearest its point.
        return place_level(c, w, h, c.path[nearest(c.path, c.anchor)]);
    }
    return place_round(c, w, h);
}

// A line's name level (a vertical one standing), beside the point `at` of its line.
std::optional<PlacedLabel> LabelPlacer::place_level(const Candidate& c, double w, double h, geom::XY at) {
    Candidate level = c;
    level.anchor = at;
    if (!c.upright) return place_round(level, w, h);
    auto standing = place_round(level, h, w);  // a vertical name's column, beside its point
    if (standing) standing->angle = placed_.back().angle = 90;
    return standing;
}

std::optional<PlacedLabel> LabelPlacer::place_round(const Candidate& c, double w, double h) {
    // An island smaller than its label (its mark included) is named beside it, never over it.
    const bool smaller = std::any_of(land_.begin(), land_.end(), [&](const Land& l) {
        return l.island == c.own && !c.own.empty() && l.envelope.x1 - l.envelope.x0 < w && l.envelope.y1 - l.envelope.y0 < h;
    });
    const std::string& own = smaller ? kNone : c.own;
    // Top-left corners relative to the anchor: centred (not for a settlement, nor a name beside its feature),
    // then eight directions at growing distances. Past the first ring the label is away from its anchor: a
    // leader line.
    std::vector<std::pair<double, double>> offsets;
    if (!c.dot && !c.beside && !smaller) offsets.emplace_back(-w / 2, -h / 2);
    const std::size_t first_ring = offsets.size() + 8;
    for (double ring : {0.0, 6.0, 14.0, 24.0, 36.0, 50.0, 66.0}) {
        const double d = (c.dot ? 2.5 : 1.5) + ring;
        offsets.insert(offsets.end(), {{d, -h / 2}, {-w - d, -h / 2}, {-w / 2, -h - d}, {-w / 2, d},
                                       {d * 0.7, -h - d * 0.7}, {-w - d * 0.7, -h - d * 0.7}, {d * 0.7, d * 0.7},
                                       {-w - d * 0.7, d * 0.7}});
        if (ring == 0) continue;
        // Away from the anchor, eight more directions between those: a leader has more ways past its neighbours.
        const double a = d * 0.92, b = d * 0.38;
        offsets.insert(offsets.end(), {{a, -h / 2 - b}, {a, -h / 2 + b}, {-w - a, -h / 2 - b}, {-w - a, -h / 2 + b},
                                       {-w / 2 + b, -h - a}, {-w / 2 - b, -h - a}, {-w / 2 + b, a}, {-w / 2 - b, a}});
    }
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        const double x = c.anchor.x + offsets[i].first, y = c.anchor.y + offsets[i].second;
        const Box b{x, y, x + w, y + h};
        const bool leader = c.leader_ok && i >= first_ring;
        if (!free(b, own) || (leader && !leader_free(c.anchor, b, c.own))) continue;
        return keep(c, quad_of_box(b), 0, leader);
    }
    return std::nullopt;
}

// The centres a sea's name of w × h may take in its water, nearest its point (or, where that is not in the
// water shown, the middle of its widest part) first.
std::vector<geom::XY> LabelPlacer::centres_in(const Candidate& c, double w, double h) const {
    geom::XY start = c.anchor;
    if (!ctx_.prepare(*c.area).contains(ctx_.point(start))) {
        start = ctx_.coords(ctx_.max_inscribed_circle(*c.area, 1.0)).front();
    }
    const geom::Bounds b = ctx_.bounds(*c.area);
    const double step = std::max(h / 2, 3.0);
    std::vector<geom::XY> centres;
    for (double y = b.ymin + h / 2; y <= b.ymax - h / 2; y += step) {
        for (double x = b.xmin + w / 2; x <= b.xmax - w / 2; x += step) centres.push_back({x, y});
    }
    const auto dist = [&](geom::XY p) { return std::hypot(p.x - start.x, p.y - start.y); };
    std::stable_sort(centres.begin(), centres.end(), [&](geom::XY p, geom::XY q) { return dist(p) < dist(q); });
    centres.insert(centres.begin(), start);
    return centres;
}

bool LabelPlacer::room_in(const Candidate& c, double w, double h) const {
    if (c.area == nullptr || ctx_.is_empty(*c.area)) return false;
    const auto water = ctx_.prepare(*c.area);
    const Sheet& s = sheet_;
    for (const geom::XY& p : centres_in(c, w, h)) {
        const Quad q = quad_of(p, w, h, 0);
        if (q[0].x < s.fx0 + 1 || q[0].y < s.fy0 + 1 || q[2].x > s.fx1 - 1 || q[2].y > s.fy1 - 1) continue;
        if (water.contains(outline(q))) return true;
    }
    return false;
}

// A sea's name: level, at the first free place inside its open water (centres_in); a state's likewise inside
// its land, which it may cover (its `own`), though no other island.
std::optional<PlacedLabel> LabelPlacer::place_in(const Candidate& c, double w, double h) {
    if (ctx_.is_empty(*c.area)) return std::nullopt;
    const auto water = ctx_.prepare(*c.area);
    for (const geom::XY& centre : centres_in(c, w, h)) {
        const Quad q = quad_of(centre, w, h, 0);
        if (!free(q, c.own) || !water.contains(outline(q))) continue;
        return keep(c, q, 0, false);
    }
    return std::nullopt;
}

// A strait's name: turned to the strait's direction (never upside down), on the strait's line or beside it (a
// boundary may run down the middle), nearest its point first, then outwards along the line and out of the
// strait's mouths (a narrow strait leaves no room for a name).
std::optional<PlacedLabel> LabelPlacer::place_along(const Candidate& c, double w, double h) {
    const std::vector<geom::XY> path = lengthened(c.path, c.beside ? 0 : w);  // a line's name stays beside it
    const std::vector<double> at = lengths_along(path);
    if (at.back() < w) return std::nullopt;
    const std::size_t near = nearest(path, c.anchor);
    const double t0 = std::clamp(at[near], w / 2, at.back() - w / 2);
    for (int k = 0; k <= 2 * static_cast<int>(at.back() / 3) + 1; ++k) {
        const double t = t0 + (k % 2 == 0 ? 1 : -1) * 3.0 * ((k + 1) / 2);
        if (t < w / 2 || t > at.back() - w / 2) continue;
        const geom::XY a = point_at(path, at, t - w / 2), z = point_at(path, at, t + w / 2), p = point_at(path, at, t);
        double angle = std::atan2(z.y - a.y, z.x - a.x) * 180 / M_PI;
        if (angle > 90) angle -= 180;
        if (angle <= -90) angle += 180;
        if (c.upright) angle = 90;  // a vertical name: its column stands, whatever the strait's slant
        const double nx = -std::sin(angle * M_PI / 180), ny = std::cos(angle * M_PI / 180);
        // Beside the line at a growing distance while its middle is on the strait; out of the mouths, on the
        // line's way out or just beside it (a boundary may run on).
        const bool on_line = t >= at[1] && t <= at[at.size() - 2];
        for (const double off : {0.0, h / 2 + 1, -(h / 2 + 1), h + 2, -(h + 2), 1.5 * h + 3, -(1.5 * h + 3)}) {
            if (!on_line && std::abs(off) > h) break;
            if (c.beside && (off == 0 || std::abs(off) > h + 2)) continue;
            const Quad q = quad_of({p.x + nx * off, p.y + ny * off}, w, h, angle);
            if (free(q, kNone)) return keep(c, q, angle, false);
        }
    }
    return std::nullopt;
}

}  // namespace kuril::maps
