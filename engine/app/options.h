// Command-line options of hamstring-trainer.
#pragma once

#include "anatomy/muscle_table.h"
#include "app/quality_levels.h"

#include <glm/vec2.hpp>

#include <optional>
#include <string>
#include <vector>

namespace app {

struct Options {
    std::string scenePath;           // scene file; empty: the default scene
    std::string modelPath;           // overrides the scene's model
    std::string modelUnit;           // "m", "cm", "mm"; empty: stated by the file or inferred
    std::string modelUp;             // "x", "y", "z"; empty: stated by the file or +Y
    std::string dataDir;             // shaders/, assets/, scenes/ live here
    std::string view;                // opening preset view name
    bool headless = false;
    glm::ivec2 size{1280, 720};
    bool sizeGiven = false;          // --size was on the command line (saved placement is not used)
    int frames = 0;                  // 0: run until quit (headless: 1 frame)
    std::string screenshotPath;
    bool bench = false;
    bool noOverlay = false;
    bool fullscreen = false;
    bool presenter = false;          // start in presenter mode
    std::optional<bool> closeUp;     // --close-up on|off: the close-up switch for this run (else the saved one)
    int display = 0;
    bool vsync = true;
    bool glDebug = false;
    QualityChoice quality = QualityChoice::Auto;
    bool verbose = false;
    std::string lesson;              // open this lesson (file name without .toml)
    int step = 0;                    // 1-based step of --lesson; 0: where the user left off
    double stepTimeS = -1.0;         // jump to this time within the step (reproducible images)
    std::string routinePath;         // play this routine file (--routine); --time seeks within it
    bool checkLessons = false;       // validate every lesson and shipped routine and exit
    bool controlsMarkdown = false;   // print the controls as a Markdown table (the README's) and exit
    std::string inputScript;         // inject scripted input (automation, tests)
    std::string exportLesson;        // render every step of this lesson and a handout...
    std::string exportDir;           // ...into this folder, then exit
    // --export-lesson-video NAME FILE: the lesson as an MP4 or WebM video with WebVTT captions.
    std::string videoLesson;
    std::string videoPath;
    bool burnCaptions = false;       // ...with the captions drawn into the picture too
    double videoSeconds = 0.0;       // ...only this many seconds of it (0: all; tests, previews)
    bool progressLines = false;      // ...reporting "progress DONE TOTAL" lines on stdout (the app's own export)
    std::string reportPath;          // write the app's state as JSON at exit (automation, tests)
    std::string coverageCsv;         // measure how much of the view the hamstrings fill at every step, write CSV
    std::string coverageFloors;      // ...and fail under these floors (or 3 %) or a median under 10 %
    double coverageScale = 1.0;      // ...counting the scene's pixels at this share of the window size
    bool tour = false;               // play every step of every lesson headless with GL debug output, fail on problems
    double soakSeconds = 0.0;        // run cramp and stretch cycles this long, checking memory and frame time
    // --muscle-table: print the right leg's hamstring table (CSV) over these angles and exit.
    bool muscleTable = false;
    anatomy::AngleRange muscleTableHip{-20.0, 120.0, 10.0};
    anatomy::AngleRange muscleTableKnee{0.0, 120.0, 10.0};
    // The command line as given, program name first: what the app runs again when it must
    // start over as a fresh process (Application::start, a model pack refused late).
    std::vector<std::string> commandLine;
};

struct ParseResult {
    std::optional<Options> options; // empty when the program should exit (help, bad usage)
    int exitCode = 0;
};

ParseResult parseOptions(int argc, char** argv);

} // namespace app
