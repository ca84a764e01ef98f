#include "maps/renderer.hpp"

#include <cerrno>

#include <algorithm>
#include <cmath>
#include <optional>
#include <set>
#include <utility>

#include <cairo-pdf.h>
#include <fmt/format.h>

#include "maps/sheet_parts.hpp"
#include "util/atomic.hpp"
#include "util/error.hpp"
#include "util/files.hpp"

namespace kuril::maps {

namespace fs = std::filesystem;

namespace {

void require_land(const SheetCache& cache, const MapData& data, const Extent& e) {
    const geom::Geom box = cache.ctx.box(e.west, e.south, e.east, e.north);
    for (const auto& f : data.islands->features) {
        if (cache.ctx.intersects(box, f.geometry)) return;
    }
    throw UsageError(fmt::format("--extent {},{},{},{}: the extent contains no land of the dataset", e.west, e.south,
                                 e.east, e.north));
}

// The paper, the sea inside the frame, the land and the lines on it, the islets' marks over the lines, then
// the graticule over them: each on its layer, clipped to the frame.
void draw_map_body(Canvas& c, const MapData& data, const MapSpec& spec, Drawn& drawn) {
    use_layer(c, SheetLayer::land);
    set_colour(c.cr, c.pal.halo);
    cairo_paint(c.cr);
    const auto framed = [&](SheetLayer layer, const auto& draw) {
        use_layer(c, layer);
        cairo_save(c.cr);
        clip_frame(c.cr, c.sheet);
        draw();
        cairo_restore(c.cr);
    };
    std::vector<IslandMark> marks;
    framed(SheetLayer::land, [&] {
        set_colour(c.cr, c.pal.sea);
        cairo_paint(c.cr);
        marks = draw_land(c, data, spec, drawn);
    });
    framed(SheetLayer::boundaries, [&] { draw_lines(c, data, spec, drawn); });
    framed(SheetLayer::island_marks, [&] { draw_marks(c, marks); });  // the smallest islands over the lines
    use_layer(c, SheetLayer::graticule);
    const double span = std::max(spec.extent.east - spec.extent.west, spec.extent.north - spec.extent.south);
    draw_graticule(c, spec.extent, span > 8 ? 2 : span > 3 ? 1 : 0.5, true);
}

// What the inset leaves to the main map: the boxes its labels must keep clear of, and its own unplaced labels.
struct InsetPart {
    std::vector<Box> reserved;
    std::vector<std::string> unplaced;
};

// The inset of the southern islands with their names, and the locator frame of where it lies on the main map.
InsetPart draw_inset_part(Canvas& c, const Atlas& atlas, const MapData& data, SheetCache& cache, const MapSpec& spec,
                          const std::string& crs, MapResult& result, Drawn& drawn) {
    InsetPart part;
    const Sheet inset = inset_sheet(c.sheet, c.proj);
    part.reserved.push_back({inset.fx0 - 4, inset.fy0 - 14, inset.fx1 + 4, inset.fy1 + 4});
    SheetGeoms inset_geoms(cache.ctx, c.proj, inset, cache.store, crs);
    draw_inset(c, inset_geoms, data, spec, inset, drawn);
    Canvas ic{c.cr, cache.ctx, c.proj, inset, inset_geoms, c.pal, c.tr, c.svg};
    part.unplaced = draw_labels(ic, atlas, data, spec, NamePart::inset, {}, result, drawn);
    const geom::XY a = c.sheet.at(c.proj.forward({kInsetExtent.west, kInsetExtent.north}));
    const geom::XY b = c.sheet.at(c.proj.forward({kInsetExtent.east, kInsetExtent.south}));
    cairo_new_path(c.cr);
    cairo_rectangle(c.cr, a.x, a.y, b.x - a.x, b.y - a.y);
    set_colour(c.cr, c.pal.text, 0.6);
    cairo_set_line_width(c.cr, 0.5);
    cairo_stroke(c.cr);
    part.reserved.push_back({a.x - 0.5, a.y - 0.5, b.x + 0.5, a.y + 0.5});  // its edges stay clear of labels
    return part;
}

// A label with no room on the main map but placed in the inset is on the sheet; so is the reverse. The rest
// are reported once each.
void report_unplaced(const std::vector<std::string>& main, const std::vector<std::string>& inset, MapResult& result) {
    auto placed_anywhere = [&](const std::string& entry) {
        const std::string id = entry.substr(0, entry.find(": "));
        return std::any_of(result.labels.begin(), result.labels.end(), [&](const PlacedLabel& l) { return l.id == id; });
    };
    std::set<std::string> reported;
    for (const std::vector<std::string>* list : {&main, &inset}) {
        for (const auto& u : *list) {
            if (!placed_anywhere(u) && reported.insert(u).second) result.unplaced.push_back(u);
        }
    }
}

// Hokkaido's name on the day in the sheet's language: the period's (Ezo before 1869), else the gazetteer's
// (a dataset of other land may have neither).
std::string hokkaido_on(const Dataset& ds, const MapSpec& spec, const Messages& tr) {
    const std::string lang = spec.lang == "ainu" ? "en" : spec.lang;
    if (const IslandName* then = ds.island_name("hokkaido", lang, spec.date)) return then->name;
    const Island* island = ds.island("hokkaido");
    if (island == nullptr) return tr("Hokkaido");
    const std::string& name = lang == "ja" ? island->names.ja : lang == "ru" ? island->names.ru : island->names.en;
    return name.empty() ? island->names.en : name;
}

// What the extent shows, for the subtitle, in the names of the day.
std::string extent_subject(const Dataset& ds, const MapSpec& spec, const Messages& tr) {
    const Extent& e = spec.extent;
    if (e.name == "chain") return tr("The Kuril Islands and Sakhalin");
    if (e.name == "south") {
        return fmt::format(fmt::runtime(tr("The southern Kuril Islands and eastern {hokkaido}")),
                           fmt::arg("hokkaido", hokkaido_on(ds, spec, tr)));
    }
    if (e.name == "sakhalin") return tr("Sakhalin and the Tatar Strait");
    const auto deg = [](double v) { return fmt::format("{:g}°", v); };
    return fmt::format(fmt::runtime(tr("{west} to {east} E, {south} to {north} N")), fmt::arg("west", deg(e.west)),
                       fmt::arg("east", deg(e.east)), fmt::arg("south", deg(e.south)), fmt::arg("north", deg(e.north)));
}

// The frame, and above it the title (the day and the settlement in force) and the subtitle.
void draw_title(Canvas& c, const Atlas& atlas, const MapSpec& spec) {
    const Sheet& s = c.sheet;
    cairo_new_path(c.cr);
    cairo_rectangle(c.cr, s.fx0, s.fy0, s.fx1 - s.fx0, s.fy1 - s.fy0);
    set_colour(c.cr, c.pal.text);
    cairo_set_line_width(c.cr, 0.8);
    cairo_stroke(c.cr);
    const Event* settled = settlement_in_force(atlas.dataset(), spec.date);
    const std::string name = event_name(settled, spec.lang);
    const std::string since = settled != nullptr && settled->epoch && *settled->epoch < spec.date
                                  ? fmt::format(" ({})", settled->epoch->year())
                                  : "";
    const Text title(c.cr, long_date(spec.date, c.tr) + (name.empty() ? "" : " — " + name + since), TextStyle{15, false, true});
    title.draw(s.fx0, 6 * kPtPerMm, c.pal.text);
    const Text sub(c.cr, fmt::format(fmt::runtime(c.tr("{subject}: who held the land")),
                                     fmt::arg("subject", extent_subject(atlas.dataset(), spec, c.tr))),
                   TextStyle{8});
    sub.draw(s.fx0, 6 * kPtPerMm + title.size().second + 1, c.pal.text);
}

// The panel right of the frame: legend, scale bar, point of view, the locator where there is room, sources.
void draw_margin(Canvas& c, const Atlas& atlas, const MapData& data, const MapSpec& spec, const Drawn& drawn,
                 const std::vector<Box>& taken, MapResult& result) {
    const Sheet& s = c.sheet;
    const double x = s.fx1 + 8 * kPtPerMm, w = s.w - x - 6 * kPtPerMm;
    use_layer(c, SheetLayer::legend);
    double y = draw_legend(c, with_names_in(drawn, atlas.dataset(), spec.lang), x, s.fy0, w) + 8;
    use_layer(c, SheetLayer::margin);
    y = draw_scale_bar(c, spec.extent, x, y, std::min(w, 45 * kPtPerMm)) + 8;
    const Text view(c.cr, view_text(spec.view, c.tr), TextStyle{7, false, true, int(w)});
    view.draw(x, y, c.pal.text);
    y += view.size().second + 8;
    // The sources in full, at the foot of the panel: set smaller (to 4 pt) rather than cut or run off the page.
    const std::string sources = sources_text(atlas, spec.date, result.projection, c.tr);
    const double bottom = s.h - 5 * kPtPerMm;
    std::optional<Text> src(std::in_place, c.cr, sources, TextStyle{5, false, false, int(w)});
    const double room = std::min(bottom - src->size().second - 6 - y, 45 * kPtPerMm);
    result.locator = draw_locator(c, data, spec.extent, Box{x, y, x + std::min(w, 45 * kPtPerMm), y + room}, false);
    if (result.locator) {
        y = result.locator->y1 + 6;
    } else if (const auto corner = locator_on_map(c, data, taken)) {  // no room beside the map: on it
        result.locator = draw_locator(c, data, spec.extent, *corner, true);
    }
    for (double size = 4.75; y + src->size().second > bottom && size >= 4; size -= 0.25) {
        src.emplace(c.cr, sources, TextStyle{size, false, false, int(w)});
    }
    src->draw(x, std::min(std::max(y, s.fy1 - src->size().second), bottom - src->size().second), c.pal.text);
}

// A sheet's Cairo surface: a PDF or a PNG raster, made in memory and written by write_file (an SVG is a
// LayeredSvg).
struct SheetSurface {
    cairo_surface_t* surface = nullptr;
    double px_per_pt = 1;
    std::string pdf;
};

void open_surface(SheetSurface& s, OutputFormat format, const Sheet& sheet, const MapSpec& spec,
                  const Date& today) {
    if (format == OutputFormat::pdf) {
        s.surface = cairo_pdf_surface_create_for_stream(append_to_string, &s.pdf, sheet.w, sheet.h);
        pin_pdf(s.surface, today, "Kuril Atlas, " + spec.date.iso(),
                fmt::format("Who held the Kuril Islands and Sakhalin on {}: {} point of view, names in {}",
                            spec.date.iso(), spec.view, spec.lang));
    } else {
        s.px_per_pt = spec.dpi / 72.0;
        // Whole pixels, rounded up as poppler and librsvg round a page: the rasters of the PDF and the SVG
        // then share this PNG's pixel grid and world file.
        s.surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, int(std::ceil(sheet.w * s.px_per_pt - 1e-6)),
                                               int(std::ceil(sheet.h * s.px_per_pt - 1e-6)));
    }
}

// Writes what the surface holds (and destroys it): the PNG with its georeference, or the PDF.
void finish_surface(SheetSurface& s, OutputFormat format, const fs::path& out, const fs::path& staged,
                    const Sheet& sheet, const MapProjection& proj) {
    errno = 0;
    if (format == OutputFormat::png) {
        std::string png;
        const cairo_status_t st = cairo_surface_write_to_png_stream(s.surface, append_to_string, &png);
        cairo_surface_destroy(s.surface);
        if (st != CAIRO_STATUS_SUCCESS) {
            throw OutputError(fmt::format("cannot write {}: {}", out.string(), cairo_status_to_string(st)));
        }
        write_file(staged, png_with_resolution(png, s.px_per_pt * 72));
        write_georeference(out, sheet, s.px_per_pt, proj);
        return;
    }
    write_file(staged, finished_pdf(s.surface, s.pdf, out));
}

}  // namespace

