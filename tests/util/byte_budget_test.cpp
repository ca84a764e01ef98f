// The byte budget shared by threads (util/byte_budget).
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <thread>
#include <vector>

#include "util/byte_budget.hpp"
#include "util/parallel.hpp"

using namespace kuril;

namespace {

// Holds `claims` on `threads` threads, each for a millisecond; the most bytes ever held at once.
std::uint64_t most_held(std::uint64_t limit, const std::vector<std::uint64_t>& claims, unsigned threads) {
    ByteBudget budget(limit);
    std::atomic<std::uint64_t> held{0};
    std::atomic<std::uint64_t> most{0};
    parallel_for(claims.size(), threads, [] { return 0; }, [&](std::size_t i, int&) {
        const ByteBudget::Hold hold(budget, claims[i]);
        const std::uint64_t now = held += claims[i];
        std::uint64_t seen = most;
        while (now > seen && !most.compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
        held -= claims[i];
    });
    return most;
}

}  // namespace

TEST_CASE("ByteBudget: claims held at once never exceed the budget", "[util][byte_budget]") {
    const std::vector<std::uint64_t> claims{60, 50, 40, 30, 30, 20, 10, 10, 10, 10, 5, 5};
    CHECK(most_held(60, claims, 4) <= 60);
    // Small claims do run side by side (the budget is not a lock).
    CHECK(most_held(60, std::vector<std::uint64_t>(40, 10), 4) > 10);
}

TEST_CASE("ByteBudget: a claim larger than the budget runs alone instead of waiting for ever", "[util][byte_budget]") {
    const std::vector<std::uint64_t> claims{100, 10, 10, 10};
    CHECK(most_held(50, claims, 2) <= 100);
}
