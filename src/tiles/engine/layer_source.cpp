#include "tiles/engine/layer_source.hpp"

namespace kuril::tiles {

namespace {

Path path_of(const std::vector<geom::XY>& coords) {
    Path p;
    p.reserve(coords.size());
    for (const auto& c : coords) {
        p.push_back(mercator(c.x, c.y));
    }
    return p;
}

}  // namespace

SourceLayer source_layer(const geom::Context& ctx, const Layer& layer, int minzoom, int maxzoom) {
    SourceLayer out;
    out.name = layer.name;
    out.description = layer.title;
    out.minzoom = minzoom;
    out.maxzoom = maxzoom;
    std::uint64_t next_id = 1;
    for (const auto& f : layer.features) {
        SourceFeature sf;
        sf.id = next_id++;
        sf.attributes.push_back({"id", f.id});
        layer.for_each_attribute(f, [&](const Layer::Attribute& a) {
            const std::string& key = a.field.name;
            if (const auto* s = std::get_if<std::string>(&a.value)) {
                sf.attributes.push_back({key, *s});
            } else if (const auto* n = std::get_if<long long>(&a.value)) {
                sf.attributes.push_back({key, static_cast<std::int64_t>(*n)});
            } else if (const auto* d = std::get_if<double>(&a.value)) {
                sf.attributes.push_back({key, *d});
            } else if (const auto* day = std::get_if<Date>(&a.value)) {
                sf.attributes.push_back({key, day->iso()});  // MVT has no date type: ISO 8601 text
            }
        });
        switch (layer.geometry) {
            case GeometryKind::point:
                sf.kind = GeomKind::point;
                sf.points.push_back(mercator(ctx.point_xy(f.geometry).x, ctx.point_xy(f.geometry).y));
                break;
            case GeometryKind::multilinestring:
                sf.kind = GeomKind::line;
                for (const auto& l : ctx.lines(f.geometry)) {
                    sf.lines.push_back(path_of(l));
                }
                break;
            case GeometryKind::multipolygon:
                sf.kind = GeomKind::polygon;
                for (const auto& poly : ctx.polygons(f.geometry)) {
                    PolygonPaths pp;
                    for (const auto& r : poly) {
                        pp.push_back(path_of(r));
                    }
                    sf.polygons.push_back(std::move(pp));
                }
                break;
        }
        out.features.push_back(std::move(sf));
    }
    return out;
}

}  // namespace kuril::tiles
