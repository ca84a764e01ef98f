// Label placement on a sheet (maps/label_placer): no two labels overlap, none covers reserved space or
// another island's land, and a label pushed away from its anchor gets a leader line.
#include <catch2/catch.hpp>

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
    for (int i = 0; i < 12; ++i) (void)placer.place(at("label" + std::to_string(i), 300, 200), 40, 10);
    const auto& placed = placer.placed();
    REQUIRE(placed.size() == 12);
    for (std::size_t i = 0; i < placed.size(); ++i) {
        for (std::size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(placed[i].box.overlaps(placed[j].box));
    }
    CHECK_FALSE(placed.front().leader);
    CHECK(placed.back().leader);
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
