#include "core/clock.h"
#include "core/enum_names.h"
#include "core/error.h"
#include "core/file.h"
#include "core/process_memory.h"
#include "core/startup_heap.h"
#include "core/image.h"
#include "core/isolate.h"
#include "core/log.h"
#include "core/math.h"
#include "core/module.h"
#include "core/text.h"
#include "golden.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <cstring>

#include <dlfcn.h>
#include <gnu/libc-version.h>

#include <malloc.h>

#include <cctype>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <unistd.h>
#include <thread>
#include <vector>

using testing_support::TempDir;

TEST_CASE("errors describe file, line, column and field, leaving out what is unknown")
{
    CHECK(core::Error{"a.toml", 3, 7, "steps[0].hold", "must be positive"}.describe() ==
          "a.toml:3:7: steps[0].hold: must be positive");
    CHECK(core::Error{"a.toml", 3, 0, "", "bad"}.describe() == "a.toml:3: bad");
    CHECK(core::Error{"", 0, 0, "OpenGL 3.3 core", "missing"}.describe() == "OpenGL 3.3 core: missing");
    CHECK(core::makeFileError("x.glb", "not found").describe() == "x.glb: not found");
}

TEST_CASE("Expected carries a value or an error")
{
    core::Expected<int> good = 4;
    REQUIRE(good.ok());
    CHECK(*good == 4);
    core::Expected<int> bad = core::makeError("nope");
    REQUIRE_FALSE(bad.ok());
    CHECK(bad.error().message == "nope");
    core::Status fine;
    CHECK(fine.ok());
    core::Status failed = core::makeError("broken");
    CHECK_FALSE(failed.ok());
    CHECK(failed.error().message == "broken");
}

TEST_CASE("reading files names the file when it is missing")
{
    TempDir dir;
    auto missing = core::readTextFile(dir / "absent.txt");
    REQUIRE_FALSE(missing.ok());
    CHECK(missing.error().file == (dir / "absent.txt").string());
    CHECK(missing.error().message == "file not found");
    auto folder = core::readTextFile(dir.path());
    REQUIRE_FALSE(folder.ok());
    CHECK(folder.error().message.find("folder") != std::string::npos);
}

TEST_CASE("atomic writes replace the whole file and leave no temporary behind")
{
    TempDir dir;
    const auto path = dir / "settings" / "app.toml";
    REQUIRE(core::writeFileAtomic(path, "first = 1\n").ok());
    REQUIRE(core::writeFileAtomic(path, "second = 2\n").ok());
    CHECK(*core::readTextFile(path) == "second = 2\n");
    int files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(path.parent_path())) {
        (void)entry;
        ++files;
    }
    CHECK(files == 1);
}

// Each way a save can fail, made so that it fails for root too (CI runs as root, and
// permissions do not stop root): the error names the file and no temporary is left behind.
TEST_CASE("atomic write fails with the file named when the file cannot be opened, written or put in place")
{
    TempDir dir;
    auto leftovers = [&] {
        int count = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir.path()))
            count += entry.path().filename().string().find(".tmp-") != std::string::npos;
        return count;
    };
    // The temporary file is made beside the target as "<name>.tmp-<pid>"; something already
    // standing under that name decides which step fails.
    auto temporaryFor = [](const std::filesystem::path& path) {
        return std::filesystem::path(path.string() + ".tmp-" + std::to_string(::getpid()));
    };
    SUBCASE("a folder that no one may create files in (procfs refuses root as well)")
    {
        const core::Status status = core::writeFileAtomic("/proc/ht-settings.toml", "x");
        REQUIRE_FALSE(status.ok());
        CHECK(status.error().file == "/proc/ht-settings.toml");
        CHECK(status.error().message.rfind("cannot write: ", 0) == 0);
        CHECK_FALSE(std::filesystem::exists("/proc/ht-settings.toml"));
    }
    SUBCASE("the temporary cannot be opened: a folder holds its name")
    {
        const auto path = dir / "x.toml";
        std::filesystem::create_directory(temporaryFor(path));
        const core::Status status = core::writeFileAtomic(path, "x");
        REQUIRE_FALSE(status.ok());
        CHECK(status.error().file == path.string());
        CHECK(status.error().message.rfind("cannot write: ", 0) == 0);
        CHECK_FALSE(std::filesystem::exists(path));
    }
    SUBCASE("the disk is full: the temporary leads to /dev/full")
    {
        REQUIRE(std::filesystem::exists("/dev/full"));
        const auto path = dir / "x.toml";
        testing_support::writeText(path, "old = 1\n");
        std::filesystem::create_symlink("/dev/full", temporaryFor(path));
        const core::Status status = core::writeFileAtomic(path, "new = 2\n");
        REQUIRE_FALSE(status.ok());
        CHECK(status.error().file == path.string());
        CHECK(status.error().message.rfind("write failed: ", 0) == 0);
        CHECK(*core::readTextFile(path) == "old = 1\n");  // the old file is untouched
        CHECK(leftovers() == 0);
    }
    SUBCASE("the file cannot be replaced: a folder with files stands where it goes")
    {
        const auto path = dir / "x.toml";
        testing_support::writeText(path / "inside.txt", "x");
        const core::Status status = core::writeFileAtomic(path, "x");
        REQUIRE_FALSE(status.ok());
        CHECK(status.error().file == path.string());
        CHECK(status.error().message.rfind("cannot replace file: ", 0) == 0);
        CHECK(leftovers() == 0);
    }
}

