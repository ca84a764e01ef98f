#pragma once
// A parallel loop over indices: each thread makes its own state once (an encoder, a GEOS context, a
// font face: things that must not be shared), then takes the next index until none is left. The
// first exception stops the other threads and is rethrown to the caller.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <functional>
#include <mutex>
#include <system_error>
#include <thread>
#include <vector>

namespace kuril {

// fn(i, state) for every i < n on up to `threads` threads (0: one per core); make_state() is called
// once on each thread that runs.
template <typename MakeState, typename Fn>
void parallel_for(std::size_t n, unsigned threads, MakeState make_state, Fn fn) {
    if (threads == 0) {
        threads = std::max(1U, std::thread::hardware_concurrency());
    }
    std::atomic<std::size_t> next{0};
    std::mutex failure_mutex;
    std::exception_ptr failure;
    auto worker = [&] {
        try {
            auto state = make_state();
            for (std::size_t i = next++; i < n; i = next++) {
                fn(i, state);
            }
        } catch (...) {
            const std::lock_guard<std::mutex> lock(failure_mutex);
            if (!failure) {
                failure = std::current_exception();
            }
            next = n;
        }
    };
    std::vector<std::thread> pool;
    try {
        for (unsigned t = 1; t < std::min<std::size_t>(threads, std::max<std::size_t>(n, 1)); ++t) {
            pool.emplace_back(worker);
        }
    } catch (const std::system_error&) {  // no more threads (EAGAIN): those made and this one do the work
    }
    worker();
    for (auto& t : pool) {
        t.join();
    }
    if (failure) {
        std::rethrow_exception(failure);
    }
}

// Runs independent tasks at once, each on a thread of its own (the first on the caller's), and waits for all
// of them. When tasks fail, the failure of the first in the list is rethrown (the others' are dropped): the
// same inputs give the same message, whichever thread failed first.
inline void run_together(const std::vector<std::function<void()>>& tasks) {
    std::vector<std::exception_ptr> failures(tasks.size());
    auto run = [&](std::size_t i) {
        try {
            tasks[i]();
        } catch (...) {
            failures[i] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    std::size_t started = 1;
    try {
        for (; started < tasks.size(); ++started) pool.emplace_back(run, started);
    } catch (const std::system_error&) {  // no more threads: the rest run here, one after the other
    }
    if (!tasks.empty()) run(0);
    for (std::size_t i = started; i < tasks.size(); ++i) run(i);
    for (auto& t : pool) t.join();
    for (const auto& f : failures) {
        if (f) std::rethrow_exception(f);
    }
}

}  // namespace kuril
