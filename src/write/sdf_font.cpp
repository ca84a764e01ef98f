#include "write/sdf_font.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_MODULE_H

#include "util/error.hpp"

namespace kuril {

namespace {

// FreeType's bitmap-to-SDF renderer pads the bitmap by its spread on each side and writes 128 on the outline,
// 128/spread per pixel, larger inside.
constexpr FT_Int kSpread = kGlyphRadius;

// TinySDF / MapLibre: value = 255 − 255·(d/radius + cutoff), d the distance outside the outline.
std::uint8_t to_maplibre(std::uint8_t freetype) {
    const double inside_px = (static_cast<double>(freetype) - 128.0) * kSpread / 128.0;
    const double v = 255.0 - 255.0 * (-inside_px / kGlyphRadius + kGlyphCutoff);
    return static_cast<std::uint8_t>(std::clamp(std::lround(v), 0L, 255L));
}

}  // namespace

struct SdfFont::Impl {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    ~Impl() {
        if (face != nullptr) FT_Done_Face(face);
        if (library != nullptr) FT_Done_FreeType(library);
    }
};

SdfFont::SdfFont(const std::filesystem::path& file) : impl_(std::make_unique<Impl>()), file_(file) {
    if (FT_Init_FreeType(&impl_->library) != 0) {
        throw OutputError("FreeType could not be initialised");
    }
    FT_Int spread = kSpread;
    if (FT_Property_Set(impl_->library, "bsdf", "spread", &spread) != 0) {
        throw OutputError("this FreeType has no SDF renderer (FreeType 2.11 or later is needed)");
    }
    if (FT_New_Face(impl_->library, file.c_str(), 0, &impl_->face) != 0) {
        throw InputError(Location{file.string(), 0, {}}, "not a font FreeType can read");
    }
    if (FT_Set_Pixel_Sizes(impl_->face, 0, kGlyphEm) != 0) {
        throw InputError(Location{file.string(), 0, {}}, fmt::format("cannot be scaled to {} px", kGlyphEm));
    }
}

SdfFont::~SdfFont() = default;

bool SdfFont::has(char32_t c) const { return FT_Get_Char_Index(impl_->face, c) != 0; }

std::optional<SdfGlyph> SdfFont::render(char32_t c) const {
    FT_Face face = impl_->face;
    if (!has(c)) {
        return std::nullopt;
    }
    const auto fail = [&](const char* what) {
        return OutputError(fmt::format("{}: U+{:04X}: {}", file_.string(), static_cast<std::uint32_t>(c), what));
    };
    if (FT_Load_Char(face, c, FT_LOAD_DEFAULT | FT_LOAD_NO_HINTING) != 0) {
        throw fail("FreeType cannot load the glyph");
    }
    FT_GlyphSlot slot = face->glyph;
    SdfGlyph g;
    g.id = c;
    g.advance = static_cast<std::uint32_t>(std::lround(static_cast<double>(slot->advance.x) / 64.0));
    const auto ascender = static_cast<std::int32_t>(face->size->metrics.ascender / 64);
    if (slot->format != FT_GLYPH_FORMAT_OUTLINE || slot->outline.n_points == 0) {
        return g;  // a blank (space): metrics only
    }
    if (FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0 || FT_Render_Glyph(slot, FT_RENDER_MODE_SDF) != 0) {
        throw fail("FreeType's SDF renderer failed");
    }
    const FT_Bitmap& bm = slot->bitmap;
    const auto pad = static_cast<unsigned>(kSpread);
    if (bm.width < 2 * pad || bm.rows < 2 * pad) {
        throw fail("SDF bitmap smaller than its padding");
    }
    g.width = bm.width - 2 * pad;
    g.height = bm.rows - 2 * pad;
    g.left = slot->bitmap_left + kSpread;
    g.top = slot->bitmap_top - kSpread - ascender;
    // Keep kGlyphBorder of the kSpread padding.
    const unsigned skip = pad - kGlyphBorder;
    const unsigned w = g.width + 2 * kGlyphBorder;
    const unsigned h = g.height + 2 * kGlyphBorder;
    g.bitmap.resize(static_cast<std::size_t>(w) * h);
    for (unsigned y = 0; y < h; ++y) {
        const unsigned char* row = bm.buffer + static_cast<std::ptrdiff_t>(y + skip) * bm.pitch;
        for (unsigned x = 0; x < w; ++x) {
            g.bitmap[static_cast<std::size_t>(y) * w + x] = to_maplibre(row[x + skip]);
        }
    }
    return g;
}

}  // namespace kuril
