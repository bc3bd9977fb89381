#include "core/process_memory.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace core {
namespace {

// The number after `key` (such as "VmRSS:") at the start of a line of `text`; 0 when absent.
unsigned long long fieldKb(const char* text, const char* key)
{
    const std::size_t keyLength = std::strlen(key);
    for (const char* line = text; *line != '\0';) {
        if (std::strncmp(line, key, keyLength) == 0) {
            unsigned long long value = 0;
            for (const char* c = line + keyLength; *c == ' ' || *c == '\t' || (*c >= '0' && *c <= '9'); ++c)
                if (*c >= '0' && *c <= '9') value = value * 10 + static_cast<unsigned long long>(*c - '0');
            return value;
        }
        const char* next = std::strchr(line, '\n');
        if (!next) break;
        line = next + 1;
    }
    return 0;
}

} // namespace

ProcessMemory processMemory(int pid)
{
    char path[64];
    if (pid == 0)
        std::snprintf(path, sizeof path, "/proc/self/status");
    else
        std::snprintf(path, sizeof path, "/proc/%d/status", pid);
    // The file is about 1.5 kB; a fixed buffer keeps the reader free of allocation.
    char text[16384];
    std::size_t size = 0;
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return {};
    while (size + 1 < sizeof text) {
        const ssize_t got = ::read(fd, text + size, sizeof text - 1 - size);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) break;
        size += std::size_t(got);
    }
    ::close(fd);
    text[size] = '\0';
    ProcessMemory memory;
    memory.addressSpaceKb = fieldKb(text, "VmSize:");
    memory.residentKb = fieldKb(text, "VmRSS:");
    memory.peakResidentKb = fieldKb(text, "VmHWM:");
    return memory;
}

} // namespace core
