// kuril: builds the Kuril Atlas dataset. Only this file chooses exit codes and adds hints.
#include <cstdio>
#include <memory>
#include <vector>

#include <cpl_error.h>

#include "cli/arguments.hpp"
#include "cli/command_build.hpp"
#include "cli/command_check.hpp"
#include "cli/command_check_tiles.hpp"
#include "cli/command_import_coastline.hpp"
#include "cli/command_serve.hpp"
#include "cli/command_map.hpp"
#include "cli/command_snapshot.hpp"
#include "cli/command_tiles.hpp"
#include "cli/version.hpp"
#include "util/allocator.hpp"
#include "util/diagnostics.hpp"
#include "util/error.hpp"

namespace {

enum ExitCode : int { kOk = 0, kProblems = 1, kUsage = 2, kFailure = 3 };

void print_problems(const kuril::Diagnostics& d) {
    for (const auto& p : d.problems()) {
        std::fprintf(stderr, "error: %s\n", p.str().c_str());
    }
    std::fprintf(stderr, "kuril: %zu problem(s) in the inputs; nothing was written\n", d.size());
}

// GDAL's own messages never reach the user raw ("ERROR 1: ..."): its errors are kept quiet here and
// reach the user inside the project's exceptions (CPLGetLastErrorMsg, with the file and feature first);
// its warnings are shown, marked as GDAL's.
void gdal_message(CPLErr level, CPLErrorNum /*code*/, const char* message) {
    if (level == CE_Warning) {
        std::fprintf(stderr, "warning: GDAL: %s\n", message);
    }
}

}  // namespace

int main(int argc, char** argv) {
    kuril::cli::CommandLine line("Kuril Atlas: real island geometry joined with a dated record of who held and "
                                 "claimed each island of the Kuril archipelago and each part of Sakhalin, 1855 to today.",
                                 kuril::cli::version_text());
    CPLSetErrorHandler(gdal_message);
    kuril::tune_allocator();
    std::vector<std::unique_ptr<kuril::cli::Command>> commands;
    commands.push_back(std::make_unique<kuril::cli::CommandBuild>());
    commands.push_back(std::make_unique<kuril::cli::CommandCheck>());
    commands.push_back(std::make_unique<kuril::cli::CommandSnapshot>());
    commands.push_back(std::make_unique<kuril::cli::CommandMap>());
    commands.push_back(std::make_unique<kuril::cli::CommandTiles>());
    commands.push_back(std::make_unique<kuril::cli::CommandCheckTiles>());
    commands.push_back(std::make_unique<kuril::cli::CommandServe>());
    commands.push_back(std::make_unique<kuril::cli::CommandImportCoastline>());
    for (auto& c : commands) {
        kuril::cli::Arguments args = line.add_command(c->name(), c->description());
        c->add_options(args);
    }
    const auto parsed = line.parse(argc, argv);
    if (!parsed.command) {
        return parsed.ok ? kOk : kUsage;
    }
    kuril::cli::Command* command = commands[*parsed.command].get();
    try {
        command->setup();
        return command->run() == kuril::cli::Outcome::ok ? kOk : kProblems;
    } catch (const kuril::UsageError& e) {
        std::fprintf(stderr, "kuril %s: %s\nhint: kuril %s --help\n", command->name().c_str(), e.what(),
                     command->name().c_str());
        return kUsage;
    } catch (const kuril::InvalidInputs& e) {
        print_problems(e.diagnostics());
        std::fprintf(stderr, "hint: kuril check lists every problem in geodata/\n");
        return kProblems;
    } catch (const kuril::InputError& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return kProblems;
    } catch (const kuril::ExternalProgramError& e) {
        std::fprintf(stderr, "kuril %s: %s\n", command->name().c_str(), e.what());
        if (e.program() == "gmt") {
            std::fprintf(stderr, "hint: the import needs GMT and the GSHHG full data: apt-get install gmt gmt-gshhg-full\n");
        }
        return kFailure;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kuril %s: %s\n", command->name().c_str(), e.what());
        return kFailure;
    }
}
