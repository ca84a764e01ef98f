// The parallel loop (util/parallel).
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "util/parallel.hpp"

using namespace kuril;

TEST_CASE("parallel_for: every index once, state made once per thread", "[util][parallel]") {
    std::vector<std::atomic<int>> seen(1000);
    std::atomic<int> states{0};
    parallel_for(seen.size(), 4, [&] { return ++states; }, [&](std::size_t i, int&) { ++seen[i]; });
    for (const auto& s : seen) CHECK(s == 1);
    CHECK(states >= 1);
    CHECK(states <= 4);
}

TEST_CASE("parallel_for: the first exception stops the loop and reaches the caller", "[util][parallel]") {
    // Each other index takes 50 µs, so finishing the loop would take seconds; throwing and catching
    // takes far less even under AddressSanitizer, whose first throw is slow (with instant indices the
    // other thread used to finish all of them while the exception was still being unwound).
    constexpr std::size_t n = 100000;
    std::atomic<std::size_t> ran{0};
    CHECK_THROWS_WITH(parallel_for(
                          n, 2, [] { return 0; },
                          [&](std::size_t i, int&) {
                              ++ran;
                              if (i == 10) throw std::runtime_error("tile 10 failed");
                              std::this_thread::sleep_for(std::chrono::microseconds(50));
                          }),
                      "tile 10 failed");
    CHECK(ran < n / 2);
}
