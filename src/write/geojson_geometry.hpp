#pragma once
// RFC 7946 geometry text: fixed decimals, exterior rings counter-clockwise and holes clockwise
// (RFC 7946 §3.1.6), no crs member.
#include <string>

#include "geom/geos.hpp"

namespace kuril {

// "145.5" rather than "145.5000000"; never "-0".
[[nodiscard]] std::string format_number(double v, int decimals);
// The same, appended to `out` (no string of its own).
void append_number(std::string& out, double v, int decimals);
void append_geometry(std::string& out, const geom::Context& ctx, const geom::Geom& g, int decimals);

}  // namespace kuril
