#include <catch2/catch.hpp>

#include "model/date.hpp"

using kuril::Date;
using kuril::Interval;

TEST_CASE("Date::parse accepts real days only", "[model][date]") {
    CHECK(Date::parse("1855-02-07"));
    CHECK(Date::parse("1904-02-29"));         // leap year
    CHECK_FALSE(Date::parse("1855-02-30"));   // no such day
    CHECK_FALSE(Date::parse("1900-02-29"));   // 1900 is not a Gregorian leap year
    CHECK_FALSE(Date::parse("1855-13-01"));
    CHECK_FALSE(Date::parse("1855-2-7"));
    CHECK_FALSE(Date::parse("1855-02-07 "));
    CHECK_FALSE(Date::parse(""));
    CHECK(Date::parse("1945-08-28")->iso() == "1945-08-28");
}

TEST_CASE("decimal years follow OpenHistoricalMap (days since 1 January / days in year)", "[model][date]") {
    CHECK(Date(1855, 1, 1).decimal_year() == Approx(1855.0));
    CHECK(Date(1855, 2, 7).decimal_year() == Approx(1855 + 37.0 / 365));
    CHECK(Date(2000, 12, 31).decimal_year() == Approx(2000 + 365.0 / 366));
}

TEST_CASE("intervals are half-open", "[model][date]") {
    const Interval a{Date(1855, 2, 7), Date(1875, 8, 22)};
    CHECK(a.contains(Date(1855, 2, 7)));
    CHECK_FALSE(a.contains(Date(1875, 8, 22)));
    const Interval b{Date(1875, 8, 22), std::nullopt};
    CHECK_FALSE(a.overlaps(b));
    CHECK(b.contains(Date(2500, 1, 1)));
    CHECK(a.overlaps(Interval{Date(1875, 8, 21), std::nullopt}));
}
