#include "tiles/mvt/checker.hpp"

#include <optional>
#include <set>

#include <fmt/format.h>
#include <protozero/pbf_message.hpp>

namespace kuril::tiles {

namespace {

using protozero::pbf_wire_type;

struct RawFeature {
    std::optional<std::uint64_t> id;
    std::optional<std::int32_t> type;
    std::vector<std::uint32_t> tags;
    std::vector<std::uint32_t> geometry;
    int geometry_fields = 0;
};

class Checker {
public:
    explicit Checker(const geom::Context& ctx) : ctx_(ctx) {}

    DecodedTile run(std::string_view data) {
        try {
            protozero::pbf_message<mvt::TileTag> tile{data.data(), data.size()};
            while (tile.next()) {
                if (tile.tag() == mvt::TileTag::layers && expect(tile.wire_type(), pbf_wire_type::length_delimited, "tile.layers", "§4.1")) {
                    auto v = tile.get_view();
                    layer(std::string_view(v.data(), v.size()));
                } else {
                    tile.skip();
                }
            }
        } catch (const std::exception& e) {
            problem("", fmt::format("not a valid protocol buffer: {} (MVT 2.1 §4.1)", e.what()));
        }
        std::set<std::string> names;
        for (const auto& l : out_.layers) {
            if (!names.insert(l.name).second) {
                problem("", fmt::format("two layers named '{}' (MVT 2.1 §4.1: names MUST be unique)", l.name));
            }
        }
        return std::move(out_);
    }

private:
    void problem(const std::string& where, const std::string& what) {
        out_.problems.push_back(where.empty() ? what : where + ": " + what);
    }

    bool expect(pbf_wire_type got, pbf_wire_type want, const char* field, const char* section) {
        if (got != want) {
            throw std::runtime_error(fmt::format("field {} has the wrong wire type ({})", field, section));
        }
        return true;
    }

    // A layer's fields as read (§4.1), before its features are put together from keys and values.
    struct RawLayer {
        DecodedLayer layer;
        bool has_name = false;
        bool has_version = false;
        std::vector<std::string> keys;
        std::vector<std::optional<TagValue>> values;
        std::vector<RawFeature> features;
    };

    RawLayer read_layer(std::string_view data) {
        RawLayer r;
        DecodedLayer& l = r.layer;
        protozero::pbf_message<mvt::LayerTag> m{data.data(), data.size()};
        while (m.next()) {
            switch (m.tag()) {
                case mvt::LayerTag::name:
                    expect(m.wire_type(), pbf_wire_type::length_delimited, "layer.name", "§4.1");
                    l.name = m.get_string();
                    r.has_name = true;
                    break;
                case mvt::LayerTag::version:
                    expect(m.wire_type(), pbf_wire_type::varint, "layer.version", "§4.1");
                    l.version = m.get_uint32();
                    r.has_version = true;
                    break;
                case mvt::LayerTag::extent:
                    expect(m.wire_type(), pbf_wire_type::varint, "layer.extent", "§4.1");
                    l.extent = m.get_uint32();
                    break;
                case mvt::LayerTag::keys:
                    expect(m.wire_type(), pbf_wire_type::length_delimited, "layer.keys", "§4.4");
                    r.keys.push_back(m.get_string());
                    break;
                case mvt::LayerTag::values: {
                    expect(m.wire_type(), pbf_wire_type::length_delimited, "layer.values", "§4.5");
                    auto v = m.get_view();
                    r.values.push_back(value(std::string_view(v.data(), v.size())));
                    break;
                }
                case mvt::LayerTag::features: {
                    expect(m.wire_type(), pbf_wire_type::length_delimited, "layer.features", "§4.2");
                    auto v = m.get_view();
                    r.features.push_back(feature(std::string_view(v.data(), v.size())));
                    break;
                }
                default:
                    m.skip();
            }
        }
        return r;
    }

