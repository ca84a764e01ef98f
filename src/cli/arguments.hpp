#pragma once
// The command line: `kuril <command> [options]`. Commands declare their options by name, bound to their
// own members (Arguments); the parsing is CLI11's, compiled in cli/arguments.cpp alone, so that no
// command's file includes CLI11 (a header-only library that costs ~7 s of compiling per file using it).
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace CLI {
class App;
class Option;
}  // namespace CLI

namespace kuril::cli {

// The options of one command. Names as `-o,--output`, or a bare name for a positional argument; each
// modifier (required, show_default, range) applies to the option declared just before it.
class Arguments {
public:
    explicit Arguments(CLI::App& app) : app_(app) {}
    Arguments& option(const std::string& names, std::string& value, const std::string& help);
    Arguments& option(const std::string& names, std::vector<std::string>& values, const std::string& help);
    Arguments& option(const std::string& names, int& value, const std::string& help);
    Arguments& option(const std::string& names, unsigned& value, const std::string& help);
    Arguments& option(const std::string& names, std::size_t& value, const std::string& help);
    Arguments& option(const std::string& names, double& value, const std::string& help);
    Arguments& flag(const std::string& names, bool& value, const std::string& help);
    Arguments& required();
    Arguments& show_default();  // `--help` shows the member's value as the default
    Arguments& range(int min, int max);

private:
    CLI::Option& last();
    CLI::App& app_;
    CLI::Option* last_ = nullptr;
};

// The program's command line: its commands, --help and --version.
class CommandLine {
public:
    CommandLine(const std::string& description, const std::string& version);
    ~CommandLine();
    CommandLine(const CommandLine&) = delete;
    CommandLine& operator=(const CommandLine&) = delete;

    [[nodiscard]] Arguments add_command(const std::string& name, const std::string& description);

    struct Parsed {
        std::optional<std::size_t> command;  // the index (order of add_command) of the command to run
        bool ok = true;  // false: a usage error, already printed with its help
    };
    // Parses argv. No command: --help or --version was answered (ok), or a usage error was printed (not ok).
    [[nodiscard]] Parsed parse(int argc, char** argv);

private:
    std::unique_ptr<CLI::App> app_;
    std::vector<CLI::App*> commands_;
};

}  // namespace kuril::cli
