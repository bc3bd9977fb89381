// hamstring-trainer: opens the trainer, or renders headless for automation.
#include "app/application.h"
#include "app/options.h"
#include "core/log.h"

#include <cstdio>

int main(int argc, char** argv)
{
    app::ParseResult parsed = app::parseOptions(argc, argv);
    if (!parsed.options) return parsed.exitCode;
    const app::Options& options = *parsed.options;
    if (options.verbose) core::setLogLevel(core::LogLevel::Debug);
    if (options.checkLessons) return app::Application::checkLessons(options);

    auto application = app::Application::create(options);
    if (!application) {
        std::fprintf(stderr, "hamstring-trainer: error: %s\n", application.error().describe().c_str());
        return 1;
    }
    return (*application)->run();
}
