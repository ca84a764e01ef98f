#pragma once
// Cross-checks of the dataset: every reference resolves, holders match their regimes, and on every
// atom the held lane covers [1855-02-07, today) without gap or overlap while the claim lane has no
// overlap. Every problem goes to `diag` with the location of the record at fault.
#include "derive/territory_index.hpp"
#include "model/dataset.hpp"
#include "model/region.hpp"
#include "util/diagnostics.hpp"

namespace kuril {

void validate_references(const Dataset& ds, const TerritoryIndex& index, Diagnostics& diag);
void validate_lanes(const Dataset& ds, const TerritoryIndex& index, const Date& today, Diagnostics& diag);
// Every `source` cites keys of sources.csv: items ';'-separated, each a key optionally followed by a space
// and the place within the work.
void validate_sources(const Dataset& ds, Diagnostics& diag);
// Places stand on known islands inside the region; per place and language the names cover
// [the place's valid_from, today) without gap or overlap; a renaming's basis is a known event.
void validate_places(const Dataset& ds, const Region& region, const Date& today, Diagnostics& diag);
// island_names.csv: a known island, and no two periods of one island and language that overlap.
void validate_island_names(const Dataset& ds, Diagnostics& diag);
// place_seats.csv: a known place, seated no earlier than it is named, a known basis event, and no two periods
// of one place that overlap.
void validate_place_seats(const Dataset& ds, Diagnostics& diag);
void validate_geography(const geom::Context& ctx, const Dataset& ds, const Region& region, Diagnostics& diag);

}  // namespace kuril
