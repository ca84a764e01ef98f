// Label placement on a sheet (maps/label_placer): no two labels overlap, none covers reserved space or
// another island's land, and a label pushed away from its anchor gets a leader line.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>

#include "maps/label_placer.hpp"

using namespace kuril;
using namespace kuril::maps;

namespace {
Sheet page() {
    Sheet s;
    s.w = s.fx1 = 600;
    s.h = s.fy1 = 400;
    return s;
}
// A corridor of open water (x from `west_end` to 344, y 194-206) with land all round it; the land must outlive
// the placer.
std::array<geom::Geom, 4> corridor(const geom::Context& ctx, LabelPlacer& placer, double west_end) {
    std::array<geom::Geom, 4> land{ctx.box(west_end - 100, 150, 600, 194), ctx.box(west_end - 100, 206, 600, 260),
                                   ctx.box(344, 194, 600, 206), ctx.box(west_end - 100, 194, west_end, 206)};
    placer.add_land("above", land[0]);
    placer.add_land("below", land[1]);
    placer.add_land("east", land[2]);
    placer.add_land("west", land[3]);
    return land;
}
Candidate at(const std::string& id, double x, double y) {
    Candidate c;
    c.id = id;
    c.text = id;
    c.anchor = {x, y};
    return c;
}
}  // namespace

