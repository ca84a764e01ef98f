#pragma once
// The C library's allocator, set up for a batch run whose phases (reading, tiling the low zooms, the
// partitions) each free most of what the previous one allocated.
namespace kuril {

// With glibc: blocks of 128 KiB and more always come from mmap and go back to the system when freed
// (by default the threshold rises to the largest block freed, so that a phase's big buffers stay in the
// heap, fragmented, after the phase), and at most one arena per core (by default eight per core: each new
// pool thread may take a fresh arena and keep its pages). World z0-8 (bench/world.sh): peak 392 -> 267 MiB,
// wall time no worse. Elsewhere: nothing.
void tune_allocator();

}  // namespace kuril