void draw_sheet(cairo_t* cr, const Atlas& atlas, const MapData& data, SheetCache& cache, const MapSpec& spec,
                const Palette& pal, const Messages& tr, const MapProjection& proj, const Sheet& s, const std::string& crs,
                MapResult& result, LayeredSvg* svg) {
    SheetGeoms geoms(cache.ctx, proj, s, cache.store, crs);
    Canvas c{cr, cache.ctx, proj, s, geoms, pal, tr, svg};
    Drawn drawn;
    draw_map_body(c, data, spec, drawn);
    InsetPart inset;
    use_layer(c, SheetLayer::inset);
    if (spec.inset && spec.extent.name == "chain") inset = draw_inset_part(c, atlas, data, cache, spec, crs, result, drawn);
    const std::vector<std::string> main_unplaced = draw_labels(c, atlas, data, spec, NamePart::main_map, inset.reserved, result, drawn);
    report_unplaced(main_unplaced, inset.unplaced, result);
    use_layer(c, SheetLayer::title);
    draw_title(c, atlas, spec);
    result.frame = Box{s.fx0, s.fy0, s.fx1, s.fy1};
    std::vector<Box> taken = inset.reserved;
    for (const auto& l : result.labels) taken.push_back(l.box);
    draw_margin(c, atlas, data, spec, drawn, taken, result);
}

