#include "core/isolate.h"

#include "core/process_memory.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <span>
#include <string>
#include <vector>

// Present only when a sanitizer runtime is linked: a fuzzer registers a callback there that
// saves the input as a crash and stops, which must not happen for a child's expected failures.
extern "C" void __sanitizer_set_death_callback(void (*callback)(void)) __attribute__((weak));

// In a build with coverage counters (-fsanitize=fuzzer or fuzzer-no-link), the linker marks
// where this program's 8-bit edge counters begin and end; weak, so other builds see null.
// libFuzzer learns what an input reached from them, but what the child reaches after the fork
// it never sees: the child sends its counters back and the parent adds them to its own.
extern "C" std::uint8_t __start___sancov_cntrs[] __attribute__((weak));
extern "C" std::uint8_t __stop___sancov_cntrs[] __attribute__((weak));

#if defined(__SANITIZE_ADDRESS__)
#define HT_ADDRESS_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define HT_ADDRESS_SANITIZER 1
#endif
#endif

namespace core {

namespace {

constexpr char kStageRecord = 'S';
constexpr char kResultRecord = 'R';
constexpr char kCoverageRecord = 'C';
constexpr std::array<int, 7> kCrashSignals{SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS};

// This program's coverage counters; empty where there are none.
std::span<std::uint8_t> coverageCounters()
{
    if (__start___sancov_cntrs == nullptr || __stop___sancov_cntrs == nullptr) return {};
    return {__start___sancov_cntrs, std::size_t(__stop___sancov_cntrs - __start___sancov_cntrs)};
}

// Adds the child's counts to this process's, saturating at 255 as the counters do.
void addChildCoverage(std::string_view childCounters)
{
    const std::span<std::uint8_t> counters = coverageCounters();
    const std::size_t count = std::min(counters.size(), childCounters.size());
    for (std::size_t i = 0; i < count; ++i)
        counters[i] = std::uint8_t(std::min(255, counters[i] + static_cast<unsigned char>(childCounters[i])));
}

// Writes everything or gives up quietly: the parent notices a short message.
void writeAll(int fd, const void* data, std::size_t size)
{
    const char* bytes = static_cast<const char*>(data);
    while (size > 0) {
        const ssize_t written = ::write(fd, bytes, size);
        if (written < 0) {
            if (errno == EINTR) continue;
            return;
        }
        bytes += written;
        size -= std::size_t(written);
    }
}

// Lets the child take at most `extraMiB` more address space than it holds at the fork, so a
// reader that believes a damaged count fails to allocate instead of exhausting the machine.
// Left out under AddressSanitizer, which reserves terabytes of shadow address space.
void limitAddressSpace(unsigned long long extraMiB)
{
#ifndef HT_ADDRESS_SANITIZER
    const unsigned long long size = processMemory().addressSpaceKb << 10;
    if (extraMiB == 0 || size == 0) return;
    const rlimit limit{rlim_t(size + (extraMiB << 20)), rlim_t(size + (extraMiB << 20))};
    ::setrlimit(RLIMIT_AS, &limit);
#else
    (void)extraMiB;
#endif
}

[[noreturn]] void runChild(const std::function<void(IsolatedChannel&)>& work, int fd, const IsolationLimits& limits)
{
    if (__sanitizer_set_death_callback) __sanitizer_set_death_callback(nullptr);
    // The counters start from zero here so that only the child's own work is sent back: what the
    // parent did before the fork it has counted already.
    const std::span<std::uint8_t> counters = coverageCounters();
    std::fill(counters.begin(), counters.end(), std::uint8_t(0));
    ::signal(SIGPIPE, SIG_IGN);
    const rlimit noCore{0, 0};
    ::setrlimit(RLIMIT_CORE, &noCore);
    limitAddressSpace(limits.extraMemoryMiB);
    IsolatedChannel channel(fd);
    try {
        work(channel);
    } catch (...) {
        ::_exit(3);
    }
    // _exit, not exit: the parent's atexit handlers, static destructors and leak checks
    // belong to the parent.
    ::_exit(0);
}

// The child's records: 'S' then a stage byte; 'C' (coverage counters) or 'R' (the result),
// an 8-byte length, then the bytes.
void parseRecords(const std::string& stream, IsolatedResult& result, std::string& coverage)
{
    std::size_t at = 0;
    while (at < stream.size()) {
        const char kind = stream[at++];
        if (kind == kStageRecord && at < stream.size()) {
            result.stage = static_cast<unsigned char>(stream[at++]);
        } else if ((kind == kResultRecord || kind == kCoverageRecord) && stream.size() - at >= 8) {
            std::uint64_t length = 0;
            std::memcpy(&length, stream.data() + at, 8);
            at += 8;
            if (length > stream.size() - at) return;  // cut short: the child died while sending
            if (kind == kCoverageRecord) {
                coverage.assign(stream, at, std::size_t(length));
            } else {
                result.payload.assign(stream, at, std::size_t(length));
                result.sent = true;
            }
            at += std::size_t(length);
        } else {
            return;
        }
    }
}

// Sends one record with a length: 'C' or 'R'.
void sendRecord(int fd, char kind, std::string_view bytes)
{
    char header[9] = {kind};
    const std::uint64_t length = bytes.size();
    std::memcpy(header + 1, &length, 8);
    writeAll(fd, header, sizeof header);
    writeAll(fd, bytes.data(), bytes.size());
}

} // namespace

void IsolatedChannel::stage(int number)
{
    const char record[2] = {kStageRecord, char(static_cast<unsigned char>(number))};
    writeAll(fd_, record, sizeof record);
}

void IsolatedChannel::send(std::string_view bytes)
{
    // Coverage first: once the result is whole the parent stops reading and ends the child.
    const std::span<const std::uint8_t> counters = coverageCounters();
    if (!counters.empty())
        sendRecord(fd_, kCoverageRecord, std::string_view(reinterpret_cast<const char*>(counters.data()), counters.size()));
    sendRecord(fd_, kResultRecord, bytes);
}

PlainCrashes::PlainCrashes()
{
    static_assert(std::tuple_size_v<decltype(saved_)> == kCrashSignals.size());
    struct sigaction plain {};
    plain.sa_handler = SIG_DFL;
    sigemptyset(&plain.sa_mask);
    for (std::size_t i = 0; i < kCrashSignals.size(); ++i) ::sigaction(kCrashSignals[i], &plain, &saved_[i]);
}

PlainCrashes::~PlainCrashes()
{
    for (std::size_t i = 0; i < kCrashSignals.size(); ++i) ::sigaction(kCrashSignals[i], &saved_[i], nullptr);
}

std::string IsolatedResult::describeEnding() const
{
    switch (ending) {
    case Ending::Finished: return sent ? "finished" : "finished without a result";
    case Ending::Signalled: {
        const char* name = ::strsignal(code);
        return "was stopped by signal " + std::to_string(code) + (name ? std::string(" (") + name + ")" : std::string());
    }
    case Ending::Exited: return "exited with code " + std::to_string(code);
    case Ending::TimedOut: return "ran past its time limit and was stopped";
    case Ending::OutOfMemory: return "held more memory than it may and was stopped";
    case Ending::NotStarted: return std::string("could not be started: ") + std::strerror(code);
    }
    return "ended in an unknown way";
}

IsolatedResult runIsolated(const std::function<void(IsolatedChannel&)>& work, const IsolationLimits& limits)
{
    IsolatedResult result;
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
        result.code = errno;
        return result;
    }
    // A larger pipe lets a model of megabytes cross in a few wake-ups rather than ~80 (not
    // fatal where the system limit is lower).
    ::fcntl(fds[1], F_SETPIPE_SZ, 1 << 20);
    std::fflush(nullptr);  // buffered output is not written twice by the child
    const pid_t pid = ::fork();
    if (pid < 0) {
        result.code = errno;
        ::close(fds[0]);
        ::close(fds[1]);
        return result;
    }
    if (pid == 0) {
        ::close(fds[0]);
        runChild(work, fds[1], limits);
    }
    ::close(fds[1]);

    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                             std::chrono::duration<double>(std::max(0.0, limits.seconds)));
    std::string stream;
    std::string childCoverage;
    std::vector<char> buffer(std::size_t(1) << 20);
    // How the parent ended the wait: with the ending it already knows, or none when the child
    // closed its end (then its exit status says), and whether the child must be stopped.
    using Ending = IsolatedResult::Ending;
    std::optional<Ending> known;
    bool stopChild = true;
    enum class Pipe { Open, Closed, Failed };
    // Reads what arrives within `waitMs`; Closed once the child's end is closed.
    auto drain = [&](int waitMs) {
        pollfd waiting{fds[0], POLLIN, 0};
        const int ready = ::poll(&waiting, 1, waitMs);
        if (ready < 0) return errno == EINTR ? Pipe::Open : Pipe::Failed;
        if (ready == 0) return Pipe::Open;
        const ssize_t got = ::read(fds[0], buffer.data(), buffer.size());
        if (got < 0) return errno == EINTR || errno == EAGAIN ? Pipe::Open : Pipe::Failed;
        if (got == 0) return Pipe::Closed;
        stream.append(buffer.data(), std::size_t(got));
        parseRecords(stream, result, childCoverage);
        return Pipe::Open;
    };
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            // What already waits in the pipe still counts.
            while (!result.sent) {
                const std::size_t before = stream.size();
                if (drain(0) != Pipe::Open || stream.size() == before) break;
            }
            known = result.sent ? Ending::Finished : Ending::TimedOut;
            break;
        }
        // Woken at least every 100 ms to look at the child's memory.
        const Pipe pipe = drain(int(std::min<long long>(left, 100)));
        if (result.sent) {
            known = Ending::Finished;
            break;
        }
        if (pipe != Pipe::Open) {
            stopChild = pipe == Pipe::Failed;
            break;
        }
        if (limits.residentMiB > 0 && processMemory(int(pid)).residentKb > (limits.residentMiB << 10)) {
            known = Ending::OutOfMemory;
            break;
        }
    }
    ::close(fds[0]);
    // Once the answer is whole nothing the child does matters: it is stopped rather than
    // waited for. Reaped here, not on another thread: while children were reaped on threads,
    // one child under the fuzzer never began its work, most likely stuck on a lock that such a
    // thread held at the fork.
    if (stopChild) ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    addChildCoverage(childCoverage);
    if (known) {
        result.ending = *known;
    } else if (WIFSIGNALED(status)) {
        result.ending = Ending::Signalled;
        result.code = WTERMSIG(status);
    } else if (WIFEXITED(status) && WEXITSTATUS(status) != 0) {
        result.ending = Ending::Exited;
        result.code = WEXITSTATUS(status);
    } else {
        result.ending = Ending::Finished;
    }
    return result;
}

} // namespace core
