#pragma once
// A budget of bytes shared by threads: a Hold waits until its bytes fit beside those already held (or
// nothing is held: a claim larger than the budget runs alone) and gives them back when it ends. The
// partitioned tiler holds each partition's spilled bytes while it tiles it, so that the partitions in
// memory at once weigh no more than the largest.
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace kuril {

class ByteBudget {
public:
    explicit ByteBudget(std::uint64_t limit) : limit_(limit) {}

    class Hold {
    public:
        Hold(ByteBudget& budget, std::uint64_t bytes) : budget_(budget), bytes_(bytes) { budget_.take(bytes_); }
        ~Hold() { budget_.give(bytes_); }
        Hold(const Hold&) = delete;
        Hold& operator=(const Hold&) = delete;

    private:
        ByteBudget& budget_;
        std::uint64_t bytes_;
    };

private:
    void take(std::uint64_t bytes) {
        std::unique_lock<std::mutex> lock(mutex_);
        freed_.wait(lock, [&] { return held_ == 0 || held_ + bytes <= limit_; });
        held_ += bytes;
    }
    void give(std::uint64_t bytes) {
        {
            const std::lock_guard<std::mutex> lock(mutex_);
            held_ -= bytes;
        }
        freed_.notify_all();
    }

    std::uint64_t limit_;
    std::uint64_t held_ = 0;
    std::mutex mutex_;
    std::condition_variable freed_;
};

}  // namespace kuril
