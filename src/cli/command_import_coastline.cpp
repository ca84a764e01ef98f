#include "cli/command_import_coastline.hpp"

#include <cstdio>
#include <filesystem>

#include <fmt/format.h>

#include "read/gshhg.hpp"
#include "util/atomic.hpp"
#include "util/error.hpp"
#include "write/geojson_geometry.hpp"

namespace kuril::cli {

std::string CommandImportCoastline::description() const {
    return "Regenerate geodata/land.geojsonl from GSHHG full resolution, geodata/context.geojsonl from GSHHG "
           "high resolution and geodata/locator.geojsonl from GSHHG low resolution (Debian package gmt-gshhg-full) "
           "through GMT: the shoreline segments of the record frame, of the context region around it and of the "
           "locator maps' western Pacific are assembled into valid land polygons.";
}

void CommandImportCoastline::add_options(Arguments& args) {
    args.option("--geodata", geodata_, "geodata directory to write land.geojsonl into").show_default();
    args.option("--region", region_,
                "W/E/S/N in degrees (default: the record frame, 141/157.5/41.3/51.5 with 139/141/41.3/46 and "
                "141/145/51.5/54.5)");
    args.option("-o,--output", output_, "file to write (default: <geodata>/land.geojsonl)");
    args.option("--context-output", context_output_,
                "context land file to write (default: <geodata>/context.geojsonl, unless -o or --region is given)");
    args.option("--locator-output", locator_output_,
                "locator land file to write (default: <geodata>/locator.geojsonl, unless -o or --region is given)");
    args.flag("-q,--quiet", quiet_, "no progress output");
}

void CommandImportCoastline::setup() {
    if (context_output_.empty() && output_.empty() && region_.empty()) {
        context_output_ = (std::filesystem::path(geodata_) / "context.geojsonl").string();
    }
    if (locator_output_.empty() && output_.empty() && region_.empty()) {
        locator_output_ = (std::filesystem::path(geodata_) / "locator.geojsonl").string();
    }
    if (output_.empty()) {
        if (!std::filesystem::is_directory(geodata_)) {
            throw UsageError(fmt::format("--geodata {}: not a directory", geodata_));
        }
        output_ = (std::filesystem::path(geodata_) / "land.geojsonl").string();
    }
    if (!region_.empty()) {
        Region r;
        char extra = 0;
        if (std::sscanf(region_.c_str(), "%lf/%lf/%lf/%lf%c", &r.west, &r.east, &r.south, &r.north, &extra) != 4 ||
            !(r.west < r.east) || !(r.south < r.north) || r.west < -180 || r.east > 180 || r.south < -90 || r.north > 90) {
            throw UsageError(fmt::format("--region '{}': expected W/E/S/N with W < E in -180..180 and S < N in -90..90", region_));
        }
        frame_ = Frame{{r}};
    }
}

namespace {

// One RFC 7946 Feature per line, numeric ids (§3.2), so GDAL takes them as feature ids.
std::string feature_lines(const geom::Context& ctx, const CoastlineImport& imported, const std::string& source,
                          int decimals) {
    std::string out;
    for (std::size_t i = 0; i < imported.land.size(); ++i) {
        out += fmt::format(R"json({{"type":"Feature","id":{},"properties":{{"source":"{}"}},"geometry":)json", i + 1,
                           source);
        append_geometry(out, ctx, imported.land[i], decimals);
        out += "}\n";
    }
    return out;
}

}  // namespace

Outcome CommandImportCoastline::run() {
    const Progress progress(quiet_);
    geom::Context ctx;
    const auto imported = import_gshhg(ctx, record_import(frame_), progress);
    std::string context;
    std::size_t context_polygons = 0;
    if (!context_output_.empty()) {
        const auto around = import_gshhg(ctx, context_import(kContextRegion, frame_), progress);
        // 5 decimals (about 1 m): GSHHG high resolution is good to about 200 m.
        context = feature_lines(ctx, around, "GSHHG 2.3.7 high L1-L2", 5);
        context_polygons = around.land.size();
    }
    std::string locator;
    std::size_t locator_polygons = 0;
    if (!locator_output_.empty()) {
        const auto pacific = import_gshhg(ctx, locator_import(kLocatorRegion), progress);
        // 4 decimals (about 10 m): GSHHG low resolution is good to about 4 km, and 3 decimals make rings cross.
        locator = feature_lines(ctx, pacific, "GSHHG 2.3.7 low L1", 4);
        locator_polygons = pacific.land.size();
    }
    // Coordinates with 7 decimals (about 1 cm).
    const std::string out = feature_lines(ctx, imported, "GSHHG 2.3.7 full L1", 7);
    const std::filesystem::path target = output_;
    write_file_atomic(target, out);
    progress.step(fmt::format("wrote {} land polygons from {} segments ({} faces) to {}", imported.land.size(),
                              imported.segments, imported.faces, target.string()));
    if (!context_output_.empty()) {
        write_file_atomic(context_output_, context);
        progress.step(fmt::format("wrote {} context land polygons to {}", context_polygons, context_output_));
    }
    if (!locator_output_.empty()) {
        write_file_atomic(locator_output_, locator);
        progress.step(fmt::format("wrote {} locator land polygons to {}", locator_polygons, locator_output_));
    }
    return Outcome::ok;
}

}  // namespace kuril::cli
