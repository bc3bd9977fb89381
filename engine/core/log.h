// Logging with a subsystem tag ("gfx", "assets", ...). Lines go to stderr by default;
// tests and the overlay can install a sink to capture them.
#pragma once

#include <functional>
#include <sstream>
#include <string>
#include <string_view>

namespace core {

enum class LogLevel { Debug, Info, Warning, Error };

const char* logLevelName(LogLevel level);

using LogSink = std::function<void(LogLevel, std::string_view tag, std::string_view message)>;

// Replaces where log lines go; an empty sink restores stderr. Returns the previous sink.
LogSink setLogSink(LogSink sink);
// Lines below this level are dropped (default Info).
void setLogLevel(LogLevel minimum);
LogLevel logLevel();

void logMessage(LogLevel level, std::string_view tag, std::string_view message);
// How many warnings and errors have been logged since the program started, whatever the
// level filter and sink (the lesson tour fails on any).
int loggedProblemCount();

template <class... Parts>
std::string concat(const Parts&... parts)
{
    std::ostringstream stream;
    (stream << ... << parts);
    return stream.str();
}

template <class... Parts>
void logDebug(std::string_view tag, const Parts&... parts)
{
    if (logLevel() <= LogLevel::Debug) logMessage(LogLevel::Debug, tag, concat(parts...));
}
template <class... Parts>
void logInfo(std::string_view tag, const Parts&... parts)
{
    logMessage(LogLevel::Info, tag, concat(parts...));
}
template <class... Parts>
void logWarning(std::string_view tag, const Parts&... parts)
{
    logMessage(LogLevel::Warning, tag, concat(parts...));
}
template <class... Parts>
void logError(std::string_view tag, const Parts&... parts)
{
    logMessage(LogLevel::Error, tag, concat(parts...));
}

} // namespace core
