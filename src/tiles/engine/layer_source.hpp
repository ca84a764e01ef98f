#pragma once
// The dataset's layers as tiler input: geometry projected once to Web Mercator, attributes as MVT
// values with the same date keys as the GeoJSON (open end = keys omitted, never null or 0).
#include "geom/geos.hpp"
#include "model/layer.hpp"
#include "tiles/engine/source.hpp"

namespace kuril::tiles {

[[nodiscard]] SourceLayer source_layer(const geom::Context& ctx, const Layer& layer, int minzoom, int maxzoom);

}  // namespace kuril::tiles
