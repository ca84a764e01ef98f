// The build plan (plan/build_plan): what kuril build makes, decided outside cli/.
#include <catch2/catch.hpp>

#include "plan/build_plan.hpp"
#include "model/dataset.hpp"
#include "util/version.hpp"

using namespace kuril;

TEST_CASE("plan: the tiled layers in the tiles' order, each with its zooms, the others not tiled", "[plan]") {
    std::vector<Layer> layers;
    for (const char* name : {"islands", "views", "epochs", "boundaries"}) {
        layers.emplace_back(name, name, GeometryKind::multipolygon, std::vector<Field>{}, false);
    }
    layers[0].tiles = ZoomRange{0, 14};
    layers[1].tiles = ZoomRange{0, 10};
    layers[3].tiles = ZoomRange{0, 14};
    const auto tiled = plan::tile_layers(layers);
    REQUIRE(tiled.size() == 3);
    CHECK(tiled[0]->name == "islands");
    CHECK(tiled[1]->name == "boundaries");  // lines above the dated polygons, as before the plan
    CHECK(tiled[2]->name == "views");
}

TEST_CASE("plan: the QGIS project's time range and its layers' metadata run to today", "[plan]") {
    const std::string project = "<range end=\"2999-12-31T00:00:00Z\"/><end>2999-12-31T00:00:00Z</end>";
    CHECK(plan::qgis_project(project, Date(2026, 12, 2)) ==
          "<range end=\"2026-12-02T00:00:00Z\"/><end>2026-12-02T00:00:00Z</end>");
    CHECK(plan::qgis_project("no placeholder", Date(2026, 12, 2)) == "no placeholder");
}

TEST_CASE("plan: the tiles' metadata carry the dataset's version, licences and time range", "[plan]") {
    const DatasetMetadata meta = plan::dataset_metadata(Date(2026, 12, 2));
    CHECK(meta.version == std::string(kVersion));
    CHECK(meta.start == kTimelineStart);
    const auto info = plan::tileset_info(meta);
    CHECK(info.version == meta.version);
    CHECK(info.license == "CC-BY-4.0 AND LGPL-3.0-or-later");
    CHECK(info.description.find("1855-02-07 to 2026-12-02") != std::string::npos);
    CHECK(info.attribution.find("GSHHG") != std::string::npos);
}

TEST_CASE("plan: every viewer file comes from web/ or its npm packages, never from elsewhere", "[plan]") {
    for (const auto& f : plan::viewer_files()) {
        CHECK(f.from.find("..") == std::string::npos);
        CHECK(f.to.find("..") == std::string::npos);
        CHECK(f.from.rfind("http", 0) != 0);
    }
    CHECK(plan::label_fonts().size() == 2);
}
