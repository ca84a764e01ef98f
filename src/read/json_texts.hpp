#pragma once
// Where the JSON texts of a sequence begin and end, whatever separates them (RFC 7464's RS, newlines,
// spaces, nothing) and however they are spread over lines; and integers too large for 64 bits, which
// simdjson refuses, kept exactly as strings.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kuril {

// A top-level JSON value of a sequence: [begin, end) in the scanned bytes.
struct JsonTextSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};

// The complete top-level values of `s`, in order. Bytes between values — white space, RS (0x1E), a
// UTF-8 byte order mark — are skipped; a value still open at the end of `s` is not listed (its start is
// in `open_at`, else npos). Values are objects and arrays (a GeoJSON text is an object); a bare scalar
// between them ends at the next separator.
[[nodiscard]] std::vector<JsonTextSpan> json_text_spans(std::string_view s, std::size_t* open_at = nullptr);

// `text` with every integer literal outside strings that does not fit a signed or unsigned 64-bit
// integer written as a string of its digits ("id": 123456789012345678901234 -> "id": "1234...").
// `changed` says whether any was. (simdjson, like RFC 8259 §6's advice on interoperable numbers, does not
// read them as integers; GDAL reads them as strings or reals.)
[[nodiscard]] std::string quote_big_integers(std::string_view text, bool& changed);

}  // namespace kuril
