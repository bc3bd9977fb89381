#include "core/log.h"

#include "core/enum_names.h"

#include <atomic>
#include <cstdio>
#include <mutex>

namespace core {
namespace {

std::mutex& logMutex()
{
    static std::mutex mutex;
    return mutex;
}

LogSink& currentSink()
{
    static LogSink sink;
    return sink;
}

std::atomic<int> problems{0};

constexpr auto kLogLevelNames = enumNames<LogLevel>({
    {LogLevel::Debug, "debug"}, {LogLevel::Info, "info"}, {LogLevel::Warning, "warning"}, {LogLevel::Error, "error"},
});

LogLevel& minimumLevel()
{
    static LogLevel level = LogLevel::Info;
    return level;
}

} // namespace

const char* logLevelName(LogLevel level)
{
    // The table holds string literals, so the view's data ends in a NUL.
    return kLogLevelNames.name(level).data();
}

int loggedProblemCount()
{
    return problems.load();
}

LogSink setLogSink(LogSink sink)
{
    std::lock_guard lock(logMutex());
    LogSink previous = std::move(currentSink());
    currentSink() = std::move(sink);
    return previous;
}

void setLogLevel(LogLevel minimum)
{
    minimumLevel() = minimum;
}

LogLevel logLevel()
{
    return minimumLevel();
}

void logMessage(LogLevel level, std::string_view tag, std::string_view message)
{
    if (level >= LogLevel::Warning) ++problems;
    if (level < minimumLevel()) return;
    std::lock_guard lock(logMutex());
    if (currentSink()) {
        currentSink()(level, tag, message);
        return;
    }
    std::fprintf(stderr, "[%s] %.*s: %.*s\n", logLevelName(level), int(tag.size()), tag.data(),
                 int(message.size()), message.data());
}

} // namespace core
