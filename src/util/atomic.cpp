#include "util/atomic.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <fmt/format.h>

#include "util/error.hpp"
#include "util/files.hpp"

namespace kuril {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view kStagingMark = ".kuril-tmp-";

fs::path staging_name(const fs::path& target) {
    return target.parent_path() / fmt::format("{}{}{}", target.filename().string(), kStagingMark, ::getpid());
}

bool exchange(const fs::path& a, const fs::path& b) {
#ifdef SYS_renameat2
    constexpr unsigned kRenameExchange = 2;  // RENAME_EXCHANGE
    return syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), kRenameExchange) == 0;
#else
    return false;
#endif
}

void sync_fd(int fd, const fs::path& path, bool whole_filesystem) {
    const int rc = whole_filesystem ? ::syncfs(fd) : ::fsync(fd);
    if (rc != 0) {
        const int err = errno;
        ::close(fd);
        throw OutputError(fmt::format("cannot sync {} to disk: {}", path.string(), std::strerror(err)));
    }
    ::close(fd);
}

// fsync(2) of one file or directory; with whole_filesystem, syncfs(2) of the filesystem that holds it.
void sync_path(const fs::path& path, bool whole_filesystem = false) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw OutputError(fmt::format("cannot open {} to sync it: {}", path.string(), std::strerror(errno)));
    }
    sync_fd(fd, path, whole_filesystem);
}

fs::path parent_of(const fs::path& p) { return p.parent_path().empty() ? fs::path(".") : p.parent_path(); }

}  // namespace

void write_file_atomic(const fs::path& target, std::string_view content) {
    StagingFile staged(target);
    write_file(staged.path(), content);
    staged.commit();
}

Staging::Staging(fs::path target, Kind kind) : target_(std::move(target)), staging_(staging_name(target_)), kind_(kind) {
    fs::remove_all(staging_);
    if (kind_ == Kind::directory) {
        fs::create_directories(staging_);
    }
}

Staging::~Staging() {
    if (!committed_) remove_tree(staging_);
}

void Staging::commit() {
    sync_path(staging_, kind_ == Kind::directory);  // the data, before the name points to it
    if (kind_ == Kind::directory && fs::exists(target_)) {
        if (!exchange(staging_, target_)) {
            throw OutputError(fmt::format("cannot swap {} into place: {}", target_.string(), std::strerror(errno)));
        }
        committed_ = true;
        remove_tree(staging_);  // now holds the previous output; a leftover goes with the next run
        sync_path(parent_of(target_));  // the swap itself
    } else {
        fs::rename(staging_, target_);
        committed_ = true;
        sync_path(parent_of(target_));
    }
}

void remove_stale_staging(const fs::path& target) {
    const fs::path dir = parent_of(target);
    if (!fs::is_directory(dir)) {
        return;
    }
    const std::string prefix = target.filename().string() + std::string(kStagingMark);
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (name.rfind(prefix, 0) != 0) {
            continue;
        }
        const long pid = std::strtol(name.c_str() + prefix.size(), nullptr, 10);
        const bool alive = pid > 0 && (::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM);
        if (!alive || pid == ::getpid()) {
            std::error_code ec;
            fs::remove_all(entry.path(), ec);
        }
    }
}

}  // namespace kuril
