#pragma once
// One piece of text on the sheet, shaped by Pango (HarfBuzz) with Noto Sans and IPAGothic from
// fontconfig: kanji, Cyrillic and Latin in one string. Text stays text in the PDF and the SVG.
#include <string>
#include <utility>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "maps/palette.hpp"

namespace kuril::maps {

struct TextStyle {
    double size_pt = 7;
    bool italic = false;
    bool bold = false;
    int wrap_width_pt = -1;  // > 0: wrap at this width
    double letter_spacing_pt = 0;  // added between letters (a water's name spread along its strait)
    bool vertical = false;  // CJK set upright for a column, the layout turned 90° clockwise when drawn
    bool centred = false;   // lines centred on each other (a state's name on two lines)
};

class Text {
public:
    Text(cairo_t* cr, const std::string& text, const TextStyle& style);
    Text(const Text&) = delete;
    Text& operator=(const Text&) = delete;
    ~Text();

    [[nodiscard]] std::pair<double, double> size() const;  // width, height in points
    // Draws with its top-left at (x, y); a halo first when given. On a layer of a LayeredSvg: as live text.
    void draw(double x, double y, const Rgb& colour, const Rgb* halo = nullptr) const;

private:
    cairo_t* cr_;
    PangoLayout* layout_;
    TextStyle style_;
};

void set_colour(cairo_t* cr, const Rgb& c, double alpha = 1);

// Pango keeps one font map per thread; a thread that drew text and is about to end releases it here
// (else its fonts stay allocated with nothing pointing at them).
void release_thread_fonts();

}  // namespace kuril::maps
