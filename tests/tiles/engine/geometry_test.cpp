#include <catch2/catch.hpp>

#include "tiles/engine/clip.hpp"
#include "tiles/engine/simplify.hpp"

using namespace kuril::tiles;

namespace {
Path ring(std::initializer_list<std::pair<double, double>> pts) {
    Path p;
    for (auto [x, y] : pts) {
        p.push_back(Pt{x, y, false});
    }
    return p;
}
double area(const Path& r) {
    double a = 0;
    for (std::size_t i = 0; i + 1 < r.size(); ++i) {
        a += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
    }
    return a / 2;
}
}  // namespace

TEST_CASE("a ring clipped to a box keeps exactly the part inside", "[tiles][clip]") {
    const Path sq = ring({{0, 0}, {4, 0}, {4, 4}, {0, 4}, {0, 0}});
    const Path c = clip_ring(sq, Box{2, 1, 10, 3});
    REQUIRE_FALSE(c.empty());
    CHECK(c.front().x == c.back().x);
    CHECK(std::abs(area(c)) == Approx(4.0));
    CHECK(clip_ring(sq, Box{5, 5, 6, 6}).empty());
    // A box inside the ring: the box itself.
    CHECK(std::abs(area(clip_ring(sq, Box{1, 1, 2, 2}))) == Approx(1.0));
}

TEST_CASE("a line leaving and re-entering the box becomes two parts", "[tiles][clip]") {
    const auto parts = clip_line(ring({{0, 1}, {3, 1}, {3, 5}, {1, 5}, {1, 2}}), Box{0, 0, 2, 3});
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].back().x == 2);
    CHECK(parts[0].back().fixed);
    CHECK(parts[1].front().y == 3);
}

TEST_CASE("a shared segment is cut at the same point whichever way it runs", "[tiles][clip]") {
    const Path a = ring({{0.1, 0.3}, {0.7, 0.9}, {0.0, 0.9}, {0.1, 0.3}});
    const Path b = ring({{0.7, 0.9}, {0.1, 0.3}, {0.9, 0.2}, {0.7, 0.9}});
    const Box box{0, 0, 0.4, 1};
    const Path ca = clip_ring(a, box);
    const Path cb = clip_ring(b, box);
    auto cut = [](const Path& p) {
        for (const auto& q : p) {
            if (q.fixed && q.x == 0.4) {
                return q.y;
            }
        }
        return -1.0;
    };
    CHECK(cut(ca) == cut(cb));  // bit-identical
    CHECK(cut(ca) > 0);
}

TEST_CASE("simplification keeps both sides of a shared border identical", "[tiles][simplify]") {
    // Two polygons share a wiggly border from (0,0) to (0,10); the border runs opposite ways in each.
    std::vector<std::pair<double, double>> border;
    for (int i = 0; i <= 100; ++i) {
        border.emplace_back(0.3 * std::sin(i * 0.7) + (i % 3) * 0.05, i * 0.1);
    }
    SourceLayer layer;
    SourceFeature west;
    SourceFeature east;
    Path w{Pt{-5, 10, false}, Pt{-5, 0, false}};
    for (const auto& [x, y] : border) {
        w.push_back(Pt{x, y, false});
    }
    w.push_back(w.front());
    Path e{Pt{5, 0, false}, Pt{5, 10, false}};
    for (auto it = border.rbegin(); it != border.rend(); ++it) {
        e.push_back(Pt{it->first, it->second, false});
    }
    e.push_back(e.front());
    west.polygons = {{w}};
    east.polygons = {{e}};
    layer.features = {west, east};
    mark_shared_borders(layer, {0, 1});
    Path sw = layer.features[0].polygons[0][0];
    Path se = layer.features[1].polygons[0][0];
    simplify_ring(sw, 0.2);
    simplify_ring(se, 0.2);
    auto on_border = [](const Path& p) {
        std::vector<std::pair<double, double>> out;
        for (const auto& q : p) {
            if (q.x > -1 && q.x < 1) {
                out.emplace_back(q.x, q.y);
            }
        }
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    };
    CHECK(on_border(sw).size() < border.size());  // it did simplify
    CHECK(on_border(sw) == on_border(se));         // and identically on both sides
}

TEST_CASE("shared borders: a copy of a geometry is no neighbour, the borders' ends stay fixed", "[tiles][simplify]") {
    // West and east share the segment x = 0, 0 <= y <= 10 (through (0,5)); west has a copy of itself (a
    // dated layer's second period of one island), which the tiler tiles once.
    const Path w{Pt{0, 0}, Pt{0, 5}, Pt{0, 10}, Pt{-5, 10}, Pt{-5, 0}, Pt{0, 0}};
    const Path e{Pt{0, 10}, Pt{0, 5}, Pt{0, 0}, Pt{5, 0}, Pt{5, 10}, Pt{0, 10}};
    SourceLayer layer;
    for (const Path* p : {&w, &w, &e}) {
        SourceFeature f;
        f.polygons = {{*p}};
        layer.features.push_back(f);
    }
    mark_shared_borders(layer, {0, 2});
    const Path& west = layer.features[0].polygons[0][0];
    const Path& east = layer.features[2].polygons[0][0];
    // The ends of the shared border, (0,0) and (0,10), are fixed on both sides; its middle is not.
    CHECK(west[0].fixed);
    CHECK(west[2].fixed);
    CHECK_FALSE(west[1].fixed);
    CHECK(east[0].fixed);
    CHECK(east[2].fixed);
    CHECK_FALSE(east[1].fixed);
    // The copy, not listed, is left as it was.
    for (const auto& p : layer.features[1].polygons[0][0]) CHECK_FALSE(p.fixed);
}
