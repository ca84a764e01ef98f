#pragma once
// Joins the land polygons to the gazetteer: every polygon belongs to the island whose interior point it
// contains, else (an unnamed islet) to the nearest named island. Parts of an island (Sakhalin north and
// south of 50°N) are cut from its land. Geometry is built once here and shared by every layer.
#include <map>
#include <string>
#include <vector>

#include "derive/territory_index.hpp"
#include "geom/geos.hpp"
#include "geom/projection.hpp"
#include "model/dataset.hpp"
#include "model/region.hpp"
#include "util/diagnostics.hpp"

namespace kuril {

struct IslandLand {
    geom::Geom lonlat;  // MultiPolygon
    std::vector<std::string> pieces;  // land piece ids
    std::size_t named_pieces = 0;     // pieces found by the island's own points
};

class Geography {
public:
    // Problems (a point that two islands share, an island with no land) go to `diag`.
    Geography(const geom::Context& ctx, const Dataset& ds, const TerritoryIndex& index, const Region& region,
              Diagnostics& diag);

    [[nodiscard]] const geom::Projection& projection() const noexcept { return projection_; }
    [[nodiscard]] const std::map<std::string, IslandLand>& islands() const noexcept { return islands_; }
    [[nodiscard]] const geom::Geom& atom_land(std::string_view atom) const;
    // The land of a territory (union of its atoms), lon/lat MultiPolygon; of a mainland entry, its land in the
    // record frame with the context land that continues it, within 1° of the frame (a strait's side).
    [[nodiscard]] geom::Geom territory_land(const TerritoryIndex& index, std::string_view territory) const;
    // The same, made in `ctx` (a thread's own context; the Geography is only read).
    [[nodiscard]] geom::Geom territory_land(const geom::Context& ctx, const TerritoryIndex& index,
                                            std::string_view territory) const;
    // The land of a set of atoms, lon/lat MultiPolygon, made in `ctx` (a thread's own context). No overlay is
    // needed: islands do not touch, and an island all of whose parts are in the set is taken whole.
    [[nodiscard]] geom::Geom land_of_atoms(const geom::Context& ctx, const TerritoryIndex& index,
                                           const std::vector<std::string>& atoms) const;
    [[nodiscard]] const std::vector<std::string>& islands_without_land() const noexcept { return no_land_; }
    // The land pieces of the record frame that mainland entries own (they join the context land).
    [[nodiscard]] const std::vector<const geom::Geom*>& mainland() const noexcept { return mainland_; }

private:
    void build_land(const Dataset& ds, const TerritoryIndex& index, const Region& region,
                    const std::vector<const Island*>& owner);
    void build_mainland(const Dataset& ds, const Region& region, const std::vector<const Island*>& owner);

    const geom::Context& ctx_;
    geom::Projection projection_;
    std::map<std::string, IslandLand> islands_;
    std::map<std::string, geom::Geom, std::less<>> atoms_;
    std::vector<std::string> no_land_;
    std::vector<const geom::Geom*> mainland_;
    // Each mainland entry's land with the context land that continues it (a strait's side: the Tatar Strait).
    std::map<std::string, geom::Geom, std::less<>> mainland_land_;
};

// Every polygon of the given geometries, collected as one MultiPolygon.
[[nodiscard]] geom::Geom collect_polygons(const geom::Context& ctx, const std::vector<const geom::Geom*>& parts);

}  // namespace kuril
