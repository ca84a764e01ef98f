#pragma once
// Where the shipped data is: geodata/, styles/ and web/ in the working directory (a source tree), else
// in the installed data directory (cmake --install, the Debian package: <prefix>/share/kuril/).
#include <filesystem>
#include <string>

namespace kuril::cli {

// `relative` ("geodata", "styles/palette.json") if it exists from the working directory, else the same
// under the installed data directory if it exists there, else `relative` (setup() then names it).
[[nodiscard]] std::string shipped(const std::string& relative);

// The installed data directory: <prefix>/share/kuril beside this binary's <prefix>/bin.
[[nodiscard]] const std::filesystem::path& installed_data_dir();

}  // namespace kuril::cli
