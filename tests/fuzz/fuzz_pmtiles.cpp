// libFuzzer target: the PMTiles v3 header and metadata reader. Any input must parse or give InputError.
#include <cstddef>
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "tiles/containers/tile_reader.hpp"
#include "util/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string archive(reinterpret_cast<const char*>(data), size);
    try {
        (void)kuril::tiles::read_pmtiles_metadata(archive, "fuzz.pmtiles");
    } catch (const kuril::Error&) {
    } catch (const nlohmann::json::exception&) {
    }
    return 0;
}
