#include "util/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

#include <fmt/format.h>

#include "util/error.hpp"
#include "util/parallel.hpp"

namespace kuril {

namespace fs = std::filesystem;

std::string read_file(const fs::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        throw Error(fmt::format("cannot open {}: {}", file.string(), std::strerror(errno)));
    }
    std::string out;
    struct stat st {};
    if (::fstat(fd, &st) == 0 && st.st_size > 0) out.reserve(static_cast<std::size_t>(st.st_size));
    char buf[1 << 16];
    while (true) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            throw Error(fmt::format("cannot read {}: {}", file.string(), std::strerror(err)));
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
    }
    ::close(fd);
    return out;
}

namespace {

// Writes all of `content` to fd; `written` counts the bytes before it, for the message.
void write_all(int fd, const fs::path& file, std::string_view content, std::uint64_t written, std::uint64_t total) {
    std::size_t done = 0;
    while (done < content.size()) {
        const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            const int err = n < 0 ? errno : ENOSPC;
            ::close(fd);
            throw OutputError(fmt::format("cannot write {} ({} of {} bytes written): {}", file.string(), written + done,
                                          total, std::strerror(err)));
        }
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

void write_file(const fs::path& file, std::string_view content) { write_file(file, std::vector<std::string_view>{content}); }

void write_file(const fs::path& file, const std::vector<std::string_view>& pieces) {
    std::uint64_t total = 0;
    for (const auto& p : pieces) total += p.size();
    write_file(file, pieces.size(), total, [&](std::size_t i, std::string&) { return pieces[i]; });
}

void write_file(const fs::path& file, std::size_t count, std::uint64_t total, const PieceFn& piece) {
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        throw OutputError(fmt::format("cannot create {}: {}", file.string(), std::strerror(errno)));
    }
    constexpr std::size_t kBuffer = 1U << 20U;  // small pieces gathered into writes of about 1 MiB
    std::string buffer;
    std::string scratch;
    std::uint64_t written = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::string_view p = piece(i, scratch);
        if (buffer.size() + p.size() > kBuffer && !buffer.empty()) {
            write_all(fd, file, buffer, written, total);
            written += buffer.size();
            buffer.clear();
        }
        if (p.size() >= kBuffer) {
            write_all(fd, file, p, written, total);
            written += p.size();
        } else {
            buffer += p;
        }
    }
    write_all(fd, file, buffer, written, total);
    if (::close(fd) != 0) {
        throw OutputError(fmt::format("cannot close {}: {}", file.string(), std::strerror(errno)));
    }
}

bool link_file(const fs::path& existing, const fs::path& file) {
    if (::link(existing.c_str(), file.c_str()) == 0) return true;
    const int err = errno;
    if (err == EPERM || err == EOPNOTSUPP || err == EXDEV || err == EMLINK || err == ENOSYS) {
        return false;
    }
    throw OutputError(
        fmt::format("cannot create {} as a link to {}: {}", file.string(), existing.string(), std::strerror(err)));
}

bool same_content(const fs::path& file, std::string_view content, std::string& scratch) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat st {};
    bool same = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && static_cast<std::uint64_t>(st.st_size) == content.size();
    if (same) {
        scratch.resize(content.size());
        std::size_t got = 0;
        while (got < content.size()) {
            const ssize_t n = ::read(fd, scratch.data() + got, content.size() - got);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) break;
            got += static_cast<std::size_t>(n);
        }
        same = got == content.size() && std::string_view(scratch.data(), got) == content;
    }
    ::close(fd);
    return same;
}

namespace {

// Unlinks every entry of `dir` that is not a directory (symbolic links included, never followed), by
// name in the open directory (unlinkat(2): no walk down the whole path for each file), and appends the
// directories in it to `subdirs`. The names are read first, then unlinked.
void empty_directory(const fs::path& dir, std::vector<fs::path>& subdirs) {
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return;
    DIR* d = ::fdopendir(fd);
    if (d == nullptr) {
        ::close(fd);
        return;
    }
    std::vector<std::string> files;
    while (const dirent* e = ::readdir(d)) {
        const std::string_view name = e->d_name;
        if (name == "." || name == "..") continue;
        bool is_dir = e->d_type == DT_DIR;
        if (e->d_type == DT_UNKNOWN) {  // a file system that does not say: ask
            struct stat st {};
            is_dir = ::fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
        }
        if (is_dir) {
            subdirs.push_back(dir / e->d_name);
        } else {
            files.emplace_back(name);
        }
    }
    for (const auto& f : files) (void)::unlinkat(fd, f.c_str(), 0);
    ::closedir(d);  // closes fd too
}

}  // namespace

void remove_tree(const fs::path& root) noexcept {
    std::error_code ec;
    const fs::file_status st = fs::symlink_status(root, ec);
    if (ec || !fs::exists(st)) return;
    if (!fs::is_directory(st)) {
        fs::remove(root, ec);
        return;
    }
    try {
        // Level by level, each directory read once: its files unlinked, its directories the next level's.
        const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1U, 4U);
        std::vector<fs::path> dirs;  // every directory, each before those inside it
        std::vector<fs::path> level{root};
        while (!level.empty()) {
            std::vector<std::vector<fs::path>> found(level.size());
            parallel_for(level.size(), threads, [] { return 0; }, [&](std::size_t i, int) { empty_directory(level[i], found[i]); });
            dirs.insert(dirs.end(), level.begin(), level.end());
            level.clear();
            for (auto& f : found) level.insert(level.end(), f.begin(), f.end());
        }
        for (auto d = dirs.rbegin(); d != dirs.rend(); ++d) (void)::rmdir(d->c_str());
    } catch (...) {  // no memory or no thread: what is left goes the slow way
        fs::remove_all(root, ec);
    }
}

void copy_file_contents(const fs::path& from, const fs::path& to) { write_file(to, read_file(from)); }

}  // namespace kuril
