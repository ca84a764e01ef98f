#include "read/vector_reader.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "read/feature_builder.hpp"
#include "read/geojson_reader.hpp"
#include "util/error.hpp"

namespace kuril {

namespace {

struct DatasetCloser {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};

constexpr double kMaxProjected = 1e12;

// An OGR geometry as the tiler's: positions checked and projected by read/feature_builder.
struct Reader {
    FeatureRef ref;
    OGRCoordinateTransformation* to_wgs84 = nullptr;

    tiles::Pt point(double x, double y) const {
        // Checked before reprojecting: GDAL 3.6 wraps longitudes by adding 360 in a loop, which never ends for
        // a coordinate like 1e300 (found by fuzz_vector). 1e12 is a million kilometres in metres: beyond any
        // projected CRS of the Earth.
        if (to_wgs84 != nullptr && !(std::abs(x) <= kMaxProjected && std::abs(y) <= kMaxProjected)) {
            throw InputError(ref.location(), fmt::format("position ({}, {}) is not a position on the Earth in the "
                                                         "layer's CRS (a coordinate is NaN, infinite or beyond 1e12)",
                                                         x, y));
        }
        if (to_wgs84 != nullptr && !to_wgs84->Transform(1, &x, &y)) {
            throw InputError(ref.location(), fmt::format("cannot reproject ({}, {}) to WGS 84", x, y));
        }
        return lonlat_position(x, y, ref);
    }

    tiles::Path path(const OGRSimpleCurve& c) const {
        tiles::Path p;
        p.reserve(static_cast<std::size_t>(c.getNumPoints()));
        for (int i = 0; i < c.getNumPoints(); ++i) {
            p.push_back(point(c.getX(i), c.getY(i)));
        }
        return p;
    }

    void add_polygon(const OGRPolygon& polygon, tiles::SourceFeature& f) const {
        tiles::PolygonPaths poly;
        for (const auto* ring : polygon) poly.push_back(path(*ring));
        kuril::add_polygon(std::move(poly), f, ref);
    }

    void add(const OGRGeometry* g, tiles::SourceFeature& f) const {
        switch (wkbFlatten(g->getGeometryType())) {
            case wkbPoint: {
                // GDAL reads a position with one NaN ([150, NaN], which JSON does not even allow) as an empty
                // point that keeps the other coordinate: refused by point() like any position off the Earth.
                // An empty point (both NaN, as WKB writes POINT EMPTY) adds nothing.
                const auto* p = g->toPoint();
                if (!p->IsEmpty() || std::isnan(p->getX()) != std::isnan(p->getY())) {
                    f.points.push_back(point(p->getX(), p->getY()));
                }
                break;
            }
            case wkbLineString:
                add_line(path(*g->toLineString()), f, ref);
                break;
            case wkbPolygon:
                add_polygon(*g->toPolygon(), f);
                break;
            case wkbMultiPoint:
            case wkbMultiLineString:
            case wkbMultiPolygon:
            case wkbGeometryCollection:
                for (const auto* part : *g->toGeometryCollection()) {
                    add(part, f);
                }
                break;
            default:
                throw InputError(ref.location(), fmt::format("unsupported geometry type {}", g->getGeometryName()));
        }
    }
};

// The feature's fields as MVT values, kept or dropped by --include/--exclude; a null is omitted, never
// written as null or 0.
void add_attributes(const OGRFeature& feat, const OGRFeatureDefn& defn, const VectorReadOptions& options,
                    tiles::SourceFeature& f) {
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        const OGRFieldDefn* fd = defn.GetFieldDefn(i);
        const std::string name = fd->GetNameRef();
        if (!keeps_attribute(options, name) || !feat.IsFieldSetAndNotNull(i)) {
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

namespace {

// The features of one GDAL layer. GDAL reports a record it cannot read (a broken line of GeoJSONSeq, a
// damaged shape) as an error and goes on to the next: here that error stops the run, naming the file and
// the feature after the last one read, instead of the record being dropped silently.
void read_gdal_layer(OGRLayer& layer, Reader& reader, const VectorReadOptions& options, const VectorSink& sink) {
    OGRFeatureDefn* defn = layer.GetLayerDefn();
    std::uint64_t next_id = 1;
    std::int64_t last_fid = -1;
    for (;;) {
        CPLErrorReset();
        std::unique_ptr<OGRFeature> feat(layer.GetNextFeature());
        if (CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal) {
            reader.ref.index = last_fid + 1;
            throw InputError(reader.ref.location(), fmt::format("cannot read this feature (GDAL: {})", CPLGetLastErrorMsg()));
        }
        if (!feat) break;
        last_fid = feat->GetFID() >= 0 ? feat->GetFID() : last_fid + 1;
        reader.ref.index = feat->GetFID();
        tiles::SourceFeature f;
        f.id = feat->GetFID() >= 0 ? static_cast<std::uint64_t>(feat->GetFID()) + 1 : next_id;
        ++next_id;
        if (const OGRGeometry* g = feat->GetGeometryRef(); g != nullptr) {
            reader.add(g, f);
        }
        if (!f.empty()) add_attributes(*feat, *defn, options, f);
        emit_feature(std::move(f), reader.ref, sink);
    }
}

}  // namespace

void read_with_gdal(const std::string& path, const VectorReadOptions& options, const VectorSink& sink) {
    GDALAllRegister();
    CPLErrorReset();
    const std::string gdal_path = is_gzip_name(path) ? "/vsigzip/" + path : path;
    std::unique_ptr<GDALDataset, DatasetCloser> ds(static_cast<GDALDataset*>(
        GDALOpenEx(gdal_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)));
    if (!ds) {
        const std::string why = CPLGetLastErrorMsg();
        throw InputError(Location{path, 0, {}}, why.empty() ? "not a vector dataset any GDAL driver reads"
                                                            : fmt::format("cannot read as a vector dataset (GDAL: {})", why));
    }
    OGRSpatialReference wgs84;
    wgs84.importFromEPSG(4326);
    wgs84.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    for (OGRLayer* layer : ds->GetLayers()) {
        if (!options.layer_name && ds->GetLayerCount() > 1) {
            sink.layer(layer->GetName());
        } else {
            sink.layer(options.layer_name.value_or(input_stem(path)));
        }
        const std::string layer_name = layer->GetName();
        Reader reader{FeatureRef{&path, &layer_name, 0, 0}};
        const std::unique_ptr<OGRCoordinateTransformation> ct = to_wgs84(*layer, wgs84, path);
        reader.to_wgs84 = ct.get();
        read_gdal_layer(*layer, reader, options, sink);
    }
}

bool is_gzip_name(const std::string& path) {
    return path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
}

std::string input_stem(const std::string& path) {
    std::filesystem::path p(path);
    if (is_gzip_name(path)) p = p.stem();
    return p.stem().string();
}

void read_vector(const std::string& path, const VectorReadOptions& options, const VectorSink& sink) {
    if (is_geojson_name(path) && read_geojson(path, options, sink)) {
        return;
    }
    read_with_gdal(path, options, sink);
}

}  // namespace kuril
