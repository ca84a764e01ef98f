#include "tiles/mvt/builder.hpp"

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

// The index of `key` in `ids`, added as the next index (and appended to `list`) when new. Looked up
// before anything is made: most of a tile's features repeat keys and values already seen.
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

std::uint32_t LayerBuilder::key_index(const std::string& key) { return intern(key_ids_, keys_, key); }

std::uint32_t LayerBuilder::value_index(const TagValue& value) { return intern(value_ids_, values_, value); }

void LayerBuilder::add_feature(std::uint64_t id, mvt::GeomType type, const std::vector<std::uint32_t>& geometry,
                               const std::vector<Attribute>& attrs) {
    std::vector<std::uint32_t> tags;
    tags.reserve(attrs.size() * 2);
    for (const auto& a : attrs) {
        tags.push_back(key_index(a.key));
        tags.push_back(value_index(a.value));
    }
    std::string data;
    protozero::pbf_builder<mvt::FeatureTag> f{data};
    f.add_uint64(mvt::FeatureTag::id, id);
    f.add_packed_uint32(mvt::FeatureTag::tags, tags.begin(), tags.end());
    f.add_enum(mvt::FeatureTag::type, static_cast<std::int32_t>(type));
    f.add_packed_uint32(mvt::FeatureTag::geometry, geometry.begin(), geometry.end());
    features_.push_back(std::move(data));
}

void LayerBuilder::add_points(std::uint64_t id, const std::vector<IPt>& points, const std::vector<Attribute>& attrs) {
    if (points.empty()) {
        return;
    }
    std::vector<std::uint32_t> g;
    g.push_back(command(GeometryCommand::move_to, static_cast<std::uint32_t>(points.size())));
    IPt cursor;
    for (const auto& p : points) {
        g.push_back(zigzag(p.x - cursor.x));
        g.push_back(zigzag(p.y - cursor.y));
        cursor = p;
    }
    add_feature(id, mvt::GeomType::point, g, attrs);
}

void LayerBuilder::add_lines(std::uint64_t id, const std::vector<std::vector<IPt>>& lines,
                             const std::vector<Attribute>& attrs) {
    std::vector<std::uint32_t> g;
    IPt cursor;
    for (const auto& l : lines) {
        if (l.size() >= 2) {
            encode_path(g, cursor, l, l.size());
        }
    }
    if (!g.empty()) {
        add_feature(id, mvt::GeomType::linestring, g, attrs);
    }
}

void LayerBuilder::add_polygons(std::uint64_t id, const std::vector<IRing>& rings, const std::vector<Attribute>& attrs) {
    std::vector<std::uint32_t> g;
    IPt cursor;
    for (const auto& r : rings) {
        // §4.3.4.4: a ring is MoveTo, LineTo (n-1 points, without repeating the first), ClosePath.
        encode_path(g, cursor, r, r.size() - 1);
        g.push_back(command(GeometryCommand::close_path, 1));
    }
    if (!g.empty()) {
        add_feature(id, mvt::GeomType::polygon, g, attrs);
    }
}

std::string LayerBuilder::finish() const {
    std::string data;
    protozero::pbf_builder<mvt::LayerTag> layer{data};
    layer.add_uint32(mvt::LayerTag::version, mvt::kVersion);
    layer.add_string(mvt::LayerTag::name, name_);
    for (const auto& f : features_) {
        layer.add_message(mvt::LayerTag::features, f);
    }
    for (const auto& k : keys_) {
        layer.add_string(mvt::LayerTag::keys, k);
    }
    for (const auto& v : values_) {
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
