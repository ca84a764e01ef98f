#include "util/progress.hpp"

#include <cstdio>
#include <unistd.h>

namespace kuril {

Progress::Progress(bool quiet) : enabled_(!quiet && isatty(STDERR_FILENO) == 1) {}

void Progress::step(std::string_view message) const {
    if (enabled_) {
        std::fprintf(stderr, "kuril: %.*s\n", static_cast<int>(message.size()), message.data());
    }
}

}  // namespace kuril
