#include "app/options.h"

#include "anatomy/skeleton.h"
#include "content/lesson_file.h"
#include "media/video_writer.h"

#include <CLI/CLI.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <optional>
#include <string_view>
#include <utility>

namespace app {
namespace {

// The ranges of the numeric options. A window or image side up to 8192 pixels: an 8K display's
// width, and a texture size desktop drivers offer (five digits would spell 99999).
constexpr int kMaximumSidePx = 8192;
constexpr int kMaximumFrames = 100'000'000;       // about 19 days at 60 frames a second
constexpr int kMaximumDisplay = 63;               // checked against the displays present when the window opens
constexpr double kMaximumStepTimeS = 24 * 3600.0; // checked against the step's length when the lesson opens
// The soak judges whole cycles after at least 30 s of warm-up; a shorter run could only fail.
constexpr double kMinimumSoakS = 60.0;
constexpr double kMaximumSoakS = 7 * 24 * 3600.0;

// "WIDTHxHEIGHT": two whole numbers of one to five digits, each from 1 to kMaximumSidePx.
std::optional<std::pair<int, int>> parseSize(std::string_view text)
{
    const std::size_t x = text.find('x');
    if (x == std::string_view::npos) return std::nullopt;
    auto side = [](std::string_view digits) -> std::optional<int> {
        if (digits.empty() || digits.size() > 5) return std::nullopt;
        int value = 0;
        const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
        if (error != std::errc() || end != digits.data() + digits.size()) return std::nullopt;
        if (value < 1 || value > kMaximumSidePx) return std::nullopt;  // a sign is refused here too
        return value;
    };
    const std::optional<int> width = side(text.substr(0, x)), height = side(text.substr(x + 1));
    if (!width || !height) return std::nullopt;
    return std::pair{*width, *height};
}

// "FIRST:LAST:STEP" in degrees, within the joint's range; the message names what is wrong.
std::optional<std::string> parseAngleRange(const std::string& text, anatomy::Coordinate joint, anatomy::AngleRange& out)
{
    double values[3] = {0.0, 0.0, 0.0};
    std::size_t start = 0;
    for (int i = 0; i < 3; ++i) {
        const std::size_t end = i < 2 ? text.find(':', start) : text.size();
        if (end == std::string::npos) return "expected FIRST:LAST:STEP in degrees, such as -20:120:10, got '" + text + "'";
        const char* first = text.data() + start;
        const char* last = text.data() + end;
        const auto [stop, error] = std::from_chars(first, last, values[i]);
        if (error != std::errc() || stop != last || !std::isfinite(values[i]))
            return "expected FIRST:LAST:STEP in degrees, such as -20:120:10, got '" + text + "'";
        start = end + 1;
    }
    const anatomy::CoordinateInfo& info = anatomy::coordinateInfo(joint);
    char message[200];
    if (values[2] <= 0.0) {
        std::snprintf(message, sizeof message, "STEP must be greater than 0, got %g", values[2]);
        return message;
    }
    if (values[0] > values[1]) {
        std::snprintf(message, sizeof message, "FIRST (%g) must not be greater than LAST (%g)", values[0], values[1]);
        return message;
    }
    if (values[0] < info.minimum || values[1] > info.maximum) {
        std::snprintf(message, sizeof message, "angles must lie within %s's range of %g to %g degrees, got %g to %g",
                      std::string(info.name).c_str(), info.minimum, info.maximum, values[0], values[1]);
        return message;
    }
    constexpr double kMaximumAngles = 100000.0;
    if ((values[1] - values[0]) / values[2] + 1.0 > kMaximumAngles) {
        std::snprintf(message, sizeof message, "STEP %g gives more than %g angles", values[2], kMaximumAngles);
        return message;
    }
    out = {values[0], values[1], values[2]};
    return std::nullopt;
}

// CLI11's CheckedTransformer over a table of words: the option's variable receives the value
// the word names. CLI11 would also let the value's number through; only the words are meant
// for people, so anything else is refused with the words listed.
template <typename Enum, std::size_t Count>
CLI::Validator wordsOf(const core::EnumNames<Enum, Count>& names)
{
    std::vector<std::pair<std::string, Enum>> words;
    std::string listed;  // as the help shows a set: {auto,high,medium,low}
    for (const core::EnumName<Enum>& entry : names) {
        words.emplace_back(std::string(entry.name), entry.value);
        listed += (listed.empty() ? "{" : ",") + std::string(entry.name);
    }
    const CLI::CheckedTransformer toValue(words);
    return CLI::Validator(
        [toValue, names](std::string& input) {
            if (!names.parse(input)) return "'" + input + "' is not one of " + names.choices();
            return toValue(input);
        },
        listed + "}");
}

// A number from `low` to `high` (a whole one where `whole`); anything else is refused with
// the range named, so the message says what would have been accepted.
CLI::Validator numberWithin(double low, double high, bool whole, const std::string& what = "number")
{
    char range[120];
    std::snprintf(range, sizeof range, "%s from %.10g to %.10g", whole ? ("whole " + what).c_str() : what.c_str(), low, high);
    const std::string expected = std::string("expected a ") + range;
    return CLI::Validator(
        [=](std::string& input) -> std::string {
            double value = 0.0;
            const char* first = input.data();
            const char* last = first + input.size();
            bool good = false;
            if (whole) {
                long long number = 0;
                const auto [stop, error] = std::from_chars(first, last, number);
                good = error == std::errc() && stop == last;
                value = double(number);
            } else {
                const auto [stop, error] = std::from_chars(first, last, value);
                good = error == std::errc() && stop == last && std::isfinite(value);
            }
            if (!good || value < low || value > high) return expected + ", got '" + input + "'";
            return {};
        },
        range);
}

} // namespace

ParseResult parseOptions(int argc, char** argv)
{
    Options options;
    options.commandLine.assign(argv, argv + argc);
    CLI::App cli{"Hamstring Trainer: a real-time 3D trainer for the hamstring muscles.", "hamstring-trainer"};
    cli.set_version_flag("--version", std::string(HT_VERSION));
    cli.add_option("scene", options.scenePath, "Scene file to open (default: scenes/default.toml)");
    cli.add_option("--model", options.modelPath, "Model file (glTF, OBJ, FBX) shown instead of the scene's model");
    cli.add_option("--model-unit", options.modelUnit,
                   "With --model: the file's length unit, m, cm or mm (default: what the file states, else inferred from its size)")
        ->check(CLI::IsMember({"m", "cm", "mm"}));
    cli.add_option("--model-up", options.modelUp, "With --model: the file's up axis, x, y or z (default: what the file states, else y)")
        ->check(CLI::IsMember({"x", "y", "z"}));
    cli.add_option("--data-dir", options.dataDir, "Folder holding shaders/, assets/ and scenes/");
    cli.add_option("--view", options.view, "Opening view: anterior, posterior, lateral, medial or superior")
        ->check(CLI::IsMember({"anterior", "posterior", "lateral", "medial", "superior"}));
    cli.add_flag("--headless", options.headless, "Render without a window (SDL offscreen driver)");
    std::string size;
    cli.add_option("--size", size, "Window or image size in pixels, WxH (default 1280x720)");
    cli.add_option("--frames", options.frames, "Render this many frames, then exit")->check(numberWithin(0, kMaximumFrames, true));
    cli.add_option("--screenshot", options.screenshotPath, "Save the last frame as a PNG image");
    cli.add_flag("--bench", options.bench,
                 "Print the renderer, time to first frame and CPU/GPU frame times (median, p95, p99)");
    cli.add_flag("--no-overlay", options.noOverlay, "Hide the overlay (clean images of the model)");
    cli.add_flag("--fullscreen", options.fullscreen, "Start fullscreen");
    cli.add_flag("--presenter", options.presenter, "Start in presenter mode (fullscreen, model and step text only)");
    std::string closeUp;
    cli.add_option("--close-up", closeUp,
                   "on or off: the close-up, the working hamstrings filling the view with the whole pose in a corner (default: as last set, C)")
        ->check(CLI::IsMember({"on", "off"}));
    cli.add_option("--display", options.display, "Display to open on (0 is the first)")->check(numberWithin(0, kMaximumDisplay, true));
    bool noVsync = false;
    cli.add_flag("--no-vsync", noVsync, "Do not wait for the display's refresh");
    cli.add_flag("--gl-debug", options.glDebug, "Report every OpenGL error and warning (on in Debug builds)");
    cli.add_option("--quality", options.quality,
                   "Rendering quality: high (4x MSAA), medium (no multisampling, simplified meshes), low (coarser "
                   "meshes lit per vertex, edges smoothed after drawing), lowest (as low, at 55% resolution), or auto "
                   "(starts lowest, steps up while frames take under 13.3 ms there and 8.3 ms above it, and down while "
                   "they take over 16.7 ms; headless runs without --bench use high)")
        ->transform(wordsOf(kQualityChoiceNames));
    cli.add_option("--lesson", options.lesson, "Open a lesson by its file name (without .toml)");
    cli.add_option("--step", options.step, "Start the lesson at this step (1 is the first)")
        ->check(numberWithin(1, content::kLessonLimits.steps, true));
    cli.add_option("--routine", options.routinePath,
                   "Play a routine file (TOML, see docs/lesson-format.md); a teacher's, or one saved from the Routines panel");
    cli.add_option("--time", options.stepTimeS, "Jump to this many seconds into the step (with --routine: into the routine)")
        ->check(numberWithin(0, kMaximumStepTimeS, false, "number of seconds"));
    cli.add_flag("--check-lessons", options.checkLessons,
                 "Load every lesson and shipped routine, print each problem as file:line:column, and exit (1 if any)");
    std::vector<std::string> exportArgs;
    cli.add_option("--export-lesson", exportArgs,
                   "NAME DIR: render every step of a lesson headless into DIR as PNG, with a printable HTML handout")
        ->expected(2);
    std::vector<std::string> videoArgs;
    cli.add_option("--export-lesson-video", videoArgs,
                   "NAME FILE: render a lesson headless as a video at 30 frames a second and --size (default 1280x720): "
                   "FILE.mp4 (H.264 + AAC) or FILE.webm (VP9 + Opus), with the voice and cue tones as sound and the "
                   "step text as captions in FILE.vtt beside it")
        ->expected(2);
    cli.add_flag("--burn-captions", options.burnCaptions, "With --export-lesson-video: draw the captions into the picture too");
    cli.add_option("--video-seconds", options.videoSeconds,
                   "With --export-lesson-video: only the first this many seconds of the lesson (a preview)")
        ->check(numberWithin(0.1, kMaximumStepTimeS, false, "number of seconds"));
    cli.add_flag("--progress-lines", options.progressLines,
                 "With --export-lesson-video: report progress as 'progress DONE TOTAL' lines on stdout instead of a bar");
    cli.add_flag("--controls-markdown", options.controlsMarkdown,
                 "Print every control as a Markdown table (the README's table) and exit");
    cli.add_option("--input-script", options.inputScript, "Replay scripted clicks and keys (TOML; see docs/automation.md)");
    cli.add_option("--report", options.reportPath, "Write the app's state (selection, lesson step, layers...) as JSON at exit");
    cli.add_option("--coverage", options.coverageCsv,
                   "Measure the share of the free 3D view the hamstrings fill at every lesson step (with --lesson: one "
                   "lesson), print it with the state contrast and write it as CSV to this file");
    cli.add_option("--coverage-floors", options.coverageFloors,
                   "With --coverage: fail when a step is under its floor (3 % or its line in this file) or the median under 10 %");
    cli.add_option("--coverage-scale", options.coverageScale,
                   "With --coverage: count the scene's pixels at this share of the window size (panels keep the window's layout)")
        ->check(numberWithin(0.1, 1.0, false));
    cli.add_flag("--tour", options.tour,
                 "Play every step of every lesson headless with OpenGL debug output on, print each problem, and "
                 "exit 1 if any OpenGL error or warning, log warning or broken lesson turned up");
    cli.add_option("--soak", options.soakSeconds,
                   "Cycle cramps and stretches for this many seconds, print memory and frame time, and fail if "
                   "memory grows by 1 MB or more after warm-up or frames slow down by a fifth")
        ->check(numberWithin(kMinimumSoakS, kMaximumSoakS, false, "number of seconds"));
    cli.add_flag("-v,--verbose", options.verbose, "Log more detail");
    cli.add_flag("--muscle-table", options.muscleTable,
                 "Print the right leg's hamstring lengths, moment arms and relaxed fibre state as CSV, then exit");
    std::string hipRange, kneeRange;
    cli.add_option("--hip", hipRange, "With --muscle-table: hip flexion angles FIRST:LAST:STEP in degrees (default -20:120:10)");
    cli.add_option("--knee", kneeRange, "With --muscle-table: knee flexion angles FIRST:LAST:STEP in degrees (default 0:120:10)");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        // Help and --version exit 0; every mistake in the command line exits 2, as the
        // checks below do, whatever CLI11's own number for it.
        const int code = cli.exit(error);
        return {std::nullopt, code == 0 ? 0 : 2};
    }
    options.vsync = !noVsync;
    if (!closeUp.empty()) options.closeUp = closeUp == "on";
    if (exportArgs.size() == 2) {
        options.exportLesson = exportArgs[0];
        options.exportDir = exportArgs[1];
        options.headless = true;
    }
    if (videoArgs.size() == 2) {
        options.videoLesson = videoArgs[0];
        options.videoPath = videoArgs[1];
        options.headless = true;
        if (!media::containerFor(options.videoPath)) {
            std::fprintf(stderr, "hamstring-trainer: --export-lesson-video: %s: the file name must end in %s\n",
                         options.videoPath.c_str(), media::kVideoExtensions);
            return {std::nullopt, 2};
        }
    } else if (options.burnCaptions || options.videoSeconds > 0.0 || options.progressLines) {
        std::fprintf(stderr, "hamstring-trainer: --burn-captions, --video-seconds and --progress-lines: only used with "
                             "--export-lesson-video\n");
        return {std::nullopt, 2};
    }
    const std::pair<const char*, const std::string*> ranges[] = {{"--hip", &hipRange}, {"--knee", &kneeRange}};
    for (const auto& [name, text] : ranges) {
        if (text->empty()) continue;
        if (!options.muscleTable) {
            std::fprintf(stderr, "hamstring-trainer: %s: only used with --muscle-table\n", name);
            return {std::nullopt, 2};
        }
        const bool hip = text == &hipRange;
        const auto problem = parseAngleRange(*text, hip ? anatomy::Coordinate::HipFlexionR : anatomy::Coordinate::KneeFlexionR,
                                             hip ? options.muscleTableHip : options.muscleTableKnee);
        if (problem) {
            std::fprintf(stderr, "hamstring-trainer: %s: %s\n", name, problem->c_str());
            return {std::nullopt, 2};
        }
    }
    if (options.tour) {
        options.headless = true;
        options.glDebug = true;
    }
    if (!options.coverageCsv.empty()) options.headless = true;
    if (!options.coverageFloors.empty() && options.coverageCsv.empty()) {
        std::fprintf(stderr, "hamstring-trainer: --coverage-floors: only used with --coverage\n");
        return {std::nullopt, 2};
    }
    if (!size.empty()) {
        const std::optional<std::pair<int, int>> parsed = parseSize(size);
        if (!parsed) {
            std::fprintf(stderr,
                         "hamstring-trainer: --size: expected WIDTHxHEIGHT in pixels, each from 1 to %d, such as "
                         "1280x720, got '%s'\n",
                         kMaximumSidePx, size.c_str());
            return {std::nullopt, 2};
        }
        options.size = {parsed->first, parsed->second};
        options.sizeGiven = true;
    }
    if (!options.routinePath.empty() && !options.lesson.empty()) {
        std::fprintf(stderr, "hamstring-trainer: --routine: give either --lesson or --routine, not both\n");
        return {std::nullopt, 2};
    }
    for (const auto& [name, given] : {std::pair{"--step", options.step > 0},
                                      std::pair{"--time", options.stepTimeS >= 0.0 && options.routinePath.empty()}})
        if (given && options.lesson.empty()) {
            std::fprintf(stderr, "hamstring-trainer: %s: only used with --lesson\n", name);
            return {std::nullopt, 2};
        }
#ifndef NDEBUG
    options.glDebug = true;
#endif
    return {options, 0};
}

} // namespace app
