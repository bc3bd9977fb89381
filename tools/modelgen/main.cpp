// ht-modelgen: writes the trainer's anatomical model as a glTF binary (.glb). Run by the build;
// the same program always writes the same bytes.
#include "generate.h"

#include "authoring/gltf_writer.h"
#include "core/clock.h"
#include "core/log.h"

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

int main(int argc, char** argv)
{
    std::string output;
    std::vector<std::string> only;
    bool verbose = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--output") == 0 && i + 1 < argc) {
            output = argv[++i];
        } else if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
            // Comma-separated node name patterns, e.g. "muscle.*,bone.femur.*" or "*.r".
            std::string list = argv[++i];
            for (std::size_t start = 0; start <= list.size();) {
                const std::size_t comma = std::min(list.find(',', start), list.size());
                if (comma > start) only.push_back(list.substr(start, comma - start));
                start = comma + 1;
            }
        } else if (std::strcmp(argv[i], "--verbose") == 0) {
            verbose = true;
        } else {
            std::fprintf(stderr, "usage: ht-modelgen --output FILE.glb [--only PATTERN,...] [--verbose]\n");
            return 2;
        }
    }
    if (output.empty()) {
        std::fprintf(stderr, "usage: ht-modelgen --output FILE.glb [--only PATTERN,...] [--verbose]\n");
        return 2;
    }
    core::Stopwatch clock;
    const core::Expected<modelgen::GeneratedModel> result = modelgen::generateModel(only);
    if (!result) {
        std::fprintf(stderr, "ht-modelgen: %s\n", result.error().describe().c_str());
        return 1;
    }
    const modelgen::GeneratedModel& generated = *result;
    const double generateMs = clock.elapsedMs();
    assets::GltfWriteOptions options;
    options.generator = "Hamstring Trainer ht-modelgen";
    options.copyright = "Hamstring Trainer contributors; joint centres and muscle paths from OpenSim gait2392 (CC BY 3.0)";
    if (core::Status written = assets::writeGlb(generated.model, output, options); !written) {
        std::fprintf(stderr, "ht-modelgen: %s\n", written.error().describe().c_str());
        return 1;
    }
    if (verbose) {
        std::size_t total = 0;
        for (const modelgen::StructureStats& s : generated.stats) {
            std::printf("%-44s %7zu triangles %9.1f cm3 %6.1f mm under the skin\n", s.nodeName.c_str(), s.triangles,
                        s.volumeM3 * 1e6, s.depthUnderSkinM * 1000.0);
            total += s.triangles;
        }
        std::printf("total %zu triangles, generated in %.0f ms\n", total, generateMs);
    }
    return 0;
}
