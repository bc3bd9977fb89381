#include "core/startup_heap.h"

#include <cstdint>
#include <cstdlib>

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

namespace core {
namespace {

constexpr std::uintptr_t kHugePage = std::uintptr_t(2) << 20;
constexpr std::size_t kProbeBytes = std::size_t(16) << 20;  // more than the heap has free at start, less than the mmap threshold
constexpr int kDefaultTopPad = 128 * 1024;                    // glibc's own default

// Where the probe is kept while the range is advised: a malloc whose block is never used may
// be left out by the compiler, and this one must happen.
void* volatile probeKept = nullptr;

std::uintptr_t reservedStart = 0;
std::uintptr_t reservedEnd = 0;

} // namespace

std::size_t reserveStartupHugePages(std::size_t bytes)
{
    if (reservedEnd > reservedStart) return 0;
    // The heap's end before and after one allocation made with `bytes` of padding: what
    // lies between is the new part of the heap, all of it free. A malloc that does not grow the
    // heap with sbrk leaves the end where it was, and nothing is advised.
    void* const failed = reinterpret_cast<void*>(-1);  // sbrk's error value
    void* const heapEnd = sbrk(0);
    if (heapEnd == failed) return 0;
    const auto before = reinterpret_cast<std::uintptr_t>(heapEnd);
    mallopt(M_TOP_PAD, int(bytes));
    probeKept = std::malloc(kProbeBytes);
    const auto after = reinterpret_cast<std::uintptr_t>(sbrk(0));
    const std::uintptr_t start = (before + kHugePage - 1) & ~(kHugePage - 1);
    const std::uintptr_t end = after & ~(kHugePage - 1);
    // Advised while the probe holds the heap out. Freed with the padding still set, the range
    // stays in the heap as free space; later growth goes back to glibc's default steps.
    const bool advised = after > before && end > start && madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE) == 0;
    std::free(probeKept);
    probeKept = nullptr;
    mallopt(M_TOP_PAD, kDefaultTopPad);
    if (!advised) return 0;
    reservedStart = start;
    reservedEnd = end;
    return end - start;
}

void releaseStartupHugePages()
{
    if (reservedEnd <= reservedStart) return;
    // Small pages again from here on; malloc_trim then hands back the free parts of the huge
    // pages already faulted in (the kernel splits them), which start-up never wrote.
    madvise(reinterpret_cast<void*>(reservedStart), reservedEnd - reservedStart, MADV_NOHUGEPAGE);
    malloc_trim(0);
    reservedStart = reservedEnd = 0;
}

} // namespace core
