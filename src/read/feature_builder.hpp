#pragma once
// What every vector reader does with a feature's positions, whatever the format: each position is
// checked to be one on the Earth, longitudes beyond ±180° (up to ±360°, as datasets write them to stay
// continuous across the antimeridian) are brought back into range, the position is projected to the
// tiler's unit square, and lines and polygons that cross the antimeridian — or rings round a pole —
// are split and closed there (tiles/engine/antimeridian.hpp). Errors name the file, line and feature.
#include <cstddef>
#include <cstdint>
#include <string>

#include "read/vector_sink.hpp"
#include "tiles/engine/source.hpp"
#include "util/error.hpp"

namespace kuril {

// A feature of an input, for messages: made into a Location only when something is wrong.
struct FeatureRef {
    const std::string* file = nullptr;
    const std::string* layer = nullptr;
    std::size_t line = 0;     // 0: not known (the GDAL reader)
    std::int64_t index = 0;   // the feature's number in its layer (GDAL's FID where GDAL reads)
    [[nodiscard]] Location location() const;
};

// RFC 7946 §4: a position is longitude, latitude in WGS 84. NaN or infinite coordinates, latitudes
// beyond ±90° and longitudes beyond ±360° are refused (InputError); longitudes in (180°, 360°] and
// [−360°, −180°) are moved by 360° into range. Returns the position in the Web Mercator unit square.
[[nodiscard]] tiles::Pt lonlat_position(double lon, double lat, const FeatureRef& where);

// Adds a projected line (RFC 7946 §3.1.4: two or more positions; an empty one adds nothing) or polygon
// (§3.1.6: closed rings of four or more positions), split at the antimeridian where it crosses it.
void add_line(tiles::Path&& line, tiles::SourceFeature& f, const FeatureRef& where);
void add_polygon(tiles::PolygonPaths&& polygon, tiles::SourceFeature& f, const FeatureRef& where);

// Hands the feature to the sink. An MVT feature holds one geometry type (MVT 2.1 §4.3.4, §4.3.5): a
// collection of several kinds goes as one feature per kind, each with all the attributes; the polygons
// keep the feature's id, the lines take id + 2^50, the points id + 2^51 (ids stay unique, §4.2, and
// below 2^53, the largest integer a JavaScript client reads exactly). A feature with no geometry goes to
// sink.unlocated.
void emit_feature(tiles::SourceFeature&& f, const FeatureRef& where, const VectorSink& sink);

}  // namespace kuril