std::string crs_of(const MapSpec& spec) {
    return spec.crs.empty() ? fitted_lcc(spec.extent.west, spec.extent.south, spec.extent.east, spec.extent.north)
                            : spec.crs;
}

// The projection in words for the margin: an EPSG code is kept beside its name, a PROJ string never shown.
std::string projection_text(const MapSpec& spec, const MapProjection& proj, const std::string& crs, const Messages& tr) {
    (void)crs;
    if (!spec.crs.empty()) return spec.crs.rfind("EPSG:", 0) == 0 ? proj.name() + " (" + spec.crs + ")" : proj.name();
    const Extent& e = spec.extent;
    const double span = e.north - e.south;
    const auto degrees = [](double v) { return fmt::format("{:.1f}°", v); };
    return fmt::format(fmt::runtime(tr("Lambert conformal conic, standard parallels {first} N and {second} N, "
                                       "central meridian {meridian} E, on the WGS 84 ellipsoid")),
                       fmt::arg("first", degrees(e.south + span / 6)), fmt::arg("second", degrees(e.north - span / 6)),
                       fmt::arg("meridian", degrees((e.west + e.east) / 2)));
}

// The page, the frame fitted to the extent: a named paper is turned to portrait when that draws the extent a
// sixth larger or more (Sakhalin, tall and narrow); a paper given as WxHmm is kept as given.
Sheet page_sheet(const MapSpec& spec, const MapProjection& proj) {
    const auto fit = [&](double w_mm, double h_mm) {
        const double w = w_mm * kPtPerMm, h = h_mm * kPtPerMm;
        return fit_sheet(spec.extent, proj, w, h, 14 * kPtPerMm, 20 * kPtPerMm, w - 66 * kPtPerMm, h - 12 * kPtPerMm);
    };
    const Sheet as_given = fit(spec.paper_w_mm, spec.paper_h_mm);
    if (!spec.paper_turns) return as_given;
    const Sheet turned = fit(spec.paper_h_mm, spec.paper_w_mm);
    return turned.scale > as_given.scale * 7 / 6 ? turned : as_given;
}

