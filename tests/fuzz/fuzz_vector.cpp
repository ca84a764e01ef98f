// libFuzzer target: the input reader of `kuril tiles` (read/geojson_reader: the form of the text —
// document, or a sequence of texts however separated (json_texts) — simdjson, then our conversion: position checks,
// antimeridian and pole splits, ring closure, attributes; and GDAL where a document does not parse).
// Any input must give tiler features or InputError naming the feature, never a crash.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include <cpl_error.h>
#include <unistd.h>

#include "read/vector_reader.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = [] {
        CPLSetErrorHandler(CPLQuietErrorHandler);
        return "/dev/shm/kuril-fuzz-" + std::to_string(::getpid()) + ".geojson";
    }();
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    try {
        kuril::VectorReadOptions options;
        options.threads = 2;
        (void)kuril::read_vector(path, options);
    } catch (const kuril::InputError&) {
    }
    std::remove(path.c_str());
    return 0;
}
