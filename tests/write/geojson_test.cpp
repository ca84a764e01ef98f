#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include <fmt/format.h>

#include "write/geojson_geometry.hpp"
#include "write/geojson_writer.hpp"

using namespace kuril;

TEST_CASE("numbers are written short and never as -0", "[write][geojson]") {
    CHECK(format_number(145.5, 7) == "145.5");
    CHECK(format_number(145.0, 7) == "145");
    CHECK(format_number(-0.00000001, 7) == "0");
    CHECK(format_number(43.38530004, 7) == "43.3853");
}

TEST_CASE("numbers: the integer path writes what fmt's exact decimal rounding writes", "[write][geojson]") {
    // The reference: fmt's fixed notation, trailing zeros (and a bare point) dropped, -0 written 0.
    const auto reference = [](double v, int decimals) {
        std::string s = fmt::format("{:.{}f}", v, decimals);
        if (s.find('.') != std::string::npos) {
            while (s.back() == '0') s.pop_back();
            if (s.back() == '.') s.pop_back();
        }
        return s == "-0" ? std::string("0") : s;
    };
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> coordinate(-200, 200);
    for (int i = 0; i < 200000; ++i) {
        const int decimals = static_cast<int>(rng() % 10);
        const double v = i % 4 == 0 ? std::ldexp(coordinate(rng), -static_cast<int>(rng() % 40)) : coordinate(rng);
        INFO(fmt::format("{:.17g} to {} places", v, decimals));
        REQUIRE(format_number(v, decimals) == reference(v, decimals));
    }
    // Ties and near ties (left to fmt), large values, zero either way round.
    for (const double v : {0.5, 1.5, 2.5, -2.5, 0.125, 145.00000005, 43.38530005, 1e12, -1e15, 0.0, -0.0, 99.99999999}) {
        for (int decimals = 0; decimals <= 9; ++decimals) {
            INFO(fmt::format("{:.17g} to {} places", v, decimals));
            CHECK(format_number(v, decimals) == reference(v, decimals));
        }
    }
}

TEST_CASE("RFC 7946 §3.1.6 winding: exterior counter-clockwise, holes clockwise", "[write][geojson]") {
    geom::Context ctx;
    // Exterior clockwise, hole counter-clockwise: the writer must reverse both.
    const auto g = ctx.from_wkt("POLYGON((0 0,0 10,10 10,10 0,0 0),(2 2,4 2,4 4,2 4,2 2))");
    std::string out;
    append_geometry(out, ctx, g, 7);
    CHECK(out == R"({"type":"Polygon","coordinates":[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[2,4],[4,4],[4,2],[2,2]]]})");
}

TEST_CASE("temporal layers use OpenHistoricalMap keys, an open end omits the end keys", "[write][geojson]") {
    geom::Context ctx;
    Layer layer{"t", "t", GeometryKind::point, {{"holder", FieldType::string}, {"note", FieldType::string}}, true};
    layer.add("a", ctx.point({150, 45}), std::move(Row(layer).set("holder", "japan")), Interval{Date(1855, 2, 7), std::nullopt});
    layer.add("b", ctx.point({150, 45}), std::move(Row(layer).set("holder", "russia")),
              Interval{Date(1855, 2, 7), Date(1875, 8, 22)});
    const std::string text = geojson_text(ctx, layer);
    CHECK(text.find(R"("id":"a","properties":{"holder":"japan","start_date":"1855-02-07","start_decdate":1855.10137},)") !=
          std::string::npos);
    CHECK(text.find(R"("end_date":"1875-08-22","end_decdate":1875.638356})") != std::string::npos);
    CHECK(text.find("null") == std::string::npos);
    CHECK(text.find("note") == std::string::npos);
}
