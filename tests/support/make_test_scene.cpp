// Writes the test scene glb into the given folder (used by app-level tests), or with
// --fuzz-wire FILE, the test scene as the import process sends it, after the selector byte
// of the model fuzz target (a seed for tools/fuzz.sh).
#include "test_models.h"

#include "assets/model_wire.h"

#include <cstdio>
#include <exception>
#include <fstream>
#include <string>

int main(int argc, char** argv)
{
    const bool wire = argc == 3 && std::string(argv[1]) == "--fuzz-wire";
    if (argc != 2 && !wire) {
        std::fprintf(stderr, "usage: ht-make-test-scene FOLDER\n       ht-make-test-scene --fuzz-wire FILE\n");
        return 2;
    }
    try {
        if (wire) {
            std::ofstream out(argv[2], std::ios::binary);
            out << '\x04' << assets::encodeModel(testing_support::makeTestScene());
            if (!out) {
                std::fprintf(stderr, "ht-make-test-scene: cannot write %s\n", argv[2]);
                return 1;
            }
        } else {
            std::printf("%s\n", testing_support::writeTestScene(argv[1]).c_str());
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "ht-make-test-scene: %s\n", error.what());
        return 1;
    }
    return 0;
}
