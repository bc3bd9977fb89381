#include "app/screenshot_writer.h"

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>
#include <system_error>
#include <utility>

namespace app {

ScreenshotWriter::~ScreenshotWriter()
{
    for (Pending& write : pending_) write.done.wait();
}

void ScreenshotWriter::write(std::filesystem::path path, core::Image image)
{
    // Held back by a full queue (F12 held down): the oldest is waited for, so the pictures in
    // memory and the threads writing them stay few.
    while (pending_.size() >= kMostPending) {
        ended_.push_back({std::move(pending_.front().path), pending_.front().done.get()});
        pending_.pop_front();
    }
    // Shared, so that the picture is still here if no thread can be had.
    auto picture = std::make_shared<const core::Image>(std::move(image));
    std::future<core::Status> done;
    try {
        done = std::async(std::launch::async, [path, picture] { return core::writePng(path, *picture); });
    } catch (const std::system_error&) {
        // No thread to be had: written here and now, as before there were threads for it.
        std::promise<core::Status> written;
        written.set_value(core::writePng(path, *picture));
        done = written.get_future();
    }
    pending_.push_back({std::move(path), std::move(done)});
}

std::vector<ScreenshotWriter::Outcome> ScreenshotWriter::collect(bool wait)
{
    std::vector<Outcome> ended = std::move(ended_);
    ended_.clear();
    while (!pending_.empty()) {
        Pending& first = pending_.front();
        if (!wait && first.done.wait_for(std::chrono::seconds(0)) != std::future_status::ready) break;
        ended.push_back({std::move(first.path), first.done.get()});
        pending_.pop_front();
    }
    return ended;
}

std::filesystem::path ScreenshotWriter::freePath(const std::filesystem::path& path) const
{
    const auto taken = [&](const std::filesystem::path& candidate) {
        std::error_code unknown;
        return std::filesystem::exists(candidate, unknown) ||
               std::any_of(pending_.begin(), pending_.end(), [&](const Pending& write) { return write.path == candidate; });
    };
    if (!taken(path)) return path;
    const std::string stem = path.stem().string(), extension = path.extension().string();
    for (int number = 2; number < 10000; ++number) {
        std::filesystem::path candidate = path.parent_path() / (stem + "-" + std::to_string(number) + extension);
        if (!taken(candidate)) return candidate;
    }
    return path;  // ten thousand in one second: the clock's name is overwritten
}

} // namespace app
