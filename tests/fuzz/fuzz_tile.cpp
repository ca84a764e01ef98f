// libFuzzer target: the MVT decoder and checker, which reads tiles nobody vouches for. It must never
// crash or throw, whatever the bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "tiles/mvt/checker.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const kuril::geom::Context ctx;
    const auto t = kuril::tiles::check_tile(std::string_view(reinterpret_cast<const char*>(data), size), ctx);
    (void)t.valid();
    return 0;
}
