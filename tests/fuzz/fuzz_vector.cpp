// libFuzzer target: the input reader of `kuril tiles` (GDAL's GeoJSON driver, then our conversion:
// position checks, antimeridian splits, ring closure, attributes). Any input must give tiler features
// or InputError naming the feature, never a crash.
#include <cstddef>
#include <cstdint>

#include <cpl_vsi.h>
#include <gdal.h>

#include "read/vector_reader.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const bool quiet = [] {
        CPLSetErrorHandler(CPLQuietErrorHandler);
        return true;
    }();
    (void)quiet;
    const char* path = "/vsimem/fuzz.geojson";
    VSIFCloseL(VSIFileFromMemBuffer(path, const_cast<GByte*>(data), size, FALSE));
    try {
        (void)kuril::read_vector(path, kuril::VectorReadOptions{});
    } catch (const kuril::InputError&) {
    }
    VSIUnlink(path);
    return 0;
}
