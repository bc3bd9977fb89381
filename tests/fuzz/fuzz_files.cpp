// Fuzz target: every hand-written TOML file the app reads besides lessons. The first byte
// picks the parser: scene file, pose library, source list, settings, input script.
#include "app/input_script.h"
#include "app/settings.h"
#include "content/pose_library.h"
#include "content/scene_file.h"
#include "content/sources.h"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0) return 0;
    const std::string text(reinterpret_cast<const char*>(data) + 1, size - 1);
    switch (data[0] % 5) {
    case 0: (void)content::parseSceneText(text, "fuzz.toml"); break;
    case 1: (void)content::PoseLibrary::parse(text, "fuzz.toml"); break;
    case 2: (void)content::SourceList::parse(text, "fuzz.toml"); break;
    case 3: {
        // Whatever parses must write back out and parse again to the same thing.
        auto settings = app::parseSettings(text, "fuzz.toml");
        if (settings) {
            const std::string written = app::serialiseSettings(*settings);
            auto again = app::parseSettings(written, "again.toml");
            if (!again || app::serialiseSettings(*again) != written) __builtin_trap();
        }
        break;
    }
    case 4: (void)app::parseInputScript(text, "fuzz.toml"); break;
    }
    return 0;
}
