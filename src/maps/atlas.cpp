#include "maps/sheet_parts.hpp"

#include <cerrno>
#include <functional>

#include <cairo-pdf.h>
#include <fmt/format.h>

#include "util/atomic.hpp"
#include "util/error.hpp"

namespace kuril::maps {

namespace fs = std::filesystem;

namespace {

// One panel of the small multiples: the day's land and lines in a frame, and the day above it.
void draw_panel(Canvas& page_canvas, const Atlas& atlas, const MapData& data, SheetCache& cache, const MapSpec& page,
                const Sheet& panel, const std::string& crs, double label_y, Drawn& drawn) {
    cairo_t* cr = page_canvas.cr;
    const Palette& palette = page_canvas.pal;
    SheetGeoms geoms(cache.ctx, page_canvas.proj, panel, cache.store, crs + "|panel");
    Canvas c{cr, cache.ctx, page_canvas.proj, panel, geoms, palette, page_canvas.tr};
    cairo_save(cr);
    clip_frame(cr, panel);
    set_colour(cr, palette.sea);
    cairo_paint(cr);
    const auto marks = draw_land(c, data, page, drawn);
    draw_lines(c, data, page, drawn);
    draw_marks(c, marks);
    cairo_restore(cr);
    const double fw = panel.fx1 - panel.fx0, fh = panel.fy1 - panel.fy0;
    cairo_new_path(cr);
    cairo_rectangle(cr, panel.fx0, panel.fy0, fw, fh);
    set_colour(cr, palette.text);
    cairo_set_line_width(cr, 0.5);
    cairo_stroke(cr);
    const std::string name = event_name(settlement_in_force(atlas.dataset(), page.date), page.lang);
    const Text label(cr, long_date(page.date, c.tr) + (name.empty() ? "" : " — " + name) +
                             (page.view == "neutral" ? "" : page.view == "japan" ? c.tr(" (Japan's view)") : c.tr(" (Russia's view)")),
                     TextStyle{7.5, false, true, int(fw)});
    label.draw(panel.fx0, label_y, palette.text);
}

// Where the next legend entry of the small multiples' page goes: along the foot, wrapping to a second row.
struct LegendRow {
    double left, x, y, right;
};

// One legend entry: its swatch drawn by `swatch` at (x, y), then its words; on the next row when it would
// pass the right margin.
void multiples_entry(const Canvas& c, LegendRow& row, const std::string& text, const std::function<void(double, double)>& swatch) {
    const Text t(c.cr, text, TextStyle{7});
    if (row.x > row.left && row.x + 15 + t.size().first > row.right) {
        row.x = row.left;
        row.y += 11;
    }
    swatch(row.x, row.y);
    t.draw(row.x + 15, row.y, c.pal.text);
    row.x += 15 + t.size().first + 12;
}

// The small multiples' one legend, along the foot of the page.
void draw_multiples_legend(const Canvas& c, double x, const Drawn& drawn) {
    cairo_t* cr = c.cr;
    const Palette& palette = c.pal;
    const Sheet& sheet = c.sheet;
    LegendRow row{x, x, sheet.h - 19 * kPtPerMm, sheet.w - x};
    for (const auto& h : drawn.holders) {
        const auto names = drawn.holder_names.count(h) ? drawn.holder_names.at(h) : std::vector<std::string>{};
        multiples_entry(c, row, holder_label(h, names, c.tr), [&](double sx, double sy) {
            cairo_new_path(cr);
            cairo_rectangle(cr, sx, sy, 12, 8);
            set_colour(cr, palette.holders.count(h) ? palette.holders.at(h) : palette.land_unknown);
            cairo_fill(cr);
        });
    }
    for (const auto& [shown, pattern] : {std::pair{drawn.claimed, kClaimedPattern}, std::pair{drawn.renounced, kRenouncedPattern}}) {
        if (!shown) continue;
        const DisputePattern p = pattern;  // a plain variable: clang 14 cannot capture a structured binding
        multiples_entry(c, row, c.tr(p.words), [&](double sx, double sy) {
            cairo_new_path(cr);
            cairo_rectangle(cr, sx, sy + 1, 12, 8);
            set_colour(cr, palette.halo);
            cairo_fill_preserve(cr);
            hatch(cr, sheet, p.angle, p.spacing, palette.text, 0.4);
            cairo_new_path(cr);
        });
    }
    for (const auto& entry : kLineLegend) {
        const std::string k = entry.first;  // a plain variable: clang 14 cannot capture a structured binding
        if (!drawn.lines.count(k)) continue;
        multiples_entry(c, row, line_words(c.tr, entry.second, drawn.view), [&](double sx, double sy) {
            cairo_new_path(cr);
            cairo_move_to(cr, sx, sy + 5);
            cairo_line_to(cr, sx + 12, sy + 5);
            line_style(cr, palette, k);
            cairo_stroke(cr);
            cairo_set_dash(cr, nullptr, 0, 0);
        });
    }
}

// Small multiples: every page's map at one scale, three to a row, with one legend.
void draw_small_multiples(Canvas& c, const Atlas& atlas, const MapData& data, SheetCache& cache,
                          const std::vector<MapSpec>& pages, const std::string& crs) {
    cairo_t* cr = c.cr;
    const Palette& palette = c.pal;
    const Sheet& sheet = c.sheet;
    const MapProjection& proj = c.proj;
    set_colour(cr, palette.halo);
    cairo_paint(cr);
    const MapSpec& first = pages.front();
    const Text title(cr, fmt::format(fmt::runtime(c.tr("The Kuril Islands and Sakhalin, {first} to {last}: who held the land")),
                                     fmt::arg("first", first.date.year()), fmt::arg("last", pages.back().date.year())),
                     TextStyle{14, false, true});
    title.draw(12 * kPtPerMm, 7 * kPtPerMm, palette.text);
    const int cols = 3, rows = int((pages.size() + cols - 1) / cols);
    const double x0 = 12 * kPtPerMm, y0 = 20 * kPtPerMm, gap = 5 * kPtPerMm;
    const double cw = (sheet.w - 2 * x0 - (cols - 1) * gap) / cols;
    const double ch = (sheet.h - y0 - 22 * kPtPerMm - (rows - 1) * gap) / rows;
    // One scale for every panel: the smallest that fits a panel.
    const Sheet fitted = fit_sheet(first.extent, proj, sheet.w, sheet.h, 0, 0, cw, ch - 12);
    const double fw = fitted.fx1 - fitted.fx0, fh = fitted.fy1 - fitted.fy0;
    Drawn drawn;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        const double px = x0 + double(i % cols) * (cw + gap), py = y0 + double(i / cols) * (ch + gap);
        Sheet panel = fitted;
        panel.fx0 = px + (cw - fw) / 2, panel.fy0 = py + 12, panel.fx1 = panel.fx0 + fw, panel.fy1 = panel.fy0 + fh;
        draw_panel(c, atlas, data, cache, pages[i], panel, crs, py, drawn);
    }
    draw_multiples_legend(c, x0, with_names_in(drawn, atlas.dataset(), first.lang));
    // One scale for every panel: its bar at the top right, beside the title.
    Canvas panels{cr, c.ctx, proj, fitted, c.geoms, palette, c.tr};
    (void)draw_scale_bar(panels, first.extent, sheet.w - x0 - 50 * kPtPerMm, 8 * kPtPerMm, 45 * kPtPerMm);
    const Text note(cr, c.tr("Neutral view: who held the land on each day, at one scale. Coastline: GSHHG 2.3.7 full "
                             "resolution (LGPL-3.0). Records and their sources: the Kuril Atlas dataset."),
                    TextStyle{6});
    note.draw(x0, sheet.h - 9 * kPtPerMm, palette.text);
}

}  // namespace

