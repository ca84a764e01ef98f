#include "cli/version.hpp"

#include <fmt/format.h>
#include <gdal.h>
#include <geos_c.h>
#include <proj.h>

#include "util/version.hpp"

#ifndef KURIL_COMMIT
#define KURIL_COMMIT "unknown"
#endif

namespace kuril::cli {

std::string version_text() {
    return fmt::format("kuril {} (commit {})\nGDAL {}, GEOS {}, PROJ {}", kVersion, KURIL_COMMIT,
                       GDALVersionInfo("RELEASE_NAME"), GEOSversion(), proj_info().version);
}

}  // namespace kuril::cli
