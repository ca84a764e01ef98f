#pragma once
#include "cli/command.hpp"
#include "cli/options.hpp"

namespace kuril::cli {

// kuril check: validates every input and reports every problem with file, line and record id.
class CommandCheck final : public Command {
public:
    [[nodiscard]] std::string name() const override { return "check"; }
    [[nodiscard]] std::string description() const override;
    void add_options(Arguments& args) override { options_.add(args); }
    void setup() override { options_.check(); }
    [[nodiscard]] Outcome run() override;

private:
    CommonOptions options_;
};

}  // namespace kuril::cli