TEST_CASE("the file watcher reports changed files once")
{
    TempDir dir;
    const auto path = dir / "shader.frag";
    testing_support::writeText(path, "one");
    core::FileWatcher watcher;
    watcher.watch(path);
    CHECK(watcher.poll().empty());
    testing_support::writeText(path, "two, longer");
    CHECK(watcher.poll().size() == 1);
    CHECK(watcher.poll().empty());
    std::filesystem::remove(path);
    CHECK(watcher.poll().size() == 1); // deletion is a change too
}

TEST_CASE("fixed steps do not depend on the frame rate")
{
    const double step = 1.0 / 240.0;
    core::FixedStepClock at30(step), at144(step);
    for (int frame = 0; frame < 30; ++frame) at30.advance(1.0 / 30.0);
    for (int frame = 0; frame < 144; ++frame) at144.advance(1.0 / 144.0);
    CHECK(at30.totalSteps() == 240);
    CHECK(at144.totalSteps() == 240);
    SUBCASE("a long stall is capped instead of spiralling")
    {
        core::FixedStepClock clock(step, 8);
        CHECK(clock.advance(5.0) == 8);
        CHECK(clock.advance(0.0) == 0);
    }
}

TEST_CASE("bounds and rays")
{
    core::Bounds box;
    CHECK(box.empty());
    box.add(glm::vec3(-1.0f));
    box.add(glm::vec3(1.0f, 2.0f, 1.0f));
    CHECK(box.center() == glm::vec3(0.0f, 0.5f, 0.0f));
    core::Ray ray{{0.0f, 0.5f, 10.0f}, {0.0f, 0.0f, -1.0f}};
    auto hit = core::intersectRayBounds(ray, box);
    REQUIRE(hit);
    CHECK(*hit == doctest::Approx(9.0));
    core::Ray miss{{5.0f, 0.0f, 10.0f}, {0.0f, 0.0f, -1.0f}};
    CHECK_FALSE(core::intersectRayBounds(miss, box));

    auto triangle = core::intersectRayTriangle(ray, {-1, -1, 0}, {1, -1, 0}, {0, 2, 0});
    REQUIRE(triangle);
    CHECK(*triangle == doctest::Approx(10.0));
    CHECK_FALSE(core::intersectRayTriangle(miss, {-1, -1, 0}, {1, -1, 0}, {0, 2, 0}));

    const core::Bounds moved = box.transformed(glm::mat4(1.0f) + glm::mat4(glm::vec4(0), glm::vec4(0), glm::vec4(0), glm::vec4(3, 0, 0, 0)));
    CHECK(moved.min.x == doctest::Approx(2.0f));
}

TEST_CASE("near misses get a suggestion, unrelated words do not")
{
    const std::vector<std::string> joints{"hip_flexion", "knee_flexion", "ankle_dorsiflexion"};
    CHECK(core::editDistance("kitten", "sitting") == 3);
    CHECK(core::closestMatch("hip_flexon", joints) == "hip_flexion");
    CHECK(core::closestMatch("knee_flexoin", joints) == "knee_flexion");
    CHECK(core::closestMatch("shoulder", joints).empty());
    CHECK(core::withSuggestion("unknown joint 'kne_flexion'", "kne_flexion", joints) ==
          "unknown joint 'kne_flexion'; did you mean 'knee_flexion'?");
}

