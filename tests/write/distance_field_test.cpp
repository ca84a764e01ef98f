// The Euclidean distance transform and the glyph field made from it (write/distance_field).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>

#include "write/distance_field.hpp"

using namespace kuril;

namespace {

// min over q of |p − q|² + f(q), by trying every q.
std::vector<float> brute_force(const std::vector<float>& f, std::size_t w, std::size_t h) {
    std::vector<float> d(w * h);
    for (std::size_t p = 0; p < w * h; ++p) {
        double best = kFar;
        for (std::size_t q = 0; q < w * h; ++q) {
            if (f[q] >= kFar) continue;
            const double dx = double(p % w) - double(q % w), dy = double(p / w) - double(q / w);
            best = std::min(best, dx * dx + dy * dy + f[q]);
        }
        d[p] = static_cast<float>(best);
    }
    return d;
}

}  // namespace

TEST_CASE("squared_distance_transform equals the distance to the nearest source, tried one by one", "[write][sdf]") {
    std::mt19937 rng(7);
    for (int round = 0; round < 20; ++round) {
        const std::size_t w = 1 + rng() % 13, h = 1 + rng() % 11;
        std::vector<float> grid(w * h, kFar);
        for (auto& cell : grid) {
            if (rng() % 4 == 0) cell = static_cast<float>(rng() % 5) * 0.25F;  // a source, offset as coverage does
        }
        grid[rng() % grid.size()] = 0;  // at least one
        const auto expected = brute_force(grid, w, h);
        squared_distance_transform(grid, w, h);
        for (std::size_t i = 0; i < grid.size(); ++i) {
            INFO(w << "x" << h << " cell " << i);
            CHECK(grid[i] == Approx(expected[i]).margin(1e-4));
        }
    }
}

TEST_CASE("signed_distance_field: one covered pixel, distances to its centre, MapLibre's encoding", "[write][sdf]") {
    const std::uint8_t covered = 255;
    const auto field = signed_distance_field(Coverage{&covered, 1, 1, 1}, 3, 8, 0.25);
    REQUIRE(field.size() == 7 * 7);
    const auto at = [&](int x, int y) { return int(field[std::size_t(y) * 7 + std::size_t(x)]); };
    // 255 − 255·(d/8 + 0.25), d the distance outside: −1 on the pixel itself (its nearest uncovered
    // neighbour is a pixel away), 2 two pixels away, √2 on the diagonal, √18 at the corner.
    CHECK(at(3, 3) == 223);
    CHECK(at(5, 3) == 128);
    CHECK(at(3, 1) == 128);
    CHECK(at(4, 4) == std::lround(255 - 255 * (std::sqrt(2.0) / 8 + 0.25)));
    CHECK(at(0, 0) == std::lround(255 - 255 * (std::sqrt(18.0) / 8 + 0.25)));
}

TEST_CASE("signed_distance_field: coverage moves the edge, inside rises above the edge value", "[write][sdf]") {
    // A bar of full pixels, then a quarter-covered one (its centre a quarter pixel outside the outline),
    // then a three-quarters-covered one (a quarter pixel inside).
    const std::uint8_t bar[] = {255, 255, 255, 64, 0, 191, 255};
    const auto field = signed_distance_field(Coverage{bar, 7, 1, 7}, 0, 8, 0.25);
    const auto value = [](double d) { return std::lround(255 - 255 * (d / 8 + 0.25)); };
    CHECK(field[1] > field[2]);  // deeper inside, higher
    CHECK(field[2] > value(0));
    CHECK(std::abs(field[3] - value(0.25)) <= 1);
    CHECK(field[4] < value(0));  // beyond the outline
    CHECK(std::abs(field[5] - value(-0.25)) <= 1);
}

TEST_CASE("signed_distance_field: two samples a pixel, distances in pixels, averaged over the samples", "[write][sdf]") {
    // Two rows of eight samples: four covered, four not — two pixels in, two out, the edge between them.
    std::vector<std::uint8_t> samples(16, 0);
    for (std::size_t row = 0; row < 2; ++row) std::fill_n(samples.begin() + std::ptrdiff_t(row * 8), 4, 255);
    const auto field = signed_distance_field(Coverage{samples.data(), 8, 2, 8}, 1, 8, 0.25, 2);
    REQUIRE(field.size() == 6 * 3);  // (8/2 + 2) × (2/2 + 2): the border counts in pixels
    const auto value = [](double d) { return std::lround(255 - 255 * (d / 8 + 0.25)); };
    // The first pixel out: its samples 1 and 2 samples from the last covered one, 1.5 samples = 0.75 px.
    CHECK(field[1 * 6 + 3] == value(0.75));
    CHECK(field[1 * 6 + 4] == value(1.75));
    // Inside, the border above and below (one pixel high, the bar) is one sample from every covered sample.
    CHECK(field[1 * 6 + 2] == value(-0.5));
}
