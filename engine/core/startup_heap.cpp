#include "core/startup_heap.h"

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

namespace core {
namespace {

constexpr std::uintptr_t kHugePage = std::uintptr_t(2) << 20;
// More than the heap has free at the start of main, less than the mmap threshold.
constexpr std::size_t kProbeBytes = std::size_t(16) << 20;
constexpr int kDefaultTopPad = 128 * 1024;  // glibc's own default
// While reserved: a free never trims the heap back below the advised range.
constexpr int kNoTrim = 1 << 30;

// Where the probe is kept while the range is advised: a malloc whose block is never used may
// be left out by the compiler, and this one must happen.
void* volatile probeKept = nullptr;

std::uintptr_t reservedStart = 0;
std::uintptr_t reservedEnd = 0;

std::uintptr_t heapEnd()
{
    return reinterpret_cast<std::uintptr_t>(sbrk(0));
}

} // namespace

const char* transparentHugePageMode()
{
    // The file reads like "always [madvise] never": the bracketed word is the mode.
    std::ifstream file("/sys/kernel/mm/transparent_hugepage/enabled");
    std::string line;
    if (!std::getline(file, line)) return "";
    for (const char* mode : {"always", "madvise", "never"})
        if (line.find(std::string("[") + mode + "]") != std::string::npos) return mode;
    return "";
}

std::size_t reserveStartupHugePages(std::size_t bytes)
{
    if (reservedEnd > reservedStart || std::string(transparentHugePageMode()) != "madvise") return 0;
    // The heap's end before and after one allocation made with `bytes` of padding: what lies
    // between is the new part of the heap. A malloc that does not grow the heap with sbrk
    // (a replaced allocator) leaves the end where it was, and nothing is advised.
    const std::uintptr_t before = heapEnd();
    if (before == std::uintptr_t(-1)) return 0;
    mallopt(M_TRIM_THRESHOLD, kNoTrim);
    mallopt(M_TOP_PAD, int(bytes));
    probeKept = std::malloc(kProbeBytes);
    const std::uintptr_t after = heapEnd();
    const std::uintptr_t start = (before + kHugePage - 1) & ~(kHugePage - 1);
    const std::uintptr_t end = after & ~(kHugePage - 1);
    const bool advised = probeKept && after > before && end > start &&
                         madvise(reinterpret_cast<void*>(start), end - start, MADV_HUGEPAGE) == 0;
    // Freed, the probe's space stays in the heap (no trimming until release) for start-up.
    std::free(probeKept);
    probeKept = nullptr;
    if (!advised) {
        mallopt(M_TOP_PAD, kDefaultTopPad);
        return 0;
    }
    reservedStart = start;
    reservedEnd = end;
    return end - start;
}

void releaseStartupHugePages(std::size_t trimThreshold)
{
    if (reservedEnd <= reservedStart) return;
    mallopt(M_TOP_PAD, kDefaultTopPad);
    mallopt(M_TRIM_THRESHOLD, int(trimThreshold));
    // Small pages again from here on, for what is still mapped of the range; malloc_trim then
    // hands back the free parts of the huge pages faulted in (the kernel splits them), which
    // start-up did not keep.
    const std::uintptr_t end = std::min(reservedEnd, heapEnd() & ~(kHugePage - 1));
    if (end > reservedStart) madvise(reinterpret_cast<void*>(reservedStart), end - reservedStart, MADV_NOHUGEPAGE);
    malloc_trim(0);
    reservedStart = reservedEnd = 0;
}

void giveBackFreeHeap()
{
    malloc_trim(0);
}

} // namespace core
