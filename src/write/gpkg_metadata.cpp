#include "write/gpkg_metadata.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>

#include "util/error.hpp"
#include "util/xml.hpp"

namespace kuril {

namespace {

// The form QGIS stores layer metadata in (QgsLayerMetadata::writeMetadataXml), and the Metadata
// extension's definition (GeoPackage 1.2, the version GDAL writes: §F.8).
constexpr const char* kQgisStandard = "http://mrcc.com/qgis.dtd";
constexpr const char* kExtensionDefinition = "http://www.geopackage.org/spec120/#extension_metadata";

std::string element(const char* name, const std::string& text) {
    return fmt::format("  <{0}>{1}</{0}>\n", name, xml_escaped(text));
}

std::string keywords(const char* vocabulary, const std::vector<std::string>& words) {
    std::string out = fmt::format("  <keywords vocabulary=\"{}\">\n", xml_escaped(vocabulary));
    for (const auto& w : words) out += "   <keyword>" + xml_escaped(w) + "</keyword>\n";
    return out + "  </keywords>\n";
}

std::string temporal_extent(const DatasetMetadata& meta) {
    return fmt::format("  <extent>\n   <temporal>\n    <period>\n     <start>{}T00:00:00Z</start>\n"
                       "     <end>{}T00:00:00Z</end>\n    </period>\n   </temporal>\n  </extent>\n",
                       meta.start.iso(), meta.end.iso());
}

// Runs one statement; GDAL reports SQLite's errors through CPLError.
void exec(GDALDataset& ds, const std::string& sql) {
    CPLErrorReset();
    if (OGRLayer* result = ds.ExecuteSQL(sql.c_str(), nullptr, nullptr)) ds.ReleaseResultSet(result);
    if (CPLGetLastErrorType() >= CE_Failure) {
        throw OutputError(fmt::format("cannot write the layer metadata: {}", CPLGetLastErrorMsg()));
    }
}

std::string sql_text(const std::string& s) {
    std::string out = "'";
    for (const char ch : s) out += ch == '\'' ? std::string("''") : std::string(1, ch);
    return out + "'";
}

void create_tables(GDALDataset& ds) {
    exec(ds, "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT "
             "NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, "
             "column_name, extension_name))");
    exec(ds, "CREATE TABLE gpkg_metadata (id INTEGER CONSTRAINT m_pk PRIMARY KEY ASC NOT NULL, md_scope TEXT NOT "
             "NULL DEFAULT 'dataset', md_standard_uri TEXT NOT NULL, mime_type TEXT NOT NULL DEFAULT 'text/xml', "
             "metadata TEXT NOT NULL DEFAULT '')");
    exec(ds, "CREATE TABLE gpkg_metadata_reference (reference_scope TEXT NOT NULL, table_name TEXT, column_name "
             "TEXT, row_id_value INTEGER, timestamp DATETIME NOT NULL DEFAULT "
             "(strftime('%Y-%m-%dT%H:%M:%fZ','now')), md_file_id INTEGER NOT NULL, md_parent_id INTEGER, "
             "CONSTRAINT crmr_mfi_fk FOREIGN KEY (md_file_id) REFERENCES gpkg_metadata(id), CONSTRAINT crmr_mpi_fk "
             "FOREIGN KEY (md_parent_id) REFERENCES gpkg_metadata(id))");
    for (const char* table : {"gpkg_metadata", "gpkg_metadata_reference"}) {
        exec(ds, fmt::format("INSERT INTO gpkg_extensions VALUES ('{}', NULL, 'gpkg_metadata', '{}', 'read-write')",
                             table, kExtensionDefinition));
    }
}

}  // namespace

std::string qgis_layer_metadata(const Layer& layer, const DatasetMetadata& meta) {
    std::string x = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n<qgis version=\"3.22\">\n";
    x += element("identifier", "kuril:" + layer.name) + element("parentidentifier", "kuril");
    x += element("language", "en") + element("type", "dataset");
    x += element("title", fmt::format("{}: {}", meta.title, layer.name));
    x += element("abstract", fmt::format("{}.\n\n{}", layer.title, meta.abstract));
    x += keywords("gmd:topicCategory", {"boundaries", "location"}) + keywords("Kuril Atlas", meta.keywords);
    x += fmt::format("  <links>\n   <link name=\"{}\" type=\"WWW:LINK\" url=\"{}\" description=\"Every layer and "
                     "field\" format=\"\" mimeType=\"text/markdown\" size=\"\"/>\n  </links>\n",
                     xml_escaped(meta.title + " " + meta.version + ", the layers"), xml_escaped(meta.homepage));
    x += element("fees", "none");
    x += "  <constraints type=\"Attribution\">" + xml_escaped(meta.attribution) + "</constraints>\n";
    x += element("rights", meta.rights);
    for (const auto& l : meta.licenses) x += element("license", l);
    x += element("encoding", "UTF-8");
    if (layer.temporal) x += temporal_extent(meta);
    return x + "</qgis>\n";
}

void write_gpkg_metadata(GDALDataset& ds, const std::vector<const Layer*>& layers, const DatasetMetadata& meta,
                         const std::string& timestamp) {
    create_tables(ds);
    long long id = 0;
    for (const Layer* layer : layers) {
        ++id;
        exec(ds, fmt::format("INSERT INTO gpkg_metadata VALUES ({}, 'dataset', '{}', 'text/xml', {})", id,
                             kQgisStandard, sql_text(qgis_layer_metadata(*layer, meta))));
        exec(ds, fmt::format("INSERT INTO gpkg_metadata_reference VALUES ('table', {}, NULL, NULL, {}, {}, NULL)",
                             sql_text(layer->name), sql_text(timestamp), id));
    }
}

}  // namespace kuril
