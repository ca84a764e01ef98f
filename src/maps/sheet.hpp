#pragma once
// The sheet: a frame on the page (points, y down) onto which an extent of the projected plane is fitted,
// and the features of the map moved onto it once (projected, then simplified to what print resolves).
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "geom/geos.hpp"
#include "maps/map_projection.hpp"
#include "maps/map_spec.hpp"

namespace kuril::maps {

inline constexpr double kPtPerMm = 72.0 / 25.4;

struct Sheet {
    double w = 0, h = 0;                        // the page, points
    double fx0 = 0, fy0 = 0, fx1 = 0, fy1 = 0;  // the map frame on it
    double minx = 0, miny = 0, scale = 1;       // projected metres -> points
    [[nodiscard]] geom::XY at(geom::XY metres) const {
        return {fx0 + (metres.x - minx) * scale, fy1 - (metres.y - miny) * scale};
    }
    [[nodiscard]] geom::XY metres(geom::XY pt) const { return {minx + (pt.x - fx0) / scale, miny + (fy1 - pt.y) / scale}; }
    [[nodiscard]] bool inside(geom::XY p) const { return p.x > fx0 && p.x < fx1 && p.y > fy0 && p.y < fy1; }
};

// Fits `extent` into the box (x0, y0)-(x1, y1) of a page w × h, keeping the aspect: the frame shrinks to
// the extent along one side, centred in the box.
[[nodiscard]] Sheet fit_sheet(const Extent& extent, const MapProjection& proj, double page_w, double page_h,
                              double x0, double y0, double x1, double y1);

// Features moved onto sheets, shared by every thread that draws: each made once, by the first thread that
// asks (another asking meanwhile waits for it), and owned by the store's own GEOS context from then on
// (a thread's context ends with the thread). The geometries are only read once made.
class SheetStore {
public:
    SheetStore() = default;
    SheetStore(const SheetStore&) = delete;
    SheetStore& operator=(const SheetStore&) = delete;
    // The geometry under `key`; `make` (run in the caller's context) makes it the first time.
    [[nodiscard]] const geom::Geom& get(const std::string& key, const std::function<geom::Geom()>& make);
    [[nodiscard]] std::size_t size();  // the keys asked for so far

private:
    struct Entry {
        std::mutex mutex;
        bool made = false;
        geom::Geom geom;
    };
    geom::Context owner_;  // declared first: destroyed after the geometries it owns
    std::mutex mutex_;
    std::map<std::string, std::unique_ptr<Entry>> entries_;
};

// Features on one sheet: projected and simplified (0.15 pt, topology kept) once per scale — sheets that
// differ only in where their frame lies on the page (the atlas's small multiples) share the work — then
// moved to the frame and clipped to it (with a margin: every drawing is clipped to the frame), and shared
// by every drawing of them. `store` outlives one map (the build draws many
// maps on the same sheet).
class SheetGeoms {
public:
    SheetGeoms(const geom::Context& ctx, const MapProjection& proj, const Sheet& sheet, SheetStore& store,
               const std::string& crs);
    [[nodiscard]] const geom::Geom& get(const std::string& key, const geom::Geom& lonlat);
    // Another sheet (an inset, a locator) kept in the same store.
    [[nodiscard]] SheetGeoms on(const MapProjection& proj, const Sheet& sheet, const std::string& crs) const {
        return {ctx_, proj, sheet, store_, crs};
    }

private:
    const geom::Context& ctx_;
    const MapProjection& proj_;
    const Sheet& sheet_;
    SheetStore& store_;
    std::string scale_prefix_;  // the CRS, the scale and the frame's size: the geometry with its corner at (0, 0)
    std::string prefix_;        // and where the frame lies on the page
};

}  // namespace kuril::maps
