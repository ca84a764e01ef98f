#include "tiles/containers/pmtiles_reader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <protozero/exception.hpp>
#include <protozero/varint.hpp>

#include "tiles/gzip.hpp"
#include "util/error.hpp"

namespace kuril::tiles {

namespace {

constexpr std::size_t kHeaderBytes = 127;     // PMTiles v3 §"Header"
constexpr std::size_t kLeafCacheSize = 64;    // leaf directories kept in memory
constexpr int kMaxDepth = 3;                  // root, leaves, leaves of leaves (§"Directories")

}  // namespace

PmtilesArchive::PmtilesArchive(const std::filesystem::path& file) : file_(file) {
    fd_ = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    struct stat st {};
    if (fd_ < 0 || ::fstat(fd_, &st) != 0) {
        const int err = errno;
        if (fd_ >= 0) ::close(fd_);
        throw InputError(Location{file.string(), 0, {}}, fmt::format("cannot open: {}", std::strerror(err)));
    }
    size_ = static_cast<std::uint64_t>(st.st_size);
    if (size_ < kHeaderBytes) {
        ::close(fd_);
        throw InputError(Location{file.string(), 0, {}}, "not a PMTiles archive (shorter than its 127-byte header)");
    }
    try {
        header_ = read_pmtiles_header(read(0, kHeaderBytes), file.string());
        root_ = directory(header_.root_offset, header_.root_length);
    } catch (...) {
        ::close(fd_);
        throw;
    }
}

PmtilesArchive::~PmtilesArchive() { ::close(fd_); }

std::string PmtilesArchive::read(std::uint64_t offset, std::uint64_t length) const {
    if (offset > size_ || length > size_ - offset) {
        throw InputError(Location{file_.string(), 0, {}},
                         fmt::format("PMTiles range {}+{} lies past the end of the file ({} bytes)", offset, length, size_));
    }
    std::string out(length, '\0');
    std::size_t done = 0;
    while (done < length) {
        const ssize_t n = ::pread(fd_, out.data() + done, length - done, static_cast<off_t>(offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            throw InputError(Location{file_.string(), 0, {}},
                             fmt::format("cannot read {} bytes at {}: {}", length, offset, n < 0 ? std::strerror(errno) : "end of file"));
        }
        done += static_cast<std::size_t>(n);
    }
    return out;
}

// PMTiles v3 §"Directory": a varint count, then the tile ids (delta), run lengths, lengths and offsets
// (0: right after the previous entry, else offset + 1).
std::vector<PmtilesEntry> decode_pmtiles_directory(const std::string& buf, const Location& where) {
    const char* p = buf.data();
    const char* end = p + buf.size();
    try {
        const std::uint64_t n = protozero::decode_varint(&p, end);
        if (n > buf.size()) throw InputError(where, "PMTiles directory entry count is larger than the directory");
        std::vector<PmtilesEntry> e(n);
        std::uint64_t id = 0;
        for (auto& x : e) x.tile_id = id += protozero::decode_varint(&p, end);
        for (auto& x : e) x.run_length = protozero::decode_varint(&p, end);
        for (auto& x : e) x.length = protozero::decode_varint(&p, end);
        for (std::size_t i = 0; i < e.size(); ++i) {
            const std::uint64_t v = protozero::decode_varint(&p, end);
            if (v == 0 && i == 0) {
                throw InputError(where, "the first PMTiles directory entry has offset 0 (spec: offset + 1)");
            }
            e[i].offset = v == 0 ? e[i - 1].offset + e[i - 1].length : v - 1;
        }
        return e;
    } catch (const protozero::exception& ex) {
        throw InputError(where, fmt::format("malformed PMTiles directory: {}", ex.what()));
    }
}

std::vector<PmtilesArchive::Entry> PmtilesArchive::directory(std::uint64_t offset, std::uint64_t length) const {
    const std::string raw = read(offset, length);
    return decode_pmtiles_directory(header_.internal_compression == 2 ? gunzip(raw) : raw,
                                    Location{file_.string(), 0, fmt::format("directory at {}", offset)});
}

std::shared_ptr<const std::vector<PmtilesArchive::Entry>> PmtilesArchive::leaf(std::uint64_t offset, std::uint64_t length) {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (const auto it = leaves_.find(offset); it != leaves_.end()) {
            leaf_order_.remove(offset);
            leaf_order_.push_back(offset);
            return it->second;
        }
    }
    auto entries = std::make_shared<const std::vector<Entry>>(directory(header_.leaf_offset + offset, length));
    const std::lock_guard<std::mutex> lock(mutex_);
    if (leaves_.emplace(offset, entries).second) {
        leaf_order_.push_back(offset);
        if (leaves_.size() > kLeafCacheSize) {
            leaves_.erase(leaf_order_.front());
            leaf_order_.pop_front();
        }
    }
    return entries;
}

std::optional<std::string> PmtilesArchive::tile(const TileAddress& address) {
    const std::uint64_t id = pmtiles_id(address);
    const std::vector<Entry>* dir = &root_;
    std::shared_ptr<const std::vector<Entry>> held;
    for (int depth = 0; depth <= kMaxDepth; ++depth) {
        // The last entry whose tile id is at most `id`.
        const auto it = std::upper_bound(dir->begin(), dir->end(), id, [](std::uint64_t v, const Entry& e) { return v < e.tile_id; });
        if (it == dir->begin()) return std::nullopt;
        const Entry& e = *std::prev(it);
        if (e.run_length == 0) {  // a leaf directory covering the ids from e.tile_id
            held = leaf(e.offset, e.length);
            dir = held.get();
            continue;
        }
        if (id >= e.tile_id + e.run_length) return std::nullopt;
        return read(header_.data_offset + e.offset, e.length);
    }
    throw InputError(Location{file_.string(), 0, {}}, "leaf directories nested too deep");
}

std::string PmtilesArchive::metadata() {
    const std::string raw = read(header_.metadata_offset, header_.metadata_length);
    return header_.internal_compression == 2 ? gunzip(raw) : raw;
}

}  // namespace kuril::tiles
