#include "util/error.hpp"

#include <fmt/format.h>

namespace kuril {

std::string Location::str() const {
    std::string out = file;
    if (line > 0) {
        out += fmt::format(":{}", line);
    }
    if (!record.empty()) {
        out += fmt::format(": record '{}'", record);
    }
    return out;
}

InputError::InputError(Location where, const std::string& message)
    : Error(where.str() + ": " + message), where_(std::move(where)), reason_(message) {}

}  // namespace kuril
