#pragma once
// One font face rendered as signed distance field glyphs, the form MapLibre GL and Mapbox GL draw
// text from: 24 px em, a 3 px border, 8 px radius, edge at 192 (cutoff 0.25), as TinySDF and
// node-fontnik make them. FreeType rasterises the glyph anti-aliased; write/distance_field turns the
// coverage into distances as TinySDF does (FreeType's own bitmap-to-SDF renderer, "bsdf", gave the same
// field to within a few levels but took 1 ms a glyph, a second of every `kuril build`).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kuril {

struct SdfGlyph {
    char32_t id = 0;
    std::vector<std::uint8_t> bitmap;  // (width + 2·border) × (height + 2·border), row-major; empty for blanks
    std::uint32_t width = 0;
    std::uint32_t height = 0;
    std::int32_t left = 0;
    std::int32_t top = 0;  // bitmap top relative to the ascender, as node-fontnik writes it
    std::uint32_t advance = 0;
};

inline constexpr int kGlyphEm = 24;      // px: the size every glyph PBF is rendered at
inline constexpr int kGlyphBorder = 3;   // px around the glyph (glyphs.proto: "a border of 3 pixels")
inline constexpr int kGlyphRadius = 8;   // px of distance encoded
inline constexpr double kGlyphCutoff = 0.25;

class SdfFont {
public:
    explicit SdfFont(const std::filesystem::path& file);  // throws InputError naming the file
    ~SdfFont();
    SdfFont(const SdfFont&) = delete;
    SdfFont& operator=(const SdfFont&) = delete;

    [[nodiscard]] bool has(char32_t c) const;
    // The glyph of c, or nullopt when the face has none. Throws OutputError if FreeType fails on it.
    [[nodiscard]] std::optional<SdfGlyph> render(char32_t c) const;
    [[nodiscard]] const std::filesystem::path& file() const noexcept { return file_; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    std::filesystem::path file_;
};

}  // namespace kuril
