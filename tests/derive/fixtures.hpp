#pragma once
// Small in-memory datasets for the derive tests.
#include "geom/geos.hpp"
#include "model/dataset.hpp"

namespace kuril::test {

inline Island island(const std::string& id, geom::XY point) {
    Island i;
    i.id = id;
    i.kind = "island";
    i.names.en = id;
    i.group_ru = "southern";
    i.points = {point};
    i.source = "test";
    i.where = Location{"gazetteer.csv", 2, id};
    return i;
}

inline SovereigntyRecord record(const std::string& id, const std::string& territory, const std::string& holder,
                                Status status, Date from, std::optional<Date> to, std::size_t line = 2) {
    SovereigntyRecord r;
    r.id = id;
    r.territory = territory;
    r.holders = {holder};
    r.regimes = {holder == "japan" ? "empire_of_japan" : "russian_empire"};
    r.status = status;
    r.period = Interval{from, to};
    r.basis = "treaty";
    r.source = "test";
    r.where = Location{"sovereignty.csv", line, id};
    return r;
}

// A square island of `size` degrees with its lower left corner at (x, y).
inline LandPiece square(const geom::Context& ctx, const std::string& id, double x, double y, double size) {
    return LandPiece{id, ctx.polygon({{{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}}}),
                     Location{"land.geojsonl", 1, id}};
}

}  // namespace kuril::test
