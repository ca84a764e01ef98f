#include "cli/arguments.hpp"

#include <CLI/CLI.hpp>

namespace kuril::cli {

Arguments& Arguments::option(const std::string& names, std::string& value, const std::string& help) {
    last_ = app_.add_option(names, value, help);
    return *this;
}

Arguments& Arguments::option(const std::string& names, std::vector<std::string>& values, const std::string& help) {
    last_ = app_.add_option(names, values, help);
    return *this;
}

Arguments& Arguments::option(const std::string& names, int& value, const std::string& help) {
    last_ = app_.add_option(names, value, help);
    return *this;
}

Arguments& Arguments::option(const std::string& names, unsigned& value, const std::string& help) {
    last_ = app_.add_option(names, value, help);
    return *this;
}

Arguments& Arguments::option(const std::string& names, std::size_t& value, const std::string& help) {
    last_ = app_.add_option(names, value, help);
    return *this;
}

Arguments& Arguments::option(const std::string& names, double& value, const std::string& help) {
    last_ = app_.add_option(names, value, help);
    return *this;
}

Arguments& Arguments::flag(const std::string& names, bool& value, const std::string& help) {
    last_ = app_.add_flag(names, value, help);
    return *this;
}

CLI::Option& Arguments::last() {
    if (last_ == nullptr) {
        throw std::logic_error("an option modifier before any option");
    }
    return *last_;
}

Arguments& Arguments::required() {
    last().required();
    return *this;
}

Arguments& Arguments::show_default() {
    last().capture_default_str();
    return *this;
}

Arguments& Arguments::range(int min, int max) {
    last().check(CLI::Range(min, max));
    return *this;
}

CommandLine::CommandLine(const std::string& description, const std::string& version)
    : app_(std::make_unique<CLI::App>(description)) {
    app_->require_subcommand(1);
    app_->set_version_flag("--version", version);
}

CommandLine::~CommandLine() = default;

Arguments CommandLine::add_command(const std::string& name, const std::string& description) {
    commands_.push_back(app_->add_subcommand(name, description));
    return Arguments(*commands_.back());
}

CommandLine::Parsed CommandLine::parse(int argc, char** argv) {
    try {
        app_->parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return Parsed{std::nullopt, app_->exit(e) == 0};
    }
    for (std::size_t i = 0; i < commands_.size(); ++i) {
        if (commands_[i]->parsed()) return Parsed{i, true};
    }
    return Parsed{std::nullopt, false};
}

}  // namespace kuril::cli
