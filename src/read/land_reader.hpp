#pragma once
// Reads the coastline extract: newline-delimited GeoJSON (one RFC 7946 Feature per line, the form GDAL
// calls GeoJSONSeq), so that every problem can be named by line and feature id.
#include <filesystem>
#include <string_view>
#include <vector>

#include "geom/geos.hpp"
#include "model/dataset.hpp"
#include "util/diagnostics.hpp"

namespace kuril {

[[nodiscard]] std::vector<LandPiece> read_land(const geom::Context& ctx, const std::filesystem::path& path,
                                               Diagnostics& diag);
// One line of the file; throws InputError.
[[nodiscard]] LandPiece parse_land_line(const geom::Context& ctx, std::string_view line, const Location& where);

}  // namespace kuril
