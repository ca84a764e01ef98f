#include "util/files.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
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

// `root` and every directory under it, each before the directories inside it (symbolic links not followed).
std::vector<fs::path> directories_under(const fs::path& root) {
    std::vector<fs::path> dirs{root};
    std::error_code ec;
    for (std::size_t i = 0; i < dirs.size(); ++i) {
        for (fs::directory_iterator it(dirs[i], ec), end; !ec && it != end; it.increment(ec)) {
            if (it->is_directory(ec) && !it->is_symlink(ec)) dirs.push_back(it->path());
        }
    }
    return dirs;
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
        const std::vector<fs::path> dirs = directories_under(root);
        const unsigned threads = std::clamp(std::thread::hardware_concurrency(), 1U, 4U);
        parallel_for(dirs.size(), threads, [] { return 0; }, [&](std::size_t i, int) {
            // unlinkat(2) by name in the open directory: no walk down the whole path for each file.
            const int fd = ::open(dirs[i].c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (fd < 0) return;
            std::error_code dir_ec;
            for (fs::directory_iterator it(dirs[i], dir_ec), end; !dir_ec && it != end; it.increment(dir_ec)) {
                std::error_code entry_ec;
                if (!it->is_directory(entry_ec) || it->is_symlink(entry_ec)) {
                    (void)::unlinkat(fd, it->path().filename().c_str(), 0);
                }
            }
            ::close(fd);
        });
        for (auto d = dirs.rbegin(); d != dirs.rend(); ++d) (void)::rmdir(d->c_str());
    } catch (...) {  // no memory or no thread: what is left goes the slow way
        fs::remove_all(root, ec);
    }
}

void copy_file_contents(const fs::path& from, const fs::path& to) { write_file(to, read_file(from)); }

}  // namespace kuril
