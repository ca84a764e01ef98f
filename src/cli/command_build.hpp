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
    // Everything but the tiles into `dir`; returns the number of features written.
    std::size_t write_outputs(const geom::Context& ctx, const Atlas& atlas, const std::vector<Layer>& layers,
                              const std::filesystem::path& dir, const Progress& progress) const;
    // Vector tiles of the dataset's layers into `dir`: kuril.pmtiles, kuril.mbtiles, xyz/; the z/x/y tiles
    // that equal those of the build being replaced (in `previous`) are linked to them. Returns the tile count.
    std::size_t write_tilesets(const geom::Context& ctx, const std::vector<Layer>& layers, const Date& today,
                               const std::filesystem::path& dir, const std::filesystem::path& previous,
                               const Progress& progress) const;

    // The print maps into `dir`: one per epoch and today's in each point of view (PDF, SVG), and the atlas.
    void write_maps(const Atlas& atlas, const std::vector<Layer>& layers, const std::filesystem::path& dir,
                    const Date& today, const Progress& progress) const;
    // The web viewer into `dir`: the page, the MapLibre style, the npm packages' dist files, and the
    // style's glyph ranges (fonts/) for the code points of the label names.
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
