#include "maps/text.hpp"

#include "maps/svg_layers.hpp"

namespace kuril::maps {

void set_colour(cairo_t* cr, const Rgb& c, double alpha) { cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha); }

void release_thread_fonts() { pango_cairo_font_map_set_default(nullptr); }

Text::Text(cairo_t* cr, const std::string& text, const TextStyle& style)
    : cr_(cr), layout_(pango_cairo_create_layout(cr)), style_(style) {
    PangoFontDescription* fd = pango_font_description_from_string("Noto Sans, IPAGothic");
    pango_font_description_set_absolute_size(fd, style.size_pt * PANGO_SCALE);
    if (style.italic) pango_font_description_set_style(fd, PANGO_STYLE_ITALIC);
    if (style.bold) pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(layout_, fd);
    pango_font_description_free(fd);
    if (style.wrap_width_pt > 0) {
        pango_layout_set_width(layout_, style.wrap_width_pt * PANGO_SCALE);
        pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
    }
    if (style.centred) pango_layout_set_alignment(layout_, PANGO_ALIGN_CENTER);
    if (style.letter_spacing_pt > 0) {
        PangoAttrList* attrs = pango_attr_list_new();
        pango_attr_list_insert(attrs, pango_attr_letter_spacing_new(int(style.letter_spacing_pt * PANGO_SCALE)));
        pango_layout_set_attributes(layout_, attrs);
        pango_attr_list_unref(attrs);
    }
    if (style.vertical) {  // the layout's own context (pango_cairo_create_layout makes one per layout)
        PangoContext* context = pango_layout_get_context(layout_);
        pango_context_set_base_gravity(context, PANGO_GRAVITY_EAST);
        pango_context_set_gravity_hint(context, PANGO_GRAVITY_HINT_STRONG);
        pango_layout_context_changed(layout_);
    }
    pango_layout_set_text(layout_, text.c_str(), -1);
}

Text::~Text() { g_object_unref(layout_); }

std::pair<double, double> Text::size() const {
    int w = 0, h = 0;
    pango_layout_get_size(layout_, &w, &h);
    return {double(w) / PANGO_SCALE, double(h) / PANGO_SCALE};
}

void Text::draw(double x, double y, const Rgb& colour, const Rgb* halo) const {
    if (std::string* live = live_text_of(cr_)) {
        *live += live_text(cr_, layout_, style_, x, y, colour, halo);
        return;
    }
    cairo_new_path(cr_);
    if (halo != nullptr) {
        cairo_move_to(cr_, x, y);
        pango_cairo_layout_path(cr_, layout_);
        set_colour(cr_, *halo, 0.85);
        cairo_set_line_width(cr_, 1.6);
        cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
        cairo_stroke(cr_);
    }
    cairo_move_to(cr_, x, y);
    set_colour(cr_, colour);
    pango_cairo_show_layout(cr_, layout_);
    cairo_new_path(cr_);
}

}  // namespace kuril::maps
