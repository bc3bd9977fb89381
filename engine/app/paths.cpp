#include "app/paths.h"

#include <cstdlib>
#include <ctime>

namespace app {
namespace fs = std::filesystem;

fs::path DataPaths::resolveAsset(const std::string& name, const fs::path& relativeTo) const
{
    const fs::path given(name);
    if (given.is_absolute()) return given;
    std::error_code ec;
    for (const fs::path& candidate : {relativeTo / given, generatedAssets / given, assets() / given})
        if (!candidate.empty() && fs::exists(candidate, ec)) return candidate;
    // Reported as missing where it was expected: beside the file that names it, except the
    // model the build generates, which belongs in the build's assets folder.
    if (!relativeTo.empty() && given.filename() != fs::path(HT_GENERATED_MODEL_NAME)) return relativeTo / given;
    return generatedAssets / given;
}

DataPaths findDataPaths(const std::string& dataDirOption)
{
    DataPaths paths;
    if (!dataDirOption.empty()) {
        paths.dataDir = dataDirOption;
    } else if (const char* env = std::getenv("HT_DATA_DIR"); env && *env) {
        paths.dataDir = env;
    } else {
        paths.dataDir = HT_DEFAULT_DATA_DIR;
    }
    paths.generatedAssets = HT_GENERATED_ASSETS_DIR;
    return paths;
}

fs::path screenshotFolder()
{
    if (const char* pictures = std::getenv("XDG_PICTURES_DIR"); pictures && *pictures)
        return fs::path(pictures) / "Hamstring Trainer";
    if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / "Pictures" / "Hamstring Trainer";
    return fs::current_path() / "screenshots";
}

std::string timestampedName(const std::string& prefix, const std::string& extension)
{
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buffer[64];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d-%H%M%S", &local);
    return prefix + "-" + buffer + extension;
}

} // namespace app
