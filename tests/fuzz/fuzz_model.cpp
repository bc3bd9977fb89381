// Fuzz target: model import. The first byte picks what the rest is read as:
//   0-3: a model file (glb, gltf, obj, fbx) through the whole import path. assimp runs in a
//        child process there, so its own crashes become errors; the target fails when the
//        child dies in this program's conversion instead, or when anything crashes here.
//   4:   the bytes the import process sends back (model_wire), decoded and checked.
// The reader is linked in (ht_assimp_reader) rather than loaded from its module in the import
// process: libFuzzer learns what an input reached from this executable's coverage counters,
// which the child sends back (core/isolate.cpp); a module's counters would stay in the child.
#include "assets/model_import.h"
#include "assets/model_wire.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const bool linked = (assets::useLinkedAssimpReader(&ht_read_with_assimp), true);
    (void)linked;
    if (size < 2) return 0;
    const std::uint8_t selector = data[0] % 5;
    if (selector == 4) {
        auto model = assets::decodeModel(std::string_view(reinterpret_cast<const char*>(data + 1), size - 1), "fuzz.wire");
        if (model) (void)model->restBounds();
        return 0;
    }
    static const char* const formats[] = {"glb", "gltf", "obj", "fbx"};
    const char* format = formats[selector];
    // Well inside libFuzzer's 10 s per input, so a reader that hangs is stopped by the import.
    assets::ImportOptions options;
    options.seconds = 5.0;
    options.memoryMiB = 2048;
    options.inProcessFallback = false;
    auto outcome = assets::importModelFromMemoryOutcome(data + 1, size - 1, format, std::string("fuzz.") + format, options);
    if (outcome.failedInOwnCode) {
        std::fprintf(stderr, "import failed in Hamstring Trainer's own code: %s\n", outcome.model.error().describe().c_str());
        std::abort();
    }
    if (outcome.model) (void)outcome.model->restBounds();
    return 0;
}
