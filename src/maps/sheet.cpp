#include "maps/sheet.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace kuril::maps {

namespace {

constexpr double kClipMarginPt = 8;  // beyond the widest stroke and halo drawn on land or lines

}  // namespace

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

const geom::Geom& SheetStore::get(const std::string& key, const std::function<geom::Geom()>& make) {
    Entry* entry = nullptr;
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        auto& slot = entries_[key];
        if (!slot) slot = std::make_unique<Entry>();
        entry = slot.get();  // stays where it is: the map holds pointers
    }
    // One maker at a time per key; the others wait on the entry's mutex. A throw leaves it to the next
    // caller (not std::call_once: after a throw it hangs under ThreadSanitizer's pthread_once, seen).
    const std::lock_guard<std::mutex> lock(entry->mutex);
    if (!entry->made) {
        entry->geom = owner_.adopt(make());
        entry->made = true;
    }
    return entry->geom;
}

std::size_t SheetStore::size() {
    const std::lock_guard<std::mutex> lock(mutex_);
    return entries_.size();
}

SheetGeoms::SheetGeoms(const geom::Context& ctx, const MapProjection& proj, const Sheet& sheet, SheetStore& store,
                       const std::string& crs)
    : ctx_(ctx), proj_(proj), sheet_(sheet), store_(store),
      scale_prefix_(fmt::format("{}|{:.9g}|{:.3f}|{:.3f}|{:.3f}|{:.3f}|", crs, sheet.scale, sheet.minx, sheet.miny,
                                sheet.fx1 - sheet.fx0, sheet.fy1 - sheet.fy0)),
      prefix_(fmt::format("{}{:.3f}|{:.3f}|{:.3f}|{:.3f}|", scale_prefix_, sheet.fx0, sheet.fy0, sheet.fx1, sheet.fy1)) {}

const geom::Geom& SheetGeoms::get(const std::string& key, const geom::Geom& lonlat) {
    return store_.get(prefix_ + key, [&] {
        // Sheet::at() less the frame's corner: the same arithmetic, so adding the corner back gives the very
        // coordinates at() would.
        const geom::Geom& at_origin = store_.get(scale_prefix_ + key, [&] {
            const geom::Geom on_sheet = ctx_.transform(lonlat, [this](geom::XY ll) {
                const geom::XY m = proj_.forward(ll);
                return geom::XY{(m.x - sheet_.minx) * sheet_.scale, -((m.y - sheet_.miny) * sheet_.scale)};
            });
            // Cut to the frame (with twice the drawing's margin) before simplifying: the land around the chain
            // is mostly beyond it, and simplifying is the dearest step here.
            const double w = sheet_.fx1 - sheet_.fx0, h = sheet_.fy1 - sheet_.fy0, m = 2 * kClipMarginPt;
            return ctx_.simplify_preserving(ctx_.clip_by_rect(on_sheet, -m, -h - m, w + m, m), 0.15);
        });
        const geom::Geom placed =
            ctx_.transform(at_origin, [this](geom::XY p) { return geom::XY{sheet_.fx0 + p.x, sheet_.fy1 + p.y}; });
        // Every drawing is clipped to the frame: what lies beyond it (a fifth of the vertices of the chain
        // map) would only lengthen the PDF and SVG. The margin keeps strokes along the frame whole.
        return ctx_.clip_by_rect(placed, sheet_.fx0 - kClipMarginPt, sheet_.fy0 - kClipMarginPt,
                                 sheet_.fx1 + kClipMarginPt, sheet_.fy1 + kClipMarginPt);
    });
}

}  // namespace kuril::maps
