#pragma once
// Text as XML character data or an attribute value (XML 1.0 §2.4: &, <, > and " escaped).
#include <string>
#include <string_view>

namespace kuril {

[[nodiscard]] inline std::string xml_escaped(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (const char ch : s) {
        if (ch == '&') out += "&amp;";
        else if (ch == '<') out += "&lt;";
        else if (ch == '>') out += "&gt;";
        else if (ch == '"') out += "&quot;";
        else out += ch;
    }
    return out;
}

}  // namespace kuril
