#pragma once
// The whole model, loaded and checked once: the dataset, its territory index, the land joined to the
// gazetteer and the timeline. Construction throws InvalidInputs listing every problem found.
#include <memory>

#include "derive/geography.hpp"
#include "derive/territory_index.hpp"
#include "derive/timeline.hpp"
#include "geom/projection.hpp"
#include "model/dataset.hpp"
#include "model/layer.hpp"
#include "model/region.hpp"
#include "read/dataset_reader.hpp"
#include "util/progress.hpp"

namespace kuril {

// A water the maps name, as a shape (lon/lat): a sea's or ocean's open water, farther than kOpenWaterKm from
// land (a polygon); a strait's median line between the territories it runs between.
inline constexpr double kOpenWaterKm = 35;
struct WaterShape {
    const Water* water;
    geom::Geom shape;
};

class Atlas {
public:
    Atlas(const geom::Context& ctx, const GeodataFiles& files, const Region& region, const Date& today,
          const Progress& progress);
    Atlas(const Atlas&) = delete;
    Atlas& operator=(const Atlas&) = delete;

    [[nodiscard]] const geom::Context& context() const noexcept { return ctx_; }
    [[nodiscard]] const Dataset& dataset() const noexcept { return ds_; }
    [[nodiscard]] const TerritoryIndex& index() const noexcept { return *index_; }
    [[nodiscard]] const Geography& geography() const noexcept { return *geo_; }
    [[nodiscard]] const Timeline& timeline() const noexcept { return *timeline_; }
    [[nodiscard]] const Region& region() const noexcept { return region_; }
    [[nodiscard]] const Date& today() const noexcept { return today_; }

    // The layers (derived on demand; each call derives afresh).
    [[nodiscard]] Layer islands() const;
    [[nodiscard]] Layer labels() const;
    [[nodiscard]] Layer territories() const;
    [[nodiscard]] Layer sovereignty() const;
    [[nodiscard]] Layer views() const;
    // The epochs of events.csv and today: one feature each, the region's frame, for print atlases
    // (QGIS's layout atlas pages through them).
    [[nodiscard]] Layer epochs() const;
    // Settlements with their names by period: one feature per place and period in which no name changes.
    [[nodiscard]] Layer places() const;
    // Definitions whose line cannot be derived go to `diag` when given, else throw InputError.
    [[nodiscard]] Layer boundaries(Diagnostics* diag = nullptr) const;
    // The land around the record, without holders (the Asian mainland, Kamchatka, Honshu, ...).
    [[nodiscard]] Layer context_land() const;
    // The coast of all land as lines, clip edges left out.
    [[nodiscard]] Layer coastline() const;
    // The waters of waters.csv as shapes, in its order of seas then straits; throws InputError for a sea
    // whose point is not in open water or shares its water with another, and for a strait with no line.
    [[nodiscard]] std::vector<WaterShape> water_shapes() const;
    // Land dissolved per holder, status and points of view on one day.
    [[nodiscard]] Layer snapshot(const Date& d, const std::string& name) const;

private:
    const geom::Context& ctx_;
    Region region_;
    Date today_;
    Dataset ds_;
    std::unique_ptr<TerritoryIndex> index_;
    std::unique_ptr<Geography> geo_;
    std::unique_ptr<Timeline> timeline_;
    geom::GeodesicAreas areas_;  // islands measured once, whichever layers hold them
};

}  // namespace kuril
