#pragma once
#include <string>

#include "cli/command.hpp"
#include "model/region.hpp"

namespace kuril::cli {

// kuril import-coastline: regenerates geodata/land.geojsonl (the record's land, GSHHG full) and
// geodata/context.geojsonl (the land around it, GSHHG high) and geodata/locator.geojsonl (the western
// Pacific of the locator maps, GSHHG low) from the installed GSHHG data.
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
    std::string context_output_;  // default: <geodata>/context.geojsonl, unless -o or --region is given
    std::string locator_output_;  // default: <geodata>/locator.geojsonl, unless -o or --region is given
    bool quiet_ = false;
    Frame frame_ = kRecordFrame;
};

}  // namespace kuril::cli
