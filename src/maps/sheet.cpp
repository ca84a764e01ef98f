#include "maps/sheet.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace kuril::maps {

Sheet fit_sheet(const Extent& e, const MapProjection& proj, double page_w, double page_h, double x0, double y0,
                double x1, double y1) {
    double minx = 1e300, miny = 1e300, maxx = -1e300, maxy = -1e300;
    for (int i = 0; i <= 64; ++i) {
        const double t = i / 64.0, lon = e.west + t * (e.east - e.west), lat = e.south + t * (e.north - e.south);
        for (geom::XY ll : {geom::XY{lon, e.south}, geom::XY{lon, e.north}, geom::XY{e.west, lat}, geom::XY{e.east, lat}}) {
            const geom::XY p = proj.forward(ll);
            minx = std::min(minx, p.x), maxx = std::max(maxx, p.x), miny = std::min(miny, p.y), maxy = std::max(maxy, p.y);
        }
    }
    Sheet s;
    s.w = page_w, s.h = page_h;
    s.scale = std::min((x1 - x0) / (maxx - minx), (y1 - y0) / (maxy - miny));
    s.minx = minx, s.miny = miny;
    const double fw = (maxx - minx) * s.scale, fh = (maxy - miny) * s.scale;
    s.fx0 = x0 + ((x1 - x0) - fw) / 2, s.fy0 = y0 + ((y1 - y0) - fh) / 2;
    s.fx1 = s.fx0 + fw, s.fy1 = s.fy0 + fh;
    return s;
}

SheetGeoms::SheetGeoms(const geom::Context& ctx, const MapProjection& proj, const Sheet& sheet,
                       std::map<std::string, geom::Geom>& cache, const std::string& crs)
    : ctx_(ctx), proj_(proj), sheet_(sheet), cache_(cache),
      prefix_(fmt::format("{}|{:.9g}|{:.3f}|{:.3f}|{:.3f}|{:.3f}|", crs, sheet.scale, sheet.minx, sheet.miny, sheet.fx0,
                          sheet.fy1)) {}

const geom::Geom& SheetGeoms::get(const std::string& key, const geom::Geom& lonlat) {
    const std::string k = prefix_ + key;
    auto it = cache_.find(k);
    if (it == cache_.end()) {
        const geom::Geom on_sheet = ctx_.transform(lonlat, [this](geom::XY ll) { return sheet_.at(proj_.forward(ll)); });
        it = cache_.emplace(k, ctx_.simplify_preserving(on_sheet, 0.15)).first;
    }
    return it->second;
}

}  // namespace kuril::maps