MapData map_data(const Atlas& atlas) {
    std::vector<Layer> layers;
    layers.push_back(atlas.context_land());
    layers.push_back(atlas.coastline());
    layers.push_back(atlas.views());
    layers.push_back(atlas.boundaries());
    layers.push_back(atlas.labels());
    layers.push_back(atlas.islands());
    layers.push_back(atlas.places());
    MapData data = map_data(atlas, layers);
    data.owned = std::move(layers);  // a vector's move keeps its elements where they are
    return data;
}

MapData map_data(const Atlas& atlas, const std::vector<Layer>& layers) {
    auto find = [&](const char* name) {
        const auto it = std::find_if(layers.begin(), layers.end(), [&](const Layer& l) { return l.name == name; });
        if (it == layers.end()) throw std::logic_error(std::string("the maps need the layer ") + name);
        return &*it;
    };
    MapData data;
    data.views = find("views"), data.boundaries = find("boundaries"), data.labels = find("labels");
    data.islands = find("islands"), data.places = find("places");
    data.context = find("context"), data.coastline = find("coastline");
    data.locator = &atlas.dataset().locator;
    data.waters = atlas.water_shapes();
    return data;
}

MapResult render_map(const Atlas& atlas, const MapData& data, SheetCache& cache, const MapSpec& spec,
                     const Palette& palette, const Catalogues& words, const fs::path& out, const Date& today) {
    require_land(cache, data, spec.extent);
    const Messages& tr = words.of(spec.lang);
    const std::string crs = crs_of(spec);
    const MapProjection proj(crs);
    const Sheet sheet = page_sheet(spec, proj);
    MapResult result;
    result.projection = projection_text(spec, proj, crs, tr);
    result.sheet_w_pt = sheet.w, result.sheet_h_pt = sheet.h;

    const OutputFormat format = format_of(out.string());
    StagingFile staged(out);
    if (format == OutputFormat::svg) {
        LayeredSvg svg(sheet.w, sheet.h);
        draw_sheet(svg.layer(SheetLayer::land), atlas, data, cache, spec, palette, tr, proj, sheet, crs, result, &svg);
        write_file(staged.path(), svg.document(out));
        staged.commit();
        return result;
    }
    SheetSurface surface;
    open_surface(surface, format, sheet, spec, today);
    check_cairo(surface.surface, out, errno);
    cairo_t* cr = cairo_create(surface.surface);
    cairo_scale(cr, surface.px_per_pt, surface.px_per_pt);
    try {
        draw_sheet(cr, atlas, data, cache, spec, palette, tr, proj, sheet, crs, result);
    } catch (...) {
        cairo_destroy(cr);
        cairo_surface_destroy(surface.surface);
        throw;
    }
    cairo_destroy(cr);
    finish_surface(surface, format, out, staged.path(), sheet, proj);
    staged.commit();
    return result;
}

}  // namespace kuril::maps
