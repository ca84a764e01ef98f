#include "tiles/tile_store.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <unistd.h>

#include <fmt/format.h>

#include "util/error.hpp"

namespace kuril::tiles {

namespace {

constexpr std::size_t kPending = 1U << 20U;  // bytes gathered before a write

}  // namespace

TileStore::TileStore(std::filesystem::path file) : file_(std::move(file)) {
    fd_ = ::open(file_.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd_ < 0) {
        throw OutputError(fmt::format("cannot create the temporary tile file {}: {}", file_.string(), std::strerror(errno)));
    }
    // Unlinked at once: the open descriptor keeps it, and nothing is left behind however the run ends.
    if (::unlink(file_.c_str()) != 0) {
        const int err = errno;
        ::close(fd_);
        throw OutputError(fmt::format("cannot unlink the temporary tile file {}: {}", file_.string(), std::strerror(err)));
    }
}

TileStore::~TileStore() { ::close(fd_); }

StoredTile TileStore::add(std::string_view bytes) {
    const std::uint64_t hash = std::hash<std::string_view>{}(bytes);
    const std::lock_guard lock(mutex_);
    for (auto [it, end] = by_hash_.equal_range(hash); it != end; ++it) {
        if (it->second.length == bytes.size() && equal(it->second, bytes)) return it->second;
    }
    const StoredTile t{flushed_ + pending_.size(), static_cast<std::uint32_t>(bytes.size())};
    pending_ += bytes;
    by_hash_.emplace(hash, t);
    if (pending_.size() >= kPending) flush();
    return t;
}

void TileStore::read(const StoredTile& t, std::string& out) const {
    const std::lock_guard lock(mutex_);  // the bytes may be among those not yet written
    read_unlocked(t, out);
}

void TileStore::read_unlocked(const StoredTile& t, std::string& out) const {
    out.resize(t.length);
    if (t.offset >= flushed_) {
        std::memcpy(out.data(), pending_.data() + (t.offset - flushed_), t.length);
        return;
    }
    std::size_t done = 0;
    while (done < t.length) {
        const ssize_t n = ::pread(fd_, out.data() + done, t.length - done, static_cast<off_t>(t.offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            throw Error(fmt::format("cannot read {} bytes at {} of the temporary tile file {}: {}", t.length, t.offset,
                                    file_.string(), n < 0 ? std::strerror(errno) : "the file is shorter"));
        }
        done += static_cast<std::size_t>(n);
    }
}

bool TileStore::equal(const StoredTile& t, std::string_view bytes) const {
    std::string stored;
    read_unlocked(t, stored);
    return stored == bytes;
}

void TileStore::flush() {
    std::size_t done = 0;
    while (done < pending_.size()) {
        const ssize_t n = ::pwrite(fd_, pending_.data() + done, pending_.size() - done, static_cast<off_t>(flushed_ + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            throw OutputError(fmt::format("cannot write the temporary tile file {} ({} bytes written): {}", file_.string(),
                                          flushed_ + done, n < 0 ? std::strerror(errno) : "no space"));
        }
        done += static_cast<std::size_t>(n);
    }
    flushed_ += pending_.size();
    pending_.clear();
}

std::uint64_t TileStore::bytes() const {
    const std::lock_guard lock(mutex_);
    return flushed_ + pending_.size();
}

std::uint64_t TileStore::contents() const {
    const std::lock_guard lock(mutex_);
    return by_hash_.size();  // one entry per distinct content
}

}  // namespace kuril::tiles