    void layer(std::string_view data) {
        RawLayer r = read_layer(data);
        DecodedLayer& l = r.layer;
        const std::string where = fmt::format("layer '{}'", l.name);
        if (!r.has_name || l.name.empty()) {
            problem(where, "a layer MUST contain a name (MVT 2.1 §4.1)");
        }
        // §4.1: the major version the layer adheres to; a 2.x decoder reads 1 and 2. Missing is an error.
        if (!r.has_version) {
            problem(where, "a layer MUST contain a version (MVT 2.1 §4.1)");
        } else if (l.version != 1 && l.version != mvt::kVersion) {
            problem(where, fmt::format("unknown version {} (MVT 2.1 §4.1)", l.version));
        }
        if (l.extent == 0) {
            problem(where, "extent 0 (MVT 2.1 §4.1)");
        }
        for (std::size_t i = 0; i < r.values.size(); ++i) {
            if (!r.values[i]) {
                problem(where, fmt::format("value {} does not hold exactly one known type (MVT 2.1 §4.5)", i));
            }
        }
        for (std::size_t i = 0; i < r.features.size(); ++i) {
            const RawFeature& f = r.features[i];
            l.features.push_back(finish(f, r.keys, r.values,
                                        fmt::format("{} feature {}", where, f.id ? std::to_string(*f.id) : "#" + std::to_string(i))));
        }
        out_.layers.push_back(std::move(l));
    }

    static std::optional<TagValue> value(std::string_view data) {
        protozero::pbf_message<mvt::ValueTag> m{data.data(), data.size()};
        std::optional<TagValue> v;
        int count = 0;
        while (m.next()) {
            ++count;
            // §4.5: each value type has its own wire type; anything else is not a valid value.
            pbf_wire_type want = pbf_wire_type::varint;
            switch (m.tag()) {
                case mvt::ValueTag::string_value: want = pbf_wire_type::length_delimited; break;
                case mvt::ValueTag::float_value: want = pbf_wire_type::fixed32; break;
                case mvt::ValueTag::double_value: want = pbf_wire_type::fixed64; break;
                default: break;
            }
            if (m.wire_type() != want) {
                return std::nullopt;
            }
            switch (m.tag()) {
                case mvt::ValueTag::string_value: v = std::string(m.get_string()); break;
                case mvt::ValueTag::float_value: v = static_cast<double>(m.get_float()); break;
                case mvt::ValueTag::double_value: v = m.get_double(); break;
                case mvt::ValueTag::int_value: v = static_cast<std::int64_t>(m.get_int64()); break;
                case mvt::ValueTag::uint_value: v = static_cast<std::int64_t>(m.get_uint64()); break;
                case mvt::ValueTag::sint_value: v = static_cast<std::int64_t>(m.get_sint64()); break;
                case mvt::ValueTag::bool_value: v = m.get_bool(); break;
                default:
                    m.skip();
                    return std::nullopt;  // an unknown value type
            }
        }
        if (count != 1) {
            return std::nullopt;
        }
        return v;
    }

    static RawFeature feature(std::string_view data) {
        RawFeature f;
        protozero::pbf_message<mvt::FeatureTag> m{data.data(), data.size()};
        while (m.next()) {
            switch (m.tag()) {
                case mvt::FeatureTag::id:
                    if (m.wire_type() != pbf_wire_type::varint) {
                        throw std::runtime_error("feature.id is not a varint (§4.2)");
                    }
                    f.id = m.get_uint64();
                    break;
                case mvt::FeatureTag::type:
                    if (m.wire_type() != pbf_wire_type::varint) {
                        throw std::runtime_error("feature.type is not a varint (§4.2)");
                    }
                    f.type = m.get_enum();
                    break;
                case mvt::FeatureTag::tags: {
                    if (m.wire_type() != pbf_wire_type::length_delimited) {
                        throw std::runtime_error("feature.tags is not a packed uint32 field (§4.2)");
                    }
                    auto r = m.get_packed_uint32();
                    f.tags.assign(r.begin(), r.end());
                    break;
                }
                case mvt::FeatureTag::geometry: {
                    if (m.wire_type() != pbf_wire_type::length_delimited) {
                        throw std::runtime_error("feature.geometry is not a packed uint32 field (§4.3)");
                    }
                    auto r = m.get_packed_uint32();
                    f.geometry.assign(r.begin(), r.end());
                    ++f.geometry_fields;
                    break;
                }
                default:
                    m.skip();
            }
        }
        return f;
    }

