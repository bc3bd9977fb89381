// A fast 64-bit hash of bytes, for noticing a changed or damaged file (model packs, cached
// shader programs). Not for anything that has to resist a deliberate collision.
#pragma once

#include <cstdint>
#include <string_view>

namespace core {

std::uint64_t hashBytes(std::string_view bytes);

} // namespace core
