#include "write/distance_field.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace kuril {

namespace {

// The lower envelope of the parabolas (q, f[q]) sampled at 0..n−1 (Felzenszwalb & Huttenlocher §2.1).
// f is read with `stride`; d, v and z are scratch of n, n and n + 1.
void transform_1d(float* f, std::size_t stride, std::size_t n, std::vector<float>& d, std::vector<std::size_t>& v,
                  std::vector<float>& z) {
    const auto at = [&](std::size_t q) { return f[q * stride]; };
    const auto cross = [&](std::size_t q, std::size_t r) {  // where the parabolas of q and r meet, q > r
        const auto fq = static_cast<double>(at(q)), fr = static_cast<double>(at(r));
        const auto dq = static_cast<double>(q), dr = static_cast<double>(r);
        return static_cast<float>(((fq + dq * dq) - (fr + dr * dr)) / (2 * dq - 2 * dr));
    };
    std::size_t k = 0;
    v[0] = 0;
    z[0] = -std::numeric_limits<float>::infinity();
    z[1] = std::numeric_limits<float>::infinity();
    for (std::size_t q = 1; q < n; ++q) {
        float s = cross(q, v[k]);
        while (s <= z[k]) {  // z[0] = −∞ ends it
            --k;
            s = cross(q, v[k]);
        }
        ++k;
        v[k] = q;
        z[k] = s;
        z[k + 1] = std::numeric_limits<float>::infinity();
    }
    k = 0;
    for (std::size_t q = 0; q < n; ++q) {
        while (z[k + 1] < static_cast<float>(q)) ++k;
        const auto dq = static_cast<float>(q) - static_cast<float>(v[k]);
        d[q] = dq * dq + at(v[k]);
    }
    for (std::size_t q = 0; q < n; ++q) f[q * stride] = d[q];
}

}  // namespace

void squared_distance_transform(std::vector<float>& grid, std::size_t w, std::size_t h) {
    const std::size_t n = std::max(w, h);
    std::vector<float> d(n), z(n + 1);
    std::vector<std::size_t> v(n);
    for (std::size_t x = 0; x < w; ++x) transform_1d(grid.data() + x, w, h, d, v, z);
    for (std::size_t y = 0; y < h; ++y) transform_1d(grid.data() + y * w, 1, w, d, v, z);
}

std::vector<std::uint8_t> signed_distance_field(const Coverage& c, std::size_t border, double radius, double cutoff,
                                                std::size_t supersample) {
    const std::size_t n = supersample, pad = border * n;
    const std::size_t w = c.width + 2 * pad, h = c.height + 2 * pad;
    // outer: squared distance to the covered part, measured from samples outside it; inner the reverse.
    std::vector<float> outer(w * h, kFar), inner(w * h, 0.0F);
    for (std::size_t y = 0; y < c.height; ++y) {
        const std::uint8_t* row = c.rows + static_cast<std::ptrdiff_t>(y) * c.pitch;
        for (std::size_t x = 0; x < c.width; ++x) {
            const std::size_t i = (y + pad) * w + x + pad;
            const float a = static_cast<float>(row[x]) / 255.0F;
            if (a <= 0) continue;
            if (a >= 1) {
                outer[i] = 0;
                inner[i] = kFar;
                continue;
            }
            const float e = 0.5F - a;  // the outline lies e samples outside this centre (inside when negative)
            outer[i] = e > 0 ? e * e : 0;
            inner[i] = e < 0 ? e * e : 0;
        }
    }
    squared_distance_transform(outer, w, h);
    squared_distance_transform(inner, w, h);
    const std::size_t fw = w / n, fh = h / n;
    std::vector<std::uint8_t> field(fw * fh);
    for (std::size_t y = 0; y < fh; ++y) {
        for (std::size_t x = 0; x < fw; ++x) {
            double sum = 0;
            for (std::size_t sy = y * n; sy < (y + 1) * n; ++sy) {
                for (std::size_t sx = x * n; sx < (x + 1) * n; ++sx) {
                    sum += std::sqrt(static_cast<double>(outer[sy * w + sx])) -
                           std::sqrt(static_cast<double>(inner[sy * w + sx]));
                }
            }
            const double dist = sum / static_cast<double>(n * n * n);  // mean over the samples, in pixels
            const double value = 255.0 - 255.0 * (dist / radius + cutoff);
            field[y * fw + x] = static_cast<std::uint8_t>(std::clamp(std::lround(value), 0L, 255L));
        }
    }
    return field;
}

}  // namespace kuril
