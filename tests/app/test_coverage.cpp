// The coverage measure (--coverage) over every shipped lesson: the real app draws each step at
// its key moment with the overlay on, with and without the hamstring layer, and counts the
// pixels that change in the part of the window the panels leave free. Each step must reach its
// floor (3 %, or its line in tools/coverage_floors.txt, where a step is about another
// structure), and the median over all steps must reach the 10 % (11.3 % when the masks
// began to hold the fades and the close-up to use the whole free window; 9.1 % with held fades
// before that). The app's own verdict must pass; the numbers come from
// pixel counting alone, and this test reads them back from the CSV and checks them itself.
// The panels are laid out in a 1280x720 window, as the issue measures, and the scene's pixels
// are counted at 640x360 (--coverage-scale 0.5) to keep the run shorter on a software rasteriser.
#include "process.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using testing_support::ProcessResult;
using testing_support::runProcess;
using testing_support::TempDir;

namespace {

int shippedStepCount()
{
    int steps = 0;
    for (const auto& entry : fs::directory_iterator(fs::path(HT_SOURCE_DIR) / "scenes" / "lessons")) {
        if (entry.path().extension() != ".toml") continue;
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line))
            if (line.rfind("[[step]]", 0) == 0) ++steps;
    }
    return steps;
}

struct Row {
    std::string lesson;
    int step = 0;
    long freePixels = 0;
    long hamstringPixels = 0;
    double floorPercent = 0.0;
};

// lesson,step,"title",key_time_s,free_pixels,hamstring_pixels,share_percent,floor_percent
std::vector<Row> readRows(const fs::path& csv)
{
    std::vector<Row> rows;
    std::ifstream in(csv);
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const std::size_t titleStart = line.find(",\"");
        const std::size_t titleEnd = line.find("\",", titleStart + 2);
        REQUIRE(titleStart != std::string::npos);
        REQUIRE(titleEnd != std::string::npos);
        Row row;
        std::istringstream head(line.substr(0, titleStart));
        std::getline(head, row.lesson, ',');
        head >> row.step;
        std::string rest = line.substr(titleEnd + 2);
        std::replace(rest.begin(), rest.end(), ',', ' ');
        double keyS = 0.0, share = 0.0;
        std::istringstream fields(rest);
        fields >> keyS >> row.freePixels >> row.hamstringPixels >> share >> row.floorPercent;
        REQUIRE_FALSE(fields.fail());
        rows.push_back(row);
    }
    return rows;
}

// tools/coverage_floors.txt read here again: LESSON STEP FLOOR_PERCENT REASON.
std::map<std::pair<std::string, int>, double> readFloors(const fs::path& file)
{
    std::map<std::pair<std::string, int>, double> floors;
    std::ifstream in(file);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string lesson, reason;
        int step = 0;
        double floor = 0.0;
        fields >> lesson >> step >> floor;
        std::getline(fields, reason);
        CAPTURE(line);
        CHECK_FALSE(fields.fail());
        CHECK(reason.find_first_not_of(" \t") != std::string::npos);  // every exception says why
        floors[{lesson, step}] = floor;
    }
    return floors;
}

} // namespace

TEST_CASE("every shipped lesson step shows its hamstrings over its floor of the free view, median at least 10 %")
{
    const TempDir dir("ht-test-coverage");
    const fs::path csv = dir.path() / "coverage.csv";
    const fs::path floors = fs::path(HT_SOURCE_DIR) / "tools" / "coverage_floors.txt";
    const ProcessResult result =
        runProcess({HT_APP_PATH, "--coverage", csv.string(), "--coverage-floors", floors.string(), "--size", "1280x720",
                    "--coverage-scale", "0.5"},
                   {{"HT_CONFIG_DIR", (dir.path() / "config").string()}}, 850);
    CAPTURE(result.out);
    CAPTURE(result.err);
    REQUIRE_FALSE(result.timedOut);
    // The app fails its run when a step is under its floor, a frame could not be drawn, or the
    // median is under the 10 %.
    CHECK(result.exitCode == 0);
    CHECK(result.out.find("step(s) under their floor") == std::string::npos);
    CHECK(result.out.find("could not be drawn") == std::string::npos);
    CHECK(result.out.find("steps measured") == std::string::npos);

    const std::vector<Row> rows = readRows(csv);
    const std::map<std::pair<std::string, int>, double> exceptions = readFloors(floors);
    REQUIRE(int(rows.size()) == shippedStepCount());
    std::vector<double> shares;
    for (const Row& row : rows) {
        const std::string where = row.lesson + " step " + std::to_string(row.step);
        CAPTURE(where);
        // The panels leave at least a third of the counted 640x360 picture free.
        CHECK(row.freePixels > 640 * 360 / 3);
        CHECK(row.hamstringPixels <= row.freePixels);
        const double share = 100.0 * double(row.hamstringPixels) / double(std::max(row.freePixels, 1L));
        const auto exception = exceptions.find({row.lesson, row.step});
        const double floor = exception != exceptions.end() ? exception->second : 3.0;
        CHECK(row.floorPercent == doctest::Approx(floor));
        CHECK(share >= floor);
        shares.push_back(share);
    }
    std::sort(shares.begin(), shares.end());
    const double median = shares.size() % 2 == 1 ? shares[shares.size() / 2]
                                                 : 0.5 * (shares[shares.size() / 2 - 1] + shares[shares.size() / 2]);
    MESSAGE("median " << median << " % (the issue asks for 10 %)");
    CHECK(median >= 10.0);
    // The contrast lines are printed for the report; the state colours are judged elsewhere.
    CHECK(result.out.find("contrast: cramp") != std::string::npos);
}
