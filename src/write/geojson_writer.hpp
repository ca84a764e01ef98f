#pragma once
// Writes a Layer as an RFC 7946 FeatureCollection with its name and description (the layer's title) as
// foreign members: one feature per line, properties in schema order,
// null values omitted, and for temporal layers OpenHistoricalMap's date keys: start_date/end_date
// (ISO 8601 days) and start_decdate/end_decdate (decimal years); an open end omits the end keys.
#include <string>

#include "geom/geos.hpp"
#include "model/layer.hpp"

namespace kuril {

inline constexpr int kGeoJsonDecimals = 7;  // RFC 7946 §11.2: about 1 cm

[[nodiscard]] std::string geojson_text(const geom::Context& ctx, const Layer& layer);

}  // namespace kuril
