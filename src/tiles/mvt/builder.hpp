#pragma once
// Builds one MVT 2.1 tile: layers of features with deduplicated keys and values (§4.4) and geometry
// as command integers (§4.3). Polygon rings must come already snapped and oriented (§4.3.4.4).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "tiles/mvt/tags.hpp"
#include "tiles/attribute.hpp"

namespace kuril::tiles {

struct IPt {
    std::int32_t x = 0;
    std::int32_t y = 0;
    friend bool operator==(const IPt&, const IPt&) = default;
};
using IRing = std::vector<IPt>;  // closed: first == last

namespace mvt {

// One layer of a tile (MVT 2.1 §4.1 Layer), feature by feature.
class LayerBuilder {
public:
    LayerBuilder(std::string name, std::uint32_t extent) : name_(std::move(name)), extent_(extent) {}

    void add_points(std::uint64_t id, const std::vector<IPt>& points, const std::vector<Attribute>& attrs);
    void add_lines(std::uint64_t id, const std::vector<std::vector<IPt>>& lines, const std::vector<Attribute>& attrs);
    // Rings in order: each exterior (positive area, y down) followed by its holes.
    void add_polygons(std::uint64_t id, const std::vector<IRing>& rings, const std::vector<Attribute>& attrs);

    [[nodiscard]] bool empty() const noexcept { return features_.empty(); }
    // The serialized Layer message (without the Tile envelope).
    [[nodiscard]] std::string finish() const;

private:
    void add_feature(std::uint64_t id, mvt::GeomType type, const std::vector<std::uint32_t>& geometry,
                     const std::vector<Attribute>& attrs);
    std::uint32_t key_index(const std::string& key);
    std::uint32_t value_index(const TagValue& value);

    std::string name_;
    std::uint32_t extent_;
    std::vector<std::string> features_;
    std::map<std::string, std::uint32_t> key_ids_;
    std::vector<std::string> keys_;
    std::map<TagValue, std::uint32_t> value_ids_;
    std::vector<TagValue> values_;
};

// A tile: the concatenation of its layers, each as field 3 of the Tile message.
[[nodiscard]] std::string tile_message(const std::vector<std::string>& layer_messages);

}  // namespace mvt

}  // namespace kuril::tiles
