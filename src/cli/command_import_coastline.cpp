#include "cli/command_import_coastline.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "model/region.hpp"
#include "read/gshhg.hpp"
#include "util/atomic.hpp"
#include "util/error.hpp"
#include "write/geojson_geometry.hpp"

namespace kuril::cli {

std::string CommandImportCoastline::description() const {
    return "Regenerate geodata/land.geojsonl from GSHHG full resolution (Debian package gmt-gshhg-full) "
           "through GMT: the shoreline segments of the Kuril region are assembled into valid land polygons.";
}

void CommandImportCoastline::add_options(CLI::App& app) {
    app.add_option("--geodata", geodata_, "geodata directory to write land.geojsonl into")->capture_default_str();
    app.add_flag("-q,--quiet", quiet_, "no progress output");
}

void CommandImportCoastline::setup() {
    if (!std::filesystem::is_directory(geodata_)) {
        throw UsageError(fmt::format("--geodata {}: not a directory", geodata_));
    }
}

Outcome CommandImportCoastline::run() {
    const Progress progress(quiet_);
    geom::Context ctx;
    const auto imported = import_gshhg(ctx, kKurilRegion, progress);
    std::string out;
    for (std::size_t i = 0; i < imported.land.size(); ++i) {
        // Numeric ids (RFC 7946 §3.2), so GDAL takes them as feature ids rather than as an attribute.
        out += fmt::format(R"json({{"type":"Feature","id":{},"properties":{{"source":"GSHHG 2.3.7 full L1"}},"geometry":)json",
                           i + 1);
        append_geometry(out, ctx, imported.land[i], 7);
        out += "}\n";
    }
    const auto target = std::filesystem::path(geodata_) / "land.geojsonl";
    write_file_atomic(target, out);
    progress.step(fmt::format("wrote {} land polygons from {} segments ({} faces) to {}", imported.land.size(),
                              imported.segments, imported.faces, target.string()));
    return Outcome::ok;
}

}  // namespace kuril::cli
