#include "cli/command_snapshot.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "derive/atlas.hpp"
#include "model/region.hpp"
#include "util/atomic.hpp"
#include "util/error.hpp"
#include "write/geojson_writer.hpp"

namespace kuril::cli {

std::string CommandSnapshot::description() const {
    return "Write the land on one day, dissolved per holder and status, with who holds it in the neutral, Japanese "
           "and Russian views, as an RFC 7946 GeoJSON FeatureCollection.";
}

void CommandSnapshot::add_options(Arguments& args) {
    options_.add(args);
    args.option("--date", date_, "the day, YYYY-MM-DD, from 1855-02-07 to today").required();
    args.option("-o,--output", output_, "file to write (default output/geojson/snapshot_<date>.geojson; - for stdout)");
}

void CommandSnapshot::setup() {
    options_.check();
    const Date d = parse_date_option("--date", date_);
    if (d < kTimelineStart) {
        throw UsageError(fmt::format("--date {} is before the timeline opens on {}", date_, kTimelineStart.iso()));
    }
    if (options_.today_date() < d) {
        throw UsageError(fmt::format("--date {} is after today ({})", date_, options_.today_date().iso()));
    }
    if (output_.empty()) {
        output_ = "output/geojson/snapshot_" + date_ + ".geojson";
    }
}

Outcome CommandSnapshot::run() {
    const Progress progress(options_.quiet);
    geom::Context ctx;
    const Atlas atlas(ctx, options_.files(), kKurilRegion, options_.today_date(), progress);
    const Date d = parse_date_option("--date", date_);
    const std::string text = geojson_text(ctx, atlas.snapshot(d, "snapshot_" + date_));
    if (output_ == "-") {
        std::fwrite(text.data(), 1, text.size(), stdout);
        return Outcome::ok;
    }
    const std::filesystem::path out(output_);
    if (!out.parent_path().empty()) {
        std::filesystem::create_directories(out.parent_path());
    }
    write_file_atomic(out, text);
    progress.step("wrote " + output_);
    return Outcome::ok;
}

}  // namespace kuril::cli
