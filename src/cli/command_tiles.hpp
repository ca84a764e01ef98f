#pragma once
#include <string>
#include <vector>

#include "cli/command.hpp"
#include "read/vector_reader.hpp"
#include "tiles/engine/tiler.hpp"
#include "util/progress.hpp"

namespace kuril::cli {

// kuril tiles -o OUT INPUT...: Mapbox Vector Tiles from any GDAL-readable vector input.
class CommandTiles final : public Command {
public:
    [[nodiscard]] std::string name() const override { return "tiles"; }
    [[nodiscard]] std::string description() const override;
    void add_options(Arguments& args) override;
    void setup() override;
    [[nodiscard]] Outcome run() override;

private:
    // Reads every input into memory and tiles it in one go.
    [[nodiscard]] tiles::TileSet tile_in_memory(const Progress& progress) const;
    // Streams the inputs into partitions (temporary files beside the output) and tiles them, largest first.
    [[nodiscard]] tiles::TileSet tile_partitioned(int zoom, const Progress& progress) const;
    [[nodiscard]] VectorReadOptions read_options() const;
    [[nodiscard]] tiles::TileOptions tile_options() const;
    void report_reductions(const tiles::TileSet& set) const;
    void report_thinning(const tiles::TileSet& set) const;
    void parse_thinning();

    std::string output_;
    std::vector<std::string> inputs_;
    int minzoom_ = 0;
    int maxzoom_ = 14;
    std::string maxzoom_text_ = "14";  // a zoom, or g: guessed from the points' spacing
    std::string base_zoom_text_;       // -B: a zoom, or g
    std::string drop_rate_text_;       // -r: a rate, or g
    tiles::ThinningOptions thinning_;
    std::string layer_;
    std::vector<std::string> include_;
    std::vector<std::string> exclude_;
    std::string name_;
    std::string attribution_;
    unsigned threads_ = 0;
    int partition_zoom_ = -1;  // -1: chosen by the inputs' size
    std::uint64_t max_tile_bytes_ = tiles::kMaxTileBytes;
    bool quiet_ = false;
};

}  // namespace kuril::cli
