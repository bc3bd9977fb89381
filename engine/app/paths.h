// Where the app finds its files: shaders, scenes and hand-made assets in the data folder,
// generated assets in the build tree, user files in the XDG folders.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace app {

struct DataPaths {
    std::filesystem::path dataDir;          // holds shaders/, scenes/, assets/
    std::filesystem::path generatedAssets;  // models the build generated
    // Empty when dataDir holds shaders/ and scenes/; otherwise says every place looked in.
    std::string missing;

    std::filesystem::path shaders() const { return dataDir / "shaders"; }
    std::filesystem::path scenes() const { return dataDir / "scenes"; }
    std::filesystem::path assets() const { return dataDir / "assets"; }
    // An asset named in a scene: as given when it exists, else in the generated assets, else in assets/.
    std::filesystem::path resolveAsset(const std::string& name, const std::filesystem::path& relativeTo) const;
};

// From --data-dir, else $HT_DATA_DIR, else beside the executable: ../share/hamstring-trainer
// in an installed layout, or the source tree when the executable is still in the build tree
// it was built in. An installed layout keeps the generated model with the other assets.
DataPaths findDataPaths(const std::string& dataDirOption);
// As above with the executable's path given (tests); findDataPaths reads /proc/self/exe.
DataPaths findDataPaths(const std::string& dataDirOption, const std::filesystem::path& executable);

// The user's pictures folder as `xdg-user-dir PICTURES` reports it (user-dirs.dirs under
// $XDG_CONFIG_HOME), else $XDG_PICTURES_DIR, else ~/Pictures.
std::optional<std::filesystem::path> userPicturesDir();
// Where F12 saves screenshots: "Hamstring Trainer" in the pictures folder.
std::filesystem::path screenshotFolder();
// Where File > Export lesson video... writes: "Hamstring Trainer" in the user's Videos folder
// (XDG_VIDEOS_DIR as for pictures, else ~/Videos), else ./videos.
std::filesystem::path videoFolder();
// Where linked shader programs are kept between runs: $HT_CACHE_DIR, else
// $XDG_CACHE_HOME/hamstring-trainer, else ~/.cache/hamstring-trainer, each with programs/
// inside; empty (nothing kept) where none of them is set.
std::filesystem::path programCacheFolder();
// A file name like "hamstring-2026-11-22-143005.png".
std::string timestampedName(const std::string& prefix, const std::string& extension);

} // namespace app
