#include "maps/label_placer.hpp"

#include <algorithm>

namespace kuril::maps {

namespace {
const std::string kNone;
}  // namespace

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
        land_.push_back({island, &marks_.back(), env});
        return;
    }
    land_.push_back({island, &sheet_land, env});
}

bool LabelPlacer::free(const Box& b, const std::string& own) const {
    if (b.x0 < sheet_.fx0 + 1 || b.y0 < sheet_.fy0 + 1 || b.x1 > sheet_.fx1 - 1 || b.y1 > sheet_.fy1 - 1) return false;
    if (std::any_of(placed_.begin(), placed_.end(), [&](const PlacedLabel& p) { return p.box.overlaps(b); })) return false;
    if (std::any_of(reserved_.begin(), reserved_.end(), [&](const Box& r) { return r.overlaps(b); })) return false;
    const geom::Geom box = ctx_.box(b.x0, b.y0, b.x1, b.y1);
    const auto owned = [&](const std::string& island) {  // `own`: an island id, or several separated by ';'
        for (std::size_t a = 0; a <= own.size();) {
            const std::size_t e = std::min(own.find(';', a), own.size());
            if (own.compare(a, e - a, island) == 0 && !island.empty()) return true;
            a = e + 1;
        }
        return false;
    };
    return std::none_of(land_.begin(), land_.end(), [&](const Land& l) {
        return !owned(l.island) && l.envelope.overlaps(b) && ctx_.intersects(box, *l.geometry);
    });
}

std::optional<PlacedLabel> LabelPlacer::place(const Candidate& c, double w, double h) {
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
    }
    for (std::size_t i = 0; i < offsets.size(); ++i) {
        const double x = c.anchor.x + offsets[i].first, y = c.anchor.y + offsets[i].second;
        const Box b{x, y, x + w, y + h};
        if (!free(b, own)) continue;
        placed_.push_back(PlacedLabel{c.id, c.text, b, c.anchor, c.leader_ok && i >= first_ring, c.size, c.lonlat});
        return placed_.back();
    }
    return std::nullopt;
}

}  // namespace kuril::maps
