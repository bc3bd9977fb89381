#include "app/paths.h"

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <vector>

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

namespace {

bool holdsData(const fs::path& dir)
{
    std::error_code ec;
    return fs::is_directory(dir / "shaders", ec) && fs::is_directory(dir / "scenes", ec);
}

// True when `path` lies inside `folder` (both made absolute and normal).
bool inside(const fs::path& path, const fs::path& folder)
{
    std::error_code ec;
    const fs::path p = fs::weakly_canonical(path, ec), f = fs::weakly_canonical(folder, ec);
    const auto mismatch = std::mismatch(f.begin(), f.end(), p.begin(), p.end());
    return mismatch.first == f.end();
}

} // namespace

DataPaths findDataPaths(const std::string& dataDirOption)
{
    std::error_code ec;
    return findDataPaths(dataDirOption, fs::read_symlink("/proc/self/exe", ec));
}

DataPaths findDataPaths(const std::string& dataDirOption, const fs::path& executable)
{
    struct Candidate {
        fs::path dir;
        std::string why;
        bool installed;
    };
    std::vector<Candidate> candidates;
    if (!dataDirOption.empty()) {
        candidates.push_back({dataDirOption, "--data-dir", false});
    } else if (const char* env = std::getenv("HT_DATA_DIR"); env && *env) {
        candidates.push_back({env, "$HT_DATA_DIR", false});
    } else {
        if (!executable.empty()) {
            const fs::path binDir = executable.parent_path();
            candidates.push_back({binDir.parent_path() / "share" / "hamstring-trainer", "beside the executable", true});
            if (inside(executable, HT_BUILD_DIR))
                candidates.push_back({HT_DEFAULT_DATA_DIR, "the source tree of this build", false});
        } else {
            candidates.push_back({HT_DEFAULT_DATA_DIR, "the source tree of this build", false});
        }
    }

    DataPaths paths;
    for (const Candidate& candidate : candidates) {
        if (!holdsData(candidate.dir)) continue;
        paths.dataDir = candidate.dir;
        paths.generatedAssets = candidate.installed ? candidate.dir / "assets" : fs::path(HT_GENERATED_ASSETS_DIR);
        return paths;
    }
    paths.dataDir = candidates.front().dir;
    paths.generatedAssets = HT_GENERATED_ASSETS_DIR;
    paths.missing = "no data folder (one holding shaders/ and scenes/) found; looked in";
    for (std::size_t i = 0; i < candidates.size(); ++i)
        paths.missing += (i ? "; " : " ") + candidates[i].dir.string() + " (" + candidates[i].why + ")";
    return paths;
}

namespace {

// A folder of the XDG user directories: "PICTURES" -> XDG_PICTURES_DIR, else ~/`fallback`.
std::optional<fs::path> userDir(const std::string& name, const char* fallback)
{
    const char* home = std::getenv("HOME");
    fs::path configHome;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) configHome = xdg;
    else if (home && *home) configHome = fs::path(home) / ".config";
    // user-dirs.dirs is the file xdg-user-dir reads: lines like XDG_PICTURES_DIR="$HOME/Bilder".
    if (!configHome.empty()) {
        std::ifstream file(configHome / "user-dirs.dirs");
        std::string line;
        const std::string key = "XDG_" + name + "_DIR=";
        while (std::getline(file, line)) {
            if (line.rfind(key, 0) != 0) continue;
            std::string value = line.substr(key.size());
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"') value = value.substr(1, value.size() - 2);
            if (value.rfind("$HOME", 0) == 0) {
                if (!home || !*home) return std::nullopt;
                value = std::string(home) + value.substr(5);
            }
            // xdg-user-dir treats a folder set to $HOME itself as "not configured".
            if (value.empty() || (home && (fs::path(value) / "").lexically_normal() == (fs::path(home) / "").lexically_normal()))
                break;
            if (fs::path(value).is_absolute()) return fs::path(value);
        }
    }
    if (const char* folder = std::getenv(("XDG_" + name + "_DIR").c_str()); folder && *folder) return fs::path(folder);
    if (home && *home) return fs::path(home) / fallback;
    return std::nullopt;
}

} // namespace

std::optional<fs::path> userPicturesDir()
{
    return userDir("PICTURES", "Pictures");
}

fs::path videoFolder()
{
    if (const auto videos = userDir("VIDEOS", "Videos")) return *videos / "Hamstring Trainer";
    return fs::current_path() / "videos";
}

fs::path screenshotFolder()
{
    if (const auto pictures = userPicturesDir()) return *pictures / "Hamstring Trainer";
    return fs::current_path() / "screenshots";
}

fs::path programCacheFolder()
{
    fs::path cache;
    if (const char* own = std::getenv("HT_CACHE_DIR"); own && *own) cache = own;
    else if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) cache = fs::path(xdg) / "hamstring-trainer";
    else if (const char* home = std::getenv("HOME"); home && *home) cache = fs::path(home) / ".cache" / "hamstring-trainer";
    return cache.empty() ? cache : cache / "programs";
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
