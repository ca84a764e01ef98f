#include "model/date.hpp"

#include <cstdlib>
#include <ctime>

#include <fmt/format.h>

namespace kuril {

namespace chr = std::chrono;

Date::Date(int year, unsigned month, unsigned day) {
    const chr::year_month_day ymd{chr::year{year}, chr::month{month}, chr::day{day}};
    days_ = chr::sys_days{ymd}.time_since_epoch().count();
}

std::optional<Date> Date::parse(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') {
        return std::nullopt;
    }
    auto digits = [&](std::size_t pos, std::size_t n) -> std::optional<int> {
        int v = 0;
        for (std::size_t i = pos; i < pos + n; ++i) {
            if (text[i] < '0' || text[i] > '9') {
                return std::nullopt;
            }
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    const auto y = digits(0, 4);
    const auto m = digits(5, 2);
    const auto d = digits(8, 2);
    if (!y || !m || !d) {
        return std::nullopt;
    }
    const chr::year_month_day ymd{chr::year{*y}, chr::month{static_cast<unsigned>(*m)},
                                  chr::day{static_cast<unsigned>(*d)}};
    if (!ymd.ok()) {
        return std::nullopt;
    }
    return Date{*y, static_cast<unsigned>(*m), static_cast<unsigned>(*d)};
}

Date Date::from_days(long days_since_1970) {
    Date d;
    d.days_ = days_since_1970;
    return d;
}

Date Date::today_utc() {
    std::time_t now = std::time(nullptr);
    if (const char* sde = std::getenv("SOURCE_DATE_EPOCH"); sde != nullptr && *sde != '\0') {
        now = static_cast<std::time_t>(std::strtoll(sde, nullptr, 10));
    }
    return from_days(static_cast<long>(now / 86400));
}

namespace {
chr::year_month_day ymd_of(long days) { return chr::year_month_day{chr::sys_days{chr::days{days}}}; }
}  // namespace

int Date::year() const { return static_cast<int>(ymd_of(days_).year()); }
unsigned Date::month() const { return static_cast<unsigned>(ymd_of(days_).month()); }
unsigned Date::day() const { return static_cast<unsigned>(ymd_of(days_).day()); }

std::string Date::iso() const { return fmt::format("{:04d}-{:02d}-{:02d}", year(), month(), day()); }

double Date::decimal_year() const {
    const int y = year();
    const long jan1 = Date{y, 1, 1}.days();
    const long next = Date{y + 1, 1, 1}.days();
    return y + static_cast<double>(days_ - jan1) / static_cast<double>(next - jan1);
}

std::string Interval::str() const { return fmt::format("[{}, {})", from.iso(), to ? to->iso() : "open"); }

}  // namespace kuril
