#pragma once
#include "cli/command.hpp"
#include "cli/options.hpp"

namespace kuril::cli {

// kuril snapshot --date D: the land on day D dissolved per holder, status and points of view, as GeoJSON.
class CommandSnapshot final : public Command {
public:
    [[nodiscard]] std::string name() const override { return "snapshot"; }
    [[nodiscard]] std::string description() const override;
    void add_options(Arguments& args) override;
    void setup() override;
    [[nodiscard]] Outcome run() override;

private:
    CommonOptions options_;
    std::string date_;
    std::string output_;
};

}  // namespace kuril::cli
