#include "read/json_texts.hpp"

namespace kuril {

namespace {

bool separator(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\x1e'; }

// The bytes a UTF-8 byte order mark takes at `i`, or 0.
std::size_t bom_at(std::string_view s, std::size_t i) {
    return s.compare(i, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
}

// Past a string that opens at `i` (a quote); npos when it does not close in `s`.
std::size_t past_string(std::string_view s, std::size_t i) {
    for (++i; i < s.size(); ++i) {
        if (s[i] == '\\') {
            ++i;
        } else if (s[i] == '"') {
            return i + 1;
        }
    }
    return std::string_view::npos;
}

// Past the value that begins at `i`; npos when it is still open at the end of `s`.
std::size_t past_value(std::string_view s, std::size_t i) {
    if (s[i] != '{' && s[i] != '[') {
        while (i < s.size() && !separator(s[i]) && s[i] != '{' && s[i] != '[') ++i;
        return i;
    }
    std::size_t depth = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '"') {
            i = past_string(s, i);
            if (i == std::string_view::npos) return i;
            continue;
        }
        if (c == '{' || c == '[') ++depth;
        if ((c == '}' || c == ']') && --depth == 0) return i + 1;
        ++i;
    }
    return std::string_view::npos;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// Whether the integer literal [digits) fits 64 bits: signed when negative, unsigned otherwise.
bool fits_64_bits(std::string_view digits, bool negative) {
    const std::string_view limit = negative ? "9223372036854775808" : "18446744073709551615";
    while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
    return digits.size() < limit.size() || (digits.size() == limit.size() && digits <= limit);
}

}  // namespace

std::vector<JsonTextSpan> json_text_spans(std::string_view s, std::size_t* open_at) {
    std::vector<JsonTextSpan> spans;
    if (open_at != nullptr) *open_at = std::string_view::npos;
    std::size_t i = 0;
    while (i < s.size()) {
        if (separator(s[i])) {
            ++i;
            continue;
        }
        if (const std::size_t bom = bom_at(s, i); bom != 0) {
            i += bom;
            continue;
        }
        const std::size_t end = past_value(s, i);
        if (end == std::string_view::npos) {
            if (open_at != nullptr) *open_at = i;
            break;
        }
        spans.push_back({i, end});
        i = end;
    }
    return spans;
}

std::string quote_big_integers(std::string_view text, bool& changed) {
    changed = false;
    std::string out;
    out.reserve(text.size() + 16);
    for (std::size_t i = 0; i < text.size();) {
        if (text[i] == '"') {
            const std::size_t end = std::min(past_string(text, i), text.size());
            out.append(text, i, end - i);
            i = end;
            continue;
        }
        const bool negative = text[i] == '-';
        const std::size_t start = i + (negative ? 1 : 0);
        const bool number_start = digit(text[i]) || (negative && start < text.size() && digit(text[start]));
        const bool after_value = !out.empty() && (digit(out.back()) || out.back() == '.' || out.back() == 'e' ||
                                                  out.back() == 'E' || out.back() == '+' || out.back() == '-');
        if (!number_start || after_value) {
            out += text[i++];
            continue;
        }
        std::size_t end = start;
        while (end < text.size() && digit(text[end])) ++end;
        const bool integer = end == text.size() || (text[end] != '.' && text[end] != 'e' && text[end] != 'E');
        if (integer && !fits_64_bits(text.substr(start, end - start), negative)) {
            out += '"';
            out.append(text, i, end - i);
            out += '"';
            changed = true;
        } else {
            out.append(text, i, end - i);
        }
        i = end;
    }
    return out;
}

}  // namespace kuril
