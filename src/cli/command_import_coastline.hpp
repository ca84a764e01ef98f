#pragma once
#include <string>

#include "cli/command.hpp"

namespace kuril::cli {

// kuril import-coastline: regenerates geodata/land.geojsonl from the installed GSHHG full data.
class CommandImportCoastline final : public Command {
public:
    [[nodiscard]] std::string name() const override { return "import-coastline"; }
    [[nodiscard]] std::string description() const override;
    void add_options(CLI::App& app) override;
    void setup() override;
    [[nodiscard]] Outcome run() override;

private:
    std::string geodata_ = "geodata";
    bool quiet_ = false;
};

}  // namespace kuril::cli
