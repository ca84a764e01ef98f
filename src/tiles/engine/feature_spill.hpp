#pragma once
// Source features written to and read back from a temporary file, so that a large input can be
// tiled a part at a time (tiles/partitioned.hpp). The format is private to one run: host byte order,
// no versioning; nothing outside the process reads it.
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "tiles/engine/source.hpp"

namespace kuril::tiles {

class SpillWriter {
public:
    explicit SpillWriter(std::filesystem::path file);  // created (truncated)
    ~SpillWriter();
    SpillWriter(const SpillWriter&) = delete;
    SpillWriter& operator=(const SpillWriter&) = delete;

    void write(std::uint32_t layer, const SourceFeature& f);
    void close();  // flushes; throws OutputError when the disk refused
    [[nodiscard]] std::uint64_t bytes() const noexcept { return bytes_; }
    [[nodiscard]] std::uint64_t features() const noexcept { return features_; }
    [[nodiscard]] std::uint64_t points() const noexcept { return points_; }  // point features among them
    [[nodiscard]] const std::filesystem::path& file() const noexcept { return file_; }

private:
    void put(const void* p, std::size_t n);
    std::filesystem::path file_;
    std::FILE* f_ = nullptr;
    std::uint64_t bytes_ = 0;
    std::uint64_t features_ = 0;
    std::uint64_t points_ = 0;
};

// Calls fn(layer, feature) for every record of a spill file, in the order written.
template <typename Fn>
void read_spill(const std::filesystem::path& file, Fn&& fn);

// Non-template core of read_spill: returns false at the end of the file.
class SpillReader {
public:
    explicit SpillReader(const std::filesystem::path& file);
    ~SpillReader();
    SpillReader(const SpillReader&) = delete;
    SpillReader& operator=(const SpillReader&) = delete;
    bool next(std::uint32_t& layer, SourceFeature& f);

private:
    void get(void* p, std::size_t n);
    std::uint32_t u32();
    Path path();
    TagValue value();
    std::filesystem::path file_;
    std::FILE* f_ = nullptr;
};

template <typename Fn>
void read_spill(const std::filesystem::path& file, Fn&& fn) {
    SpillReader r(file);
    std::uint32_t layer = 0;
    SourceFeature f;
    while (r.next(layer, f)) {
        fn(layer, std::move(f));
        f = SourceFeature{};
    }
}

}  // namespace kuril::tiles
