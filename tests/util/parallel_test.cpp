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

TEST_CASE("run_together: tasks run at once, all finish, the first listed failure reaches the caller",
          "[util][parallel]") {
    // The two tasks wait for each other: only threads running at once get past the first wait.
    std::atomic<int> arrived{0};
    auto meet = [&] {
        ++arrived;
        for (int i = 0; i < 5000 && arrived < 2; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
        if (arrived < 2) throw std::runtime_error("ran alone");
    };
    CHECK_NOTHROW(run_together({meet, meet}));
    std::atomic<bool> slow_done{false};
    CHECK_THROWS_WITH(run_together({[&] {
                                        std::this_thread::sleep_for(std::chrono::milliseconds(50));
                                        slow_done = true;
                                        throw std::runtime_error("first listed");
                                    },
                                    [] { throw std::runtime_error("first thrown"); }}),
                      "first listed");
    CHECK(slow_done);  // waited for, though the other had failed long before
}
