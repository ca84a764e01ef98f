#pragma once
// Layer metadata in a GeoPackage through its Metadata extension (GeoPackage 1.2 §F.8, gpkg_metadata and
// gpkg_metadata_reference): one QGIS layer metadata document (md_standard_uri http://mrcc.com/qgis.dtd,
// the form QGIS reads and writes there) per table — title, abstract, keywords, rights, licences, links
// and, for a dated layer, the record's time range — so QGIS's Information tab shows them.
#include <string>
#include <vector>

#include "model/layer.hpp"
#include "model/metadata.hpp"

class GDALDataset;

namespace kuril {

// The QGIS metadata XML of one layer.
[[nodiscard]] std::string qgis_layer_metadata(const Layer& layer, const DatasetMetadata& meta);

// Creates the extension's tables (registered in gpkg_extensions) and one row per layer; `timestamp`
// (ISO 8601) is the reference's timestamp, pinned for reproducible output.
void write_gpkg_metadata(GDALDataset& ds, const std::vector<const Layer*>& layers, const DatasetMetadata& meta,
                         const std::string& timestamp);

}  // namespace kuril
