// --export-lesson-video NAME FILE: a lesson played headless at 30 frames a second, each frame
// read back and encoded with the lesson's voice and cue tones (the schedule and mixer the live
// app plays) into an MP4 or WebM, and the step text as WebVTT captions beside it. How long each
// step lasts is media::planLessonVideo's rule. It runs instead of the loop, like --export-lesson.
#include "app/modes/mode.h"

#include "app/graphics_context.h"
#include "app/lesson_session.h"
#include "app/paths.h"
#include "app/physiology_view.h"
#include "app/terminal_progress.h"
#include "app/world.h"
#include "audio/cue_schedule.h"
#include "audio/cue_sounds.h"
#include "audio/mixer.h"
#include "audio/speech.h"
#include "core/file.h"
#include "media/video_timeline.h"
#include "media/video_writer.h"
#include "ui/burned_caption.h"

#include <atomic>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <string>
#include <system_error>
#include <vector>

namespace app {
namespace {

namespace fs = std::filesystem;

constexpr int kFramesPerSecond = 30;
constexpr int kSampleRateHz = 48000;
constexpr int kSamplesPerFrame = kSampleRateHz / kFramesPerSecond;
static_assert(kSamplesPerFrame * kFramesPerSecond == kSampleRateHz, "each frame carries a whole number of samples");
// espeak-ng makes a lesson's lines in a second or two; a stuck synthesiser ends in silence, not a hang.
constexpr double kSpeechWaitS = 60.0;

// SIGTERM or SIGINT (the app's Cancel, Ctrl+C): stop between frames and remove the partial file.
std::atomic<bool> gCancelled{false};
extern "C" void onCancelSignal(int)
{
    gCancelled.store(true);
}

class VideoMode final : public Mode {
public:
    VideoMode(World& world, GraphicsContext& graphics, LessonSession& lessons, const PhysiologyView& physiology,
              const DataPaths& paths, VideoRequest request)
        : world_(world), graphics_(graphics), lessons_(lessons), physiology_(physiology), paths_(paths),
          request_(std::move(request))
    {
    }

    std::optional<int> start() override;

private:
    // Runs the simulation one video frame on, as the loop does (Application::advance).
    void advance(double dtS);
    // The caption on screen at `videoS`, for --burn-captions.
    const std::string& captionAt(const media::VideoPlan& plan, double videoS) const;

