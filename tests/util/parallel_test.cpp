// The parallel loop (util/parallel).
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
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
    std::atomic<int> ran{0};
    CHECK_THROWS_WITH(parallel_for(
                          100000, 2, [] { return 0; },
                          [&](std::size_t i, int&) {
                              ++ran;
                              if (i == 10) throw std::runtime_error("tile 10 failed");
                          }),
                      "tile 10 failed");
    CHECK(ran < 100000);
}
