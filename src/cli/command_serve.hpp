#pragma once
#include <string>

#include "cli/command.hpp"

namespace kuril::cli {

// kuril serve: a local HTTP server for output/ (viewer, PMTiles with Range, z/x/y from the MBTiles).
class CommandServe final : public Command {
public:
    [[nodiscard]] std::string name() const override { return "serve"; }
    [[nodiscard]] std::string description() const override;
    void add_options(Arguments& args) override;
    void setup() override;
    [[nodiscard]] Outcome run() override;

private:
    std::string root_ = "output";
    std::string bind_ = "127.0.0.1";
    int port_ = 8080;
    bool quiet_ = false;
};

}  // namespace kuril::cli
