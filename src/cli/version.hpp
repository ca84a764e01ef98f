#pragma once
// `kuril --version`: the version, the commit it was built from, and the GDAL, GEOS and PROJ it runs with.
#include <string>

namespace kuril::cli {

[[nodiscard]] std::string version_text();

}  // namespace kuril::cli
