#include "write/gpkg_writer.hpp"

#include <memory>

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "util/error.hpp"
#include "write/gpkg_metadata.hpp"

namespace kuril {

namespace {

struct DatasetCloser {
    void operator()(GDALDataset* ds) const { GDALClose(ds); }
};
using DatasetPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

OGRwkbGeometryType ogr_type(GeometryKind k) {
    switch (k) {
        case GeometryKind::point: return wkbPoint;
        case GeometryKind::multilinestring: return wkbMultiLineString;
        case GeometryKind::multipolygon: return wkbMultiPolygon;
    }
    return wkbUnknown;
}

OGRFieldType ogr_field(FieldType t) {
    switch (t) {
        case FieldType::string: return OFTString;
        case FieldType::integer: return OFTInteger64;
        case FieldType::real: return OFTReal;
        case FieldType::date: return OFTDate;
    }
    return OFTString;
}

// The GeoPackage's names for the period's date attributes: valid_from/valid_to (DATE), the names the
// QGIS project's temporal settings use; the decimal years keep OpenHistoricalMap's names.
std::string gpkg_name(const Field& f) {
    if (f.name == "start_date") return "valid_from";
    if (f.name == "end_date") return "valid_to";
    return f.name;
}

// The layer's columns after id: its fields, then for a temporal layer the period's DATE columns, then its
// decimal years.
std::vector<Field> gpkg_columns(const Layer& layer) {
    std::vector<Field> columns;
    for (const auto& f : layer.fields) columns.push_back(f);
    if (layer.temporal) {
        for (const FieldType type : {FieldType::date, FieldType::real}) {
            for (const auto& f : period_fields()) {
                if (f.type == type) columns.push_back({gpkg_name(f), f.type});
            }
        }
    }
    return columns;
}

void add_field(OGRLayer* layer, const char* name, OGRFieldType type, OGRFieldSubType sub = OFSTNone) {
    OGRFieldDefn def(name, type);
    def.SetSubType(sub);
    if (layer->CreateField(&def) != OGRERR_NONE) {
        throw OutputError(fmt::format("cannot create field {}: {}", name, CPLGetLastErrorMsg()));
    }
}

std::unique_ptr<OGRGeometry> to_ogr(const geom::Context& ctx, const geom::Geom& g, GeometryKind kind) {
    const auto wkb = ctx.wkb(g);
    OGRGeometry* raw = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &raw, wkb.size()) != OGRERR_NONE) {
        throw OutputError("cannot convert a geometry from WKB");
    }
    if (kind == GeometryKind::multipolygon) {
        raw = OGRGeometryFactory::forceToMultiPolygon(raw);
    } else if (kind == GeometryKind::multilinestring) {
        raw = OGRGeometryFactory::forceToMultiLineString(raw);
    }
    return std::unique_ptr<OGRGeometry>(raw);
}

void set_date(OGRFeature& f, const char* field, const Date& d) {
    f.SetField(field, d.year(), static_cast<int>(d.month()), static_cast<int>(d.day()), 0, 0, 0.0F, 0);
}

void write_layer(const geom::Context& ctx, GDALDataset& ds, OGRSpatialReference& srs, const Layer& layer,
                 const std::string& identifier) {
    char** opts = nullptr;
    opts = CSLSetNameValue(opts, "FID", "fid");
    opts = CSLSetNameValue(opts, "GEOMETRY_NAME", "geom");
    opts = CSLSetNameValue(opts, "DESCRIPTION", layer.title.c_str());  // gpkg_contents: what GDAL shows
    if (!identifier.empty()) opts = CSLSetNameValue(opts, "IDENTIFIER", identifier.c_str());
    OGRLayer* out = ds.CreateLayer(layer.name.c_str(), &srs, ogr_type(layer.geometry), opts);
    CSLDestroy(opts);
    if (out == nullptr) {
        throw OutputError(fmt::format("cannot create layer {}: {}", layer.name, CPLGetLastErrorMsg()));
    }
    add_field(out, "id", OFTString);
    const std::vector<Field> columns = gpkg_columns(layer);
    for (const auto& f : columns) {
        add_field(out, f.name.c_str(), ogr_field(f.type));
    }
    if (out->StartTransaction() != OGRERR_NONE) {
        throw OutputError(fmt::format("cannot start a transaction: {}", CPLGetLastErrorMsg()));
    }
    for (const auto& feat : layer.features) {
        OGRFeature f(out->GetLayerDefn());
        f.SetField("id", feat.id.c_str());
        for (const auto& c : columns) f.SetFieldNull(f.GetFieldIndex(c.name.c_str()));  // no value: NULL
        layer.for_each_attribute(feat, [&](const Layer::Attribute& a) {
            const std::string name = gpkg_name(a.field);
            if (const auto* s = std::get_if<std::string>(&a.value)) {
                f.SetField(name.c_str(), s->c_str());
            } else if (const auto* n = std::get_if<long long>(&a.value)) {
                f.SetField(name.c_str(), static_cast<GIntBig>(*n));
            } else if (const auto* d = std::get_if<double>(&a.value)) {
                f.SetField(name.c_str(), *d);
            } else if (const auto* day = std::get_if<Date>(&a.value)) {
                set_date(f, name.c_str(), *day);
            }
        });
        f.SetGeometryDirectly(to_ogr(ctx, feat.geometry, layer.geometry).release());
        if (out->CreateFeature(&f) != OGRERR_NONE) {
            throw OutputError(fmt::format("cannot write feature {} of {}: {}", feat.id, layer.name,
                                          CPLGetLastErrorMsg()));
        }
    }
    if (out->CommitTransaction() != OGRERR_NONE) {
        throw OutputError(fmt::format("cannot commit {}: {}", layer.name, CPLGetLastErrorMsg()));
    }
}

