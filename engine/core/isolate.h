// Running risky work in a child process so that a crash, a hang or a runaway allocation in
// it becomes an error the caller can report, not the end of the app. Used for model import:
// assimp is a system library that some damaged files crash, and it cannot be fixed here.
//
// The child is made with fork(), so call this before other threads start (the app imports
// its model first thing). The work reports which stage it is in, so the parent can say what
// was running when the child died, and sends its result back as bytes.
#pragma once

#include <signal.h>

#include <array>
#include <functional>
#include <string>
#include <string_view>

namespace core {

// The child's side: what the work may do while it runs.
class IsolatedChannel {
public:
    explicit IsolatedChannel(int fd) : fd_(fd) {}
    // Marks the start of a numbered stage (1..255); the parent keeps the last one seen.
    void stage(int number);
    // Sends the result. Call once, at the end.
    void send(std::string_view bytes);

private:
    int fd_;
};

// While one lives, a crash ends the process at once with the kernel's default action
// instead of going through a sanitizer's or fuzzer's handler: around third-party code whose
// crashes are expected and reported by the parent, not bugs of this program.
class PlainCrashes {
public:
    PlainCrashes();
    ~PlainCrashes();
    PlainCrashes(const PlainCrashes&) = delete;
    PlainCrashes& operator=(const PlainCrashes&) = delete;

private:
    std::array<struct sigaction, 7> saved_{};  // SEGV, BUS, ILL, FPE, ABRT, TRAP, SYS as they were
};

struct IsolatedResult {
    enum class Ending {
        Finished,      // the work returned and the child exited normally
        Signalled,     // the child was killed by a signal (a crash, or the out-of-memory killer)
        Exited,        // the child exited with a non-zero code (a sanitizer report, an exit() inside the work)
        TimedOut,      // the child ran past the time limit and was killed
        OutOfMemory,   // the child held more resident memory than allowed and was killed
        NotStarted,    // no child could be made; `code` is errno
    };
    Ending ending = Ending::NotStarted;
    int code = 0;        // the signal, the exit code or errno
    int stage = 0;       // the last stage the child reported; 0 when none
    bool sent = false;   // the child sent its result
    std::string payload; // what it sent

    bool finished() const { return ending == Ending::Finished && sent; }
    // In words: "was killed by signal 11 (Segmentation fault)", "ran for more than 60 s", ...
    std::string describeEnding() const;
};

struct IsolationLimits {
    double seconds = 60.0;                    // wall-clock time before the child is killed
    unsigned long long residentMiB = 4096;    // resident memory before the child is killed (looked at every 100 ms; 0: no limit)
    unsigned long long extraMemoryMiB = 8192; // address space the child may add (not in AddressSanitizer builds)
};

// Runs `work` in a child process and waits for it to end.
IsolatedResult runIsolated(const std::function<void(IsolatedChannel&)>& work, const IsolationLimits& limits = {});

} // namespace core
