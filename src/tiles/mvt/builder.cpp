#include "tiles/mvt/builder.hpp"

#include <algorithm>

#include <protozero/pbf_builder.hpp>

namespace kuril::tiles::mvt {

using mvt::GeometryCommand;
using mvt::command;
using mvt::zigzag;

namespace {

// Appends the commands of one path: MoveTo its first point, LineTo the rest (§4.3.2–§4.3.3).
void encode_path(std::vector<std::uint32_t>& g, IPt& cursor, const std::vector<IPt>& pts, std::size_t count) {
    g.push_back(command(GeometryCommand::move_to, 1));
    g.push_back(zigzag(pts[0].x - cursor.x));
    g.push_back(zigzag(pts[0].y - cursor.y));
    cursor = pts[0];
    if (count > 1) {
        g.push_back(command(GeometryCommand::line_to, static_cast<std::uint32_t>(count - 1)));
        for (std::size_t i = 1; i < count; ++i) {
            g.push_back(zigzag(pts[i].x - cursor.x));
            g.push_back(zigzag(pts[i].y - cursor.y));
            cursor = pts[i];
        }
    }
}

// The tile's index of a table index, numbered next when the tile first uses it (`used` lists them).
std::uint32_t local(std::vector<std::uint32_t>& local_of, std::vector<std::uint32_t>& used, std::uint32_t index) {
    std::uint32_t& l = local_of[index];
    if (l == TagScratch::kUnset) {
        l = static_cast<std::uint32_t>(used.size());
        used.push_back(index);
    }
    return l;
}

}  // namespace

std::vector<std::uint32_t> point_commands(const std::vector<IPt>& points) {
    std::vector<std::uint32_t> g;
    if (points.empty()) return g;
    g.reserve(1 + 2 * points.size());
    g.push_back(command(GeometryCommand::move_to, static_cast<std::uint32_t>(points.size())));
    IPt cursor;
    for (const auto& p : points) {
        g.push_back(zigzag(p.x - cursor.x));
        g.push_back(zigzag(p.y - cursor.y));
        cursor = p;
    }
    return g;
}

std::vector<std::uint32_t> line_commands(const std::vector<std::vector<IPt>>& lines) {
    std::vector<std::uint32_t> g;
    IPt cursor;
    for (const auto& l : lines) {
        if (l.size() >= 2) encode_path(g, cursor, l, l.size());
    }
    return g;
}

std::vector<std::uint32_t> polygon_commands(const std::vector<IRing>& rings) {
    std::vector<std::uint32_t> g;
    IPt cursor;
    for (const auto& r : rings) {
        // §4.3.4.4: a ring is MoveTo, LineTo (n-1 points, without repeating the first), ClosePath.
        encode_path(g, cursor, r, r.size() - 1);
        g.push_back(command(GeometryCommand::close_path, 1));
    }
    return g;
}

LayerBuilder::LayerBuilder(std::string name, std::uint32_t extent, const TagTable& table, TagScratch& scratch)
    : name_(std::move(name)), extent_(extent), table_(table), scratch_(scratch) {
    if (scratch_.key_local.size() < table.keys().size()) scratch_.key_local.resize(table.keys().size(), TagScratch::kUnset);
    if (scratch_.value_local.size() < table.values().size()) {
        scratch_.value_local.resize(table.values().size(), TagScratch::kUnset);
    }
}

LayerBuilder::~LayerBuilder() {
    for (const auto k : keys_) {
        if (k < table_.keys().size()) scratch_.key_local[k] = TagScratch::kUnset;
    }
    for (const auto v : values_) {
        if (v < table_.values().size()) scratch_.value_local[v] = TagScratch::kUnset;
    }
}

// An extra key's tile index (the tile lists it as the table's size plus its place among the extras).
std::uint32_t LayerBuilder::extra_key(const std::string& key) {
    const auto it = std::find(extra_keys_.begin(), extra_keys_.end(), key);
    const auto n = static_cast<std::uint32_t>(table_.keys().size() + static_cast<std::size_t>(it - extra_keys_.begin()));
    if (it == extra_keys_.end()) {
        extra_keys_.push_back(key);
        keys_.push_back(n);
        return static_cast<std::uint32_t>(keys_.size() - 1);
    }
    return static_cast<std::uint32_t>(std::find(keys_.begin(), keys_.end(), n) - keys_.begin());
}

std::uint32_t LayerBuilder::extra_value(const TagValue& value) {
    const auto it = std::find(extra_values_.begin(), extra_values_.end(), value);
    const auto n = static_cast<std::uint32_t>(table_.values().size() + static_cast<std::size_t>(it - extra_values_.begin()));
    if (it == extra_values_.end()) {
        extra_values_.push_back(value);
        values_.push_back(n);
        return static_cast<std::uint32_t>(values_.size() - 1);
    }
    return static_cast<std::uint32_t>(std::find(values_.begin(), values_.end(), n) - values_.begin());
}

const std::string& LayerBuilder::key_text(std::uint32_t k) const {
    return k < table_.keys().size() ? table_.keys()[k] : extra_keys_[k - table_.keys().size()];
}

const TagValue& LayerBuilder::value_of(std::uint32_t v) const {
    return v < table_.values().size() ? table_.values()[v] : extra_values_[v - table_.values().size()];
}

void LayerBuilder::add(std::uint64_t id, GeomType type, const std::vector<std::uint32_t>& geometry, std::size_t feature,
                       const std::vector<Attribute>& extra) {
    if (geometry.empty()) return;
    const auto tags = table_.tags(feature);
    std::vector<std::uint32_t> all;
    for (std::size_t i = 0; i + 1 < tags.size(); i += 2) {
        if (std::any_of(extra.begin(), extra.end(), [&](const Attribute& a) { return a.key == table_.keys()[tags[i]]; })) continue;
        all.push_back(local(scratch_.key_local, keys_, tags[i]));
        all.push_back(local(scratch_.value_local, values_, tags[i + 1]));
    }
    for (const auto& a : extra) {
        all.push_back(extra_key(a.key));
        all.push_back(extra_value(a.value));
    }
    protozero::pbf_builder<LayerTag> layer{features_};
    protozero::pbf_builder<FeatureTag> f{layer, LayerTag::features};
    f.add_uint64(FeatureTag::id, id);
    f.add_packed_uint32(FeatureTag::tags, all.begin(), all.end());
    f.add_enum(FeatureTag::type, static_cast<std::int32_t>(type));
    f.add_packed_uint32(FeatureTag::geometry, geometry.begin(), geometry.end());
}

void LayerBuilder::add(std::uint64_t id, GeomType type, const std::vector<std::uint32_t>& geometry, std::size_t feature) {
    if (geometry.empty()) return;
    const auto tags = table_.tags(feature);
    tags_.clear();
    for (std::size_t i = 0; i + 1 < tags.size(); i += 2) {
        tags_.push_back(local(scratch_.key_local, keys_, tags[i]));
        tags_.push_back(local(scratch_.value_local, values_, tags[i + 1]));
    }
    protozero::pbf_builder<LayerTag> layer{features_};
    protozero::pbf_builder<FeatureTag> f{layer, LayerTag::features};
    f.add_uint64(FeatureTag::id, id);
    f.add_packed_uint32(FeatureTag::tags, tags_.begin(), tags_.end());
    f.add_enum(FeatureTag::type, static_cast<std::int32_t>(type));
    f.add_packed_uint32(FeatureTag::geometry, geometry.begin(), geometry.end());
}

std::string LayerBuilder::finish() const {
    std::string data;
    protozero::pbf_builder<mvt::LayerTag> layer{data};
    layer.add_uint32(mvt::LayerTag::version, mvt::kVersion);
    layer.add_string(mvt::LayerTag::name, name_);
    data += features_;
    for (const auto k : keys_) {
        layer.add_string(mvt::LayerTag::keys, key_text(k));
    }
    for (const auto vi : values_) {
        const TagValue& v = value_of(vi);
        std::string vd;
        protozero::pbf_builder<mvt::ValueTag> value{vd};
        if (const auto* s = std::get_if<std::string>(&v)) {
            value.add_string(mvt::ValueTag::string_value, *s);
        } else if (const auto* d = std::get_if<double>(&v)) {
            value.add_double(mvt::ValueTag::double_value, *d);
        } else if (const auto* i = std::get_if<std::int64_t>(&v)) {
            if (*i >= 0) {
                value.add_uint64(mvt::ValueTag::uint_value, static_cast<std::uint64_t>(*i));
            } else {
                value.add_sint64(mvt::ValueTag::sint_value, *i);
            }
        } else if (const auto* b = std::get_if<bool>(&v)) {
            value.add_bool(mvt::ValueTag::bool_value, *b);
        }
        layer.add_message(mvt::LayerTag::values, vd);
    }
    layer.add_uint32(mvt::LayerTag::extent, extent_);
    return data;
}

std::string tile_message(const std::vector<std::string>& layer_messages) {
    std::string data;
    protozero::pbf_builder<mvt::TileTag> tile{data};
    for (const auto& l : layer_messages) {
        tile.add_message(mvt::TileTag::layers, l);
    }
    return data;
}

}  // namespace kuril::tiles::mvt
