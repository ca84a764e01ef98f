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

}  // namespace

void write_file_atomic(const fs::path& target, std::string_view content) {
    const fs::path tmp = staging_name(target);
    {
        const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) {
            throw OutputError(fmt::format("cannot create {}: {}", tmp.string(), std::strerror(errno)));
        }
        std::size_t done = 0;
        while (done < content.size()) {
            const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
            if (n < 0) {
                const int err = errno;
                ::close(fd);
                fs::remove(tmp);
                throw OutputError(fmt::format("cannot write {}: {}", tmp.string(), std::strerror(err)));
            }
            done += static_cast<std::size_t>(n);
        }
        ::fsync(fd);
        ::close(fd);
    }
    if (std::rename(tmp.c_str(), target.c_str()) != 0) {
        const int err = errno;
        fs::remove(tmp);
        throw OutputError(fmt::format("cannot rename {} to {}: {}", tmp.string(), target.string(), std::strerror(err)));
    }
}

Staging::Staging(fs::path target, Kind kind) : target_(std::move(target)), staging_(staging_name(target_)), kind_(kind) {
    fs::remove_all(staging_);
    if (kind_ == Kind::directory) {
        fs::create_directories(staging_);
    }
}

Staging::~Staging() {
    if (!committed_) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
}

void Staging::commit() {
    if (kind_ == Kind::directory && fs::exists(target_)) {
        if (!exchange(staging_, target_)) {
            throw OutputError(fmt::format("cannot swap {} into place: {}", target_.string(), std::strerror(errno)));
        }
        fs::remove_all(staging_);  // now holds the previous output
    } else {
        fs::rename(staging_, target_);
    }
    committed_ = true;
}

void remove_stale_staging(const fs::path& target) {
    const fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
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
