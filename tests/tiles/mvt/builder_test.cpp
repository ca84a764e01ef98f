#include <catch2/catch.hpp>

#include <protozero/pbf_message.hpp>

#include "geom/geos.hpp"
#include "tiles/mvt/builder.hpp"
#include "tiles/mvt/checker.hpp"

using namespace kuril;
using namespace kuril::tiles;

namespace {

// A layer message's keys and value counts, and each feature's tags, as the bytes hold them (§4.1, §4.4).
struct RawLayer {
    std::vector<std::string> keys;
    std::size_t values = 0;
    std::vector<std::vector<std::uint32_t>> tags;
};

RawLayer raw_layer(const std::string& layer) {
    RawLayer out;
    protozero::pbf_message<mvt::LayerTag> l{layer};
    while (l.next()) {
        switch (l.tag()) {
        case mvt::LayerTag::keys: out.keys.push_back(l.get_string()); break;
        case mvt::LayerTag::values: l.skip(); ++out.values; break;
        case mvt::LayerTag::features: {
            protozero::pbf_message<mvt::FeatureTag> f{l.get_view()};
            std::vector<std::uint32_t> tags;
            while (f.next()) {
                if (f.tag() == mvt::FeatureTag::tags) {
                    const auto r = f.get_packed_uint32();
                    tags.assign(r.begin(), r.end());
                } else {
                    f.skip();
                }
            }
            out.tags.push_back(tags);
            break;
        }
        default: l.skip();
        }
    }
    return out;
}

const IRing kSquare{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}};

}  // namespace

TEST_CASE("a layer's keys and values are interned once, each value once", "[tiles][mvt]") {
    mvt::TagTable table;
    table.add({{"name", std::string("a")}, {"n", std::int64_t{1}}});
    table.add({{"n", 1.0}, {"name", std::string("1")}});          // 1.0 is not 1, "1" neither
    table.add({{"z", 0.0}, {"z2", -0.0}, {"b", true}, {"n", std::int64_t{1}}});  // §4.5: 0.0 and -0.0 are one double
    table.add({});
    table.seal();
    CHECK(table.features() == 4);
    CHECK(table.keys() == std::vector<std::string>{"name", "n", "z", "z2", "b"});
    CHECK(table.values().size() == 6);  // "a", 1, 1.0, "1", 0.0, true
    CHECK(std::vector<std::uint32_t>(table.tags(2).begin(), table.tags(2).end()) == std::vector<std::uint32_t>{2, 4, 3, 4, 4, 5, 1, 1});
    CHECK(table.tags(3).empty());
}

TEST_CASE("a tile numbers the keys and values it uses in the order it first meets them", "[tiles][mvt]") {
    mvt::TagTable table;
    table.add({{"name", std::string("a")}, {"kind", std::string("island")}});
    table.add({{"kind", std::string("island")}, {"name", std::string("b")}});
    table.add({{"only_here", std::int64_t{7}}});
    table.seal();
    mvt::TagScratch scratch;
    geom::Context ctx;
    const auto g = mvt::polygon_commands({kSquare});
    std::string message;
    {
        mvt::LayerBuilder b("t", 4096, table, scratch);
        b.add(11, mvt::GeomType::polygon, g, 1);  // the second feature first: its key "kind" is the tile's 0
        b.add(10, mvt::GeomType::polygon, g, 0);
        b.add(12, mvt::GeomType::polygon, {}, 2);  // nothing to draw: not added, its tags not used
        message = b.finish();
    }
    const RawLayer raw = raw_layer(message);
    CHECK(raw.keys == std::vector<std::string>{"kind", "name"});
    CHECK(raw.values == 3);  // island, b, a
    CHECK(raw.tags == std::vector<std::vector<std::uint32_t>>{{0, 0, 1, 1}, {1, 2, 0, 0}});
    const auto tile = check_tile(mvt::tile_message({message}), ctx);
    REQUIRE(tile.valid());
    REQUIRE(tile.layers.at(0).features.size() == 2);
    const auto& a = tile.layers[0].features[1].attributes;
    CHECK(a.at(0).key == "name");
    CHECK(std::get<std::string>(a.at(0).value) == "a");
    // The scratch is left as it was found: every entry unset, for the next tile.
    CHECK(std::all_of(scratch.key_local.begin(), scratch.key_local.end(), [](auto v) { return v == mvt::TagScratch::kUnset; }));
    CHECK(std::all_of(scratch.value_local.begin(), scratch.value_local.end(), [](auto v) { return v == mvt::TagScratch::kUnset; }));
    mvt::LayerBuilder next("t", 4096, table, scratch);
    next.add(12, mvt::GeomType::polygon, g, 2);
    const RawLayer again = raw_layer(next.finish());
    CHECK(again.keys == std::vector<std::string>{"only_here"});
    CHECK(again.tags == std::vector<std::vector<std::uint32_t>>{{0, 0}});
}

TEST_CASE("geometry commands follow MVT 2.1 section 4.3", "[tiles][mvt]") {
    using mvt::command;
    using mvt::GeometryCommand;
    // §4.3.4.4: MoveTo, LineTo of the ring's points without the closing one, ClosePath.
    CHECK(mvt::polygon_commands({kSquare}) ==
          std::vector<std::uint32_t>{command(GeometryCommand::move_to, 1), 0, 0, command(GeometryCommand::line_to, 3), 20, 0,
                                     0, 20, 19, 0, command(GeometryCommand::close_path, 1)});
    // §4.3.4.2: one MoveTo of all the points, each relative to the one before.
    CHECK(mvt::point_commands({{5, 5}, {3, 8}}) == std::vector<std::uint32_t>{command(GeometryCommand::move_to, 2), 10, 10, 3, 6});
    // §4.3.4.3: a line of fewer than two points is no line.
    CHECK(mvt::line_commands({{{1, 1}}}).empty());
    CHECK(mvt::line_commands({{{1, 1}, {2, 1}}}) ==
          std::vector<std::uint32_t>{command(GeometryCommand::move_to, 1), 2, 2, command(GeometryCommand::line_to, 1), 2, 0});
    CHECK(mvt::point_commands({}).empty());
}