std::vector<MapResult> render_atlas(const Atlas& atlas, const MapData& data, SheetCache& cache,
                                    const std::vector<MapSpec>& pages, const Palette& palette, const Catalogues& words,
                                    const fs::path& out, const Date& today) {
    if (pages.empty()) throw UsageError("the atlas needs at least one page");
    const MapSpec& first = pages.front();
    const std::string crs = crs_of(first);
    const MapProjection proj(crs);
    const Sheet sheet = page_sheet(first, proj);
    StagingFile staged(out);
    std::string pdf;  // written by write_file, checked and synced
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append_to_string, &pdf, sheet.w, sheet.h);
    pin_pdf(surface, today, "Kuril Atlas: the Kuril Islands and Sakhalin, 1855 to today",
            "Who held the Kuril Islands and Sakhalin: a page per epoch, then every epoch side by side at one scale");
    check_cairo(surface, out, errno);
    cairo_t* cr = cairo_create(surface);
    std::vector<MapResult> results;
    try {
        for (const auto& spec : pages) {
            MapResult r;
            r.projection = projection_text(spec, proj, crs, words.of(spec.lang));
            r.sheet_w_pt = sheet.w, r.sheet_h_pt = sheet.h;
            draw_sheet(cr, atlas, data, cache, spec, palette, words.of(spec.lang), proj, sheet, crs, r);
            cairo_show_page(cr);
            results.push_back(std::move(r));
        }
        SheetGeoms page_geoms(cache.ctx, proj, sheet, cache.store, crs + "|page");
        Canvas page{cr, cache.ctx, proj, sheet, page_geoms, palette, words.of(first.lang)};
        draw_small_multiples(page, atlas, data, cache, pages, crs);
        cairo_show_page(cr);
    } catch (...) {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
        throw;
    }
    cairo_destroy(cr);
    write_file(staged.path(), finished_pdf(surface, pdf, out));
    staged.commit();
    return results;
}

}  // namespace kuril::maps
