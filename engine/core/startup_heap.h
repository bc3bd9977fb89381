// Huge pages for the heap that start-up fills. Every fresh 4 KiB page costs a fault when it is
// first written, and start-up writes tens of megabytes (the model, the driver's buffers and
// render targets): on a virtual machine with a software rasteriser, those faults were a third
// of the time to the first frame. The heap is grown once by `bytes` and that range asked to
// come in 2 MiB pages (transparent huge pages, madvise). Once the first frame is shown, the
// range goes back to small pages and the free space inside it is returned, so the resident
// memory afterwards is what it would have been.
//
// Only for the heap of glibc's malloc (the main thread's arena): where malloc is replaced (a
// sanitizer's allocator) or the kernel has no transparent huge pages, nothing changes.
#pragma once

#include <cstddef>

namespace core {

// At the start of main, before the allocations it is for, and after malloc's mmap threshold is
// set above 16 MiB (main sets 32): the heap is grown with a 16 MiB allocation. Returns the
// bytes advised (0: none).
std::size_t reserveStartupHugePages(std::size_t bytes);
// Once start-up is over; does nothing if nothing was reserved, or a second time.
void releaseStartupHugePages();

} // namespace core
