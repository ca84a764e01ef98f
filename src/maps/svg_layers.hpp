#pragma once
// An SVG a cartographer can finish: each part of the sheet drawn on its own Cairo SVG surface and put together
// as named layers (a top-level <g> with an id, which Illustrator opens as a layer, and Inkscape's
// inkscape:groupmode="layer" with its label), and every word as live text — SVG 1.1 §10 <text> in its fonts
// (Noto Sans, IPAGothic), its halo a stroke painted first (SVG 2 paint-order) — not Cairo's glyph outlines.
#include <array>
#include <filesystem>
#include <string>

#include <cairo.h>
#include <pango/pango.h>

#include "maps/palette.hpp"
#include "maps/text.hpp"

namespace kuril::maps {

// The layers bottom to top.
enum class SheetLayer { land, boundaries, island_marks, graticule, inset, names, water_names, title, legend, margin };
inline constexpr std::size_t kSheetLayers = 10;

// A layer's id (an XML name) and the label an editor shows.
struct SheetLayerName {
    const char* id;
    const char* label;
};
[[nodiscard]] SheetLayerName layer_name(SheetLayer layer);

class LayeredSvg {
public:
    LayeredSvg(double width_pt, double height_pt);
    LayeredSvg(const LayeredSvg&) = delete;
    LayeredSvg& operator=(const LayeredSvg&) = delete;
    ~LayeredSvg();

    // The layer's drawing context, made on first use; the text drawn on it (Text::draw) is kept as live text.
    cairo_t* layer(SheetLayer l);
    // The whole document, every layer finished; a Cairo failure is an OutputError naming `path`.
    [[nodiscard]] std::string document(const std::filesystem::path& path);

private:
    struct Part {
        cairo_surface_t* surface = nullptr;
        cairo_t* cr = nullptr;
        std::string svg;   // what Cairo wrote
        std::string text;  // the live <text> elements, over what Cairo drew
    };
    double w_, h_;
    std::array<Part, kSheetLayers> parts_{};
};

// Where Text::draw puts the live text of a layer's drawing context; null for any other context (PDF, PNG).
[[nodiscard]] std::string* live_text_of(cairo_t* cr);
// A laid-out text as an SVG <text> element, a <tspan> per line, placed by the context's current matrix with
// its top-left at (x, y); the halo as a stroke under the fill.
[[nodiscard]] std::string live_text(cairo_t* cr, PangoLayout* layout, const TextStyle& style, double x, double y,
                                    const Rgb& colour, const Rgb* halo);

}  // namespace kuril::maps
