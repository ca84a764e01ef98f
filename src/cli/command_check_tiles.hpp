#pragma once
#include <string>

#include "cli/command.hpp"

namespace kuril::cli {

// kuril check-tiles PATH: decodes every tile and checks it against MVT 2.1 §4.
class CommandCheckTiles final : public Command {
public:
    [[nodiscard]] std::string name() const override { return "check-tiles"; }
    [[nodiscard]] std::string description() const override;
    void add_options(Arguments& args) override;
    void setup() override;
    [[nodiscard]] Outcome run() override;

private:
    std::string path_;
    std::size_t max_problems_ = 20;
};

}  // namespace kuril::cli
