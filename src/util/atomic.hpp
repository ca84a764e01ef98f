#pragma once
// Outputs appear whole or not at all: a file is written beside its target and renamed over it; a
// directory is built beside its target and swapped in with one renameat2(RENAME_EXCHANGE).
#include <filesystem>
#include <string_view>

#include "util/files.hpp"

namespace kuril {

// Writes `content` to `target` atomically: a temporary file in the same directory, fsync, rename, fsync of
// the directory (so that after a power loss the target is the old file or the new one, never empty).
void write_file_atomic(const std::filesystem::path& target, std::string_view content);

// An output being made beside its target: a directory built in place (commit() swaps it in with one
// renameat2(RENAME_EXCHANGE)), or a file written by a library that wants a path (SQLite, GDAL; commit()
// renames it over the target). If commit() is never reached (an error, an exception), the destructor
// removes it and the target is untouched. commit() makes the staged data durable before the rename
// (fsync of a file; syncfs(2) of the filesystem for a directory tree, one call instead of one per file)
// and the rename durable after it (fsync of the parent directory), as SQLite and git do.
class Staging {
public:
    enum class Kind { file, directory };
    Staging(std::filesystem::path target, Kind kind);
    Staging(const Staging&) = delete;
    Staging& operator=(const Staging&) = delete;
    ~Staging();

    [[nodiscard]] const std::filesystem::path& path() const noexcept { return staging_; }
    void commit();

private:
    std::filesystem::path target_;
    std::filesystem::path staging_;
    Kind kind_;
    bool committed_ = false;
};

struct StagingDir : Staging {
    explicit StagingDir(std::filesystem::path target) : Staging(std::move(target), Kind::directory) {}
};
struct StagingFile : Staging {
    explicit StagingFile(std::filesystem::path target) : Staging(std::move(target), Kind::file) {}
};

// Removes staging directories and files left by runs that were killed (their process is gone).
void remove_stale_staging(const std::filesystem::path& target);

}  // namespace kuril