    DecodedFeature finish(const RawFeature& raw, const std::vector<std::string>& keys,
                          const std::vector<std::optional<TagValue>>& values, const std::string& where) {
        DecodedFeature f;
        f.id = raw.id;
        if (!raw.type) {
            problem(where, "a feature MUST contain a type (MVT 2.1 §4.2)");
        } else if (*raw.type < 0 || *raw.type > 3) {
            problem(where, fmt::format("unknown geometry type {} (MVT 2.1 §4.3.4)", *raw.type));
        } else {
            f.type = static_cast<mvt::GeomType>(*raw.type);
        }
        if (raw.geometry_fields != 1) {
            problem(where, fmt::format("{} geometry fields where exactly one is required (MVT 2.1 §4.2)", raw.geometry_fields));
        }
        if (raw.tags.size() % 2 != 0) {
            problem(where, "an odd number of tags (MVT 2.1 §4.4)");
        }
        for (std::size_t i = 0; i + 1 < raw.tags.size(); i += 2) {
            if (raw.tags[i] >= keys.size() || raw.tags[i + 1] >= values.size() || !values[raw.tags[i + 1]]) {
                problem(where, fmt::format("tag ({}, {}) points past the layer's keys or values (MVT 2.1 §4.4)",
                                           raw.tags[i], raw.tags[i + 1]));
                continue;
            }
            f.attributes.push_back({keys[raw.tags[i]], *values[raw.tags[i + 1]]});
        }
        geometry(raw.geometry, f, where);
        return f;
    }

    // The decoding state of one feature's geometry (§4.3): the cursor, the paths so far, the one being read.
    struct Paths {
        std::int64_t cx = 0, cy = 0;
        std::vector<std::vector<IPt>> done;
        std::vector<IPt> cur;
        bool closed_ok = true;
    };

    // §4.3.3.3 ClosePath; the problem, if any.
    static std::optional<std::string> close_path(std::uint32_t count, mvt::GeomType type, Paths& p) {
        if (count != 1) return fmt::format("ClosePath with count {} (MVT 2.1 §4.3.3.3: MUST be 1)", count);
        if (type != mvt::GeomType::polygon) return "ClosePath in a non-polygon geometry (MVT 2.1 §4.3.4)";
        if (p.cur.empty()) return "ClosePath before any MoveTo (MVT 2.1 §4.3.3.3)";
        p.cur.push_back(p.cur.front());
        p.done.push_back(std::move(p.cur));
        p.cur.clear();
        return std::nullopt;
    }

    // §4.3.3.1 MoveTo / §4.3.3.2 LineTo with `count` points from g[i]; the problem, if any.
    static std::optional<std::string> move_or_line(std::uint32_t cmd, std::uint32_t count, const std::vector<std::uint32_t>& g,
                                                   std::size_t& i, mvt::GeomType type, Paths& p) {
        if (cmd != static_cast<std::uint32_t>(mvt::GeometryCommand::move_to) &&
            cmd != static_cast<std::uint32_t>(mvt::GeometryCommand::line_to)) {
            return fmt::format("unknown command id {} (MVT 2.1 §4.3.1)", cmd);
        }
        if (count == 0) return "a command with count 0 (MVT 2.1 §4.3.3)";
        if (g.size() - i < 2ULL * count) {
            return fmt::format("command count {} with only {} parameters left (MVT 2.1 §4.3.2)", count, g.size() - i);
        }
        if (cmd == static_cast<std::uint32_t>(mvt::GeometryCommand::move_to)) {
            if (type == mvt::GeomType::polygon && !p.cur.empty()) p.closed_ok = false;
            if (type != mvt::GeomType::point && count != 1) {
                return fmt::format("MoveTo with count {} in a line or polygon (MVT 2.1 §4.3.4.3)", count);
            }
            if (!p.cur.empty() && type != mvt::GeomType::point) {
                p.done.push_back(std::move(p.cur));
                p.cur.clear();
            }
        } else if (p.cur.empty()) {
            return "LineTo before MoveTo (MVT 2.1 §4.3.3.2)";
        } else if (type == mvt::GeomType::point) {
            return "LineTo in a point geometry (MVT 2.1 §4.3.4.2)";
        }
        for (std::uint32_t k = 0; k < count; ++k) {
            p.cx += mvt::unzigzag(g[i++]);
            p.cy += mvt::unzigzag(g[i++]);
            p.cur.push_back(IPt{static_cast<std::int32_t>(p.cx), static_cast<std::int32_t>(p.cy)});
        }
        return std::nullopt;
    }