    World& world_;
    GraphicsContext& graphics_;
    LessonSession& lessons_;
    const PhysiologyView& physiology_;
    const DataPaths& paths_;
    VideoRequest request_;
};

void VideoMode::advance(double dtS)
{
    lessons::LessonPlayer& player = lessons_.player();
    scene::Scene& scene = world_.scene;
    const double stepS = world_.simulationClock.stepSeconds();
    // Whole simulation steps per frame (8 at 240 Hz), so picture and sound never drift apart.
    const int steps = std::max(1, int(std::lround(dtS / stepS)));
    for (int i = 0; i < steps; ++i) {
        player.update(stepS);
        scene.stepMuscles(stepS, player.pose(), player.muscleDrive());
        scene.step(stepS);
    }
    scene.updateMuscleMeshes();
}

const std::string& VideoMode::captionAt(const media::VideoPlan& plan, double videoS) const
{
    static const std::string none;
    for (const media::CaptionCue& cue : plan.captions)
        if (videoS >= cue.startS && videoS < cue.endS) return cue.text;
    return none;
}

std::optional<int> VideoMode::start()
{
    const content::Lesson* found = lessons_.library().find(request_.lessonId);
    if (!found) {
        for (const lessons::LessonEntry& entry : lessons_.library().entries())
            if (entry.error && fs::path(entry.path).stem() == request_.lessonId) return failWith(entry.error->describe());
        return failWith("--export-lesson-video: no lesson named '" + request_.lessonId + "' in " +
                    (paths_.scenes() / "lessons").string());
    }
    const content::Lesson lesson = *found;
    if (lesson.steps.empty()) return failWith(lesson.path + ": the lesson has no steps to show");
    media::VideoPlan plan = media::planLessonVideo(lesson, 0, 1 << 30, world_.scene.pose());
    long long totalFrames = std::llround(plan.durationS * kFramesPerSecond);
    if (request_.limitS > 0.0) totalFrames = std::min(totalFrames, std::max(1LL, std::llround(request_.limitS * kFramesPerSecond)));
    const double videoS = double(totalFrames) / kFramesPerSecond;

    const glm::ivec2 size = graphics_.window().drawableSize();
    auto opened = media::VideoWriter::open({request_.file, size.x, size.y, kFramesPerSecond, kSampleRateHz});
    if (!opened) return failWith(opened.error().describe());
    media::VideoWriter& writer = **opened;
    std::signal(SIGTERM, onCancelSignal);
    std::signal(SIGINT, onCancelSignal);

    // The voice: every spoken line of the lesson made before the first frame (no device opens).
    audio::SpeechCache speech(kSampleRateHz);
    audio::CueSounds sounds(kSampleRateHz, &speech);
    std::vector<std::vector<audio::Cue>> stepCues;
    for (const content::LessonStep& step : lesson.steps) stepCues.push_back(audio::scheduleStepCues(step));
    for (const media::StepSpan& span : plan.steps)
        if (span.startS < videoS) sounds.prepare(stepCues[std::size_t(span.step)]);   // only what the video shows
    if (!speech.waitUntilIdle(kSpeechWaitS)) std::fprintf(stderr, "hamstring-trainer: speech took too long; some lines are silent\n");
    audio::Mixer mixer(kSampleRateHz);
    mixer.setSettings(audio::MixSettings{});   // the default volume with voice, whatever this user's settings
    std::vector<float> samples(kSamplesPerFrame);

    // The whole picture is the free view (no panels), so each step is framed in all of it.
    world_.camera.setViewRegion({glm::vec2(0.0f), glm::vec2(size), glm::vec2(size)});
    lessons_.start(lesson.id, plan.steps.front().step);
    lessons_.settleMuscles();
    lessons_.update();
    world_.camera.update(60.0f);   // the first step's view at once; later steps glide to theirs
    graphics_.renderer().settleFades();

    std::fprintf(stderr, "video: '%s', %zu steps, %.1f s of %.1f s (%lld frames) at %dx%d\n", lesson.title.c_str(), plan.steps.size(),
                 videoS, plan.durationS, totalFrames, size.x, size.y);
    TerminalProgress progress("video", totalFrames,
                              request_.progressLines ? TerminalProgress::Style::Machine : TerminalProgress::styleForStderr());
    const double frameS = 1.0 / kFramesPerSecond;
    std::size_t span = 0;
    for (long long frame = 0; frame < totalFrames; ++frame) {
        if (gCancelled.load()) {
            progress.finish();
            return failWith("video export cancelled; " + request_.file.string() + " removed");
        }
        const double atS = double(frame) / kFramesPerSecond;
        if (frame > 0) {
            if (span + 1 < plan.steps.size() && atS >= plan.steps[span + 1].startS - 1e-9) {
                ++span;
                lessons_.player().goToStep(plan.steps[span].step);   // blends from where the body is
            } else {
                advance(frameS);
            }
        }
        lessons_.update();
        world_.camera.update(float(frameS));

        std::function<void()> caption;
        if (request_.burnCaptions) caption = [&, atS] { ui::drawBurnedCaption(captionAt(plan, atS)); };
        if (core::Status drawn = graphics_.drawFrame(world_.scene, world_.camera, physiology_.tints(), caption); !drawn)
            return failWith(drawn.error().describe());
        if (core::Status added = writer.addFrame(graphics_.readFrame()); !added) return failWith(added.error().describe());

        // This frame's 1/30 s of sound: the step's cues that fall in it start on the mixer,
        // which carries any sound still playing over into the next step.
        const media::StepSpan& step = plan.steps[span];
        std::fill(samples.begin(), samples.end(), 0.0f);
        // The step's time, as the player keeps it: from when the body is in place.
        audio::startCuesInSpan(mixer, sounds, stepCues[std::size_t(step.step)], atS - step.startS - step.routeS, kSamplesPerFrame);
        mixer.render(samples);
        if (core::Status added = writer.addAudio(samples); !added) return failWith(added.error().describe());
        progress.update(frame + 1);
    }
    progress.finish();
    if (core::Status finished = writer.finish(); !finished) return failWith(finished.error().describe());

    // Captions of what the video shows, cut where a --video-seconds preview ends.
    std::vector<media::CaptionCue> captions;
    for (media::CaptionCue cue : plan.captions) {
        if (cue.startS >= videoS) break;
        cue.endS = std::min(cue.endS, videoS);
        captions.push_back(std::move(cue));
    }
    fs::path vtt = request_.file;
    vtt.replace_extension(".vtt");
    if (core::Status written = core::writeFileAtomic(vtt, media::writeWebVtt(captions)); !written) {
        std::error_code ignored;
        fs::remove(request_.file, ignored);
        return failWith(written.error().describe());
    }
    std::printf("exported '%s' (%lld frames, %.1f s, %dx%d, %s) to %s with captions in %s\n", lesson.title.c_str(), totalFrames,
                videoS, size.x, size.y, writer.codecNames().c_str(), request_.file.string().c_str(), vtt.string().c_str());
    return 0;
}

} // namespace

std::unique_ptr<Mode> makeVideoMode(World& world, GraphicsContext& graphics, LessonSession& lessons,
                                    const PhysiologyView& physiology, const DataPaths& paths, VideoRequest request)
{
    return std::make_unique<VideoMode>(world, graphics, lessons, physiology, paths, std::move(request));
}

} // namespace app
