// Screenshots leave the frame as pixels: compressing the PNG (about 13 ms for a 1280x720
// window with libpng's fast setting on the 2-core machine this was measured on) and writing it
// happen on threads of their own, so taking a picture does not hold up the frame it was taken
// in, and the first picture of `--screenshot` is compressed while the window shows it.
#pragma once

#include "core/error.h"
#include "core/image.h"

#include <cstddef>
#include <deque>
#include <filesystem>
#include <future>
#include <vector>

namespace app {

class ScreenshotWriter {
public:
    struct Outcome {
        std::filesystem::path path;
        core::Status status;  // an error names the file and what went wrong
    };

    ScreenshotWriter() = default;
    ScreenshotWriter(const ScreenshotWriter&) = delete;
    ScreenshotWriter& operator=(const ScreenshotWriter&) = delete;
    ~ScreenshotWriter();  // waits for the pictures still being written

    // Starts writing `image` to `path`, creating its folder. With kMostPending pictures on
    // their way already, the oldest is waited for first.
    void write(std::filesystem::path path, core::Image image);
    static constexpr std::size_t kMostPending = 4;
    // The writes that have ended, in the order they were asked for (one still running holds
    // back those after it); with `wait`, every write, once all have ended.
    std::vector<Outcome> collect(bool wait = false);
    // `path`, or where it is taken (a file there, or a picture on its way to it) the first of
    // "name-2.png", "name-3.png", ... that is free: two pictures within one second of the
    // clock's name never overwrite each other.
    std::filesystem::path freePath(const std::filesystem::path& path) const;

private:
    struct Pending {
        std::filesystem::path path;
        std::future<core::Status> done;
    };
    std::deque<Pending> pending_;
    std::vector<Outcome> ended_;  // waited for by write, reported by the next collect
};

} // namespace app
