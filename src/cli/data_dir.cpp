#include "cli/data_dir.hpp"

#include <filesystem>

namespace kuril::cli {

namespace fs = std::filesystem;

// Relative to the binary (<prefix>/bin/kuril -> <prefix>/share/kuril), so that any prefix works: the
// Debian package's /usr, cmake --install's /usr/local, or a folder of one's own.
const fs::path& installed_data_dir() {
    static const fs::path dir = [] {
        std::error_code ec;
        const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
        return ec ? fs::path("/usr/share/kuril") : exe.parent_path().parent_path() / "share" / "kuril";
    }();
    return dir;
}

std::string shipped(const std::string& relative) {
    std::error_code ec;
    if (fs::exists(relative, ec)) return relative;
    const fs::path installed = installed_data_dir() / relative;
    if (fs::exists(installed, ec)) return installed.string();
    return relative;
}

}  // namespace kuril::cli
