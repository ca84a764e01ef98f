// A print map of the tiny fixture (maps/renderer): the files appear whole, with the PNG's world file; the
// labels it reports do not overlap; every label is either placed or reported as unplaced.
#include <catch2/catch.hpp>

#include "../util/scratch.hpp"
#include "maps/renderer.hpp"
#include "maps/text.hpp"
#include "model/region.hpp"
#include "read/dataset_reader.hpp"
#include "util/files.hpp"

using namespace kuril;

TEST_CASE("render_map: PDF and PNG of the tiny fixture, labels placed apart", "[maps][renderer]") {
    const test::Scratch s("renderer");
    geom::Context ctx;
    const Date today(2026, 11, 21);
    const Atlas atlas(ctx, GeodataFiles{std::string(KURIL_SOURCE_DIR) + "/tests/cli/fixtures/tiny/geodata"},
                      kKurilRegion, today, Progress(true));
    const maps::MapData data = maps::map_data(atlas);
    const maps::Palette palette = maps::read_palette(std::string(KURIL_SOURCE_DIR) + "/styles/palette.json");
    maps::SheetCache cache(ctx);
    maps::MapSpec spec;
    spec.date = Date(1900, 1, 1);
    spec.extent = maps::parse_extent("south");
    spec.dpi = 72;
    for (const char* file : {"m.pdf", "m.png"}) {
        const maps::MapResult r = maps::render_map(atlas, data, cache, spec, palette, maps::Catalogues{}, s / file, today);
        CHECK(std::filesystem::file_size(s / file) > 1000);
        CHECK(r.sheet_w_pt == Approx(297 * 72 / 25.4).epsilon(0.001));
        for (std::size_t i = 0; i < r.labels.size(); ++i) {
            for (std::size_t j = i + 1; j < r.labels.size(); ++j) CHECK_FALSE(r.labels[i].box.overlaps(r.labels[j].box));
        }
    }
    CHECK(read_file(s / "m.pdf").rfind("%PDF", 0) == 0);
    CHECK(std::filesystem::exists(s / "m.pgw"));
    maps::release_thread_fonts();
}
