// Lesson videos (--export-lesson-video): the real trainer exports a short two-step lesson
// headless to MP4 and to WebM, and the test decodes the files with FFmpeg's own decoders:
// duration and frame count at 30 fps, size, pictures that change while the body moves, sound
// where the hold-start tone falls and silence where nothing plays, and WebVTT captions whose
// count and times are worked out by hand from the rules in media/video_timeline.h. Then the
// errors: an unknown extension, a missing lesson, an unwritable path, an odd size, and a
// cancelled export through the app's own child-process job, each leaving no file behind.
#include "app/video_export_job.h"
#include "process.h"
#include "temp_dir.h"

#include "core/file.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <thread>

namespace fs = std::filesystem;
using testing_support::ProcessResult;
using testing_support::runProcess;
using testing_support::TempDir;

namespace {

const std::string kApp = HT_APP_PATH;
constexpr const char* kSize = "320x180";

// Step 1 moves for 1 s and holds 1.5 s: 2.5 s of play + 1 s to see the end = 3.5 s, more than
// its 3 words take to read (1.5 + 3 / 2.5 = 2.7 s). Step 2 is text only: 6 words read in
// 1.5 + 6 / 2.5 = 3.9 s. The video lasts 7.4 s: 222 frames.
const char* const kLesson = R"(title = "Video test"
chapter = "prevention"
order = 99
summary = "Two short steps for the video export test."
sources = ["seed-004"]

[[step]]
title = "Sit down"
text = "Sit."
sources = ["seed-004"]
hold = 1.5
cue = "Hold"

  [[step.key]]
  time = 0
  pose = "standing"

  [[step.key]]
  time = 1
  pose = "long_sitting_relaxed"

[[step]]
title = "Rest"
text = "Rest now. That is all."
sources = ["seed-004"]

  [[step.key]]
  time = 0
  pose = "long_sitting_relaxed"
)";
constexpr double kStep1S = 3.5;
constexpr double kStep2S = 3.9;
constexpr int kFrames = 222;

struct Fixture {
    TempDir dir{"ht-video"};
    fs::path data;
    Fixture()
    {
        data = testing_support::copyShippedData(dir / "data");
        testing_support::writeText(data / "scenes" / "lessons" / "video_test.toml", kLesson);
    }
    ProcessResult exportVideo(const std::string& lesson, const fs::path& file, std::vector<std::string> extra = {}) const
    {
        // Medium quality (no multisampling) renders in half the time on llvmpipe.
        std::vector<std::string> arguments{kApp,   "--data-dir",            data.string(), "--size", kSize, "--quality",
                                           "medium", "--export-lesson-video", lesson,        file.string()};
        arguments.insert(arguments.end(), extra.begin(), extra.end());
        return runProcess(arguments, {{"HT_CONFIG_DIR", (dir / "config").string()}}, 300);
    }
};

struct Decoded {
    double durationS = 0.0;
    int width = 0;
    int height = 0;
    std::vector<std::vector<std::uint8_t>> luma;   // each frame's Y plane, tightly packed
    std::vector<float> samples;                    // mono
    int sampleRateHz = 0;
    std::string videoCodec, audioCodec;
};

// Every frame and sample of the file through libavformat and libavcodec.
Decoded decode(const fs::path& file)
{
    Decoded out;
    AVFormatContext* format = nullptr;
    REQUIRE(avformat_open_input(&format, file.c_str(), nullptr, nullptr) == 0);
    REQUIRE(avformat_find_stream_info(format, nullptr) >= 0);
    out.durationS = double(format->duration) / AV_TIME_BASE;
    AVCodecContext* decoders[2] = {nullptr, nullptr};
    int streams[2] = {-1, -1};
    for (int kind = 0; kind < 2; ++kind) {
        const AVMediaType type = kind == 0 ? AVMEDIA_TYPE_VIDEO : AVMEDIA_TYPE_AUDIO;
        const AVCodec* codec = nullptr;
        streams[kind] = av_find_best_stream(format, type, -1, -1, &codec, 0);
        REQUIRE(streams[kind] >= 0);
        decoders[kind] = avcodec_alloc_context3(codec);
        avcodec_parameters_to_context(decoders[kind], format->streams[streams[kind]]->codecpar);
        REQUIRE(avcodec_open2(decoders[kind], codec, nullptr) == 0);
        (kind == 0 ? out.videoCodec : out.audioCodec) = codec->name;
    }
    out.width = decoders[0]->width;
    out.height = decoders[0]->height;
    out.sampleRateHz = decoders[1]->sample_rate;
    AVPacket* packet = av_packet_alloc();
    AVFrame* frame = av_frame_alloc();
    auto receive = [&](int kind) {
        while (avcodec_receive_frame(decoders[kind], frame) == 0) {
            if (kind == 0) {
                std::vector<std::uint8_t> plane(std::size_t(frame->width) * std::size_t(frame->height));
                for (int y = 0; y < frame->height; ++y)
                    std::copy_n(frame->data[0] + std::ptrdiff_t(y) * frame->linesize[0], frame->width,
                                plane.begin() + std::ptrdiff_t(y) * frame->width);
                out.luma.push_back(std::move(plane));
            } else {
                REQUIRE((frame->format == AV_SAMPLE_FMT_FLTP || frame->format == AV_SAMPLE_FMT_FLT));
                const float* first = reinterpret_cast<const float*>(frame->data[0]);
                const int stride = frame->format == AV_SAMPLE_FMT_FLT ? frame->ch_layout.nb_channels : 1;
                for (int i = 0; i < frame->nb_samples; ++i) out.samples.push_back(first[i * stride]);
            }
        }
    };
    while (av_read_frame(format, packet) >= 0) {
        for (int kind = 0; kind < 2; ++kind)
            if (packet->stream_index == streams[kind] && avcodec_send_packet(decoders[kind], packet) == 0) receive(kind);
        av_packet_unref(packet);
    }
    for (int kind = 0; kind < 2; ++kind) {
        avcodec_send_packet(decoders[kind], nullptr);
        receive(kind);
    }
    av_frame_free(&frame);
    av_packet_free(&packet);
    avcodec_free_context(&decoders[0]);
    avcodec_free_context(&decoders[1]);
    avformat_close_input(&format);
    return out;
}

