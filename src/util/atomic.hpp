#pragma once
// Outputs appear whole or not at all: a file is written beside its target and renamed over it; a
// directory is built beside its target and swapped in with one renameat2(RENAME_EXCHANGE).
#include <filesystem>
#include <string_view>

namespace kuril {

// Writes `content` to `target` atomically (temporary file in the same directory, fsync, rename).
void write_file_atomic(const std::filesystem::path& target, std::string_view content);

// A directory being built; commit() puts it in place of `target` in one step. If commit() is never
// reached (an error, an exception), the destructor removes it and `target` is untouched.
class StagingDir {
public:
    explicit StagingDir(std::filesystem::path target);
    StagingDir(const StagingDir&) = delete;
    StagingDir& operator=(const StagingDir&) = delete;
    ~StagingDir();

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return staging_; }
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path staging_;
    bool committed_ = false;
};

// A file being written by a library that wants a path (SQLite, GDAL); commit() renames it over
// `target`. Removed by the destructor if never committed.
class StagingFile {
public:
    explicit StagingFile(std::filesystem::path target);
    StagingFile(const StagingFile&) = delete;
    StagingFile& operator=(const StagingFile&) = delete;
    ~StagingFile();

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return staging_; }
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path staging_;
    bool committed_ = false;
};

// Removes staging directories and files left by runs that were killed (their process is gone).
void remove_stale_staging(const std::filesystem::path& target);

}  // namespace kuril