TEST_CASE("PNG round trip and image comparison")
{
    TempDir dir;
    core::Image image;
    image.width = 4;
    image.height = 3;
    image.rgba.assign(4 * 3 * 4, 0);
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 4; ++x) {
            std::uint8_t* p = image.pixel(x, y);
            p[0] = std::uint8_t(x * 60);
            p[1] = std::uint8_t(y * 100);
            p[2] = 7;
            p[3] = 255;
        }
    REQUIRE(core::writePng(dir / "a.png", image).ok());
    auto back = core::readPng(dir / "a.png");
    REQUIRE(back.ok());
    CHECK(back->rgba == image.rgba);
    core::Image changed = image;
    changed.pixel(1, 1)[0] += 20;
    const testing_support::ImageDifference difference = testing_support::compareImages(changed, image);
    CHECK(difference.maxChannelDifference == 20);
    CHECK(difference.meanChannelDifference == doctest::Approx(20.0 / 36.0));
    CHECK_FALSE(core::readPng(dir / "missing.png").ok());

    // An opaque picture is stored without alpha (PNG colour type 2 in the header), one with
    // any transparency keeps it (type 6), and both read back as they were.
    auto colourType = [](const std::filesystem::path& file) {
        const core::Expected<std::string> bytes = core::readTextFile(file);
        return bytes && bytes->size() > 25 ? int(std::uint8_t((*bytes)[25])) : -1;
    };
    CHECK(colourType(dir / "a.png") == 2);
    core::Image translucent = image;
    translucent.pixel(2, 1)[3] = 128;
    REQUIRE(core::writePng(dir / "t.png", translucent).ok());
    CHECK(colourType(dir / "t.png") == 6);
    auto translucentBack = core::readPng(dir / "t.png");
    REQUIRE(translucentBack.ok());
    CHECK(translucentBack->rgba == translucent.rgba);

    // A folder that is a file: the error names the path, and nothing is left there.
    testing_support::writeText(dir / "taken", "not a folder");
    const core::Status blocked = core::writePng(dir / "taken" / "b.png", image);
    REQUIRE_FALSE(blocked.ok());
    CHECK(blocked.error().describe().find((dir / "taken" / "b.png").string()) != std::string::npos);
    CHECK(blocked.error().describe().find("cannot write PNG") != std::string::npos);
}

namespace {
enum class Tide { Low, Rising, High };
constexpr auto kTideNames = core::enumNames<Tide>({{Tide::Low, "low"}, {Tide::Rising, "rising"}, {Tide::High, "high"}});
static_assert(kTideNames.name(Tide::Rising) == "rising");
static_assert(kTideNames.parse("high") == Tide::High);
} // namespace

TEST_CASE("an enum name table gives names, values and the list of choices")
{
    for (const core::EnumName<Tide>& entry : kTideNames) CHECK(kTideNames.parse(kTideNames.name(entry.value)) == entry.value);
    CHECK_FALSE(kTideNames.parse("Low").has_value());
    CHECK_FALSE(kTideNames.parse("").has_value());
    CHECK(kTideNames.choices() == "low, rising or high");
    CHECK(kTideNames.choices(" and ") == "low, rising and high");
    CHECK(kTideNames.allNames() == std::vector<std::string>{"low", "rising", "high"});
    CHECK(std::string(core::logLevelName(core::LogLevel::Warning)) == "warning");
}

TEST_CASE("log sinks capture tagged lines")
{
    std::vector<std::string> lines;
    auto previous = core::setLogSink([&](core::LogLevel level, std::string_view tag, std::string_view message) {
        lines.push_back(std::string(core::logLevelName(level)) + " " + std::string(tag) + " " + std::string(message));
    });
    core::logWarning("gfx", "shader ", 3, " reloaded");
    core::setLogSink(previous);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "warning gfx shader 3 reloaded");
}

