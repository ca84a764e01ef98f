#include "read/feature_builder.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "tiles/engine/antimeridian.hpp"

namespace kuril {

Location FeatureRef::location() const {
    return Location{file != nullptr ? *file : std::string(), line,
                    fmt::format("{} feature {}", layer != nullptr ? *layer : std::string(), index)};
}

namespace {

[[noreturn]] void not_a_position(double lon, double lat, const FeatureRef& where, const char* why) {
    throw InputError(where.location(), fmt::format("position ({}, {}) is not a WGS 84 longitude/latitude: {} "
                                                   "(RFC 7946 §4; reproject or declare the CRS)",
                                                   lon, lat, why));
}

}  // namespace

tiles::Pt lonlat_position(double lon, double lat, const FeatureRef& where) {
    if (!std::isfinite(lon) || !std::isfinite(lat)) {
        not_a_position(lon, lat, where, "a coordinate is NaN or infinite");
    }
    if (lat < -90 || lat > 90) {
        not_a_position(lon, lat, where, "the latitude is beyond ±90°");
    }
    if (lon < -360 || lon > 360) {
        not_a_position(lon, lat, where, "the longitude is beyond ±360°");
    }
    if (lon > 180) {
        lon -= 360;
    } else if (lon < -180) {
        lon += 360;
    }
    return tiles::mercator(lon, lat);
}

void add_line(tiles::Path&& line, tiles::SourceFeature& f, const FeatureRef& where) {
    if (line.empty()) {
        return;  // LINESTRING EMPTY
    }
    if (line.size() < 2) {
        throw InputError(where.location(), "a line has one position: it needs two or more (RFC 7946 §3.1.4)");
    }
    if (tiles::crosses_antimeridian(line)) {
        for (auto& part : tiles::split_line_at_antimeridian(line)) f.lines.push_back(std::move(part));
    } else {
        f.lines.push_back(std::move(line));
    }
}

void add_polygon(tiles::PolygonPaths&& polygon, tiles::SourceFeature& f, const FeatureRef& where) {
    for (const auto& r : polygon) {
        if (r.size() < 4 || r.front().x != r.back().x || r.front().y != r.back().y) {
            throw InputError(where.location(), "a polygon ring is not closed or has fewer than 4 positions "
                                               "(RFC 7946 §3.1.6)");
        }
    }
    if (polygon.empty()) {
        return;
    }
    if (std::none_of(polygon.begin(), polygon.end(), [](const tiles::Path& r) { return tiles::crosses_antimeridian(r); })) {
        f.polygons.push_back(std::move(polygon));
        return;
    }
    for (auto& part : tiles::split_polygon_at_antimeridian(polygon)) f.polygons.push_back(std::move(part));
}

namespace {

constexpr std::uint64_t kSplitIdStep = std::uint64_t{1} << 50U;

tiles::SourceFeature part_of(const tiles::SourceFeature& f, tiles::GeomKind kind, std::uint64_t step) {
    tiles::SourceFeature p;
    p.id = f.id + step * kSplitIdStep;
    p.kind = kind;
    p.attributes = f.attributes;
    return p;
}

}  // namespace

void emit_feature(tiles::SourceFeature&& f, const FeatureRef& where, const VectorSink& sink) {
    if (f.empty()) {  // null or empty geometry (RFC 7946 §3.2: an unlocated feature): reported
        if (sink.unlocated) sink.unlocated(where.location());
        return;
    }
    const bool polygons = !f.polygons.empty();
    const bool lines = !f.lines.empty();
    const bool points = !f.points.empty();
    if (int(polygons) + int(lines) + int(points) == 1) {
        f.kind = polygons ? tiles::GeomKind::polygon : lines ? tiles::GeomKind::line : tiles::GeomKind::point;
        sink.feature(std::move(f));
        return;
    }
    if (f.id >= kSplitIdStep) {
        throw InputError(where.location(), fmt::format("a geometry collection of several kinds is split into one "
                                                       "feature per kind, with ids from id + 2^50: id {} is too "
                                                       "large for that",
                                                       f.id));
    }
    if (polygons) {
        auto p = part_of(f, tiles::GeomKind::polygon, 0);
        p.polygons = std::move(f.polygons);
        sink.feature(std::move(p));
    }
    if (lines) {
        auto p = part_of(f, tiles::GeomKind::line, 1);
        p.lines = std::move(f.lines);
        sink.feature(std::move(p));
    }
    if (points) {
        auto p = part_of(f, tiles::GeomKind::point, 2);
        p.points = std::move(f.points);
        sink.feature(std::move(p));
    }
}

}  // namespace kuril
