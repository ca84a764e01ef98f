#include "maps/press.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include "util/atomic.hpp"
#include "util/error.hpp"
#include "util/files.hpp"
#include "util/program.hpp"

namespace kuril::maps {

namespace fs = std::filesystem;

namespace {

// A PostScript string literal: backslashes and parentheses escaped (PLRM §3.2.2).
std::string ps_string(const std::string& s) {
    std::string out = "(";
    for (const char c : s) {
        if (c == '\\' || c == '(' || c == ')') out += '\\';
        out += c;
    }
    return out + ")";
}

// The pdfmarks that make a PDF/X-1a:2001 file (ISO 15930-1; Ghostscript's documented PDF/X recipe with that
// part's keys): the version and conformance keys and the trapping state in the document information, the
// output profile as a stream, and the output intent in the catalogue. Ghostscript's PDF/X output is PDF 1.3
// (no transparency: it flattens it) in DeviceCMYK, as X-1a asks; the text is outlines, so no font is left to
// embed.
std::string pdfx_definition(const std::string& title) {
    return fmt::format(
        "[ /GTS_PDFXVersion (PDF/X-1:2001) /GTS_PDFXConformance (PDF/X-1a:2001) /Title {} /Trapped /False "
        "/DOCINFO pdfmark\n"
        "[ /_objdef {{icc_PDFX}} /type /stream /OBJ pdfmark\n"
        "[ {{icc_PDFX}} << /N 4 >> /PUT pdfmark\n"
        "[ {{icc_PDFX}} {} (r) file /PUT pdfmark\n"
        "[ /_objdef {{OutputIntent_PDFX}} /type /dict /OBJ pdfmark\n"
        "[ {{OutputIntent_PDFX}} << /Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (Custom)\n"
        "  /OutputCondition (CMYK offset printing, Ghostscript's default CMYK profile)\n"
        "  /Info (default_cmyk.icc) /RegistryName (http://www.color.org) /DestOutputProfile {{icc_PDFX}} >> "
        "/PUT pdfmark\n"
        "[ {{Catalog}} << /OutputIntents [ {{OutputIntent_PDFX}} ] >> /PUT pdfmark\n",
        ps_string(title), ps_string(kPressProfile.string()));
}

// The end of the PDF string that starts at `at` (PDF 1.7 §7.3.4): a hexadecimal string <…> or a literal
// string (…) with balanced parentheses and backslash escapes; npos where there is none.
std::size_t string_end(const std::string& bytes, std::size_t at) {
    if (at < bytes.size() && bytes[at] == '<') {
        const std::size_t close = bytes.find('>', at);
        return close == std::string::npos ? close : close + 1;
    }
    if (at >= bytes.size() || bytes[at] != '(') return std::string::npos;
    int depth = 0;
    for (std::size_t i = at; i < bytes.size(); ++i) {
        if (bytes[i] == '\\') {
            ++i;
        } else if (bytes[i] == '(') {
            ++depth;
        } else if (bytes[i] == ')' && --depth == 0) {
            return i + 1;
        }
    }
    return std::string::npos;
}

}  // namespace

void write_pdfx(const fs::path& rgb_pdf, const fs::path& out, const std::string& title, const Date& today) {
    if (!fs::exists(kPressProfile)) {
        throw ExternalProgramError("gs", fmt::format("--pdfx needs Ghostscript's CMYK profile {} (Debian: apt-get "
                                                     "install ghostscript)",
                                                     kPressProfile.string()));
    }
    StagingFile staged(out);
    const fs::path definition = staged.path().string() + ".pdfx.ps";
    write_file(definition, pdfx_definition(title));
    try {
        run_program({"gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-dPDFX", "-sDEVICE=pdfwrite",
                     "-sColorConversionStrategy=CMYK", "-sProcessColorModel=DeviceCMYK",
                     "--permit-file-read=" + kPressProfile.string(), "-sOutputFile=" + staged.path().string(),
                     definition.string(), rgb_pdf.string()},
                    {"SOURCE_DATE_EPOCH=" + std::to_string(today.days() * 86400L)});
    } catch (...) {
        fs::remove(definition);
        throw;
    }
    fs::remove(definition);
    pin_file_id(staged.path());
    staged.commit();
}

// Ghostscript's file identifier hashes the output's name, which is a staging name (it holds the process id),
// and comes as a hexadecimal or a literal string as the hash falls: made from the content instead, so the same
// inputs give the same bytes. The trailer follows the cross-reference table, so no offset moves.
void pin_file_id(const fs::path& pdf) {
    std::string bytes = read_file(pdf);
    const std::size_t at = bytes.rfind("/ID [");
    if (at == std::string::npos) return;
    std::size_t end = at + 5;
    for (int k = 0; k < 2 && end != std::string::npos; ++k) {
        while (end < bytes.size() && (bytes[end] == ' ' || bytes[end] == '\n' || bytes[end] == '\r')) ++end;
        end = string_end(bytes, end);
    }
    if (end == std::string::npos || (end = bytes.find(']', end)) == std::string::npos) {
        throw OutputError(fmt::format("{}: Ghostscript's file identifier (/ID) is not an array of two strings (PDF 1.7 §14.4)", pdf.string()));
    }
    std::string hex;
    for (unsigned seed = 0; seed < 4; ++seed) {
        const auto* data = reinterpret_cast<const Bytef*>(bytes.data());
        const uLong crc = crc32(crc32(0L, reinterpret_cast<const Bytef*>(&seed), sizeof seed), data, static_cast<uInt>(at));
        hex += fmt::format("{:08X}", static_cast<unsigned long>(crc));
    }
    bytes.replace(at, end + 1 - at, fmt::format("/ID [<{0}><{0}>]", hex));
    write_file(pdf, bytes);
}

}  // namespace kuril::maps
