#include "write/sdf_font.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H

#include "util/error.hpp"
#include "write/distance_field.hpp"

namespace kuril {

namespace {

// Coverage samples per pixel along each axis: 2 halves the distance field's error near the outline
// (see write/distance_field.hpp) for four times the samples.
constexpr unsigned kSupersample = 2;

class OutlineCopy {
public:
    OutlineCopy(FT_Library library, const FT_Outline& source) : library_(library) {
        if (FT_Outline_New(library, source.n_points, source.n_contours, &outline_) != 0) return;
        made_ = FT_Outline_Copy(&source, &outline_) == 0;
    }
    ~OutlineCopy() { FT_Outline_Done(library_, &outline_); }
    OutlineCopy(const OutlineCopy&) = delete;
    OutlineCopy& operator=(const OutlineCopy&) = delete;
    [[nodiscard]] bool made() const { return made_; }
    FT_Outline* get() { return &outline_; }

private:
    FT_Library library_;
    FT_Outline outline_{};
    bool made_ = false;
};

// The outline's coverage over the pixel box FreeType chose for it (left, top, width × rows, from its own
// anti-aliased rendering), kSupersample times finer in each direction; rows top first.
std::vector<std::uint8_t> fine_coverage(FT_Library library, OutlineCopy& outline, const FT_GlyphSlotRec& box) {
    const unsigned w = box.bitmap.width * kSupersample, h = box.bitmap.rows * kSupersample;
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(w) * h, 0);
    const FT_Pos bottom = box.bitmap_top - static_cast<FT_Pos>(box.bitmap.rows);
    FT_Outline_Translate(outline.get(), -box.bitmap_left * 64, -bottom * 64);
    FT_Matrix scale{static_cast<FT_Fixed>(kSupersample) << 16, 0, 0, static_cast<FT_Fixed>(kSupersample) << 16};
    FT_Outline_Transform(outline.get(), &scale);
    FT_Bitmap target{};
    target.rows = h;
    target.width = w;
    target.pitch = static_cast<int>(w);  // positive: the first row is the top one
    target.buffer = pixels.data();
    target.num_grays = 256;
    target.pixel_mode = FT_PIXEL_MODE_GRAY;
    if (FT_Outline_Get_Bitmap(library, outline.get(), &target) != 0) pixels.clear();
    return pixels;
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
    OutlineCopy outline(impl_->library, slot->outline);
    if (!outline.made()) throw fail("FreeType cannot copy the glyph's outline");
    if (FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0) throw fail("FreeType cannot rasterise the glyph");
    const FT_Bitmap& bm = slot->bitmap;
    if (bm.width == 0 || bm.rows == 0) return g;  // an outline too small to cover a pixel: metrics only
    g.width = bm.width;
    g.height = bm.rows;
    g.left = slot->bitmap_left;
    g.top = slot->bitmap_top - ascender;
    const std::vector<std::uint8_t> fine = fine_coverage(impl_->library, outline, *slot);
    if (fine.empty()) throw fail("FreeType cannot rasterise the glyph's outline");
    g.bitmap = signed_distance_field(Coverage{fine.data(), bm.width * kSupersample, bm.rows * kSupersample,
                                              static_cast<std::ptrdiff_t>(bm.width * kSupersample)},
                                     kGlyphBorder, kGlyphRadius, kGlyphCutoff, kSupersample);
    return g;
}

}  // namespace kuril
