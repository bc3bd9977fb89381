// ht-modelpack GLTF PACK: imports the generated model (through the same import path as the
// app), simplifies its levels of detail, and writes both as a packed model (assets/model_pack.h)
// so the app's first frame needs neither assimp nor meshoptimizer. Run at build time.
#include "assets/detail_levels.h"
#include "assets/model_import.h"
#include "assets/model_pack.h"

#include <cstdio>
#include <fstream>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fprintf(stderr, "usage: ht-modelpack MODEL.glb OUTPUT.htmodel\n");
        return 2;
    }
    const std::filesystem::path source = argv[1], output = argv[2];
    auto origin = assets::packSourceOfFile(source);
    if (!origin) {
        std::fprintf(stderr, "ht-modelpack: %s\n", origin.error().describe().c_str());
        return 1;
    }
    auto model = assets::importModel(source);
    if (!model) {
        std::fprintf(stderr, "ht-modelpack: %s\n", model.error().describe().c_str());
        return 1;
    }
    const assets::DetailLevels levels = assets::simplifyModel(*model);
    const std::string bytes = assets::encodeModelPack(*model, levels, *origin);
    // Written beside and renamed over, so a build stopped half-way leaves no torn pack.
    const std::filesystem::path partial = output.string() + ".partial";
    {
        std::ofstream file(partial, std::ios::binary | std::ios::trunc);
        file.write(bytes.data(), std::streamsize(bytes.size()));
        if (!file.flush()) {
            std::fprintf(stderr, "ht-modelpack: %s: could not be written\n", partial.string().c_str());
            return 1;
        }
    }
    std::error_code error;
    std::filesystem::rename(partial, output, error);
    if (error) {
        std::fprintf(stderr, "ht-modelpack: %s: %s\n", output.string().c_str(), error.message().c_str());
        return 1;
    }
    return 0;
}
