// The atlas on the tiny fixture (tests/cli/fixtures/tiny: two real islands, three records): reading
// (read/dataset_reader), deriving (derive/atlas) and the rows of its layers, checked against the schema.
#include <catch2/catch.hpp>

#include "derive/atlas.hpp"
#include "model/region.hpp"
#include "read/dataset_reader.hpp"

using namespace kuril;

namespace {
const GeodataFiles kTiny{std::string(KURIL_SOURCE_DIR) + "/tests/cli/fixtures/tiny/geodata"};
}

TEST_CASE("read_dataset: the tiny fixture's records, each with its file and line", "[read][dataset]") {
    geom::Context ctx;
    Diagnostics diag;
    const Dataset ds = read_dataset(ctx, kTiny, diag);
    REQUIRE(diag.empty());
    CHECK(ds.islands.size() == 2);
    REQUIRE(ds.records.size() == 3);
    CHECK(ds.records[0].id == "chirpoy-1855");
    CHECK(ds.records[0].where.file.ends_with("sovereignty.csv"));
    CHECK(ds.records[0].where.line == 2);
    CHECK(ds.records[1].period.from == Date(1875, 8, 22));
}

TEST_CASE("Atlas: every layer's features fill its schema, dated layers carry periods", "[derive][atlas]") {
    geom::Context ctx;
    const Atlas atlas(ctx, kTiny, kKurilRegion, Date(2026, 11, 21), Progress(true));
    const Layer islands = atlas.islands();
    REQUIRE(islands.features.size() == 2);
    for (const auto& f : islands.features) {
        CHECK(std::get<double>(islands.value(f, "area_km2")) > 1);
        CHECK(islands.text(f, "source") == "test_fixture");
        CHECK(islands.text(f, "pov_neutral") == "japan");  // the 1947 record runs to today
    }
    const Layer sov = atlas.sovereignty();
    REQUIRE(sov.features.size() == 3);
    CHECK(sov.temporal);
    CHECK(sov.features[0].period->to == Date(1875, 8, 22));
    CHECK_FALSE(sov.features[2].period->to);
    CHECK(sov.text(sov.features[1], "basis_name") == "Treaty of Saint Petersburg");
    const Layer epochs = atlas.epochs();
    CHECK(epochs.features.size() == atlas.dataset().epochs().size() + 1);  // each epoch, and today
    CHECK(epochs.text(epochs.features.back(), "name_en") == "Today");
}
