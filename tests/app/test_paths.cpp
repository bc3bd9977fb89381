// Where the app looks for its data and where it puts screenshots: an installed layout, the build
// tree, the overrides, and the pictures folder as xdg-user-dir reports it. Every layout here is
// made in a temporary folder, so the expectations come from the layout, not from the code.
#include "app/paths.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <optional>
#include <string>

namespace fs = std::filesystem;
using testing_support::TempDir;
using testing_support::writeText;

namespace {

// Sets an environment variable for one scope and puts back what was there.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const std::optional<std::string>& value) : name_(name)
    {
        if (const char* old = std::getenv(name)) old_ = old;
        if (value) setenv(name, value->c_str(), 1);
        else unsetenv(name);
    }
    ~ScopedEnv()
    {
        if (old_) setenv(name_, old_->c_str(), 1);
        else unsetenv(name_);
    }

private:
    const char* name_;
    std::optional<std::string> old_;
};

void makeDataFolder(const fs::path& dir)
{
    fs::create_directories(dir / "shaders");
    fs::create_directories(dir / "scenes");
}

} // namespace

TEST_CASE("an installed app finds its data in ../share/hamstring-trainer beside its executable")
{
    TempDir prefix;
    ScopedEnv noOverride("HT_DATA_DIR", std::nullopt);
    makeDataFolder(prefix / "share/hamstring-trainer");
    const app::DataPaths paths = app::findDataPaths("", prefix / "bin/hamstring-trainer");
    CHECK(paths.missing.empty());
    CHECK(fs::equivalent(paths.dataDir, prefix / "share/hamstring-trainer"));
    // The generated model is installed with the other assets.
    CHECK(paths.generatedAssets == paths.dataDir / "assets");
}

TEST_CASE("an app in its build tree uses the source tree it was built from")
{
    ScopedEnv noOverride("HT_DATA_DIR", std::nullopt);
    const app::DataPaths paths = app::findDataPaths("", fs::path(HT_BINARY_DIR) / "engine/app/hamstring-trainer");
    CHECK(paths.missing.empty());
    CHECK(fs::equivalent(paths.dataDir, HT_SOURCE_DIR));
    CHECK(paths.generatedAssets == fs::path(HT_BINARY_DIR) / "assets");
}

TEST_CASE("a copied executable with no data says every place it looked in")
{
    TempDir elsewhere;
    ScopedEnv noOverride("HT_DATA_DIR", std::nullopt);
    const app::DataPaths paths = app::findDataPaths("", elsewhere / "bin/hamstring-trainer");
    REQUIRE_FALSE(paths.missing.empty());
    CHECK(paths.missing.find((elsewhere / "share/hamstring-trainer").string()) != std::string::npos);
    CHECK(paths.missing.find("beside the executable") != std::string::npos);
    // Outside the build tree the source tree is not a candidate.
    CHECK(paths.missing.find("source tree") == std::string::npos);
}

TEST_CASE("--data-dir comes first, then HT_DATA_DIR, and a wrong one is reported, not passed over")
{
    TempDir given, fromEnv, installed;
    makeDataFolder(given.path());
    makeDataFolder(fromEnv.path());
    makeDataFolder(installed / "share/hamstring-trainer");
    const fs::path exe = installed / "bin/hamstring-trainer";
    {
        ScopedEnv env("HT_DATA_DIR", fromEnv.path().string());
        CHECK(app::findDataPaths(given.path().string(), exe).dataDir == given.path());
        CHECK(app::findDataPaths("", exe).dataDir == fromEnv.path());
    }
    ScopedEnv env("HT_DATA_DIR", (fromEnv / "nothing-here").string());
    const app::DataPaths paths = app::findDataPaths("", exe);
    CHECK(paths.dataDir == fromEnv / "nothing-here");
    CHECK(paths.missing.find("$HT_DATA_DIR") != std::string::npos);
}

TEST_CASE("screenshots go to the pictures folder that user-dirs.dirs names")
{
    TempDir home;
    ScopedEnv homeEnv("HOME", home.path().string());
    ScopedEnv config("XDG_CONFIG_HOME", (home / "config").string());
    ScopedEnv pictures("XDG_PICTURES_DIR", std::nullopt);

    // No user-dirs.dirs: ~/Pictures.
    CHECK(app::screenshotFolder() == home / "Pictures" / "Hamstring Trainer");

    writeText(home / "config/user-dirs.dirs", "# written by xdg-user-dirs-update\n"
                                              "XDG_DESKTOP_DIR=\"$HOME/Schreibtisch\"\n"
                                              "XDG_PICTURES_DIR=\"$HOME/Bilder\"\n");
    CHECK(app::userPicturesDir() == home / "Bilder");
    CHECK(app::screenshotFolder() == home / "Bilder" / "Hamstring Trainer");

    writeText(home / "config/user-dirs.dirs", "XDG_PICTURES_DIR=\"/srv/classroom/pictures\"\n");
    CHECK(app::userPicturesDir() == fs::path("/srv/classroom/pictures"));

    // A pictures folder set to $HOME itself means "not set" to xdg-user-dir.
    writeText(home / "config/user-dirs.dirs", "XDG_PICTURES_DIR=\"$HOME/\"\n");
    CHECK(app::userPicturesDir() == home / "Pictures");
}
