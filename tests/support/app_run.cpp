#include "app_run.h"

#include "process.h"

#include <doctest/doctest.h>

#include <fstream>

namespace fs = std::filesystem;

namespace testing_support {

nlohmann::json runWithReport(const TempDir& dir, const AppRun& run)
{
    static const TempDir config("ht-test-config");
    const fs::path report = dir / "report.json";
    fs::remove(report);
    std::vector<std::string> arguments = run.launcher;
    arguments.push_back(HT_APP_PATH);
    arguments.insert(arguments.end(), run.arguments.begin(), run.arguments.end());
    if (run.headless) arguments.push_back("--headless");
    arguments.insert(arguments.end(), {"--report", report.string()});
    if (!run.script.empty()) {
        writeText(dir / "script.toml", run.script);
        arguments.insert(arguments.end(), {"--input-script", (dir / "script.toml").string()});
    }
    std::map<std::string, std::string> environment{{"HT_CONFIG_DIR", config.path().string()}};
    for (const auto& [name, value] : run.environment) environment[name] = value;
    ProcessResult result = runProcess(arguments, environment);
    if (run.errors) *run.errors = result.err;
    INFO("stderr: " << result.err);
    REQUIRE(result.exitCode == 0);
    std::ifstream in(report);
    REQUIRE(in.good());
    return nlohmann::json::parse(in);
}

nlohmann::json runWithReport(const TempDir& dir, std::vector<std::string> arguments, const std::string& script)
{
    AppRun run;
    run.arguments = std::move(arguments);
    run.script = script;
    return runWithReport(dir, run);
}

int musclePixels(const core::Image& image)
{
    int count = 0;
    for (int y = 0; y < image.height; ++y)
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* p = image.pixel(x, y);
            if (p[0] > 90 && p[0] > p[1] * 2 && p[0] > p[2] * 2) ++count;
        }
    return count;
}

} // namespace testing_support
