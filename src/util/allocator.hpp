#pragma once
// The C library's allocator, set up for a batch run whose phases (reading, tiling the low zooms, the
// partitions) each free most of what the previous one allocated.
namespace kuril {

// With glibc: blocks of 1 MiB and more always come from mmap and go back to the system when freed (by
// default the threshold rises to the largest block freed, so that a phase's big buffers stay in the heap,
// fragmented, after the phase), and at most one arena per core (by default eight per core: each new pool
// thread may take a fresh arena and keep its pages). A fixed threshold also freezes the trim threshold at
// 128 KiB, which made the heap shrink and grow again all the time (Kuril z0-14: 2.7 s, 2 s of it in the
// kernel), so it is set to 64 MiB. Measured (/usr/bin/time, world input of bench/world.sh): world z0-8
// 286 MiB without these settings, 198-208 MiB with them; a threshold of 128 KiB took z0-10 to 0.45x of
// 3d5030d's wall time instead of 0.33x (page faults, munmap). Kuril z0-14: 1.1-1.3 s without, 1.5 s with
// (3d5030d: 1.6-1.8 s). Elsewhere than glibc: nothing.
void tune_allocator();

// Gives the free pages inside the heap back to the system (glibc's malloc_trim: the free whole pages of
// every arena, not only the top), where a phase ends that freed much amid what lives on. Elsewhere than
// glibc: nothing.
void release_free_memory();

}  // namespace kuril
