// Routines in the real app, headless: --routine plays a shipped routine at a chosen moment,
// a routine played to its end is added to the history, a routine file dropped on the window
// opens and plays, and a broken one ends the run with its file:line:column.
#include "app_run.h"
#include "process.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>

using testing_support::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kShipped = std::string(HT_SOURCE_DIR) + "/scenes/routines/gentle_daily_stretch.toml";

// Two short entries, so a test can play one through in a few frames.
const char* kShort = R"(title = "Short check"
rest_between = 1

[[entry]]
lesson = "strength_bridge"
step = 3
repetitions = 1
hold = 1

[[entry]]
lesson = "strength_prone_knee_curl"
step = 2
repetitions = 1
hold = 1
)";

} // namespace

TEST_CASE("--routine plays a shipped routine, and --time puts it at that moment")
{
    TempDir dir;
    const nlohmann::json report =
        testing_support::runWithReport(dir, {"--size", "640x360", "--frames", "3", "--routine", kShipped, "--time", "40"});
    INFO(report.dump(2));
    const nlohmann::json& routine = report["routine"];
    REQUIRE(routine.is_object());
    CHECK(routine["title"] == "Gentle daily hamstring stretch");
    CHECK(routine["playing"] == true);
    CHECK(routine["entries"] == 3);
    CHECK(routine["entry"] == 0);
    CHECK(routine["title_now"] == "Seated floor stretch");
    CHECK(routine["next"] == "Standing stretch with the heel on a curb");
    CHECK(routine["repetitions"] == 3);
    // Three headless frames of 1/60 s after the jump.
    CHECK(routine["elapsed_s"].get<double>() == doctest::Approx(40.05).epsilon(0.001));
    CHECK(report["routine_panel_open"] == true);
    CHECK(report["lesson"]["id"] == "routine:gentle_daily_stretch");
}

TEST_CASE("a routine played to its end is recorded in the history")
{
    TempDir dir;
    testing_support::writeText(dir / "short.toml", kShort);
    const std::string file = (dir / "short.toml").string();
    const nlohmann::json start = testing_support::runWithReport(dir, {"--size", "320x180", "--frames", "1", "--routine", file, "--time", "0"});
    const double totalS = start["routine"]["total_s"].get<double>();
    CHECK(totalS > 4.0);
    CHECK(start["routine_history"] == 0);
    // Half a second before the end, then a second of frames.
    const nlohmann::json end = testing_support::runWithReport(
        dir, {"--size", "320x180", "--frames", "60", "--routine", file, "--time", std::to_string(totalS - 0.5)});
    INFO(end.dump(2));
    CHECK(end["routine"]["finished"] == true);
    CHECK(end["routine"]["entry"] == 1);
    CHECK(end["routine"]["entries_done"] == 1);   // the first was skipped over by --time
    CHECK(end["routine_history"] == 1);
}

TEST_CASE("a routine file dropped on the window opens and plays")
{
    TempDir dir;
    testing_support::writeText(dir / "short.toml", kShort);
    const std::string script = "[[event]]\nframe = 2\ntype = \"drop\"\npath = \"" + (dir / "short.toml").string() + "\"\n";
    const nlohmann::json report = testing_support::runWithReport(dir, {"--size", "640x360", "--frames", "6"}, script);
    INFO(report.dump(2));
    REQUIRE(report["routine"].is_object());
    CHECK(report["routine"]["title"] == "Short check");
    CHECK(report["routine"]["playing"] == true);
    CHECK(report["routine"]["title_now"] == "Strength: the bridge");
    CHECK(report["routine_panel_open"] == true);
}

TEST_CASE("a broken routine file ends the run with its file:line:column; --check-lessons checks the shipped ones")
{
    TempDir dir;
    testing_support::writeText(dir / "bad.toml", "title = \"Bad\"\n[[entry]]\nlesson = \"strength_bridg\"\n");
    const testing_support::ProcessResult bad = testing_support::runProcess(
        {HT_APP_PATH, "--headless", "--routine", (dir / "bad.toml").string()}, {{"HT_CONFIG_DIR", dir.path().string()}});
    CHECK(bad.exitCode == 1);
    CHECK(bad.err.find((dir / "bad.toml").string() +
                       ":3:10: entry[0].lesson: unknown lesson 'strength_bridg' (see scenes/lessons); did you mean 'strength_bridge'?") !=
          std::string::npos);
    const testing_support::ProcessResult checked =
        testing_support::runProcess({HT_APP_PATH, "--check-lessons"}, {{"HT_CONFIG_DIR", dir.path().string()}});
    CHECK(checked.exitCode == 0);
    CHECK(checked.out.find("3 routine(s) checked, 0 with problems") != std::string::npos);
}

TEST_CASE("a routine built in the panel is saved to the config folder and reads back")
{
    TempDir dir;
    TempDir config("ht-routine-config");
    // At 1280x720 the panel sits at the right: R opens it, Add puts the first offered
    // lesson in, Save writes "My routine" (positions read off the panel's screenshot).
    testing_support::AppRun run;
    run.arguments = {"--size", "1280x720", "--frames", "24"};
    run.script = "[[event]]\nframe = 2\ntype = \"key\"\nkey = \"R\"\n"
                 "[[event]]\nframe = 6\ntype = \"click\"\nx = 1225\ny = 280\n"
                 "[[event]]\nframe = 14\ntype = \"click\"\nx = 986\ny = 385\n";
    run.environment = {{"HT_CONFIG_DIR", config.path().string()}};
    const nlohmann::json report = testing_support::runWithReport(dir, run);
    CHECK(report["routine_panel_open"] == true);
    const fs::path saved = config / "routines" / "my_routine.toml";
    REQUIRE(fs::exists(saved));
    std::ifstream in(saved);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    INFO(text);
    CHECK(text.find("My routine") != std::string::npos);
    CHECK(text.find("[[entry]]") != std::string::npos);
    // The saved file plays like any routine file.
    const nlohmann::json played =
        testing_support::runWithReport(dir, {"--size", "320x180", "--frames", "2", "--routine", saved.string()});
    CHECK(played["routine"]["title"] == "My routine");
    CHECK(played["routine"]["playing"] == true);
}
