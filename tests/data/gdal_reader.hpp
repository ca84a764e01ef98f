#pragma once
// Reading written layers back through GDAL/OGR, and finding the features that cover a point on a day.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include "model/date.hpp"

namespace kuril::test {

struct DatasetCloser {
    void operator()(GDALDataset* d) const { GDALClose(d); }
};
using GdalPtr = std::unique_ptr<GDALDataset, DatasetCloser>;

inline GdalPtr open_vector(const std::string& path) {
    GDALAllRegister();
    return GdalPtr(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr,
                                                        nullptr, nullptr)));
}

struct Found {
    std::map<std::string, std::string> fields;
    Interval period;
};

// The date of a field: a GeoPackage DATE field, or an ISO 8601 string (GeoJSON's start_date/end_date).
inline std::optional<Date> date_of(OGRFeature& f, const char* field) {
    const int i = f.GetFieldIndex(field);
    if (i < 0 || !f.IsFieldSetAndNotNull(i)) {
        return std::nullopt;
    }
    if (f.GetFieldDefnRef(i)->GetType() == OFTDate) {
        int y = 0, m = 0, d = 0, hh = 0, mm = 0, tz = 0;
        float ss = 0;
        f.GetFieldAsDateTime(i, &y, &m, &d, &hh, &mm, &ss, &tz);
        return Date(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
    }
    return Date::parse(f.GetFieldAsString(i));
}

// Features of `layer` whose geometry contains (lon, lat) and whose period holds `day`.
inline std::vector<Found> covering(OGRLayer& layer, double lon, double lat, const Date& day, const char* from_field,
                                   const char* to_field) {
    std::vector<Found> out;
    OGRPoint pt(lon, lat);
    layer.SetSpatialFilter(&pt);
    layer.ResetReading();
    for (auto& f : layer) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (g == nullptr || !g->Contains(&pt)) {
            continue;
        }
        const auto from = date_of(*f, from_field);
        const auto to = date_of(*f, to_field);
        if (!from) {
            continue;
        }
        Interval iv{*from, to};
        if (!iv.contains(day)) {
            continue;
        }
        Found found{{}, iv};
        for (int i = 0; i < f->GetFieldCount(); ++i) {
            found.fields[f->GetFieldDefnRef(i)->GetNameRef()] = f->GetFieldAsString(i);
        }
        out.push_back(std::move(found));
    }
    layer.SetSpatialFilter(nullptr);
    return out;
}

}  // namespace kuril::test
