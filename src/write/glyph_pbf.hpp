#pragma once
// Glyph ranges for map styles: the `glyphs` URL of a MapLibre / Mapbox GL style
// ("…/{fontstack}/{range}.pbf") names one file per font stack and block of 256 code points, each a
// protobuf `glyphs` message (mapbox/glyph-pbf glyphs.proto, "Protocol Version 1") of SDF glyphs.
#include <cstddef>
#include <filesystem>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <protozero/types.hpp>

#include "write/sdf_font.hpp"

namespace kuril {

namespace glyphs_pbf {
enum class GlyphsTag : protozero::pbf_tag_type { stacks = 1 };
enum class FontstackTag : protozero::pbf_tag_type { name = 1, range = 2, glyphs = 3 };
enum class GlyphTag : protozero::pbf_tag_type { id = 1, bitmap = 2, width = 3, height = 4, left = 5, top = 6, advance = 7 };
}  // namespace glyphs_pbf

inline constexpr char32_t kGlyphRangeSize = 256;

// A font stack as a style names it ("text-font": [first, fallback…]): each code point is taken from
// the first face that has it, as glyph servers composite stacks.
struct FontStackFace {
    std::string name;              // e.g. "Noto Sans Regular"
    std::filesystem::path file;    // the .ttf / .otf
};

// The stack's name in URLs: the faces' names joined with ',' (what clients put in {fontstack}).
[[nodiscard]] std::string fontstack_name(const std::vector<FontStackFace>& stack);

// "start-end" of the block holding c, as in {range}.
[[nodiscard]] std::string glyph_range_name(char32_t c);

// One range file: glyphs sorted by id, all inside [start, start + 255].
[[nodiscard]] std::string encode_glyph_range(const std::string& stack, char32_t start, const std::vector<SdfGlyph>& glyphs);

// The code points of valid UTF-8 text.
void add_code_points(std::string_view utf8, std::set<char32_t>& out);

struct GlyphRangeStats {
    std::size_t ranges = 0;
    std::size_t glyphs = 0;
    std::size_t missing = 0;  // wanted code points no face of the stack has
};

// Writes dir/<fontstack_name>/<start>-<end>.pbf for every block that holds a wanted code point. Blocks
// below U+3000 (Latin, Greek, Cyrillic, punctuation…) are written whole, so any name in those scripts
// renders; the large CJK blocks hold only the wanted code points.
GlyphRangeStats write_glyph_ranges(const std::filesystem::path& dir, const std::vector<FontStackFace>& stack,
                                   const std::set<char32_t>& wanted);

}  // namespace kuril
