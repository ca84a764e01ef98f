#pragma once
// The press variant of a map's PDF: PDF/X-1a:2001 (ISO 15930-1), every colour converted to CMYK, with an
// output intent (Ghostscript's default CMYK profile, condition "Custom") — made by Ghostscript's pdfwrite
// from the map's RGB PDF, for print shops that take PDF/X.
#include <filesystem>
#include <string>

#include "model/date.hpp"

namespace kuril::maps {

// The CMYK output profile the press file embeds (Debian's ghostscript ships it).
inline const std::filesystem::path kPressProfile = "/usr/share/color/icc/ghostscript/default_cmyk.icc";

// Converts `rgb_pdf` to a PDF/X-1a file at `out` (staged beside it, renamed when complete); `title` goes into
// the document information, `today` pins its dates (Ghostscript reads SOURCE_DATE_EPOCH): same inputs, same
// bytes. Text becomes outlines, as print shops take it. Throws ExternalProgramError when Ghostscript is
// missing or fails.
// Replaces a PDF's file identifier (the trailer's /ID, PDF 1.7 §14.4: two strings, hexadecimal or literal) by
// one made from the file's content before it, as two hexadecimal strings; a file without one is left as it
// is. Ghostscript's hashes the output's (staging) name. Throws OutputError when /ID is not two strings.
void pin_file_id(const std::filesystem::path& pdf);

void write_pdfx(const std::filesystem::path& rgb_pdf, const std::filesystem::path& out, const std::string& title,
                const Date& today);

}  // namespace kuril::maps
