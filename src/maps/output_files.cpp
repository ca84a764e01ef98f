#include "maps/sheet_parts.hpp"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include <cairo-pdf.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include "util/atomic.hpp"
#include "util/error.hpp"

namespace kuril::maps {

namespace fs = std::filesystem;

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Cairo reports a failed write (a full disk) as CAIRO_STATUS_WRITE_ERROR only: errno, set by the failed
// write(2) under its stdio stream, says why.
std::string cairo_failure(cairo_status_t st, int os_error) {
    if (st == CAIRO_STATUS_WRITE_ERROR && os_error != 0) {
        return fmt::format("{} ({})", cairo_status_to_string(st), std::strerror(os_error));
    }
    return cairo_status_to_string(st);
}

void check_cairo(cairo_surface_t* surface, const fs::path& path, int os_error) {
    if (const cairo_status_t st = cairo_surface_status(surface); st != CAIRO_STATUS_SUCCESS) {
        throw OutputError(fmt::format("cannot write {}: {}", path.string(), cairo_failure(st, os_error)));
    }
}

std::string& finished_pdf(cairo_surface_t* surface, std::string& pdf, const fs::path& path) {
    cairo_surface_finish(surface);
    const cairo_status_t st = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (st != CAIRO_STATUS_SUCCESS) {
        throw OutputError(fmt::format("cannot write {}: {}", path.string(), cairo_status_to_string(st)));
    }
    // PDF 1.7 §7.5.5: a file ends with its trailer and %%EOF; anything short of that was never finished.
    if (pdf.rfind("%%EOF") == std::string::npos || pdf.size() - pdf.rfind("%%EOF") > 8) {
        throw std::logic_error(fmt::format("{}: Cairo left the PDF unfinished", path.string()));
    }
    return pdf;
}

void pin_pdf(cairo_surface_t* surface, const Date& today, const std::string& title, const std::string& subject) {
    const std::string stamp = today.iso() + "T00:00:00Z";
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, stamp.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, stamp.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, subject.c_str());
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, "Kuril Atlas");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_KEYWORDS,
                                   "Kuril Islands; Sakhalin; sovereignty; treaty boundaries; historical map");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Kuril Atlas");
}

std::string png_with_resolution(const std::string& png, double dpi) {
    // PNG 1.2 §4.1.1: an 8-byte signature, then IHDR (4 length + 4 type + 13 data + 4 CRC) — pHYs goes after it.
    constexpr std::size_t kAfterIhdr = 8 + 4 + 4 + 13 + 4;
    if (png.size() < kAfterIhdr || png.compare(12, 4, "IHDR") != 0) {
        throw std::logic_error("png_with_resolution: not a PNG stream from Cairo");
    }
    const auto per_metre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
    std::string chunk;
    auto be32 = [&](std::uint32_t v) {
        for (int shift = 24; shift >= 0; shift -= 8) chunk += static_cast<char>((v >> shift) & 0xff);
    };
    be32(9);
    chunk += "pHYs";
    be32(per_metre);
    be32(per_metre);
    chunk += '\1';  // unit: the metre (PNG 1.2 §4.2.4.3)
    const auto* type_and_data = reinterpret_cast<const Bytef*>(chunk.data() + 4);
    be32(static_cast<std::uint32_t>(crc32(crc32(0L, Z_NULL, 0), type_and_data, 4 + 9)));
    return png.substr(0, kAfterIhdr) + chunk + png.substr(kAfterIhdr);
}

// The world file and GDAL's .aux.xml beside a PNG: pixel size and the centre of the top-left pixel, in the
// map's CRS (metres).
void write_georeference(const fs::path& png, const Sheet& s, double px_per_pt, const MapProjection& proj) {
    const double m_per_px = 1 / (s.scale * px_per_pt);
    const double x0 = s.minx - s.fx0 / s.scale + m_per_px / 2;
    const double y0 = s.miny + s.fy1 / s.scale - m_per_px / 2;
    write_file_atomic(fs::path(png).replace_extension(".pgw"),
                      fmt::format("{:.6f}\n0.000000\n0.000000\n{:.6f}\n{:.6f}\n{:.6f}\n", m_per_px, -m_per_px, x0, y0));
    write_file_atomic(fs::path(png.string() + ".aux.xml"),
                      "<PAMDataset>\n  <SRS dataAxisToSRSAxisMapping=\"1,2\">" + proj.wkt() + "</SRS>\n</PAMDataset>\n");
}

void write_label_boxes(const fs::path& file, const MapResult& r) {
    const auto pt = [](double v) { return std::round(v * 100) / 100; };
    const auto deg = [](double v) { return std::round(v * 1e6) / 1e6; };
    nlohmann::ordered_json labels = nlohmann::ordered_json::array();
    for (const auto& l : r.labels) {
        labels.push_back({{"id", l.id}, {"text", l.text}, {"box", {pt(l.box.x0), pt(l.box.y0), pt(l.box.x1), pt(l.box.y1)}},
                          {"anchor", {deg(l.lonlat.x), deg(l.lonlat.y)}}, {"leader", l.leader}});
        if (const auto& e = l.ends) labels.back()["ends"] = {{deg((*e)[0].x), deg((*e)[0].y)}, {deg((*e)[1].x), deg((*e)[1].y)}};
        if (l.angle == 0) continue;
        labels.back()["angle"] = std::round(l.angle * 10) / 10;
        nlohmann::ordered_json outline = nlohmann::ordered_json::array();
        for (const auto& p : l.quad) outline.push_back({pt(p.x), pt(p.y)});
        labels.back()["outline"] = outline;
    }
    const auto box = [&](const Box& b) { return nlohmann::ordered_json{pt(b.x0), pt(b.y0), pt(b.x1), pt(b.y1)}; };
    nlohmann::ordered_json frames{{"map", box(r.frame)}};
    if (r.locator) frames["locator"] = box(*r.locator);
    const nlohmann::ordered_json doc{{"sheet_pt", {pt(r.sheet_w_pt), pt(r.sheet_h_pt)}},
                                     {"frames", frames},
                                     {"unplaced", r.unplaced.size()},
                                     {"labels", labels}};
    write_file_atomic(file, doc.dump(1) + "\n");
}

}  // namespace kuril::maps
