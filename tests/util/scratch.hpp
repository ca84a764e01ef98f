#pragma once
// A scratch directory for one test, named by the process (two suites may run at once), removed after.
#include <unistd.h>

#include <filesystem>
#include <string>

namespace kuril::test {

class Scratch {
public:
    explicit Scratch(const std::string& name)
        : dir_(std::filesystem::temp_directory_path() / ("kuril-" + name + "-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(dir_);
        std::filesystem::create_directories(dir_);
    }
    ~Scratch() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
    [[nodiscard]] std::filesystem::path operator/(const std::string& name) const { return dir_ / name; }

private:
    std::filesystem::path dir_;
};

}  // namespace kuril::test