TEST_CASE("LabelPlacer: labels at one anchor never overlap, the later ones move off and get leaders",
          "[maps][labels]") {
    geom::Context ctx;
    const Sheet sheet = page();
    LabelPlacer placer(ctx, sheet);
    placer.reserve(Box{0, 0, 120, 40});  // e.g. the title block
    // Twelve names of places 4 pt apart along a diagonal: the later ones find no room beside their place.
    for (int i = 0; i < 12; ++i) placer.reserve(Box{298.4 + 4 * i, 198.4 + 4 * i, 301.6 + 4 * i, 201.6 + 4 * i});  // the dots
    int refused = 0;
    for (int i = 0; i < 12; ++i) {
        Candidate c = at("label" + std::to_string(i), 300 + 4 * i, 200 + 4 * i);
        c.dot = true;  // a settlement: never on its anchor
        refused += placer.place(c, 40, 10) ? 0 : 1;
    }
    const auto& placed = placer.placed();
    REQUIRE(placed.size() + refused == 12);  // a label with no room is returned as such, for the caller to report
    CHECK(placed.size() >= 10);
    for (std::size_t i = 0; i < placed.size(); ++i) {
        for (std::size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(placed[i].box.overlaps(placed[j].box));
    }
    CHECK_FALSE(placed.front().leader);
    CHECK(std::count_if(placed.begin(), placed.end(), [](const PlacedLabel& p) { return p.leader; }) >= 1);
    const auto corner = placer.place(at("corner", 20, 20), 40, 10);
    if (corner) CHECK_FALSE(corner->box.overlaps(Box{0, 0, 120, 40}));
}

TEST_CASE("LabelPlacer: a label does not cover another island's land, but may cover its own", "[maps][labels]") {
    geom::Context ctx;
    const Sheet sheet = page();
    LabelPlacer placer(ctx, sheet);
    const geom::Geom land = ctx.box(280, 180, 320, 220);  // sheet points
    placer.add_land("shikotan", land);
    Candidate own = at("own", 300, 200);
    own.own = "shikotan";
    const auto a = placer.place(own, 20, 8);
    REQUIRE(a);
    CHECK(a->box.overlaps(Box{280, 180, 320, 220}));  // centred on its own island
    const auto b = placer.place(at("other", 300, 230), 20, 8);
    REQUIRE(b);
    CHECK_FALSE(b->box.overlaps(Box{280, 180, 320, 220}));
}

TEST_CASE("LabelPlacer: no name crosses a boundary line", "[maps][labels]") {
    geom::Context ctx;
    const Sheet sheet = page();
    LabelPlacer placer(ctx, sheet);
    const geom::Geom line = ctx.line({{300, 100}, {300, 300}});
    placer.add_line(line);
    const auto a = placer.place(at("across", 300, 200), 40, 10);  // centred, it would straddle the line
    REQUIRE(a);
    CHECK((a->box.x1 <= 300 || a->box.x0 >= 300));
}

TEST_CASE("LabelPlacer: leaders cross no other leader and no other island", "[maps][labels]") {
    geom::Context ctx;
    const Sheet sheet = page();
    LabelPlacer placer(ctx, sheet);
    const geom::Geom wall = ctx.box(318, 150, 322, 250);  // a thin island east of the anchors
    placer.add_land("wall", wall);
    for (int i = 0; i < 10; ++i) placer.reserve(Box{298.4 - 3 * i, 178.4 + 4 * i, 301.6 - 3 * i, 181.6 + 4 * i});
    for (int i = 0; i < 10; ++i) {
        Candidate c = at("islet" + std::to_string(i), 300 - 3 * i, 180 + 4 * i);
        c.dot = true;
        (void)placer.place(c, 30, 8);
    }
    std::vector<std::pair<geom::XY, geom::XY>> leaders;
    for (const auto& p : placer.placed()) {
        if (!p.leader) continue;
        const geom::XY z{std::clamp(p.anchor.x, p.box.x0, p.box.x1), std::clamp(p.anchor.y, p.box.y0, p.box.y1)};
        CHECK_FALSE(ctx.intersects(ctx.line({p.anchor, z}), wall));
        leaders.emplace_back(p.anchor, z);
    }
    REQUIRE(leaders.size() >= 2);
    const auto side = [](geom::XY o, geom::XY u, geom::XY v) { return (u.x - o.x) * (v.y - o.y) - (u.y - o.y) * (v.x - o.x); };
    for (std::size_t i = 0; i < leaders.size(); ++i) {
        for (std::size_t j = i + 1; j < leaders.size(); ++j) {
            const auto [p, q] = leaders[i];
            const auto [r, s] = leaders[j];
            CHECK_FALSE((side(p, q, r) * side(p, q, s) < 0 && side(r, s, p) * side(r, s, q) < 0));
        }
    }
}

TEST_CASE("LabelPlacer: a sea's name lies inside its water, a strait's along its line", "[maps][labels]") {
    geom::Context ctx;
    const Sheet sheet = page();
    LabelPlacer placer(ctx, sheet);
    const geom::Geom water = ctx.box(400, 50, 580, 150);
    Candidate sea = at("water/sea", 100, 300);  // its point is not in the water shown
    sea.area = &water;
    const auto a = placer.place(sea, 60, 12);
    REQUIRE(a);
    CHECK(ctx.contains(water, ctx.box(a->box.x0, a->box.y0, a->box.x1, a->box.y1)));
    CHECK_FALSE(placer.room_in(sea, 300, 12));  // a name wider than the water shown: no room at all

    const geom::Geom west = ctx.box(100, 150, 190, 390), east = ctx.box(210, 150, 300, 390);  // a strait 20 pt wide
    placer.add_land("west", west);
    placer.add_land("east", east);
    Candidate strait = at("water/strait", 200, 270);
    strait.path = {{200, 160}, {200, 380}};
    const auto b = placer.place(strait, 50, 8);
    REQUIRE(b);
    CHECK(std::abs(std::abs(b->angle) - 90) < 1e-6);  // turned to run down the strait
    CHECK(b->box.x0 >= 190);
    CHECK(b->box.x1 <= 210);
}

TEST_CASE("LabelPlacer: a name with no place moves a placed neighbour to another of its places", "[maps][labels]") {
    geom::Context ctx;
    const Sheet sheet = page();
    LabelPlacer placer(ctx, sheet);
    // A corridor of open water (x 250-344, y 194-206) between land above, below and to the east.
    const geom::Geom above = ctx.box(250, 150, 600, 194), below = ctx.box(250, 206, 600, 260), east = ctx.box(344, 194, 600, 206);
    placer.add_land("above", above);
    placer.add_land("below", below);
    placer.add_land("east", east);
    Candidate a = at("a", 300, 200), b = at("b", 346, 200);
    a.dot = b.dot = true;
    // a takes its first place, east of its dot; b's only place is that one, west of its dot on the corridor.
    REQUIRE(placer.place(a, 40, 10));
    CHECK(placer.placed().front().box.x0 > 300);
    const auto placed_b = placer.place(b, 40, 10);
    REQUIRE(placed_b);
    CHECK_FALSE(placed_b->leader);
    const auto& placed = placer.placed();
    REQUIRE(placed.size() == 2);
    CHECK(placed[0].id == "b");
    CHECK(placed[1].id == "a");  // moved west of its dot, still beside it
    CHECK(placed[1].box.x1 < 300);
    CHECK_FALSE(placed[1].leader);
    CHECK_FALSE(placed[0].box.overlaps(placed[1].box));
}

TEST_CASE("LabelPlacer: the name moved may move another in turn", "[maps][labels]") {
    geom::Context ctx;
    const Sheet sheet = page();
    LabelPlacer placer(ctx, sheet);
    const auto land = corridor(ctx, placer, 200);  // open water from x 200 to 344
    Candidate a = at("a", 300, 200), c = at("c", 250, 200), b = at("b", 346, 200);
    a.dot = b.dot = c.dot = true;
    REQUIRE(placer.place(a, 40, 10));  // east of its dot
    REQUIRE(placer.place(c, 40, 10));  // east of its dot, west of a's name
    // b's only place is a's; a's other place is c's; c's other is west of its dot.
    REQUIRE(placer.place(b, 40, 10));
    const auto& placed = placer.placed();
    REQUIRE(placed.size() == 3);
    for (std::size_t i = 0; i < placed.size(); ++i) {
        CHECK_FALSE(placed[i].leader);
        for (std::size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(placed[i].box.overlaps(placed[j].box));
    }
    const auto box = [&](const char* id) {
        return std::find_if(placed.begin(), placed.end(), [&](const PlacedLabel& p) { return p.id == id; })->box;
    };
    CHECK(box("b").x1 < 346);
    CHECK(box("a").x1 < 300);
    CHECK(box("c").x1 < 250);
}

TEST_CASE("LabelPlacer: at utmost effort, a boundary's name stands beside another point of its line", "[maps][labels]") {
    geom::Context ctx;
    const Sheet sheet = page();
    LabelPlacer placer(ctx, sheet);
    placer.reserve(Box{50, 100, 550, 300});  // the names round the line's middle: no room within reach of it
    Candidate line = at("line/de_facto", 300, 200);
    line.beside = true;
    line.path = {{300, 100}, {300, 200}, {300, 300}};  // shorter than its name: no room along it
    CHECK_FALSE(placer.place(line, 220, 10));
    const auto placed = placer.place(line, 220, 10, Effort::utmost);
    REQUIRE(placed);
    CHECK((placed->box.y1 <= 100 || placed->box.y0 >= 300));
    // Beside the point of the line nearest a free place (a tenth, by the names' edge), not the first point
    // with any place (its quarter, over 50 pt away): the shortest leader.
    CHECK(std::abs(placed->anchor.x - 300) < 1e-9);
    const geom::XY end = leader_end(placed->anchor, placed->box);
    CHECK(std::hypot(end.x - placed->anchor.x, end.y - placed->anchor.y) < 30);
    REQUIRE(placer.placed().size() == 1);
    CHECK(placer.placed().front().id == "line/de_facto");
}

TEST_CASE("LabelPlacer: at utmost effort, names move three deep", "[maps][labels]") {
    geom::Context ctx;
    const Sheet sheet = page();
    LabelPlacer placer(ctx, sheet);
    const auto land = corridor(ctx, placer, 150);  // open water from x 150 to 344, four names on it
    Candidate a = at("a", 300, 200), c = at("c", 250, 200), d = at("d", 200, 200), b = at("b", 346, 200);
    a.dot = b.dot = c.dot = d.dot = true;
    REQUIRE(placer.place(a, 40, 10));
    REQUIRE(placer.place(c, 40, 10));
    REQUIRE(placer.place(d, 40, 10));
    // b's only place is a's; a's other is c's, c's other is d's, d's other is west of its dot.
    CHECK_FALSE(placer.place(b, 40, 10));
    REQUIRE(placer.place(b, 40, 10, Effort::utmost));
    const auto& placed = placer.placed();
    REQUIRE(placed.size() == 4);
    for (std::size_t i = 0; i < placed.size(); ++i) {
        CHECK_FALSE(placed[i].leader);
        for (std::size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(placed[i].box.overlaps(placed[j].box));
    }
}
