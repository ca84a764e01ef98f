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
    return "Regenerate geodata/land.geojsonl from GSHHG full resolution (Debian package gmt-gshhg-full) "
           "through GMT: the shoreline segments of the Kuril region are assembled into valid land polygons.";
}

void CommandImportCoastline::add_options(Arguments& args) {
    args.option("--geodata", geodata_, "geodata directory to write land.geojsonl into").show_default();
    args.option("--region", region_, "W/E/S/N in degrees (default: the Kuril region 141/157.5/41.3/51.5)");
    args.option("-o,--output", output_, "file to write (default: <geodata>/land.geojsonl)");
    args.flag("-q,--quiet", quiet_, "no progress output");
}

void CommandImportCoastline::setup() {
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
        parsed_region_ = r;
    }
}

Outcome CommandImportCoastline::run() {
    const Progress progress(quiet_);
    geom::Context ctx;
    const auto imported = import_gshhg(ctx, parsed_region_, progress);
    std::string out;
    for (std::size_t i = 0; i < imported.land.size(); ++i) {
        // Numeric ids (RFC 7946 §3.2), so GDAL takes them as feature ids rather than as an attribute.
        out += fmt::format(R"json({{"type":"Feature","id":{},"properties":{{"source":"GSHHG 2.3.7 full L1"}},"geometry":)json",
                           i + 1);
        append_geometry(out, ctx, imported.land[i], 7);
        out += "}\n";
    }
    const std::filesystem::path target = output_;
    write_file_atomic(target, out);
    progress.step(fmt::format("wrote {} land polygons from {} segments ({} faces) to {}", imported.land.size(),
                              imported.segments, imported.faces, target.string()));
    return Outcome::ok;
}

}  // namespace kuril::cli