double rms(const std::vector<float>& samples, int rateHz, double fromS, double toS)
{
    const std::size_t from = std::size_t(fromS * rateHz), to = std::min(samples.size(), std::size_t(toS * rateHz));
    if (to <= from) return 0.0;
    double sum = 0.0;
    for (std::size_t i = from; i < to; ++i) sum += double(samples[i]) * samples[i];
    return std::sqrt(sum / double(to - from));
}

double meanDifference(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b)
{
    double sum = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) sum += std::abs(int(a[i]) - int(b[i]));
    return sum / double(a.size());
}

struct VttCue {
    double startS, endS;
    std::string text;
};

double parseTime(const std::string& text)
{
    int h = 0, m = 0, s = 0, ms = 0;
    REQUIRE(std::sscanf(text.c_str(), "%d:%d:%d.%d", &h, &m, &s, &ms) == 4);
    return h * 3600.0 + m * 60.0 + s + ms / 1000.0;
}

std::vector<VttCue> readVtt(const fs::path& file)
{
    auto text = core::readTextFile(file);
    REQUIRE(text.ok());
    std::istringstream in(*text);
    std::string line;
    std::getline(in, line);
    CHECK(line == "WEBVTT");
    std::vector<VttCue> cues;
    while (std::getline(in, line)) {
        const std::size_t arrow = line.find(" --> ");
        if (arrow == std::string::npos) continue;
        VttCue cue{parseTime(line.substr(0, arrow)), parseTime(line.substr(arrow + 5)), {}};
        std::getline(in, cue.text);
        cues.push_back(cue);
    }
    return cues;
}

void checkVideo(const Fixture& fixture, const fs::path& file, const std::string& videoCodec, const std::string& audioCodec,
                int frames, const std::vector<VttCue>& expectedCues)
{
    INFO(file.string());
    const Decoded video = decode(file);
    CHECK(video.videoCodec == videoCodec);
    CHECK(video.audioCodec == audioCodec);
    CHECK(video.width == 320);
    CHECK(video.height == 180);
    CHECK(int(video.luma.size()) == frames);
    CHECK(video.durationS == doctest::Approx(frames / 30.0).epsilon(0.02));
    // The body sits down over the first second (eased in and out): consecutive frames differ
    // all through its middle.
    for (int f = 6; f < 26; ++f) {
        CAPTURE(f);
        CHECK(meanDifference(video.luma[std::size_t(f)], video.luma[std::size_t(f + 1)]) > 0.05);
    }
    // The hold starts at 1.0 s with its tone; nothing plays from 3.0 s to the next step at 3.5 s
    // (the end tone at 2.5 s lasts 0.2 s, the count "1" from 1.5 s is shorter than a second).
    REQUIRE(video.sampleRateHz == 48000);
    const double toneRms = rms(video.samples, video.sampleRateHz, 1.02, 1.15);
    CHECK(toneRms > 0.05);
    if (frames / 30.0 > 3.45) CHECK(rms(video.samples, video.sampleRateHz, 3.05, 3.45) < 0.01);

    fs::path vtt = file;
    vtt.replace_extension(".vtt");
    const std::vector<VttCue> cues = readVtt(vtt);
    REQUIRE(cues.size() == expectedCues.size());
    for (std::size_t i = 0; i < cues.size(); ++i) {
        CAPTURE(i);
        CHECK(cues[i].text == expectedCues[i].text);
        CHECK(cues[i].startS == doctest::Approx(expectedCues[i].startS).epsilon(0.001));
        CHECK(cues[i].endS == doctest::Approx(expectedCues[i].endS).epsilon(0.001));
    }
    (void)fixture;
}

} // namespace