TEST_CASE("isolated work brings its result back, and its crashes, hangs and exits become endings")
{
    using Ending = core::IsolatedResult::Ending;
    SUBCASE("a result")
    {
        const auto result = core::runIsolated([](core::IsolatedChannel& channel) {
            channel.stage(3);
            channel.send(std::string(3 << 20, 'x') + "end");  // more than the pipe and a read hold at once
        });
        CHECK(result.ending == Ending::Finished);
        CHECK(result.finished());
        CHECK(result.stage == 3);
        REQUIRE(result.payload.size() == (3u << 20) + 3);
        CHECK(result.payload.substr(3u << 20) == "end");
        CHECK(std::count(result.payload.begin(), result.payload.end(), 'x') == 3 << 20);
    }
    SUBCASE("a crash, with the stage it happened in")
    {
        const auto result = core::runIsolated([](core::IsolatedChannel& channel) {
            channel.stage(1);
            channel.stage(2);
            const core::PlainCrashes plain;
            std::raise(SIGSEGV);
            channel.send("never");
        });
        CHECK(result.ending == Ending::Signalled);
        CHECK(result.code == SIGSEGV);
        CHECK(result.stage == 2);
        CHECK_FALSE(result.sent);
        CHECK(result.describeEnding().find("signal 11") != std::string::npos);
    }
    SUBCASE("an exit")
    {
        const auto result = core::runIsolated([](core::IsolatedChannel&) { std::_Exit(7); });
        CHECK(result.ending == Ending::Exited);
        CHECK(result.code == 7);
        CHECK(result.describeEnding() == "exited with code 7");
    }
    SUBCASE("an exception")
    {
        const auto result = core::runIsolated([](core::IsolatedChannel&) { throw std::runtime_error("inside"); });
        CHECK(result.ending == Ending::Exited);
        CHECK(result.code == 3);
    }
    SUBCASE("a hang is stopped at the time limit")
    {
        core::IsolationLimits limits;
        limits.seconds = 0.3;
        const core::Stopwatch clock;
        const auto result = core::runIsolated(
            [](core::IsolatedChannel& channel) {
                channel.stage(1);
                for (;;) std::this_thread::sleep_for(std::chrono::milliseconds(50));
            },
            limits);
        CHECK(result.ending == Ending::TimedOut);
        CHECK(result.stage == 1);
        CHECK(clock.elapsedMs() < 5000.0);
    }
    SUBCASE("too much memory is stopped")
    {
        core::IsolationLimits limits;
        limits.residentMiB = 64;
        const auto result = core::runIsolated(
            [](core::IsolatedChannel& channel) {
                channel.stage(1);
                std::vector<char> hog(std::size_t(512) << 20);
                for (std::size_t i = 0; i < hog.size(); i += 4096) hog[i] = char(i);  // resident, page by page
                for (;;) std::this_thread::sleep_for(std::chrono::milliseconds(50));
            },
            limits);
        CHECK(result.ending == Ending::OutOfMemory);
        CHECK(result.describeEnding() == "held more memory than it may and was stopped");
    }
    SUBCASE("nothing sent")
    {
        const auto result = core::runIsolated([](core::IsolatedChannel&) {});
        CHECK(result.ending == Ending::Finished);
        CHECK_FALSE(result.finished());
    }
}

namespace {

// The process's heap mappings ([heap] in /proc/self/smaps): size and VmFlags of each.
struct HeapMapping {
    std::size_t bytes = 0;
    std::string flags;
};

std::vector<HeapMapping> heapMappings()
{
    std::vector<HeapMapping> mappings;
    std::ifstream smaps("/proc/self/smaps");
    std::string line;
    bool inHeap = false;
    while (std::getline(smaps, line)) {
        const std::size_t dash = line.find('-');
        if (!line.empty() && std::isxdigit(static_cast<unsigned char>(line[0])) && dash != std::string::npos &&
            line.find(' ') > dash) {
            inHeap = line.find("[heap]") != std::string::npos;
            if (inHeap) {
                const std::size_t from = std::stoull(line.substr(0, dash), nullptr, 16);
                const std::size_t to = std::stoull(line.substr(dash + 1, line.find(' ') - dash - 1), nullptr, 16);
                mappings.push_back({to - from, {}});
            }
        } else if (inHeap && line.rfind("VmFlags:", 0) == 0) {
            mappings.back().flags = line + " ";
        }
    }
    return mappings;
}

std::size_t heapBytesFlagged(const std::string& flag)
{
    std::size_t total = 0;
    for (const HeapMapping& mapping : heapMappings())
        if (mapping.flags.find(" " + flag + " ") != std::string::npos) total += mapping.bytes;
    return total;
}

// Whether a sanitizer's allocator stands in for glibc's malloc (its heap is not grown with sbrk).
#if defined(__SANITIZE_ADDRESS__)
constexpr bool replacedMalloc = true;
#elif defined(__has_feature)
constexpr bool replacedMalloc = __has_feature(address_sanitizer);
#else
constexpr bool replacedMalloc = false;
#endif

} // namespace

