#pragma once
// A layer's keys and values, each stored once, and every feature's tags as pairs of indices into them
// (MVT 2.1 §4.4, layer-wide): interned once per layer instead of once per tile. A tile's LayerBuilder
// numbers the ones it uses afresh, in the order it meets them, through a TagScratch.
#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <vector>

#include "tiles/attribute.hpp"

namespace kuril::tiles::mvt {

class TagTable {
public:
    // Adds the next feature's attributes; features are numbered 0, 1, ... in the order they are added.
    void add(const std::vector<Attribute>& attributes);
    // No more features: the lookup maps are freed (the keys and values stay, once each).
    void seal();

    // Feature `i`'s tags: key index, value index, key index, ... (§4.4: "tags" of a Feature).
    [[nodiscard]] std::span<const std::uint32_t> tags(std::size_t feature) const;
    [[nodiscard]] std::size_t features() const noexcept { return starts_.size() - 1; }
    [[nodiscard]] const std::vector<std::string>& keys() const noexcept { return keys_; }
    [[nodiscard]] const std::vector<TagValue>& values() const noexcept { return values_; }

private:
    std::map<std::string, std::uint32_t> key_ids_;
    std::map<TagValue, std::uint32_t> value_ids_;  // the order of std::variant: 0.0 and -0.0 are one value
    std::vector<std::string> keys_;
    std::vector<TagValue> values_;
    std::vector<std::uint32_t> tags_;
    std::vector<std::uint32_t> starts_{0};  // feature i's tags are tags_[starts_[i], starts_[i + 1])
};

// A thread's table from a TagTable's indices to a tile's: grown to the largest table it serves, every
// entry unset between uses (a LayerBuilder sets the entries it uses and unsets them when it is done).
struct TagScratch {
    static constexpr std::uint32_t kUnset = UINT32_MAX;
    std::vector<std::uint32_t> key_local;
    std::vector<std::uint32_t> value_local;
};

}  // namespace kuril::tiles::mvt
