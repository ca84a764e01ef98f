#pragma once
// A signed distance field from an anti-aliased coverage bitmap, as MapLibre's TinySDF makes one: each
// pixel's coverage a (0..1) places the outline half a pixel's coverage away from its centre, and the
// exact Euclidean distance transform of Felzenszwalb and Huttenlocher ("Distance Transforms of Sampled
// Functions", Theory of Computing 8, 2012: two passes of a linear-time 1-D transform) gives every pixel
// its distance to the outline, outside and inside.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace kuril {

// Squared distance transform in place: grid[p] becomes min over q of |p − q|² + grid[q] (w × h,
// row-major). A cell that holds kFar is one no distance is measured from.
inline constexpr float kFar = 1e20F;
void squared_distance_transform(std::vector<float>& grid, std::size_t w, std::size_t h);

struct Coverage {
    const std::uint8_t* rows = nullptr;  // 0 (empty) .. 255 (covered)
    std::size_t width = 0;
    std::size_t height = 0;
    std::ptrdiff_t pitch = 0;  // bytes from one row to the next
};

// The field over the bitmap plus `border` pixels on each side, (width + 2·border) × (height + 2·border)
// pixels of `supersample` × `supersample` coverage samples each (width and height are multiples of it):
// value = 255 − 255·(d/radius + cutoff), d the distance outside the outline in pixels (negative inside,
// the mean of the pixel's samples), rounded and clamped to 0..255 — the encoding of MapLibre's glyph
// ranges (edge at 255·(1 − cutoff)). Against the exact distance to a glyph's outline (FreeType's outline
// renderer, Noto Sans at 24 px), one sample a pixel is off by 4.5 levels on average near the edge, two
// by 2.5 (0.08 px).
[[nodiscard]] std::vector<std::uint8_t> signed_distance_field(const Coverage& c, std::size_t border, double radius,
                                                              double cutoff, std::size_t supersample = 1);

}  // namespace kuril
