#pragma once
// Builds one MVT 2.1 tile: layers of features with deduplicated keys and values (§4.4) and geometry
// as command integers (§4.3). Polygon rings must come already snapped and oriented (§4.3.4.4).
#include <cstdint>
#include <string>
#include <vector>

#include "tiles/mvt/tag_table.hpp"
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

// A feature's geometry as command integers (§4.3), for LayerBuilder::add: the same commands serve every
// feature drawn with the same geometry. Empty when there is nothing to draw.
[[nodiscard]] std::vector<std::uint32_t> point_commands(const std::vector<IPt>& points);
[[nodiscard]] std::vector<std::uint32_t> line_commands(const std::vector<std::vector<IPt>>& lines);  // 2+ points each
// Rings in order: each exterior (positive area, y down) followed by its holes.
[[nodiscard]] std::vector<std::uint32_t> polygon_commands(const std::vector<IRing>& rings);

// One layer of a tile (MVT 2.1 §4.1 Layer), feature by feature. Its features' tags come from the layer's
// TagTable; the keys and values a tile uses are numbered in the order the tile first uses them, through
// `scratch`, which the builder leaves as it found it (one builder per scratch at a time).
class LayerBuilder {
public:
    LayerBuilder(std::string name, std::uint32_t extent, const TagTable& table, TagScratch& scratch);
    ~LayerBuilder();
    LayerBuilder(const LayerBuilder&) = delete;
    LayerBuilder& operator=(const LayerBuilder&) = delete;

    // Adds the table's feature `feature` as `id`, with `geometry` (commands of `type`; empty: nothing added).
    void add(std::uint64_t id, GeomType type, const std::vector<std::uint32_t>& geometry, std::size_t feature);
    // The same with `extra` tags after the table's (a cluster's counts: made per tile, in no table).
    void add(std::uint64_t id, GeomType type, const std::vector<std::uint32_t>& geometry, std::size_t feature,
             const std::vector<Attribute>& extra);

    [[nodiscard]] bool empty() const noexcept { return features_.empty(); }
    // The serialized Layer message (without the Tile envelope).
    [[nodiscard]] std::string finish() const;

private:
    std::string name_;
    std::uint32_t extent_;
    const TagTable& table_;
    TagScratch& scratch_;
    std::string features_;              // the Feature messages, each as field 2 of the Layer
    std::vector<std::uint32_t> keys_;    // the table's indices of the tile's keys, in the tile's order
    std::vector<std::uint32_t> values_;  // the same for values
    std::vector<std::uint32_t> tags_;    // one feature's tags, tile indices
    // Keys and values of the extra tags: in keys_ and values_ as the table's size plus their index here.
    std::vector<std::string> extra_keys_;
    std::vector<TagValue> extra_values_;
    [[nodiscard]] std::uint32_t extra_key(const std::string& key);
    [[nodiscard]] std::uint32_t extra_value(const TagValue& value);
    [[nodiscard]] const std::string& key_text(std::uint32_t k) const;
    [[nodiscard]] const TagValue& value_of(std::uint32_t v) const;
};

// A tile: the concatenation of its layers, each as field 3 of the Tile message.
[[nodiscard]] std::string tile_message(const std::vector<std::string>& layer_messages);

}  // namespace mvt

}  // namespace kuril::tiles
