// libFuzzer target: one line of the coastline extract (a GeoJSON Feature). Any input must give a valid
// polygon or InputError naming the line, never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "read/land_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const kuril::geom::Context ctx;
    try {
        (void)kuril::parse_land_line(ctx, std::string_view(reinterpret_cast<const char*>(data), size),
                                     kuril::Location{"fuzz.geojsonl", 1, {}});
    } catch (const kuril::InputError&) {
    } catch (const kuril::GeometryError&) {
    }
    return 0;
}
