#pragma once
// What a published dataset says of itself, the same in every output's metadata: the GeoPackage's layer
// metadata (QGIS's Information tab), TileJSON, PMTiles and MBTiles metadata, and the GeoJSON files.
#include <string>
#include <vector>

#include "model/date.hpp"

namespace kuril {

struct DatasetMetadata {
    std::string title;        // empty: no metadata written
    std::string abstract;     // the dataset as a whole; each layer adds its own title
    std::string attribution;  // who to credit, as a map's attribution line says it
    std::string rights;       // the licences in words
    std::vector<std::string> licenses;  // SPDX identifiers
    std::string version;
    std::string homepage;     // where the documentation is (a path in the distribution, or a URL)
    std::vector<std::string> keywords;
    Date start;  // the record's time range
    Date end;
};

}  // namespace kuril
