#include "read/vector_reader.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "tiles/engine/antimeridian.hpp"
#include "util/error.hpp"

namespace kuril {

namespace {

struct DatasetCloser {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};

constexpr double kMaxProjected = 1e12;

struct Reader {
    const std::string& file;
    std::string layer;
    OGRCoordinateTransformation* to_wgs84 = nullptr;

    Location where(GIntBig fid) const { return Location{file, 0, fmt::format("{} feature {}", layer, fid)}; }

    tiles::Pt point(double x, double y, GIntBig fid) const {
        // Checked before reprojecting: GDAL 3.6 wraps longitudes by adding 360 in a loop, which never ends for
        // a coordinate like 1e300 (found by fuzz_vector). 1e12 is a million kilometres in metres: beyond any
        // projected CRS of the Earth.
        if (to_wgs84 != nullptr && !(std::abs(x) <= kMaxProjected && std::abs(y) <= kMaxProjected)) {
            throw InputError(where(fid), fmt::format("position ({}, {}) is not a position on the Earth in the "
                                                     "layer's CRS (a coordinate is NaN, infinite or beyond 1e12)",
                                                     x, y));
        }
        if (to_wgs84 != nullptr && !to_wgs84->Transform(1, &x, &y)) {
            throw InputError(where(fid), fmt::format("cannot reproject ({}, {}) to WGS 84", x, y));
        }
        if (!std::isfinite(x) || !std::isfinite(y) || x < -180 || x > 180 || y < -90 || y > 90) {
            throw InputError(where(fid), fmt::format("position ({}, {}) is not a WGS 84 longitude/latitude "
                                                     "(RFC 7946 §4; reproject or declare the CRS)",
                                                     x, y));
        }
        return tiles::mercator(x, y);
    }

    tiles::Path path(const OGRSimpleCurve& c, GIntBig fid) const {
        tiles::Path p;
        p.reserve(static_cast<std::size_t>(c.getNumPoints()));
        for (int i = 0; i < c.getNumPoints(); ++i) {
            p.push_back(point(c.getX(i), c.getY(i), fid));
        }
        return p;
    }

    void add_line(const OGRLineString& l, tiles::SourceFeature& f, GIntBig fid) const {
        tiles::Path line = path(l, fid);
        if (line.empty()) {
            return;  // LINESTRING EMPTY
        }
        if (line.size() < 2) {
            throw InputError(where(fid), "a line has one position: it needs two or more (RFC 7946 §3.1.4)");
        }
        if (tiles::crosses_antimeridian(line)) {
            for (auto& part : tiles::split_line_at_antimeridian(line)) f.lines.push_back(std::move(part));
        } else {
            f.lines.push_back(std::move(line));
        }
    }

    void add_polygon(const OGRPolygon& polygon, tiles::SourceFeature& f, GIntBig fid) const {
        tiles::PolygonPaths poly;
        for (const auto* ring : polygon) {
            tiles::Path r = path(*ring, fid);
            if (r.size() < 4 || r.front().x != r.back().x || r.front().y != r.back().y) {
                throw InputError(where(fid), "a polygon ring is not closed or has fewer than 4 positions");
            }
            poly.push_back(std::move(r));
        }
        if (poly.empty()) {
            return;
        }
        if (std::none_of(poly.begin(), poly.end(), [](const tiles::Path& r) { return tiles::crosses_antimeridian(r); })) {
            f.polygons.push_back(std::move(poly));
            return;
        }
        auto parts = tiles::split_polygon_at_antimeridian(poly);
        if (!parts) {
            throw InputError(where(fid), "a ring goes round a pole: it cannot be split at the antimeridian "
                                         "(RFC 7946 §3.1.9); close it along the ±180° meridian instead");
        }
        for (auto& part : *parts) f.polygons.push_back(std::move(part));
    }

