// Writes the test scene glb into the given folder (used by app-level tests).
#include "test_models.h"

#include <cstdio>
#include <exception>

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: ht-make-test-scene FOLDER\n");
        return 2;
    }
    try {
        std::printf("%s\n", testing_support::writeTestScene(argv[1]).c_str());
    } catch (const std::exception& error) {
        std::fprintf(stderr, "ht-make-test-scene: %s\n", error.what());
        return 1;
    }
    return 0;
}
