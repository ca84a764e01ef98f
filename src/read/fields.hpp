#pragma once
// Typed fields of a CSV record; each throws an InputError that names the column and the bad value.
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "geom/geos.hpp"
#include "model/date.hpp"
#include "read/csv.hpp"

namespace kuril {

[[nodiscard]] std::string required(const CsvRecord& r, std::string_view column);
[[nodiscard]] Date date_field(const CsvRecord& r, std::string_view column);
[[nodiscard]] std::optional<Date> optional_date(const CsvRecord& r, std::string_view column);
// [valid_from, valid_to): valid_to blank = open; a reversed or empty interval is an error.
[[nodiscard]] Interval interval_field(const CsvRecord& r, std::string_view from, std::string_view to);
[[nodiscard]] double number_field(const CsvRecord& r, std::string_view column, double min, double max);
[[nodiscard]] std::optional<double> optional_number(const CsvRecord& r, std::string_view column, double min,
                                                    double max);
// A required value that must be one of `allowed` ("kind 'x' is not a, b or c" otherwise).
[[nodiscard]] std::string choice_field(const CsvRecord& r, std::string_view column,
                                       std::initializer_list<std::string_view> allowed);
// Columns lon and lat as a point in degrees (lon in ±180, lat in ±90).
[[nodiscard]] geom::XY lonlat_field(const CsvRecord& r);
[[nodiscard]] std::vector<std::string> list_field(const CsvRecord& r, std::string_view column);
[[nodiscard]] std::vector<std::string> split(std::string_view s, char sep);

}  // namespace kuril