    void geometry(const std::vector<std::uint32_t>& g, DecodedFeature& f, const std::string& where) {
        Paths p;
        std::size_t i = 0;
        while (i < g.size()) {
            const std::uint32_t cmd = g[i] & 0x7U;
            const std::uint32_t count = g[i] >> 3U;
            ++i;
            const auto wrong = cmd == static_cast<std::uint32_t>(mvt::GeometryCommand::close_path)
                                   ? close_path(count, f.type, p)
                                   : move_or_line(cmd, count, g, i, f.type, p);
            if (wrong) return problem(where, *wrong);
        }
        if (!p.cur.empty()) {
            if (f.type == mvt::GeomType::polygon) {
                p.closed_ok = false;
            } else {
                p.done.push_back(std::move(p.cur));
            }
        }
        if (!p.closed_ok) return problem(where, "a polygon ring not ended by ClosePath (MVT 2.1 §4.3.4.4)");
        f.paths = std::move(p.done);
        shape(f, where);
    }

    // §4.3.4: the rules of each geometry type.
    void shape(const DecodedFeature& f, const std::string& where) {
        if (f.type == mvt::GeomType::linestring) {
            for (const auto& p : f.paths) {
                if (p.size() < 2) {
                    problem(where, "a LineString part with fewer than 2 points (MVT 2.1 §4.3.4.3)");
                }
                for (std::size_t k = 1; k < p.size(); ++k) {
                    if (p[k] == p[k - 1]) {
                        problem(where, fmt::format("repeated point ({}, {}) in a LineString (MVT 2.1 §4.3.4.3)", p[k].x, p[k].y));
                        break;
                    }
                }
            }
        }
        if (f.type != mvt::GeomType::polygon) {
            return;
        }
        for (std::size_t r = 0; r < f.paths.size(); ++r) {
            const auto& ring = f.paths[r];
            if (ring.size() < 4) {
                problem(where, fmt::format("ring {} has {} points: a linear ring needs 3 distinct points and ClosePath (MVT 2.1 §4.3.4.4)", r, ring.size() - 1));
                return;
            }
            for (std::size_t k = 1; k + 1 < ring.size(); ++k) {
                if (ring[k] == ring[k - 1]) {
                    problem(where, fmt::format("ring {} repeats point ({}, {}) (MVT 2.1 §4.3.4.4)", r, ring[k].x, ring[k].y));
                    return;
                }
            }
            const double a = geom::signed_area(ring);
            if (a == 0) {
                problem(where, fmt::format("ring {} has zero area (MVT 2.1 §4.3.4.4)", r));
                return;
            }
            if (r == 0 && a < 0) {
                problem(where, "the first ring is not an exterior ring: its area is negative in tile coordinates (MVT 2.1 §4.3.4.4)");
                return;
            }
        }
        const std::vector<geom::Geom> polys = decoded_polygons(ctx_, f);
        try {
            for (std::size_t k = 0; k < polys.size(); ++k) {
                if (!ctx_.is_valid(polys[k])) {
                    problem(where, fmt::format("polygon {} is not valid: {} (MVT 2.1 §4.3.4.4: no self-intersection or self-tangency)",
                                               k, ctx_.invalid_reason(polys[k])));
                }
            }
        } catch (const std::exception& e) {
            problem(where, fmt::format("polygon cannot be checked: {}", e.what()));
        }
    }

    const geom::Context& ctx_;
    DecodedTile out_;
};

}  // namespace

std::vector<geom::Geom> decoded_polygons(const geom::Context& ctx, const DecodedFeature& f) {
    std::vector<geom::Geom> out;
    geom::PolygonRings rings;
    for (const auto& r : f.paths) {
        if (geom::signed_area(r) > 0 && !rings.empty()) {
            out.push_back(ctx.polygon(rings));
            rings.clear();
        }
        geom::Ring gr;
        gr.reserve(r.size());
        for (const auto& q : r) {
            gr.push_back({static_cast<double>(q.x), static_cast<double>(q.y)});
        }
        rings.push_back(std::move(gr));
    }
    if (!rings.empty()) {
        out.push_back(ctx.polygon(rings));
    }
    return out;
}

DecodedTile check_tile(std::string_view data, const geom::Context& ctx) { return Checker(ctx).run(data); }

}  // namespace kuril::tiles
