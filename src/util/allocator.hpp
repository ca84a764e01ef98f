#pragma once
// The C library's allocator, set up for a batch run whose phases (reading, tiling the low zooms, the
// partitions) each free most of what the previous one allocated.
namespace kuril {

// With glibc: blocks of 1 MiB and more always come from mmap and go back to the system when freed (by
// default the threshold rises to the largest block freed, so that a phase's big buffers stay in the heap,
// fragmented, after the phase), and at most one arena per core (by default eight per core: each new pool
// thread may take a fresh arena and keep its pages). Measured on world z0-8 with the tiler's own savings
// (bench/world.sh; /usr/bin/time): 286 MiB without the threshold, 204 MiB with it. A lower threshold
// saves little more and costs much: at 128 KiB z0-10 took 0.45x of 3d5030d's wall time instead of 0.31x,
// in page faults and munmap (every clipped ring of a few thousand points mapped and unmapped).
// Elsewhere than glibc: nothing.
void tune_allocator();

}  // namespace kuril
