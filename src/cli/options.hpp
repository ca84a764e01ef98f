#pragma once
// Options several commands share, and their checks (run in setup(), before any file is touched).
#include <filesystem>
#include <optional>
#include <string>

#include "cli/arguments.hpp"

#include "cli/data_dir.hpp"
#include "model/date.hpp"
#include "read/dataset_reader.hpp"

namespace kuril::cli {

struct CommonOptions {
    std::string geodata = shipped("geodata");
    std::string today;  // blank: SOURCE_DATE_EPOCH or the system clock
    bool quiet = false;

    void add(Arguments& args);
    void check() const;  // throws UsageError
    [[nodiscard]] GeodataFiles files() const { return GeodataFiles{geodata}; }
    [[nodiscard]] Date today_date() const;
};

[[nodiscard]] Date parse_date_option(const std::string& option, const std::string& value);

}  // namespace kuril::cli
