// File > Export lesson video...: the export runs in a child process of this same program
// (/proc/self/exe --export-lesson-video, headless), started with posix_spawn, so the window
// stays responsive and no process holding a GL context is ever forked. The child reports
// "progress DONE TOTAL" lines on a pipe; Cancel sends it SIGTERM and it removes its partial file.
#pragma once

#include "core/error.h"

#include <sys/types.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace app {

class VideoExportJob {
public:
    VideoExportJob() = default;
    ~VideoExportJob();   // a running export is cancelled and waited for
    VideoExportJob(const VideoExportJob&) = delete;
    VideoExportJob& operator=(const VideoExportJob&) = delete;

    // `arguments`: after the program name (the scene, model and data folder the app runs with,
    // then --export-lesson-video NAME FILE). `program`: empty for this program (/proc/self/exe).
    core::Status start(const std::filesystem::path& file, const std::vector<std::string>& arguments,
                       const std::filesystem::path& program = {});
    // Once a frame, never blocking: reads progress and notices the end.
    void poll();
    void cancel();

    bool running() const { return child_ > 0; }
    float fraction() const { return total_ > 0 ? float(double(done_) / double(total_)) : 0.0f; }
    const std::filesystem::path& file() const { return file_; }
    // What to tell the user once the export ended (saved where, or why not); taken once.
    std::optional<std::string> takeOutcome();

private:
    void readAvailable();
    void handleLine(const std::string& line);
    void finished(int waitStatus);

    pid_t child_ = -1;
    int pipe_ = -1;               // read end: the child's stdout and stderr
    std::string pending_;         // a line not yet ended
    std::string lastMessage_;     // the child's last line that was not progress (its error)
    long long done_ = 0;
    long long total_ = 0;
    bool cancelled_ = false;
    std::filesystem::path file_;
    std::optional<std::string> outcome_;
};

} // namespace app
