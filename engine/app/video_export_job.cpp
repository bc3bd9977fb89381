#include "app/video_export_job.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace app {

VideoExportJob::~VideoExportJob()
{
    if (!running()) return;
    cancel();
    int status = 0;
    while (waitpid(child_, &status, 0) < 0 && errno == EINTR) {
    }
    close(pipe_);
}

core::Status VideoExportJob::start(const std::filesystem::path& file, const std::vector<std::string>& arguments,
                                   const std::filesystem::path& program)
{
    if (running()) return core::makeError("a video export is already running");
    std::string self = program.string();
    if (self.empty()) {
        char path[4096];
        const ssize_t length = readlink("/proc/self/exe", path, sizeof path - 1);
        if (length <= 0) return core::makeError(std::string("cannot find this program to start the export: ") + std::strerror(errno));
        self.assign(path, std::size_t(length));
    }

    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return core::makeError(std::string("cannot start the export: ") + std::strerror(errno));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    // The child's stdout (progress) and stderr (errors) both come back on the pipe; the
    // close-on-exec read end stays with the app.
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    std::vector<std::string> owned{"hamstring-trainer"};
    owned.insert(owned.end(), arguments.begin(), arguments.end());
    owned.push_back("--progress-lines");
    std::vector<char*> argv;
    for (std::string& argument : owned) argv.push_back(argument.data());
    argv.push_back(nullptr);
    pid_t child = -1;
    const int spawned = posix_spawn(&child, self.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (spawned != 0) {
        close(fds[0]);
        return core::makeError(std::string("cannot start the export: ") + std::strerror(spawned));
    }
    fcntl(fds[0], F_SETFL, fcntl(fds[0], F_GETFL) | O_NONBLOCK);
    child_ = child;
    pipe_ = fds[0];
    pending_.clear();
    lastMessage_.clear();
    done_ = total_ = 0;
    cancelled_ = false;
    file_ = file;
    outcome_.reset();
    return {};
}

void VideoExportJob::readAvailable()
{
    char buffer[4096];
    for (;;) {
        const ssize_t got = read(pipe_, buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return;   // nothing more now (EAGAIN) or the child closed its end
        pending_.append(buffer, std::size_t(got));
        for (std::size_t end = pending_.find('\n'); end != std::string::npos; end = pending_.find('\n')) {
            handleLine(pending_.substr(0, end));
            pending_.erase(0, end + 1);
        }
    }
}

void VideoExportJob::handleLine(const std::string& line)
{
    long long done = 0, total = 0;
    if (std::sscanf(line.c_str(), "progress %lld %lld", &done, &total) == 2) {
        done_ = done;
        total_ = total;
        return;
    }
    if (!line.empty()) lastMessage_ = line;
}

void VideoExportJob::poll()
{
    if (!running()) return;
    readAvailable();
    int status = 0;
    const pid_t ended = waitpid(child_, &status, WNOHANG);
    if (ended == child_) finished(status);
}

void VideoExportJob::finished(int waitStatus)
{
    readAvailable();
    if (!pending_.empty()) handleLine(pending_);
    close(pipe_);
    pipe_ = -1;
    child_ = -1;
    const bool succeeded = WIFEXITED(waitStatus) && WEXITSTATUS(waitStatus) == 0;
    if (succeeded) {
        std::filesystem::path captions = file_;
        captions.replace_extension(".vtt");
        outcome_ = "Video saved to " + file_.string() + " (captions: " + captions.filename().string() + ")";
    } else if (cancelled_) {
        outcome_ = "Video export cancelled";
    } else {
        // "hamstring-trainer: error: ..." names the file and what went wrong.
        const std::string prefix = "hamstring-trainer: error: ";
        std::string why = lastMessage_.rfind(prefix, 0) == 0 ? lastMessage_.substr(prefix.size()) : lastMessage_;
        if (why.empty()) why = "the export stopped unexpectedly";
        outcome_ = "Video export failed: " + why;
    }
}

void VideoExportJob::cancel()
{
    if (!running()) return;
    cancelled_ = true;
    kill(child_, SIGTERM);
}

std::optional<std::string> VideoExportJob::takeOutcome()
{
    std::optional<std::string> outcome = std::move(outcome_);
    outcome_.reset();
    return outcome;
}

} // namespace app
