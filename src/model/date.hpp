#pragma once
// A calendar day (proleptic Gregorian), as used by every dated record. Intervals are half-open
// [from, to): `to` is the first day on which the record no longer holds.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kuril {

class Date {
public:
    Date() = default;
    Date(int year, unsigned month, unsigned day);

    // Parses exactly "YYYY-MM-DD"; returns nullopt for anything else or for a day that does not
    // exist (1855-02-30).
    static std::optional<Date> parse(std::string_view text);
    static Date from_days(long days_since_1970);
    static Date today_utc();  // honours SOURCE_DATE_EPOCH, for reproducible builds

    [[nodiscard]] int year() const;
    [[nodiscard]] unsigned month() const;
    [[nodiscard]] unsigned day() const;
    [[nodiscard]] long days() const { return days_; }  // days since 1970-01-01
    [[nodiscard]] std::string iso() const;
    // OpenHistoricalMap's decimal year: year + (days since 1 January) / (days in the year).
    [[nodiscard]] double decimal_year() const;

    friend auto operator<=>(const Date&, const Date&) = default;

private:
    long days_ = 0;
};

// Half-open interval [from, to); an open end (no `to`) runs on to today and beyond.
struct Interval {
    Date from;
    std::optional<Date> to;

    [[nodiscard]] bool contains(const Date& d) const { return from <= d && (!to || d < *to); }
    [[nodiscard]] bool overlaps(const Interval& o) const {
        return (!o.to || from < *o.to) && (!to || o.from < *to);
    }
    [[nodiscard]] std::string str() const;
};

}  // namespace kuril
