// The land around the record (no holders) and the coast as lines of its own: a polygon edge on the record
// frame or the context region is a clip edge, never drawn as a coast.
#include <fmt/format.h>

#include "derive/atlas.hpp"
#include "model/region.hpp"

namespace kuril {

namespace {

// The runs of a ring's edges that lie on none of the frames: the coast.
void coast_runs(const geom::Ring& ring, const std::vector<const Frame*>& frames, std::vector<std::vector<geom::XY>>& out) {
    auto clip_edge = [&](geom::XY p, geom::XY q) {
        for (const Frame* f : frames) {
            if (f->on_edge(p, q)) return true;
        }
        return false;
    };
    // Start the walk just after a clip edge, so a run that wraps round the ring's start stays whole.
    std::size_t start = 0;
    const std::size_t n = ring.size() - 1;  // closed ring: n edges
    for (std::size_t i = 0; i < n; ++i) {
        if (clip_edge(ring[i], ring[i + 1])) {
            start = i + 1;
            break;
        }
    }
    std::vector<geom::XY> run;
    for (std::size_t k = 0; k < n; ++k) {
        const std::size_t i = (start + k) % n;
        if (clip_edge(ring[i], ring[i + 1])) {
            if (run.size() >= 2) out.push_back(std::move(run));
            run.clear();
            continue;
        }
        if (run.empty()) run.push_back(ring[i]);
        run.push_back(ring[i + 1]);
    }
    if (run.size() >= 2) out.push_back(std::move(run));
}

geom::Geom coast_of(const geom::Context& ctx, const geom::Geom& land, const std::vector<const Frame*>& frames) {
    std::vector<std::vector<geom::XY>> runs;
    for (const auto& poly : ctx.polygons(land)) {
        for (const auto& ring : poly) coast_runs(ring, frames, runs);
    }
    std::vector<geom::Geom> lines;
    lines.reserve(runs.size());
    for (const auto& r : runs) lines.push_back(ctx.line(r));
    return ctx.collect(std::move(lines), GEOS_MULTILINESTRING);
}

const Frame kContextFrame{{kContextRegion}};

}  // namespace

Layer Atlas::context_land() const {
    Layer layer{"context", "Land around the record, without holders: GSHHG full resolution inside the record frame, "
                           "high resolution (lakes of 20 km² and more as holes) around it",
                GeometryKind::multipolygon,
                {{"resolution", FieldType::string}, {"area_km2", FieldType::real}, {"source", FieldType::string}},
                false};
    auto add = [&](const std::string& id, const geom::Geom& g, const char* resolution, const char* source) {
        Row row(layer);
        row.set("resolution", resolution).set("area_km2", Value{areas_.km2(ctx_, g)}).set("source", source);
        std::vector<const geom::Geom*> one{&g};
        layer.add(id, collect_polygons(ctx_, one), std::move(row));
    };
    std::size_t n = 0;
    for (const geom::Geom* g : geo_->mainland()) add(fmt::format("frame-{}", ++n), *g, "full", "gshhg_237");
    for (const auto& piece : ds_.context) add("around-" + piece.id, piece.geometry, "high", "gshhg_237");
    return layer;
}

Layer Atlas::coastline() const {
    Layer layer{"coastline", "The coast as lines: the shore of every land polygon, less the frames' clip edges",
                GeometryKind::multilinestring, {{"resolution", FieldType::string}, {"source", FieldType::string}},
                false};
    auto add = [&](const std::string& id, const geom::Geom& g, const char* resolution,
                   const std::vector<const Frame*>& frames) {
        geom::Geom coast = coast_of(ctx_, g, frames);
        if (ctx_.is_empty(coast)) return;
        Row row(layer);
        row.set("resolution", resolution).set("source", "gshhg_237");
        layer.add(id, std::move(coast), std::move(row));
    };
    for (const auto& piece : ds_.land) add("full-" + piece.id, piece.geometry, "full", {&kRecordFrame});
    for (const auto& piece : ds_.context) {
        add("high-" + piece.id, piece.geometry, "high", {&kRecordFrame, &kContextFrame});
    }
    return layer;
}

}  // namespace kuril
