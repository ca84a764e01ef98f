#pragma once
#include "cli/command.hpp"
#include "cli/options.hpp"
#include <vector>

#include "maps/map_spec.hpp"
#include "maps/renderer.hpp"

namespace kuril::cli {

// kuril map --date D [--view V] [--lang L] [--extent E] [--paper P] [--crs C] -o FILE.pdf|svg|png
class CommandMap final : public Command {
public:
    [[nodiscard]] std::string name() const override { return "map"; }
    [[nodiscard]] std::string description() const override;
    void add_options(Arguments& args) override;
    void setup() override;
    [[nodiscard]] Outcome run() override;

private:
    maps::MapResult render(const Atlas& atlas, const maps::MapData& data, maps::SheetCache& cache,
                           const maps::Palette& palette, const maps::Catalogues& words,
                           const std::string& out) const;

    CommonOptions options_;
    std::string date_, view_ = "neutral", lang_ = "en", extent_ = "chain", paper_ = "A4", crs_;
    std::vector<std::string> outputs_;  // one map, several files: PDF, SVG and PNG from one reading
    std::string palette_ = shipped("styles/palette.json");
    int dpi_ = 300;
    bool no_inset_ = false;
    bool pdfx_ = false;
    maps::MapSpec spec_;
};

}  // namespace kuril::cli
