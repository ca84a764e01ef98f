#pragma once
// One subcommand of `kuril`. setup() checks the arguments without touching any file; run() does the
// work and reports success or failure; only main() turns that, or an exception, into an exit code.
#include <string>

#include "cli/arguments.hpp"

namespace kuril::cli {

enum class Outcome { ok, problems_found };

class Command {
public:
    virtual ~Command() = default;
    [[nodiscard]] virtual std::string name() const = 0;
    [[nodiscard]] virtual std::string description() const = 0;
    virtual void add_options(Arguments& args) = 0;
    virtual void setup() = 0;
    [[nodiscard]] virtual Outcome run() = 0;
};

}  // namespace kuril::cli