    void add(const OGRGeometry* g, tiles::SourceFeature& f, GIntBig fid) const {
        switch (wkbFlatten(g->getGeometryType())) {
            case wkbPoint: {
                // GDAL reads a position with one NaN ([150, NaN], which JSON does not even allow) as an empty
                // point that keeps the other coordinate: refused by point() like any position off the Earth.
                // An empty point (both NaN, as WKB writes POINT EMPTY) adds nothing.
                const auto* p = g->toPoint();
                if (!p->IsEmpty() || std::isnan(p->getX()) != std::isnan(p->getY())) {
                    f.points.push_back(point(p->getX(), p->getY(), fid));
                }
                break;
            }
            case wkbLineString:
                add_line(*g->toLineString(), f, fid);
                break;
            case wkbPolygon:
                add_polygon(*g->toPolygon(), f, fid);
                break;
            case wkbMultiPoint:
            case wkbMultiLineString:
            case wkbMultiPolygon:
            case wkbGeometryCollection:
                for (const auto* part : *g->toGeometryCollection()) {
                    add(part, f, fid);
                }
                break;
            default:
                throw InputError(where(fid), fmt::format("unsupported geometry type {}", g->getGeometryName()));
        }
    }
};

// An MVT feature holds one geometry type (MVT 2.1 §4.3.4, §4.3.5): a collection of several kinds becomes
// one feature per kind, each with all the attributes. The polygons keep the feature's id; the lines take
// id + 2^50, the points id + 2^51, so that ids stay unique in the layer (§4.2) and below 2^53, the largest
// integer a JavaScript client reads exactly.
constexpr std::uint64_t kSplitIdStep = std::uint64_t{1} << 50U;

void emit(tiles::SourceFeature&& f, const Reader& reader, GIntBig fid, const VectorSink& sink) {
    const bool polygons = !f.polygons.empty();
    const bool lines = !f.lines.empty();
    const bool points = !f.points.empty();
    if (int(polygons) + int(lines) + int(points) <= 1) {
        f.kind = polygons ? tiles::GeomKind::polygon : lines ? tiles::GeomKind::line : tiles::GeomKind::point;
        sink.feature(std::move(f));
        return;
    }
    if (f.id >= kSplitIdStep) {
        throw InputError(reader.where(fid), fmt::format("a geometry collection of several kinds is split into one "
                                                        "feature per kind, with ids from id + 2^50: id {} is too "
                                                        "large for that",
                                                        f.id));
    }
    auto part = [&](tiles::GeomKind kind, std::uint64_t step) {
        tiles::SourceFeature p;
        p.id = f.id + step * kSplitIdStep;
        p.kind = kind;
        p.attributes = f.attributes;
        return p;
    };
    if (polygons) {
        auto p = part(tiles::GeomKind::polygon, 0);
        p.polygons = std::move(f.polygons);
        sink.feature(std::move(p));
    }
    if (lines) {
        auto p = part(tiles::GeomKind::line, 1);
        p.lines = std::move(f.lines);
        sink.feature(std::move(p));
    }
    if (points) {
        auto p = part(tiles::GeomKind::point, 2);
        p.points = std::move(f.points);
        sink.feature(std::move(p));
    }
}

// The feature's fields as MVT values, kept or dropped by --include/--exclude; a null is omitted, never
// written as null or 0.
void add_attributes(const OGRFeature& feat, const OGRFeatureDefn& defn, const VectorReadOptions& options,
                    tiles::SourceFeature& f) {
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        const OGRFieldDefn* fd = defn.GetFieldDefn(i);
        const std::string name = fd->GetNameRef();
        if ((!options.include.empty() && options.include.count(name) == 0) || options.exclude.count(name) > 0 ||
            !feat.IsFieldSetAndNotNull(i)) {
            continue;
        }
        switch (fd->GetType()) {
            case OFTInteger:
                if (fd->GetSubType() == OFSTBoolean) {
                    f.attributes.push_back({name, feat.GetFieldAsInteger(i) != 0});
                } else {
                    f.attributes.push_back({name, static_cast<std::int64_t>(feat.GetFieldAsInteger(i))});
                }
                break;
            case OFTInteger64:
                f.attributes.push_back({name, static_cast<std::int64_t>(feat.GetFieldAsInteger64(i))});
                break;
            case OFTReal:
                f.attributes.push_back({name, feat.GetFieldAsDouble(i)});
                break;
            default:
                f.attributes.push_back({name, std::string(feat.GetFieldAsString(i))});
        }
    }
}

// The transformation of a layer's CRS to WGS 84 lon/lat; null where the layer is in WGS 84 already.
std::unique_ptr<OGRCoordinateTransformation> to_wgs84(OGRLayer& layer, const OGRSpatialReference& wgs84,
                                                      const std::string& path) {
    const OGRSpatialReference* srs = layer.GetSpatialRef();
    if (srs == nullptr || srs->IsSame(&wgs84)) return nullptr;
    OGRSpatialReference src(*srs);
    src.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    std::unique_ptr<OGRCoordinateTransformation> ct(OGRCreateCoordinateTransformation(&src, &wgs84));
    if (!ct) {
        throw InputError(Location{path, 0, layer.GetName()}, "its CRS cannot be transformed to WGS 84: reproject the input first");
    }
    return ct;
}

}  // namespace

std::vector<tiles::SourceLayer> read_vector(const std::string& path, const VectorReadOptions& options,
                                            const std::function<void(const Location&)>& unlocated) {
    std::vector<tiles::SourceLayer> out;
    VectorSink sink;
    sink.layer = [&](const std::string& name) {
        tiles::SourceLayer sl;
        sl.name = name;
        sl.minzoom = options.minzoom;
        sl.maxzoom = options.maxzoom;
        out.push_back(std::move(sl));
    };
    sink.feature = [&](tiles::SourceFeature&& f) { out.back().features.push_back(std::move(f)); };
    sink.unlocated = unlocated;
    read_vector(path, options, sink);
    return out;
}

void read_vector(const std::string& path, const VectorReadOptions& options, const VectorSink& sink) {
    GDALAllRegister();
    std::unique_ptr<GDALDataset, DatasetCloser> ds(static_cast<GDALDataset*>(
        GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds) {
        throw InputError(Location{path, 0, {}}, fmt::format("cannot read as a vector dataset: {}", CPLGetLastErrorMsg()));
    }
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    for (OGRLayer* layer : ds->GetLayers()) {
        if (!options.layer_name && ds->GetLayerCount() > 1) {
            sink.layer(layer->GetName());
        } else {
            sink.layer(options.layer_name.value_or(std::filesystem::path(path).stem().string()));
        }
        Reader reader{path, layer->GetName()};
        const std::unique_ptr<OGRCoordinateTransformation> ct = to_wgs84(*layer, wgs84, path);
        reader.to_wgs84 = ct.get();
        OGRFeatureDefn* defn = layer->GetLayerDefn();
        std::uint64_t next_id = 1;
        for (auto& feat : *layer) {
            const OGRGeometry* g = feat->GetGeometryRef();
            tiles::SourceFeature f;
            f.id = feat->GetFID() >= 0 ? static_cast<std::uint64_t>(feat->GetFID()) + 1 : next_id;
            ++next_id;
            if (g != nullptr) {
                reader.add(g, f, feat->GetFID());
            }
            if (f.empty()) {  // null or empty geometry (RFC 7946 §3.2: an unlocated feature): reported
                if (sink.unlocated) sink.unlocated(reader.where(feat->GetFID()));
                continue;
            }
            add_attributes(*feat, *defn, options, f);
            emit(std::move(f), reader, feat->GetFID(), sink);
        }
    }
}

}  // namespace kuril
