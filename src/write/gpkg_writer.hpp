#pragma once
// Writes Layers into one GeoPackage through GDAL: WGS 84 (EPSG:4326), a feature id string, the schema's
// fields, and for temporal layers valid_from/valid_to as GeoPackage DATE fields (NULL = open end) plus
// OpenHistoricalMap's decimal years. Each layer's QGIS style (QML) goes into layer_styles as its
// default, so QGIS opens the layer styled and with its temporal settings; with `metadata`, each layer's title,
// abstract, keywords, licences and time range (write/gpkg_metadata.hpp), which QGIS's Information tab shows.
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "geom/geos.hpp"
#include "model/date.hpp"
#include "model/layer.hpp"
#include "model/metadata.hpp"

namespace kuril {

struct GpkgOptions {
    std::map<std::string, std::string> qml;  // layer name -> QML text
    Date timestamp;  // pinned into gpkg_contents.last_change and layer_styles.update_time
    DatasetMetadata metadata;  // title empty: no layer metadata
};

void write_gpkg(const geom::Context& ctx, const std::filesystem::path& path, const std::vector<const Layer*>& layers,
                const GpkgOptions& options);

}  // namespace kuril