// QGIS's layer_styles table (the schema QGIS itself creates), one default style per layer.
void write_styles(GDALDataset& ds, const std::vector<const Layer*>& layers, const GpkgOptions& options) {
    // QGIS's schema: the key is an `id` column (QGIS lists and loads styles by it).
    char** opts = CSLSetNameValue(nullptr, "FID", "id");
    OGRLayer* styles = ds.CreateLayer("layer_styles", nullptr, wkbNone, opts);
    CSLDestroy(opts);
    if (styles == nullptr) {
        throw OutputError(fmt::format("cannot create layer_styles: {}", CPLGetLastErrorMsg()));
    }
    for (const char* name : {"f_table_catalog", "f_table_schema", "f_table_name", "f_geometry_column", "styleName",
                             "styleQML", "styleSLD"}) {
        add_field(styles, name, OFTString);
    }
    add_field(styles, "useAsDefault", OFTInteger, OFSTBoolean);
    for (const char* name : {"description", "owner", "ui"}) {
        add_field(styles, name, OFTString);
    }
    add_field(styles, "update_time", OFTDateTime);
    if (styles->StartTransaction() != OGRERR_NONE) {
        throw OutputError(fmt::format("cannot start a transaction: {}", CPLGetLastErrorMsg()));
    }
    for (const Layer* layer : layers) {
        auto it = options.qml.find(layer->name);
        if (it == options.qml.end()) {
            continue;
        }
        OGRFeature f(styles->GetLayerDefn());
        f.SetField("f_table_catalog", "");
        f.SetField("f_table_schema", "");
        f.SetField("f_table_name", layer->name.c_str());
        f.SetField("f_geometry_column", "geom");
        f.SetField("styleName", layer->name.c_str());
        f.SetField("styleQML", it->second.c_str());
        f.SetField("styleSLD", "");
        f.SetField("useAsDefault", 1);
        f.SetField("description", ("Kuril Atlas default style for " + layer->name).c_str());
        f.SetField("owner", "");
        f.SetField("ui", "");
        const Date& d = options.timestamp;
        f.SetField("update_time", d.year(), static_cast<int>(d.month()), static_cast<int>(d.day()), 0, 0, 0.0F, 100);
        if (styles->CreateFeature(&f) != OGRERR_NONE) {
            throw OutputError(fmt::format("cannot write the style of {}: {}", layer->name, CPLGetLastErrorMsg()));
        }
    }
    if (styles->CommitTransaction() != OGRERR_NONE) {
        throw OutputError(fmt::format("cannot commit layer_styles: {}", CPLGetLastErrorMsg()));
    }
}

}  // namespace

void write_gpkg(const geom::Context& ctx, const std::filesystem::path& path, const std::vector<const Layer*>& layers,
                const GpkgOptions& options) {
    GDALAllRegister();
    // Reproducible output: GDAL writes this instead of the current time (gpkg_contents.last_change).
    const std::string stamp = options.timestamp.iso() + "T00:00:00.000Z";
    CPLSetConfigOption("OGR_CURRENT_DATE", stamp.c_str());
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (driver == nullptr) {
        throw OutputError("GDAL has no GPKG driver");
    }
    DatasetPtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) {
        throw OutputError(fmt::format("cannot create {}: {}", path.string(), CPLGetLastErrorMsg()));
    }
    OGRSpatialReference srs;
    srs.importFromEPSG(4326);
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    try {
        const std::string& title = options.metadata.title;
        for (const Layer* layer : layers) {
            write_layer(ctx, *ds, srs, *layer, title.empty() ? std::string() : title + ": " + layer->name);
        }
        write_styles(*ds, layers, options);
        if (!title.empty()) write_gpkg_metadata(*ds, layers, options.metadata, stamp);
        // GDALClose (void in GDAL 3.6) flushes the last pages: a failure there is only reported as a CPLError.
        CPLErrorReset();
        ds.reset();
        if (CPLGetLastErrorType() >= CE_Failure) {
            throw OutputError(fmt::format("cannot close it: {}", CPLGetLastErrorMsg()));
        }
    } catch (const OutputError& e) {
        CPLSetConfigOption("OGR_CURRENT_DATE", nullptr);
        throw OutputError(fmt::format("cannot write the GeoPackage {}: {}", path.string(), e.what()));
    }
    CPLSetConfigOption("OGR_CURRENT_DATE", nullptr);
}

}  // namespace kuril
