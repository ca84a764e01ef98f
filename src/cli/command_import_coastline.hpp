#pragma once
#include <string>

#include "cli/command.hpp"
#include "model/region.hpp"

namespace kuril::cli {

// kuril import-coastline: regenerates geodata/land.geojsonl from the installed GSHHG full data.
class CommandImportCoastline final : public Command {
public:
    [[nodiscard]] std::string name() const override { return "import-coastline"; }
    [[nodiscard]] std::string description() const override;
    void add_options(Arguments& args) override;
    void setup() override;
    [[nodiscard]] Outcome run() override;

private:
    std::string geodata_ = "geodata";  // written to: never the installed copy
    std::string region_;  // W/E/S/N; default: the Kuril region
    std::string output_;  // default: <geodata>/land.geojsonl
    bool quiet_ = false;
    Region parsed_region_ = kKurilRegion;
};

}  // namespace kuril::cli
