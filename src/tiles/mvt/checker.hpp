#pragma once
// Decodes an MVT 2.1 tile and checks it against the specification: structure (§4.1 layers, §4.2
// features, §4.4 tags, §4.5 values), geometry encoding (§4.3.1–§4.3.3) and geometry types (§4.3.4):
// polygon rings closed with one ClosePath, exterior rings with positive area and holes negative in
// tile coordinates (y down), no zero-area ring, no repeated point, no self-intersection (GEOS).
// Never throws: every problem is reported with the section it breaks.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geom/geos.hpp"
#include "tiles/mvt/builder.hpp"
#include "tiles/mvt/tags.hpp"
#include "tiles/attribute.hpp"

namespace kuril::tiles {

struct DecodedFeature {
    std::optional<std::uint64_t> id;
    mvt::GeomType type = mvt::GeomType::unknown;
    std::vector<Attribute> attributes;
    std::vector<std::vector<IPt>> paths;  // points: one path of all points; lines: parts; polygons: closed rings
};

struct DecodedLayer {
    std::string name;
    std::uint32_t version = 1;
    std::uint32_t extent = 4096;
    std::vector<DecodedFeature> features;
};

struct DecodedTile {
    std::vector<DecodedLayer> layers;
    std::vector<std::string> problems;  // "layer 'x' feature 3: ... (MVT 2.1 §4.3.4.4)"
    [[nodiscard]] bool valid() const { return problems.empty(); }
};

// Decodes and checks. `ctx` is used for the self-intersection test of polygons.
[[nodiscard]] DecodedTile check_tile(std::string_view data, const geom::Context& ctx);

// A decoded polygon feature's rings grouped the MVT way (§4.3.4.4: each exterior ring, then its
// holes), as GEOS polygons in tile coordinates.
[[nodiscard]] std::vector<geom::Geom> decoded_polygons(const geom::Context& ctx, const DecodedFeature& f);

}  // namespace kuril::tiles
