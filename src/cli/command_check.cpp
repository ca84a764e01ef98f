#include "cli/command_check.hpp"

#include <cstdio>

#include <fmt/format.h>

#include "derive/atlas.hpp"
#include "model/region.hpp"

namespace kuril::cli {

std::string CommandCheck::description() const {
    return "Validate geodata/: every date parses and is a real day, periods per territory and lane neither overlap "
           "nor leave gaps from 1855-02-07 to today, every reference resolves, every geometry is valid and every "
           "boundary can be derived. Lists every problem with file, line and record id; exits 1 on any.";
}

Outcome CommandCheck::run() {
    const Progress progress(options_.quiet);
    geom::Context ctx;
    const Atlas atlas(ctx, options_.files(), kKurilRegion, options_.today_date(), progress);  // throws InvalidInputs
    Diagnostics diag;
    (void)atlas.boundaries(&diag);
    if (!diag.empty()) {
        throw InvalidInputs(std::move(diag));
    }
    const auto& ds = atlas.dataset();
    std::printf("%s\n", fmt::format("{}: {} islands, {} territories, {} events, {} regimes, {} sovereignty records, "
                                    "{} boundaries, {} places with {} names and {} seats, {} waters, {} sources, {} land polygons: "
                                    "no problems",
                                    options_.geodata, ds.islands.size(), ds.territories.size(), ds.events.size(),
                                    ds.regimes.size(), ds.records.size(), ds.boundaries.size(), ds.places.size(),
                                    ds.place_names.size(), ds.place_seats.size(), ds.waters.size(), ds.sources.size(), ds.land.size())
                            .c_str());
    return Outcome::ok;
}

}  // namespace kuril::cli