TEST_CASE("video export: MP4 of a whole lesson, decoded: 30 fps, size, moving frames, cue sound, captions")
{
    Fixture fixture;
    const fs::path file = fixture.dir / "out" / "video_test.mp4";
    fs::create_directories(file.parent_path());
    const ProcessResult result = fixture.exportVideo("video_test", file);
    INFO("stderr: " << result.err);
    REQUIRE(result.exitCode == 0);
    CHECK(result.out.find("222 frames") != std::string::npos);
    // Captions: each step's pieces share its time by words, a title counting as at least two.
    const double restTitleEnd = kStep1S + kStep2S * 2.0 / 7.0;
    checkVideo(fixture, file, "h264", "aac", kFrames,
               {{0.0, kStep1S / 2.0, "Sit down"},
                {kStep1S / 2.0, kStep1S, "Sit."},
                {kStep1S, restTitleEnd, "Rest"},
                {restTitleEnd, kStep1S + kStep2S, "Rest now. That is all."}});
}

TEST_CASE("video export: a two-second WebM preview with burned captions, its captions cut where it ends")
{
    Fixture fixture;
    const fs::path file = fixture.dir / "video_test.webm";
    const ProcessResult result = fixture.exportVideo("video_test", file, {"--video-seconds", "2", "--burn-captions"});
    INFO("stderr: " << result.err);
    REQUIRE(result.exitCode == 0);
    const Decoded decoded = decode(file);
    CHECK((decoded.videoCodec == "vp9" || decoded.videoCodec == "vp8"));
    checkVideo(fixture, file, decoded.videoCodec, "opus", 60, {{0.0, kStep1S / 2.0, "Sit down"}, {kStep1S / 2.0, 2.0, "Sit."}});
}

TEST_CASE("video export: bad requests end with a message and leave no file")
{
    Fixture fixture;
    SUBCASE("an extension that is neither .mp4 nor .webm")
    {
        const ProcessResult result = fixture.exportVideo("video_test", fixture.dir / "x.avi");
        CHECK(result.exitCode == 2);
        CHECK(result.err.find(".mp4") != std::string::npos);
        CHECK(result.err.find(".webm") != std::string::npos);
        CHECK_FALSE(fs::exists(fixture.dir / "x.avi"));
    }
    SUBCASE("a lesson that does not exist")
    {
        const ProcessResult result = fixture.exportVideo("no_such_lesson", fixture.dir / "x.mp4");
        CHECK(result.exitCode == 1);
        CHECK(result.err.find("no lesson named 'no_such_lesson'") != std::string::npos);
        CHECK_FALSE(fs::exists(fixture.dir / "x.mp4"));
    }
    SUBCASE("a folder that cannot hold the file")
    {
        testing_support::writeText(fixture.dir / "plain-file", "not a folder");
        const fs::path file = fixture.dir / "plain-file" / "x.mp4";
        const ProcessResult result = fixture.exportVideo("video_test", file);
        CHECK(result.exitCode == 1);
        CHECK(result.err.find(file.string()) != std::string::npos);
        CHECK(result.err.find("cannot write") != std::string::npos);
    }
    SUBCASE("an odd size, which 4:2:0 colour cannot halve")
    {
        std::vector<std::string> arguments{kApp, "--data-dir", fixture.data.string(), "--size", "321x180", "--export-lesson-video",
                                           "video_test", (fixture.dir / "x.mp4").string()};
        const ProcessResult result = runProcess(arguments, {{"HT_CONFIG_DIR", (fixture.dir / "config").string()}}, 300);
        CHECK(result.exitCode == 1);
        CHECK(result.err.find("even") != std::string::npos);
        CHECK_FALSE(fs::exists(fixture.dir / "x.mp4"));
    }
}

TEST_CASE("video export: the app's background job reports progress, and Cancel removes the partial file")
{
    Fixture fixture;
    setenv("HT_CONFIG_DIR", (fixture.dir / "config").string().c_str(), 1);
    setenv("HT_NO_SOUND", "1", 1);
    const fs::path file = fixture.dir / "cancelled.mp4";
    app::VideoExportJob job;
    REQUIRE(job.start(file, {"--data-dir", fixture.data.string(), "--size", kSize, "--export-lesson-video", "video_test", file.string()},
                      kApp)
                .ok());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(240);
    while (job.running() && job.fraction() <= 0.0f && std::chrono::steady_clock::now() < deadline) {
        job.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    REQUIRE(job.running());
    CHECK(job.fraction() > 0.0f);
    CHECK(job.fraction() < 1.0f);
    CHECK(fs::exists(file));   // being written
    job.cancel();
    while (job.running() && std::chrono::steady_clock::now() < deadline) {
        job.poll();
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    REQUIRE_FALSE(job.running());
    const std::optional<std::string> outcome = job.takeOutcome();
    REQUIRE(outcome);
    CHECK(*outcome == "Video export cancelled");
    CHECK_FALSE(fs::exists(file));
    fs::path vtt = file;
    CHECK_FALSE(fs::exists(vtt.replace_extension(".vtt")));
}
