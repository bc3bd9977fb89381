// Huge pages for the heap that start-up fills. Every fresh 4 KiB page costs a fault when it is
// first written, and the main thread writes tens of megabytes before the first frame (the
// driver's copies of the model, its render targets, the overlay's buffers): on a virtual
// machine with a software rasteriser, those faults were a third of the time to the first
// frame. The heap is grown once by `bytes` and that range asked to come in 2 MiB pages
// (transparent huge pages, madvise). Once start-up is over, the range goes back to small pages
// and the free space inside it is returned. What stays resident beyond small pages is the
// untouched part of blocks allocated in huge pages: reserved just before the renderer is made
// (after the driver's own set-up, which allocates much it never writes), about 4.5 MB.
//
// Only the main thread's heap (glibc's main arena) is concerned: other threads' allocations
// (the model read on the world thread) are mapped apart. Nothing changes where malloc is
// replaced (a sanitizer's allocator), or where the kernel's transparent huge pages are not in
// "madvise" mode: "never" refuses them, and "always" gives them to every heap already.
#pragma once

#include <cstddef>

namespace core {

// On the main thread, just before the allocations it is for, with malloc's mmap threshold
// above 16 MiB (main sets 32): the heap is grown by a 16 MiB allocation. Until release, the
// heap is neither padded less nor trimmed. Returns the bytes advised (0: none).
std::size_t reserveStartupHugePages(std::size_t bytes);
// Once start-up is over: small pages again, the free space returned, and malloc's padding and
// trim threshold set to `trimThreshold` and glibc's default padding. Does nothing if nothing
// was reserved, or a second time.
void releaseStartupHugePages(std::size_t trimThreshold);
// Returns the heap's free memory to the system (malloc_trim): after the renderer let go of a
// level's render targets, which the trim threshold would otherwise keep resident.
void giveBackFreeHeap();
// The kernel's transparent huge page mode, from /sys: "always", "madvise", "never", or empty
// where it has none.
const char* transparentHugePageMode();

} // namespace core
