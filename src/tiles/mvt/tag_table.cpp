#include "tiles/mvt/tag_table.hpp"

namespace kuril::tiles::mvt {

namespace {

// The index of `key` in `ids`, added as the next index (and appended to `list`) when new.
template <typename Key>
std::uint32_t intern(std::map<Key, std::uint32_t>& ids, std::vector<Key>& list, const Key& key) {
    const auto it = ids.lower_bound(key);
    if (it != ids.end() && !ids.key_comp()(key, it->first)) return it->second;
    const auto index = static_cast<std::uint32_t>(list.size());
    ids.emplace_hint(it, key, index);
    list.push_back(key);
    return index;
}

}  // namespace

void TagTable::add(const std::vector<Attribute>& attributes) {
    for (const auto& a : attributes) {
        tags_.push_back(intern(key_ids_, keys_, a.key));
        tags_.push_back(intern(value_ids_, values_, a.value));
    }
    starts_.push_back(static_cast<std::uint32_t>(tags_.size()));
}

void TagTable::seal() {
    key_ids_ = {};
    value_ids_ = {};
    keys_.shrink_to_fit();
    values_.shrink_to_fit();
    tags_.shrink_to_fit();
    starts_.shrink_to_fit();
}

std::span<const std::uint32_t> TagTable::tags(std::size_t feature) const {
    return {tags_.data() + starts_[feature], tags_.data() + starts_[feature + 1]};
}

}  // namespace kuril::tiles::mvt
