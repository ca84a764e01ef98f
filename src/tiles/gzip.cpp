#include "tiles/gzip.hpp"

#include <memory>

#include <libdeflate.h>

#include "util/error.hpp"

namespace kuril::tiles {

namespace {
constexpr int kLevel = 6;
}

std::string gzip(std::string_view data) {
    // One compressor per thread, made once: at this level it is 652 KB, allocated and freed per tile before.
    using Compressor = std::unique_ptr<libdeflate_compressor, decltype(&libdeflate_free_compressor)>;
    thread_local const Compressor c(libdeflate_alloc_compressor(kLevel), libdeflate_free_compressor);
    if (!c) throw Error("gzip: no memory for the compressor");
    std::string out(libdeflate_gzip_compress_bound(c.get(), data.size()), '\0');
    const std::size_t n = libdeflate_gzip_compress(c.get(), data.data(), data.size(), out.data(), out.size());
    if (n == 0) {
        throw Error("gzip compression failed");
    }
    out.resize(n);
    out.shrink_to_fit();  // the bound is about the input's size: kept, it would triple a tile set in memory
    return out;
}

bool is_gzip(std::string_view data) { return data.size() >= 2 && data[0] == '\x1f' && data[1] == '\x8b'; }

std::string gunzip(std::string_view data) {
    std::unique_ptr<libdeflate_decompressor, decltype(&libdeflate_free_decompressor)> d(libdeflate_alloc_decompressor(),
                                                                                      libdeflate_free_decompressor);
    std::size_t size = data.size() * 4 + 1024;
    for (int attempt = 0; attempt < 8; ++attempt) {
        std::string out(size, '\0');
        std::size_t actual = 0;
        const auto r = libdeflate_gzip_decompress(d.get(), data.data(), data.size(), out.data(), out.size(), &actual);
        if (r == LIBDEFLATE_SUCCESS) {
            out.resize(actual);
            return out;
        }
        if (r != LIBDEFLATE_INSUFFICIENT_SPACE) {
            throw Error("not valid gzip data");
        }
        size *= 4;
    }
    throw Error("gzip data expands too much");
}

}  // namespace kuril::tiles
