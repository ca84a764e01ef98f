#include "maps/svg_layers.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <stdexcept>

#include <cairo-svg.h>
#include <fmt/format.h>

#include "maps/sheet_parts.hpp"
#include "util/error.hpp"
#include "util/xml.hpp"

namespace kuril::maps {

namespace {

const cairo_user_data_key_t kLiveTextKey{};

constexpr std::array<SheetLayerName, kSheetLayers> kLayerNames{{
    {"land", "Sea and land"},
    {"boundaries", "Boundaries"},
    {"islet-marks", "Islet marks"},
    {"graticule", "Graticule"},
    {"inset", "Inset"},
    {"names", "Names"},
    {"water-names", "Water names"},
    {"title", "Frame and title"},
    {"legend", "Legend"},
    {"margin", "Scale, point of view, locator and sources"},
}};

std::string hex(const Rgb& c) {
    const auto byte = [](double v) { return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255)); };
    return fmt::format("#{:02x}{:02x}{:02x}", byte(c.r), byte(c.g), byte(c.b));
}

// From the end of the first `open` to the last `close` in `s`; empty when either is missing.
std::string between(const std::string& s, const std::string& open, const std::string& close) {
    const auto a = s.find(open);
    if (a == std::string::npos) return {};
    const auto from = s.find(">\n", a);
    const auto to = s.rfind(close);
    return from == std::string::npos || to == std::string::npos || to < from + 2 ? std::string{} : s.substr(from + 2, to - from - 2);
}

// Cairo's ids (clip1, glyph0-3) are its document's own: in one file they take the layer's id before them.
std::string with_ids_of(std::string s, const std::string& layer) {
    for (const std::string from : {"id=\"", "url(#", "href=\"#"}) {
        const std::string to = from + layer + "-";
        for (auto at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) s.replace(at, from.size(), to);
    }
    return s;
}

}  // namespace

SheetLayerName layer_name(SheetLayer layer) { return kLayerNames.at(static_cast<std::size_t>(layer)); }

LayeredSvg::LayeredSvg(double width_pt, double height_pt) : w_(width_pt), h_(height_pt) {}

LayeredSvg::~LayeredSvg() {
    for (Part& p : parts_) {
        if (p.cr != nullptr) cairo_destroy(p.cr);
        if (p.surface != nullptr) cairo_surface_destroy(p.surface);
    }
}

cairo_t* LayeredSvg::layer(SheetLayer l) {
    Part& p = parts_.at(static_cast<std::size_t>(l));
    if (p.cr == nullptr) {
        p.surface = cairo_svg_surface_create_for_stream(append_to_string, &p.svg, w_, h_);
        cairo_svg_surface_set_document_unit(p.surface, CAIRO_SVG_UNIT_PT);
        p.cr = cairo_create(p.surface);
        cairo_set_user_data(p.cr, &kLiveTextKey, &p.text, nullptr);
    }
    return p.cr;
}

std::string LayeredSvg::document(const std::filesystem::path& path) {
    std::string defs, body;
    for (std::size_t i = 0; i < parts_.size(); ++i) {
        Part& p = parts_[i];
        if (p.cr == nullptr) continue;
        cairo_surface_finish(p.surface);
        check_cairo(p.surface, path, errno);
        const SheetLayerName name = kLayerNames[i];
        defs += with_ids_of(between(p.svg, "<defs>", "</defs>"), name.id);
        // What Cairo drew, inside its <g id="surfaceN"> (a process-wide counter: dropped, so that the same
        // map gives the same bytes on any thread).
        const std::string drawn = between(p.svg, "<g id=\"surface", "</g>");
        body += fmt::format("<g id=\"{}\" inkscape:groupmode=\"layer\" inkscape:label=\"{}\">\n{}{}</g>\n", name.id,
                            name.label, with_ids_of(drawn, name.id), p.text);
    }
    return fmt::format(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
        "xmlns:xlink=\"http://www.w3.org/1999/xlink\" xmlns:inkscape=\"http://www.inkscape.org/namespaces/inkscape\" "
        "width=\"{0:.6f}pt\" height=\"{1:.6f}pt\" viewBox=\"0 0 {0:.6f} {1:.6f}\" version=\"1.1\">\n<defs>\n{2}</defs>\n{3}</svg>\n",
        w_, h_, defs, body);
}

std::string* live_text_of(cairo_t* cr) { return static_cast<std::string*>(cairo_get_user_data(cr, &kLiveTextKey)); }

std::string live_text(cairo_t* cr, PangoLayout* layout, const TextStyle& style, double x, double y, const Rgb& colour,
                      const Rgb* halo) {
    cairo_matrix_t m;
    cairo_get_matrix(cr, &m);
    std::string out = "<text xml:space=\"preserve\" font-family=\"Noto Sans, IPAGothic\"";
    // A column is placed on the sheet by its own coordinates (vertical writing), not by a turn.
    if (!style.vertical && (m.xx != 1 || m.yx != 0 || m.xy != 0 || m.yy != 1 || m.x0 != 0 || m.y0 != 0)) {
        out += fmt::format(" transform=\"matrix({:.6g} {:.6g} {:.6g} {:.6g} {:.3f} {:.3f})\"", m.xx, m.yx, m.xy, m.yy, m.x0, m.y0);
    }
    out += fmt::format(" font-size=\"{:.2f}\"{}{} fill=\"{}\"", style.size_pt, style.italic ? " font-style=\"italic\"" : "",
                       style.bold ? " font-weight=\"bold\"" : "", hex(colour));
    if (style.letter_spacing_pt > 0) out += fmt::format(" letter-spacing=\"{:.2f}\"", style.letter_spacing_pt);
    if (halo != nullptr) {
        out += fmt::format(" stroke=\"{}\" stroke-opacity=\"0.85\" stroke-width=\"1.6\" stroke-linejoin=\"round\" "
                           "paint-order=\"stroke\"", hex(*halo));
    }
    if (style.vertical) {  // one column: SVG's own vertical writing, from the top of the column's centre line
        int lw = 0, lh = 0;
        pango_layout_get_size(layout, &lw, &lh);
        const double ux = x, uy = y + double(lh) / PANGO_SCALE / 2;
        const double dx = m.xx * ux + m.xy * uy + m.x0, dy = m.yx * ux + m.yy * uy + m.y0;
        return out + fmt::format(" writing-mode=\"tb\" x=\"{:.2f}\" y=\"{:.2f}\">{}</text>\n", dx, dy,
                                 xml_escaped(pango_layout_get_text(layout)));
    }
    out += ">";
    const std::string all = pango_layout_get_text(layout);
    PangoLayoutIter* it = pango_layout_get_iter(layout);
    do {
        const PangoLayoutLine* line = pango_layout_iter_get_line_readonly(it);
        PangoRectangle logical;
        pango_layout_iter_get_line_extents(it, nullptr, &logical);
        std::string words = all.substr(static_cast<std::size_t>(line->start_index), static_cast<std::size_t>(line->length));
        while (!words.empty() && (words.back() == ' ' || words.back() == '\n')) words.pop_back();
        out += fmt::format("<tspan x=\"{:.2f}\" y=\"{:.2f}\">{}</tspan>", x + double(logical.x) / PANGO_SCALE,
                           y + double(pango_layout_iter_get_baseline(it)) / PANGO_SCALE, xml_escaped(words));
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
    return out + "</text>\n";
}

}  // namespace kuril::maps
