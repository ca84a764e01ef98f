#pragma once
// GeoJSON (RFC 7946) read with simdjson, in every form users hand over: a FeatureCollection, a bare
// Feature or a bare geometry (§3), newline-delimited features (GeoJSONSeq, NDJSON) and RFC 8142 text
// sequences (each text after an RS character), plain or gzip-compressed — read through zlib as a stream,
// never unpacked to disk. Sequences are cut into blocks parsed on all cores and handed over in file
// order; a sequence is never held whole in memory. Every error names the file, the line (in sequences)
// and the feature.
#include <string>

#include "read/vector_sink.hpp"

namespace kuril {

// Whether the name says GeoJSON: .geojson .json .geojsonl .geojsons .geojsonseq .ndjson .jsonl,
// each also with .gz.
[[nodiscard]] bool is_geojson_name(const std::string& path);

// Streams the file into the sink. Returns false, having handed nothing over, for a document with a
// legacy "crs" member (GeoJSON 2008) naming another CRS than WGS 84: GDAL reprojects those.
[[nodiscard]] bool read_geojson(const std::string& path, const VectorReadOptions& options, const VectorSink& sink);

}  // namespace kuril
