#pragma once
// The Mapbox Vector Tile 2.1 protobuf schema (vector_tile.proto) as field tags.
#include <cstdint>

#include <protozero/types.hpp>

namespace kuril::tiles::mvt {

enum class TileTag : protozero::pbf_tag_type { layers = 3 };
enum class LayerTag : protozero::pbf_tag_type { name = 1, features = 2, keys = 3, values = 4, extent = 5, version = 15 };
enum class FeatureTag : protozero::pbf_tag_type { id = 1, tags = 2, type = 3, geometry = 4 };
enum class ValueTag : protozero::pbf_tag_type {
    string_value = 1,
    float_value = 2,
    double_value = 3,
    int_value = 4,
    uint_value = 5,
    sint_value = 6,
    bool_value = 7
};
enum class GeomType : std::int32_t { unknown = 0, point = 1, linestring = 2, polygon = 3 };
// MVT 2.1 §4.3.1: command integers.
enum class GeometryCommand : std::uint32_t { move_to = 1, line_to = 2, close_path = 7 };

[[nodiscard]] constexpr std::uint32_t command(GeometryCommand c, std::uint32_t count) {
    return (static_cast<std::uint32_t>(c) & 0x7U) | (count << 3U);
}
[[nodiscard]] constexpr std::uint32_t zigzag(std::int32_t v) {
    return (static_cast<std::uint32_t>(v) << 1U) ^ static_cast<std::uint32_t>(v >> 31);
}
[[nodiscard]] constexpr std::int32_t unzigzag(std::uint32_t v) {
    return static_cast<std::int32_t>(v >> 1U) ^ -static_cast<std::int32_t>(v & 1U);
}

inline constexpr std::uint32_t kVersion = 2;

}  // namespace kuril::tiles::mvt
