#pragma once
// Runs another program (Ghostscript for the press PDF) without a shell: its arguments are passed as they
// are, whatever a path holds.
#include <string>
#include <vector>

namespace kuril {

// Runs argv[0] (looked up in PATH) with the arguments, in this process's environment plus `env` ("NAME=value",
// replacing a variable of that name); throws ExternalProgramError with the exit status and the end of what it
// wrote to stderr when it cannot be started or does not exit with 0.
void run_program(const std::vector<std::string>& argv, const std::vector<std::string>& env = {});

}  // namespace kuril
