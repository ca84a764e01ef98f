#include "cli/command_map.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "derive/atlas.hpp"
#include "maps/map_projection.hpp"
#include "maps/palette.hpp"
#include "maps/press.hpp"
#include "maps/renderer.hpp"
#include "maps/text.hpp"
#include "model/region.hpp"
#include "util/error.hpp"

namespace kuril::cli {

namespace fs = std::filesystem;

std::string CommandMap::description() const {
    return "Render a print map of one day in one point of view: land coloured by holder, the lines in force, the "
           "names of the day, graticule, scale bar, legend, title and sources. Vector PDF or SVG, or PNG with a world "
           "file (.pgw) and its CRS (.aux.xml).";
}

void CommandMap::add_options(Arguments& args) {
    options_.add(args);
    args.option("--date", date_, "the day, YYYY-MM-DD, from 1855-02-07 to today").required();
    args.option("--view", view_, "point of view: neutral, japan or russia").show_default();
    args.option("--lang", lang_, "language of the names: en, ja, ru or ainu").show_default();
    args.option("--extent", extent_, "chain, south, sakhalin or W,S,E,N in degrees").show_default();
    args.option("--paper", paper_, "A4 or A3 (landscape, or portrait when that draws the extent larger), or WxHmm as given").show_default();
    args.option("--crs", crs_, "projected CRS (EPSG:code or PROJ string); default a fitted Lambert conformal conic");
    args.option("--dpi", dpi_, "PNG resolution").show_default().range(36, 1200);
    args.flag("--no-inset", no_inset_, "no inset of the southern islands on a whole-chain map");
    args.flag("--pdfx", pdfx_,
              "write each .pdf as a press file: PDF/X-1a in CMYK with an output intent (needs Ghostscript)");
    args.option("--palette", palette_, "the colours (styles/palette.json)").show_default();
    args.option("-o,--output", outputs_, "FILE.pdf, FILE.svg or FILE.png; repeat for the same map in several")
        .required();
}

void CommandMap::setup() {
    options_.check();
    spec_.date = parse_date_option("--date", date_);
    if (spec_.date < kTimelineStart) {
        throw UsageError(fmt::format("--date {} is before the timeline opens on {}", date_, kTimelineStart.iso()));
    }
    if (options_.today_date() < spec_.date) {
        throw UsageError(fmt::format("--date {} is after today ({})", date_, options_.today_date().iso()));
    }
    spec_.view = maps::check_view(view_);
    spec_.lang = maps::check_lang(lang_);
    spec_.extent = maps::parse_extent(extent_);
    maps::parse_paper(paper_, spec_);
    spec_.dpi = dpi_;
    spec_.inset = !no_inset_;
    for (const auto& out : outputs_) {
        (void)maps::format_of(out);
        const fs::path dir = fs::absolute(out).parent_path();
        if (!fs::is_directory(dir)) {
            throw UsageError(fmt::format("-o {}: no directory {}", out, dir.string()));
        }
    }
    if (pdfx_ && std::none_of(outputs_.begin(), outputs_.end(), [](const std::string& o) {
            return maps::format_of(o) == maps::OutputFormat::pdf;
        })) {
        throw UsageError("--pdfx: no .pdf among the outputs (-o FILE.pdf)");
    }
    if (!crs_.empty()) {
        spec_.crs = crs_;
        const maps::MapProjection check(crs_);  // throws UsageError for an unknown or unprojected CRS
    }
    if (!fs::exists(palette_)) {
        throw UsageError(fmt::format("--palette {}: no such file", palette_));
    }
}

// One output; a press PDF (--pdfx) is drawn in RGB beside it, then converted by Ghostscript.
maps::MapResult CommandMap::render(const Atlas& atlas, const maps::MapData& data, maps::SheetCache& cache,
                                   const maps::Palette& palette, const maps::Catalogues& words,
                                   const std::string& out) const {
    if (!pdfx_ || maps::format_of(out) != maps::OutputFormat::pdf) {
        return maps::render_map(atlas, data, cache, spec_, palette, words, out, options_.today_date());
    }
    const fs::path rgb = out + ".rgb.pdf";
    struct Remove {  // the RGB drawing goes, whatever happens
        fs::path path;
        ~Remove() { std::error_code ec; fs::remove(path, ec); }
    } remove{rgb};
    maps::MapResult r = maps::render_map(atlas, data, cache, spec_, palette, words, rgb, options_.today_date());
    maps::write_pdfx(rgb, out, "Kuril Atlas, " + spec_.date.iso(), options_.today_date());
    return r;
}

Outcome CommandMap::run() {
    struct ReleaseFonts {  // Pango's font map of this thread, released when the command is done
        ~ReleaseFonts() { maps::release_thread_fonts(); }
    } release_fonts;
    const Progress progress(options_.quiet);
    geom::Context ctx;
    const Atlas atlas(ctx, options_.files(), kKurilRegion, options_.today_date(), progress);
    progress.step("deriving the map's layers");
    const maps::MapData data = maps::map_data(atlas);
    maps::SheetCache cache(ctx);
    const maps::Palette palette = maps::read_palette(palette_);
    // The sheet's words: the catalogues beside the palette (styles/po/LANG.po).
    const maps::Catalogues words = maps::Catalogues::read(fs::path(palette_).parent_path() / "po");
    for (std::size_t i = 0; i < outputs_.size(); ++i) {
        progress.step("rendering " + outputs_[i]);
        const maps::MapResult r = render(atlas, data, cache, palette, words, outputs_[i]);
        // The label boxes beside the map (one file for the formats of one name: the same sheet).
        const fs::path boxes = fs::path(outputs_[i]).replace_extension(".labels.json");
        if (std::none_of(outputs_.begin(), outputs_.begin() + static_cast<std::ptrdiff_t>(i),
                         [&](const std::string& o) { return fs::path(o).replace_extension(".labels.json") == boxes; })) {
            maps::write_label_boxes(boxes, r);
        }
        if (i == 0) {  // the same labels in every format: reported once
            for (const auto& u : r.unplaced) {
                std::fprintf(stderr, "kuril map: no room for the label %s\n", u.c_str());
            }
        }
        progress.step(fmt::format("wrote {} ({} labels)", outputs_[i], r.labels.size()));
    }
    return Outcome::ok;
}

}  // namespace kuril::cli
