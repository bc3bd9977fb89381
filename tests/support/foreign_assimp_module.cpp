// A module in the place of the import module, as if built from other sources: it has both
// entries the trainer looks up, with a layout number no build of this project gives, so the
// trainer must refuse it before it calls the reader (test_bad_files). The reader stops the
// process if it is called all the same, which the test would see as a crash, not a refusal.
#include <cstdint>

extern "C" __attribute__((visibility("default"))) std::uint64_t ht_assimp_entry_layout()
{
    return 1;
}

extern "C" __attribute__((visibility("default"))) void ht_read_with_assimp(const void*, void*, void*, void*)
{
    __builtin_trap();
}
