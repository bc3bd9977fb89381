// Runs the real trainer for a test: headless unless told otherwise, with a private settings
// folder, an optional input script, and its automation report read back as JSON.
#pragma once

#include "core/image.h"
#include "temp_dir.h"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace testing_support {

struct AppRun {
    std::vector<std::string> arguments;           // after the program name
    std::string script;                           // input script text (TOML); empty: none
    std::map<std::string, std::string> environment;
    bool headless = true;
    std::vector<std::string> launcher;            // e.g. xvfb-run -a: runs before the program
    std::string* errors = nullptr;                // receives what the app wrote to stderr
};

// Runs it with `dir` as the working folder for the report and script; REQUIREs exit 0 and
// returns the report.
nlohmann::json runWithReport(const TempDir& dir, const AppRun& run);
nlohmann::json runWithReport(const TempDir& dir, std::vector<std::string> arguments, const std::string& script = "");

// Pixels that look like hamstring muscle (dark red) in a screenshot.
int musclePixels(const core::Image& image);

} // namespace testing_support
