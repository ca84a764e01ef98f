// Signed distance field glyphs (write/sdf_font) as the style's glyph ranges hold them.
#include <catch2/catch.hpp>

#include "util/error.hpp"
#include "write/sdf_font.hpp"

using namespace kuril;

TEST_CASE("SdfFont: a glyph's bitmap is its box plus the 3 px border, inside high and outside low", "[write][sdf]") {
    const SdfFont noto("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf");
    REQUIRE(noto.has(U'O'));
    const auto o = noto.render(U'O');
    REQUIRE(o);
    CHECK(o->width > 5);
    CHECK(o->bitmap.size() == (o->width + 2 * kGlyphBorder) * (o->height + 2 * kGlyphBorder));
    CHECK(o->advance > o->width / 2);
    const std::uint32_t stride = o->width + 2 * kGlyphBorder;
    const auto at = [&](std::uint32_t x, std::uint32_t y) { return o->bitmap[y * stride + x]; };
    // The corner is outside the glyph; the ring of the O (left stroke, mid-height) is inside: a signed
    // distance field encodes the edge at 192 (1 - cutoff), more inside, less outside.
    CHECK(at(0, 0) < 192);
    const std::uint32_t mid = (o->height + 2 * kGlyphBorder) / 2;
    std::uint8_t best = 0;
    for (std::uint32_t x = 0; x < stride / 2; ++x) best = std::max(best, at(x, mid));
    CHECK(best >= 192);
    const auto space = noto.render(U' ');
    REQUIRE(space);
    CHECK(space->bitmap.empty());
    CHECK(space->advance > 0);
    CHECK_FALSE(noto.has(U'知'));  // Noto Sans has no kanji: the stack's IPAGothic draws them
}

TEST_CASE("SdfFont: a missing font file is refused, naming it", "[write][sdf]") {
    CHECK_THROWS_WITH(SdfFont("/nonexistent/font.ttf"), Catch::Contains("/nonexistent/font.ttf"));
}
