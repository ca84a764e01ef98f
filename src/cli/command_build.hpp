#pragma once
#include <filesystem>
#include <vector>

#include "cli/command.hpp"
#include "cli/options.hpp"
#include "geom/geos.hpp"
#include "model/layer.hpp"
#include "util/progress.hpp"

namespace kuril {
class Atlas;
}

namespace kuril::cli {

// kuril build: derives every layer and writes output/ (GeoJSON and GeoPackage) atomically.
class CommandBuild final : public Command {
public:
    [[nodiscard]] std::string name() const override { return "build"; }
    [[nodiscard]] std::string description() const override;
    void add_options(Arguments& args) override;
    void setup() override;
    [[nodiscard]] Outcome run() override;

private:
    // Vector tiles of the dataset's layers into `dir`: kuril.pmtiles, kuril.mbtiles, xyz/. Returns the tile count.
    std::size_t write_outputs(const geom::Context& ctx, const Atlas& atlas, const std::vector<Layer>& layers,
                              const std::filesystem::path& dir, const Progress& progress) const;
    std::size_t write_tilesets(const geom::Context& ctx, const std::vector<Layer>& layers,
                               const std::filesystem::path& dir, const Progress& progress) const;

    // The web viewer into `dir`: the page, the MapLibre style, the npm packages' dist files, and the
    // style's glyph ranges (fonts/) for the code points of the label names.
    void write_maps(const Atlas& atlas, const std::vector<Layer>& layers, const std::filesystem::path& dir,
                    const Date& today, const Progress& progress) const;
    void write_viewer(const std::filesystem::path& dir, const std::vector<Layer>& layers, const Progress& progress) const;

    CommonOptions options_;
    std::string output_ = "output";
    std::string styles_ = shipped("styles");
    bool no_tiles_ = false;
    std::string web_ = shipped("web");
    bool no_viewer_ = false;
    bool no_maps_ = false;
};

}  // namespace kuril::cli
