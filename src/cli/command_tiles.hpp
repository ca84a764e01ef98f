#pragma once
#include <string>
#include <vector>

#include "cli/command.hpp"

namespace kuril::cli {

// kuril tiles -o OUT INPUT...: Mapbox Vector Tiles from any GDAL-readable vector input.
class CommandTiles final : public Command {
public:
    [[nodiscard]] std::string name() const override { return "tiles"; }
    [[nodiscard]] std::string description() const override;
    void add_options(CLI::App& app) override;
    void setup() override;
    [[nodiscard]] Outcome run() override;

private:
    std::string output_;
    std::vector<std::string> inputs_;
    int minzoom_ = 0;
    int maxzoom_ = 14;
    std::string layer_;
    std::vector<std::string> include_;
    std::vector<std::string> exclude_;
    std::string name_;
    std::string attribution_;
    unsigned threads_ = 0;
    bool quiet_ = false;
};

}  // namespace kuril::cli
