#include "read/fields.hpp"

#include <charconv>
#include <cmath>

#include <fmt/format.h>

namespace kuril {

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = s.find(sep, start);
        std::string part(s.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
        while (!part.empty() && part.front() == ' ') {
            part.erase(part.begin());
        }
        while (!part.empty() && part.back() == ' ') {
            part.pop_back();
        }
        out.push_back(std::move(part));
        if (end == std::string_view::npos) {
            break;
        }
        start = end + 1;
    }
    return out;
}

std::string required(const CsvRecord& r, std::string_view column) {
    const std::string& v = r.get(column);
    if (v.empty()) {
        throw r.error(fmt::format("{} is empty", column));
    }
    return v;
}

Date date_field(const CsvRecord& r, std::string_view column) {
    const std::string v = required(r, column);
    const auto d = Date::parse(v);
    if (!d) {
        throw r.error(fmt::format("{} '{}' is not a real day (expected YYYY-MM-DD, proleptic Gregorian)", column, v));
    }
    return *d;
}

std::optional<Date> optional_date(const CsvRecord& r, std::string_view column) {
    if (r.get(column).empty()) {
        return std::nullopt;
    }
    return date_field(r, column);
}

Interval interval_field(const CsvRecord& r, std::string_view from, std::string_view to) {
    Interval iv{date_field(r, from), optional_date(r, to)};
    if (iv.to && !(iv.from < *iv.to)) {
        throw r.error(fmt::format("reversed or empty interval: {} {} is not before {} {}", from, iv.from.iso(), to,
                                  iv.to->iso()));
    }
    return iv;
}

std::optional<double> optional_number(const CsvRecord& r, std::string_view column, double min, double max) {
    const std::string& v = r.get(column);
    if (v.empty()) {
        return std::nullopt;
    }
    double d = 0;
    const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), d);
    if (ec != std::errc{} || ptr != v.data() + v.size() || !std::isfinite(d)) {
        throw r.error(fmt::format("{} '{}' is not a number", column, v));
    }
    if (d < min || d > max) {
        throw r.error(fmt::format("{} {} is outside [{}, {}]", column, v, min, max));
    }
    return d;
}

double number_field(const CsvRecord& r, std::string_view column, double min, double max) {
    const auto d = optional_number(r, column, min, max);
    if (!d) {
        throw r.error(fmt::format("{} is empty", column));
    }
    return *d;
}

std::string choice_field(const CsvRecord& r, std::string_view column, std::initializer_list<std::string_view> allowed) {
    std::string v = required(r, column);
    for (const auto a : allowed) {
        if (v == a) return v;
    }
    std::string list;
    std::size_t i = 0;
    for (const auto a : allowed) {
        list += (i == 0 ? "" : i + 1 == allowed.size() ? " or " : ", ") + std::string(a);
        ++i;
    }
    throw r.error(fmt::format("{} '{}' is not {}", column, v, list));
}

geom::XY lonlat_field(const CsvRecord& r) {
    return {number_field(r, "lon", -180, 180), number_field(r, "lat", -90, 90)};
}

std::vector<std::string> list_field(const CsvRecord& r, std::string_view column) {
    const std::string& v = r.get(column);
    if (v.empty()) {
        return {};
    }
    auto parts = split(v, ';');
    for (const auto& p : parts) {
        if (p.empty()) {
            throw r.error(fmt::format("{} '{}' has an empty item", column, v));
        }
    }
    return parts;
}

}  // namespace kuril
