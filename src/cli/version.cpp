#include "cli/version.hpp"

#include <fmt/format.h>
#include <gdal.h>
#include <geos_c.h>
#include <proj.h>

#ifndef KURIL_VERSION
#define KURIL_VERSION "unknown"
#endif
#ifndef KURIL_COMMIT
#define KURIL_COMMIT "unknown"
#endif

namespace kuril::cli {

std::string version_text() {
    return fmt::format("kuril {} (commit {})\nGDAL {}, GEOS {}, PROJ {}", KURIL_VERSION, KURIL_COMMIT,
                       GDALVersionInfo("RELEASE_NAME"), GEOSversion(), proj_info().version);
}

}  // namespace kuril::cli
