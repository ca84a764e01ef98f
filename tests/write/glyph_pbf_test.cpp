// SDF glyph ranges (mapbox/glyph-pbf glyphs.proto): what MapLibre needs to draw a label.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

#include <protozero/pbf_message.hpp>

#include "util/error.hpp"
#include "write/glyph_pbf.hpp"

using namespace kuril;

namespace {

const std::filesystem::path kNoto = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
const std::filesystem::path kIpa = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf";

struct Decoded {
    std::string name;
    std::string range;
    std::vector<SdfGlyph> glyphs;
};

Decoded decode(const std::string& data) {
    using namespace glyphs_pbf;
    Decoded d;
    protozero::pbf_message<GlyphsTag> root(data);
    REQUIRE(root.next(GlyphsTag::stacks));
    protozero::pbf_message<FontstackTag> stack = root.get_message();
    while (stack.next()) {
        switch (stack.tag()) {
            case FontstackTag::name: d.name = stack.get_string(); break;
            case FontstackTag::range: d.range = stack.get_string(); break;
            case FontstackTag::glyphs: {
                SdfGlyph g;
                protozero::pbf_message<GlyphTag> m = stack.get_message();
                while (m.next()) {
                    switch (m.tag()) {
                        case GlyphTag::id: g.id = m.get_uint32(); break;
                        case GlyphTag::bitmap: {
                            const auto v = m.get_view();
                            g.bitmap.assign(v.data(), v.data() + v.size());
                            break;
                        }
                        case GlyphTag::width: g.width = m.get_uint32(); break;
                        case GlyphTag::height: g.height = m.get_uint32(); break;
                        case GlyphTag::left: g.left = m.get_sint32(); break;
                        case GlyphTag::top: g.top = m.get_sint32(); break;
                        case GlyphTag::advance: g.advance = m.get_uint32(); break;
                        default: m.skip();
                    }
                }
                d.glyphs.push_back(std::move(g));
                break;
            }
            default: stack.skip();
        }
    }
    REQUIRE_FALSE(root.next());
    return d;
}

std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("an SDF glyph has the border, the edge level and the metrics MapLibre expects", "[glyphs]") {
    const SdfFont noto(kNoto);
    const auto l = noto.render(U'L');
    REQUIRE(l);
    // glyphs.proto: "A signed distance field of the glyph with a border of 3 pixels."
    const std::uint32_t w = l->width + 2 * kGlyphBorder;
    const std::uint32_t h = l->height + 2 * kGlyphBorder;
    REQUIRE(l->bitmap.size() == static_cast<std::size_t>(w) * h);
    // An 'L' at 24 px: a stem about 17 px tall, about 10 px wide, sitting on the baseline.
    CHECK(l->height >= 15);
    CHECK(l->height <= 19);
    CHECK(l->width >= 8);
    CHECK(l->width <= 13);
    CHECK(l->advance >= 10);
    CHECK(l->advance <= 15);
    // Border pixels are outside (below the 192 edge of cutoff 0.25); the stem's middle is inside.
    CHECK(*std::max_element(l->bitmap.begin(), l->bitmap.begin() + w) < 192);
    const std::size_t stem_x = kGlyphBorder + 1;  // the middle of the 2 px stem
    const std::size_t mid_y = kGlyphBorder + l->height / 2;
    CHECK(l->bitmap[mid_y * w + stem_x] > 192);
    // Outside the stem to the right, halfway up: well away from the ink.
    CHECK(l->bitmap[mid_y * w + w - 2] < 140);
    // Baseline: the glyph's bottom (top − height, relative to the ascender) is the same for 'L' and 'H'.
    const auto hh = noto.render(U'H');
    REQUIRE(hh);
    CHECK(l->top - static_cast<std::int32_t>(l->height) == hh->top - static_cast<std::int32_t>(hh->height));
}

TEST_CASE("a blank has metrics and no bitmap, a missing code point has no glyph", "[glyphs]") {
    const SdfFont noto(kNoto);
    const auto space = noto.render(U' ');
    REQUIRE(space);
    CHECK(space->bitmap.empty());
    CHECK(space->advance > 0);
    CHECK_FALSE(noto.render(U'択'));  // Noto Sans has no kanji: the stack falls back to IPAGothic
    CHECK(SdfFont(kIpa).render(U'択'));
}

TEST_CASE("a file that is not a font is an input error naming it", "[glyphs]") {
    const auto bad = std::filesystem::temp_directory_path() / ("kuril-not-a-font-" + std::to_string(::getpid()) + ".ttf");
    std::ofstream(bad) << "not a font";
    try {
        const SdfFont f(bad);
        FAIL("no error");
    } catch (const InputError& e) {
        CHECK(e.where().file == bad.string());
    }
    std::filesystem::remove(bad);
}

TEST_CASE("ranges: 256 code points per file, named by the stack, Latin whole, CJK as used", "[glyphs]") {
    CHECK(glyph_range_name(U'A') == "0-255");
    CHECK(glyph_range_name(U'И') == "1024-1279");
    CHECK(glyph_range_name(U'択') == "25088-25343");
    std::set<char32_t> wanted;
    add_code_points("Iturup (Etorofu) Итуруп 択捉島", wanted);
    CHECK(wanted.count(U'И') == 1);
    CHECK(wanted.count(U'択') == 1);
    CHECK(wanted.size() == 19);

    const auto dir = std::filesystem::temp_directory_path() / ("kuril-glyph-test-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    const std::vector<FontStackFace> stack{{"Noto Sans Regular", kNoto}, {"IPAGothic Regular", kIpa}};
    const GlyphRangeStats stats = write_glyph_ranges(dir, stack, wanted);
    CHECK(stats.missing == 0);
    const auto stack_dir = dir / "Noto Sans Regular,IPAGothic Regular";
    const Decoded latin = decode(slurp(stack_dir / "0-255.pbf"));
    CHECK(latin.name == "Noto Sans Regular,IPAGothic Regular");
    CHECK(latin.range == "0-255");
    CHECK(latin.glyphs.size() > 180);  // the whole block: any Latin-1 name renders
    CHECK(std::is_sorted(latin.glyphs.begin(), latin.glyphs.end(), [](auto& a, auto& b) { return a.id < b.id; }));
    for (const auto& g : latin.glyphs) {
        CHECK(g.id < 256);
        CHECK(g.bitmap.size() == (g.bitmap.empty() ? 0 : (g.width + 6) * (g.height + 6)));
    }
    const Decoded kanji = decode(slurp(stack_dir / "25344-25599.pbf"));  // 捉 U+6349
    REQUIRE(kanji.glyphs.size() == 1);
    CHECK(kanji.glyphs[0].id == U'捉');
    CHECK(kanji.glyphs[0].width >= 18);  // a full-width ideograph from IPAGothic
    CHECK(std::filesystem::exists(stack_dir / "1024-1279.pbf"));
    CHECK(stats.ranges == 5);  // 0-255, 1024-1279, and the blocks of 択, 捉, 島
    // Same inputs, same bytes.
    const std::string first = slurp(stack_dir / "25088-25343.pbf");
    std::filesystem::remove_all(dir);
    (void)write_glyph_ranges(dir, stack, wanted);
    CHECK(slurp(stack_dir / "25088-25343.pbf") == first);
    std::filesystem::remove_all(dir);
}
