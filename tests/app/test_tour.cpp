// The lesson tour (--tour): the real app plays every step of every shipped lesson headless
// with OpenGL debug output on, and must finish with no OpenGL error or warning and nothing
// logged above info. A broken lesson fails the tour and is named with its line.
#include "process.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

namespace fs = std::filesystem;
using testing_support::ProcessResult;
using testing_support::runProcess;
using testing_support::TempDir;

namespace {

ProcessResult runTour(std::vector<std::string> arguments)
{
    arguments.insert(arguments.begin(), {HT_APP_PATH, "--tour"});
    static const TempDir config("ht-test-config");
    ProcessResult result = runProcess(arguments, {{"HT_CONFIG_DIR", config.path().string()}}, 600);
    CHECK_FALSE(result.timedOut);
    return result;
}

// Steps in a lesson file: its [[step]] tables.
int countSteps(const fs::path& file)
{
    std::ifstream in(file);
    std::string line;
    int steps = 0;
    while (std::getline(in, line))
        if (line.rfind("[[step]]", 0) == 0) ++steps;
    return steps;
}

struct TourSummary {
    int lessons = -1, steps = -1, frames = -1, broken = -1, glProblems = -1, logged = -1;
    bool debugOutput = false;
};

TourSummary parseSummary(const std::string& out)
{
    static const std::regex pattern(R"(tour: (\d+) lessons, (\d+) steps, (\d+) frames drawn; (\d+) broken lesson files, (\d+) OpenGL errors or warnings, (\d+) warnings or errors logged; OpenGL debug output (on|not offered))");
    std::smatch match;
    TourSummary summary;
    if (!std::regex_search(out, match, pattern)) return summary;
    summary.lessons = std::stoi(match[1]);
    summary.steps = std::stoi(match[2]);
    summary.frames = std::stoi(match[3]);
    summary.broken = std::stoi(match[4]);
    summary.glProblems = std::stoi(match[5]);
    summary.logged = std::stoi(match[6]);
    summary.debugOutput = match[7] == "on";
    return summary;
}

} // namespace

TEST_CASE("every step of every shipped lesson plays with no OpenGL error or warning")
{
    int lessons = 0, steps = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(HT_SOURCE_DIR) / "scenes" / "lessons"))
        if (entry.path().extension() == ".toml") {
            ++lessons;
            steps += countSteps(entry.path());
        }
    REQUIRE(lessons >= 30);

    // Small to keep the suite quick; the lessons take the three quality levels in turn.
    const ProcessResult result = runTour({"--size", "640x360"});
    INFO("stdout: " << result.out);
    INFO("stderr: " << result.err);
    CHECK(result.exitCode == 0);
    const TourSummary summary = parseSummary(result.out);
    CHECK(summary.lessons == lessons);
    CHECK(summary.steps == steps);
    CHECK(summary.frames == 3 * steps);
    CHECK(summary.broken == 0);
    CHECK(summary.glProblems == 0);
    CHECK(summary.logged == 0);
    // Mesa offers KHR_debug: the tour really listened for OpenGL messages.
    CHECK(summary.debugOutput);
    CHECK(result.err.empty());
}

TEST_CASE("a lesson that refers to a missing structure fails the tour, named with its line")
{
    TempDir dir;
    const fs::path source = HT_SOURCE_DIR;
    const fs::path data = testing_support::copyShippedData(dir / "data");
    const std::string good = "relief_seated_floor_stretch.toml";
    fs::copy(source / "scenes" / "lessons" / good, data / "scenes" / "lessons" / good);
    testing_support::writeText(data / "scenes" / "lessons" / "broken.toml",
                               "title = \"Broken\"\n"
                               "chapter = \"relief\"\n"
                               "summary = \"A lesson that points at a muscle the model lacks.\"\n"
                               "sources = [\"seed-001\"]\n"
                               "\n"
                               "[[step]]\n"
                               "title = \"One\"\n"
                               "text = \"Look at the missing muscle.\"\n"
                               "sources = [\"seed-001\"]\n"
                               "highlight = [\"musculus_imaginarius\"]\n"
                               "  [[step.key]]\n"
                               "  time = 0\n"
                               "  pose = \"standing\"\n");

    const ProcessResult result = runTour({"--size", "320x180", "--quality", "low", "--data-dir", data.string()});
    INFO("stdout: " << result.out);
    INFO("stderr: " << result.err);
    CHECK(result.exitCode == 1);
    const TourSummary summary = parseSummary(result.out);
    CHECK(summary.lessons == 1);  // the good lesson still played
    CHECK(summary.frames == 3 * countSteps(data / "scenes" / "lessons" / good));
    CHECK(summary.broken == 1);
    CHECK(result.out.find("tour: FAILED") != std::string::npos);
    CHECK(result.err.find("broken.toml:10") != std::string::npos);
    CHECK(result.err.find("musculus_imaginarius") != std::string::npos);
}
