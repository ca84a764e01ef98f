#include "cli/options.hpp"

#include <fmt/format.h>

#include "util/error.hpp"

namespace kuril::cli {

void CommonOptions::add(Arguments& args) {
    args.option("--geodata", geodata, "directory of the input tables and land polygons").show_default();
    args.option("--today", today,
                   "the day open periods run to, YYYY-MM-DD (default: SOURCE_DATE_EPOCH, else the system clock)");
    args.flag("-q,--quiet", quiet, "no progress output");
}

void CommonOptions::check() const {
    if (!std::filesystem::is_directory(geodata)) {
        throw UsageError(fmt::format("--geodata {}: not a directory", geodata));
    }
    if (!today.empty()) {
        (void)parse_date_option("--today", today);
    }
}

Date CommonOptions::today_date() const { return today.empty() ? Date::today_utc() : parse_date_option("--today", today); }

Date parse_date_option(const std::string& option, const std::string& value) {
    const auto d = Date::parse(value);
    if (!d) {
        throw UsageError(fmt::format("{} '{}' is not a real day (YYYY-MM-DD)", option, value));
    }
    return *d;
}

}  // namespace kuril::cli
