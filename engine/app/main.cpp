// hamstring-trainer: opens the trainer, or renders headless for automation.
#include "app/application.h"
#include "app/controls.h"
#include "anatomy/muscle_table.h"
#include "app/options.h"
#include "core/log.h"

#include <cstdio>

#include <malloc.h>

int main(int argc, char** argv)
{
    // Mesa's software rasteriser allocates and frees buffers of megabytes every frame. glibc
    // serves those with a fresh mmap each time until a large free happens to raise its mmap
    // threshold, and every fresh mapping is page faults again: measured at 4x MSAA, 50 % more
    // time for the same picture. A fixed threshold keeps them in the heap from the start.
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, int(app::kHeapTrimThreshold));
    app::ParseResult parsed = app::parseOptions(argc, argv);
    if (!parsed.options) return parsed.exitCode;
    const app::Options& options = *parsed.options;
    if (options.muscleTable) {
        // Numbers only: no window, no GL.
        const std::string csv = anatomy::muscleTableCsv(anatomy::muscleTable(options.muscleTableHip, options.muscleTableKnee));
        std::fwrite(csv.data(), 1, csv.size(), stdout);
        return 0;
    }
    if (options.verbose) core::setLogLevel(core::LogLevel::Debug);
    if (options.checkLessons) return app::checkLessons(options);
    if (options.controlsMarkdown) {
        std::printf("| Input | Action |\n|---|---|\n");
        for (const ui::HelpEntry& entry : app::helpEntries()) std::printf("| %s | %s |\n", entry.keys.c_str(), entry.action.c_str());
        return 0;
    }

    auto application = app::Application::create(options);
    if (!application) {
        std::fprintf(stderr, "hamstring-trainer: error: %s\n", application.error().describe().c_str());
        return 1;
    }
    return (*application)->run();
}
