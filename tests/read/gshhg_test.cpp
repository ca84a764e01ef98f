// The coastline import (read/gshhg) through GMT and the GSHHG full-resolution data (Debian's gmt and
// gmt-gshhg-full, which scripts/setup.sh --tests installs), on a small region: Shikotan.
#include <catch2/catch.hpp>

#include "geom/projection.hpp"
#include "read/gshhg.hpp"

using namespace kuril;

TEST_CASE("import_gshhg: Shikotan's land, valid, largest first, in a stable order", "[read][gshhg]") {
    geom::Context ctx;
    const ImportSpec shikotan = record_import(Frame{{{146.5, 147.0, 43.7, 43.95}}});
    const CoastlineImport a = import_gshhg(ctx, shikotan, Progress(true));
    REQUIRE_FALSE(a.land.empty());
    CHECK_FALSE(a.gmt_version.empty());
    for (const auto& g : a.land) CHECK(ctx.is_valid(g));
    // Shikotan is about 250 km² (253 in Russian sources, 255 in Japanese ones); GSHHG full is close.
    CHECK(geom::geodesic_area_km2(ctx, a.land.front()) == Approx(250).epsilon(0.1));
    for (std::size_t i = 1; i < a.land.size(); ++i) CHECK(ctx.area(a.land[i - 1]) >= ctx.area(a.land[i]));
    const CoastlineImport b = import_gshhg(ctx, shikotan, Progress(true));
    REQUIRE(b.land.size() == a.land.size());
    CHECK(ctx.wkt(b.land.front()) == ctx.wkt(a.land.front()));
}
