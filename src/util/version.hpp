#pragma once
// The version of Kuril Atlas (CMake's project version): what `kuril --version` prints and what the
// outputs' metadata (TileJSON, PMTiles, MBTiles, GeoPackage) carry.
#include <string_view>

#ifndef KURIL_VERSION
#define KURIL_VERSION "unknown"
#endif

namespace kuril {

inline constexpr std::string_view kVersion = KURIL_VERSION;

}  // namespace kuril
