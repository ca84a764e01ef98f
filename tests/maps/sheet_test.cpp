// Fitting an extent on a page (maps/sheet): the frame keeps the projection's aspect, is centred in its
// box, and the extent's corners land on the frame's edges.
#include <atomic>
#include <cmath>
#include <stdexcept>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "maps/map_projection.hpp"
#include "maps/sheet.hpp"

using namespace kuril;
using namespace kuril::maps;

TEST_CASE("fit_sheet: the extent fills the box along one side, centred along the other", "[maps][sheet]") {
    const MapProjection proj("EPSG:3857");
    const Extent south{"south", 145.0, 43.0, 150.0, 45.0};  // 5° by 2.8° of Mercator y: wider than the box
    const Sheet s = fit_sheet(south, proj, 842, 595, 20, 20, 822, 575);
    CHECK(s.fx0 == Approx(20));
    CHECK(s.fx1 == Approx(822));
    CHECK(s.fy0 > 20);
    CHECK((s.fy0 - 20) == Approx(575 - s.fy1));  // centred vertically
    const geom::XY sw = s.at(proj.forward({145.0, 43.0}));
    const geom::XY ne = s.at(proj.forward({150.0, 45.0}));
    CHECK(sw.x == Approx(s.fx0));
    CHECK(sw.y == Approx(s.fy1));  // y down: the south edge is the frame's bottom
    CHECK(ne.x == Approx(s.fx1));
    CHECK(ne.y == Approx(s.fy0));
    CHECK(s.inside(s.at(proj.forward({147.5, 44.0}))));
}

TEST_CASE("SheetStore: a key made once however many threads ask, a failed make left to the next", "[maps][sheet]") {
    SheetStore store;
    std::atomic<int> made{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            geom::Context ctx;  // each thread's own, ended before the store is read again
            for (int i = 0; i < 50; ++i) {
                (void)store.get("k", [&] {
                    ++made;
                    return ctx.point({1, 2});
                });
            }
        });
    }
    for (auto& t : threads) t.join();
    CHECK(made == 1);
    geom::Context ctx;
    CHECK(ctx.point_xy(store.get("k", [&]() -> geom::Geom { FAIL("made twice"); return {}; })).x == 1);
    CHECK_THROWS_AS(store.get("bad", []() -> geom::Geom { throw std::runtime_error("no"); }), std::runtime_error);
    CHECK(ctx.point_xy(store.get("bad", [&] { return ctx.point({3, 4}); })).y == 4);
}

TEST_CASE("SheetGeoms: sheets that differ only in where the frame lies share one simplification", "[maps][sheet]") {
    const MapProjection proj("EPSG:3857");
    const Extent south{"south", 145.0, 43.0, 150.0, 45.0};
    const Sheet a = fit_sheet(south, proj, 842, 595, 20, 20, 400, 300);
    Sheet b = a;  // the same scale, the frame 300 pt to the right and 250 pt lower
    b.fx0 += 300, b.fx1 += 300, b.fy0 += 250, b.fy1 += 250;
    geom::Context ctx;
    geom::Ring ring;
    for (int i = 0; i <= 360; ++i) {  // a wobbly ring: the simplification has work to do
        const double t = i * 3.14159265358979 / 180, r = 1 + 0.002 * ((i * 7) % 5);
        ring.push_back({147.5 + r * std::cos(t), 44.0 + 0.5 * r * std::sin(t)});
    }
    ring.back() = ring.front();
    const geom::Geom land = ctx.polygon({ring});
    SheetStore store;
    SheetGeoms on_a(ctx, proj, a, store, "EPSG:3857");
    SheetGeoms on_b(ctx, proj, b, store, "EPSG:3857");
    const auto ra = ctx.polygons(on_a.get("land", land)).at(0).at(0);
    const auto rb = ctx.polygons(on_b.get("land", land)).at(0).at(0);
    CHECK(store.size() == 3);  // simplified once at the origin, then placed on each sheet
    REQUIRE(ra.size() == rb.size());
    CHECK(ra.size() < ring.size());
    for (std::size_t i = 0; i < ra.size(); ++i) {
        CHECK(rb[i].x - ra[i].x == Approx(300));
        CHECK(rb[i].y - ra[i].y == Approx(250));
    }
    // Placed where Sheet::at() puts the ring's points: a vertex kept is a projected point of the ring.
    const geom::XY first = a.at(proj.forward(ring.front()));
    CHECK(ra.front().x == first.x);
    CHECK(ra.front().y == first.y);
    // Land reaching far beyond the frame is cut a few points outside it (every drawing is clipped there).
    const geom::Geom wide = ctx.box(140.0, 40.0, 155.0, 50.0);
    const auto cut = ctx.polygons(on_b.get("wide", wide));
    REQUIRE(cut.size() == 1);
    for (const auto& p : cut.at(0).at(0)) {
        CHECK(p.x >= b.fx0 - 10);
        CHECK(p.x <= b.fx1 + 10);
        CHECK(p.y >= b.fy0 - 10);
        CHECK(p.y <= b.fy1 + 10);
    }
}