TEST_CASE("start-up huge pages: the heap range is advised and stays so, then goes back to small pages")
{
    // As main sets them (app/application.h: kHeapTrimThreshold, kStartupHeapBytes).
    constexpr std::size_t kTrim = std::size_t(64) << 20;
    constexpr std::size_t kBytes = std::size_t(64) << 20;
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, int(kTrim));
    const std::size_t advised = core::reserveStartupHugePages(kBytes);
    if (replacedMalloc || std::string(core::transparentHugePageMode()) != "madvise") {
        // A sanitizer's allocator grows no heap with sbrk, and a kernel whose huge pages are
        // off (or on everywhere) needs no advice: nothing is advised.
        CHECK(advised == 0);
        return;
    }
    // The 16 MiB probe and the padding, less the ends that are not whole 2 MiB pages.
    CHECK(advised >= kBytes);
    CHECK(advised % (std::size_t(2) << 20) == 0);
    CHECK(core::reserveStartupHugePages(kBytes) == 0);  // once
    // Frees that would trim a heap with this much free at its top leave it alone until
    // release: the advised range stays mapped for what start-up allocates.
    std::free(std::malloc(8 * 1024));
    std::free(std::malloc(256 * 1024));
    CHECK(heapBytesFlagged("hg") >= kBytes);
    std::vector<std::uint8_t> block(std::size_t(4) << 20, 7);  // usable as any other memory
    CHECK(block.back() == 7);
    core::releaseStartupHugePages(kTrim);
    CHECK(heapBytesFlagged("hg") == 0);
    CHECK(heapBytesFlagged("nh") > 0);
}

TEST_CASE("giving back the free heap: a freed block kept by the trim threshold stops being resident")
{
    if (replacedMalloc) return;  // a sanitizer's allocator keeps its own free memory
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);  // as main sets them: the block comes from the heap
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);  // and stays there when freed
    constexpr std::size_t kBlock = std::size_t(24) << 20;
    auto* block = static_cast<std::uint8_t*>(std::malloc(kBlock));
    REQUIRE(block != nullptr);
    std::memset(block, 1, kBlock);
    // Something small after it, so the block is not the heap's top and a free cannot trim it.
    void* after = std::malloc(64);
    const unsigned long long heldKb = core::processMemory().residentKb;
    std::free(block);
    const unsigned long long freedKb = core::processMemory().residentKb;
    core::giveBackFreeHeap();
    const unsigned long long givenBackKb = core::processMemory().residentKb;
    std::free(after);
    CHECK(freedKb + 4096 > heldKb);              // freeing alone kept it resident
    CHECK(givenBackKb + 20 * 1024 < freedKb);    // most of its 24 MiB went back
}

TEST_CASE("a module is loaded from the first place that has it, and an error lists every place tried")
{
    testing_support::TempDir dir;
    const std::filesystem::path absent = dir / "absent.so";
    const std::filesystem::path notElf = dir / "text.so";
    testing_support::writeText(notElf, "not a shared object");
    // The C library is a shared object every process has loaded; strlen is in it. Where it
    // lies, the loader says (asked about a function of its own that no sanitizer intercepts).
    Dl_info where{};
    REQUIRE(dladdr(reinterpret_cast<void*>(&gnu_get_libc_version), &where) != 0);
    const std::filesystem::path libc = where.dli_fname;
    REQUIRE(std::filesystem::exists(libc));

    auto found = core::loadModuleSymbol({absent, notElf, libc}, "strlen");
    REQUIRE_MESSAGE(found, found.error().describe());
    CHECK(reinterpret_cast<std::size_t (*)(const char*)>(*found)("four") == 4);

    auto missing = core::loadModuleSymbol({absent, notElf, libc}, "ht_no_such_symbol");
    REQUIRE_FALSE(missing);
    const std::string& message = missing.error().message;
    CHECK(message.find(absent.string() + " (not there)") != std::string::npos);
    CHECK(message.find(notElf.string() + " (") != std::string::npos);
    CHECK(message.find(libc.string() + " (no ht_no_such_symbol)") != std::string::npos);
    CHECK(message.find(absent.string()) < message.find(notElf.string()));

    // Installed beside the program's own libraries first, then where the build made it, but
    // only for a program inside the build folder (this test runs from one).
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe");
    const std::string tree = program.parent_path().parent_path().string();
    const std::vector<std::filesystem::path> places = core::moduleCandidates("x.so", "/build/x.so", tree);
    REQUIRE(places.size() == 2);
    CHECK(places[0] == program.parent_path().parent_path() / "lib" / "hamstring-trainer" / "x.so");
    CHECK(places[1] == "/build/x.so");
    CHECK(core::moduleCandidates("x.so", "/build/x.so", tree + "/").size() == 2);
    // Installed (outside the build folder), or a folder whose name only starts the same: not.
    CHECK(core::moduleCandidates("x.so", "/build/x.so", (dir / "build").string()).size() == 1);
    CHECK(core::moduleCandidates("x.so", "/build/x.so", program.parent_path().string() + "-other").size() == 1);
    CHECK(core::moduleCandidates("x.so", "", tree).size() == 1);
}
