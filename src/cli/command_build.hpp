#pragma once
#include "cli/command.hpp"
#include "cli/options.hpp"

namespace kuril::cli {

// kuril build: derives every layer and writes output/ (GeoJSON and GeoPackage) atomically.
class CommandBuild final : public Command {
public:
    [[nodiscard]] std::string name() const override { return "build"; }
    [[nodiscard]] std::string description() const override;
    void add_options(CLI::App& app) override;
    void setup() override;
    [[nodiscard]] Outcome run() override;

private:
    CommonOptions options_;
    std::string output_ = "output";
    std::string styles_ = "styles";
};

}  // namespace kuril::cli
