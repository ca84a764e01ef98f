#include "util/allocator.hpp"

#include <algorithm>
#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace kuril {

void tune_allocator() {
#if defined(__GLIBC__)
    constexpr int kMmapThreshold = 1024 * 1024;
    constexpr int kTrimThreshold = 64 * 1024 * 1024;
    const int cores = static_cast<int>(std::max(1U, std::thread::hardware_concurrency()));
    // mallopt returns 0 when it refuses a value; the defaults then stay, which is only slower or larger.
    (void)mallopt(M_MMAP_THRESHOLD, kMmapThreshold);
    (void)mallopt(M_TRIM_THRESHOLD, kTrimThreshold);
    (void)mallopt(M_ARENA_MAX, std::max(2, cores));
#endif
}

void release_free_memory() {
#if defined(__GLIBC__)
    (void)malloc_trim(0);
#endif
}

}  // namespace kuril
