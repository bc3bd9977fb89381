#include "core/hash.h"

#include <cstring>

namespace core {

// FNV-1a over eight bytes at a time with an extra shift to mix the high bits down: it must
// keep up with a file read (a few milliseconds for the model).
std::uint64_t hashBytes(std::string_view bytes)
{
    constexpr std::uint64_t kPrime = 0x100000001b3ull;
    std::uint64_t hash = 0xcbf29ce484222325ull ^ bytes.size();
    std::size_t at = 0;
    for (; at + 8 <= bytes.size(); at += 8) {
        std::uint64_t word = 0;
        std::memcpy(&word, bytes.data() + at, 8);
        hash = (hash ^ word) * kPrime;
        hash ^= hash >> 29;
    }
    for (; at < bytes.size(); ++at) hash = (hash ^ std::uint8_t(bytes[at])) * kPrime;
    return hash ^ (hash >> 32);
}

} // namespace core
