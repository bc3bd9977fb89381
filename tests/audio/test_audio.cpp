// Sound and voice for guided practice, heard headless: the cue schedule of shipped stretch
// lessons against times worked out by hand from their holds, repetitions and rests; tones
// without clicks; a whole step rendered to a buffer with cue onsets found by energy; speech.
#include "audio/cue_schedule.h"
#include "audio/cue_sounds.h"
#include "audio/mixer.h"
#include "audio/speech.h"
#include "audio/tone.h"
#include "content/lesson_file.h"
#include "content/pose_library.h"
#include "content/sources.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

using namespace audio;

namespace {

constexpr int kRateHz = 48000;

content::Lesson loadShippedLesson(const std::string& id)
{
    static const content::PoseLibrary poses = *content::PoseLibrary::load(std::string(HT_SOURCE_DIR) + "/scenes/poses.toml");
    static const content::SourceList sources = *content::SourceList::load(std::string(HT_SOURCE_DIR) + "/assets/sources.toml");
    content::LessonContext context;
    context.poses = &poses;
    context.sources = &sources;
    auto lesson = content::loadLessonFile(std::string(HT_SOURCE_DIR) + "/scenes/lessons/" + id + ".toml", context);
    REQUIRE_MESSAGE(lesson.ok(), (lesson.ok() ? std::string() : lesson.error().describe()));
    return std::move(lesson).value();
}

const content::LessonStep& stepTitled(const content::Lesson& lesson, const std::string& title)
{
    for (const content::LessonStep& step : lesson.steps)
        if (step.title == title) return step;
    FAIL("no step titled " << title << " in " << lesson.id);
    return lesson.steps.front();
}

std::vector<double> timesOf(const std::vector<Cue>& cues, CueKind kind)
{
    std::vector<double> times;
    for (const Cue& cue : cues)
        if (cue.kind == kind) times.push_back(cue.timeS);
    return times;
}

void checkTimes(const std::vector<double>& actual, const std::vector<double>& expected)
{
    REQUIRE(actual.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CHECK(actual[i] == doctest::Approx(expected[i]).epsilon(1e-9));
    }
}

// Onsets, to the sample: the first sample at or above `threshold` in magnitude after at least
// `quietS` below it.
std::vector<double> detectOnsets(const std::vector<float>& samples, float threshold, double quietS)
{
    const size_t quietFrames = size_t(quietS * kRateHz);
    std::vector<double> onsets;
    size_t quietFor = quietFrames;
    for (size_t i = 0; i < samples.size(); ++i) {
        if (std::abs(samples[i]) >= threshold) {
            if (quietFor >= quietFrames) onsets.push_back(double(i) / kRateHz);
            quietFor = 0;
        } else {
            ++quietFor;
        }
    }
    return onsets;
}

} // namespace

TEST_CASE("schedule: seated floor stretch, lean forward (move 4 s, hold 30 s, 3 repetitions, rest 5 s)")
{
    const content::Lesson lesson = loadShippedLesson("relief_seated_floor_stretch");
    const content::LessonStep& step = stepTitled(lesson, "Lean forward from the hips");
    // The file as read: if a teacher changes these, the hand-worked times below must change too.
    REQUIRE(step.motionS() == 4.0);
    REQUIRE(step.holdS == 30.0);
    REQUIRE(step.repetitions == 3);
    REQUIRE(step.restS == 5.0);
    const std::vector<Cue> cues = scheduleStepCues(step);
    // Repetition n starts at 43 n s: move 4, hold 30, move back 4, rest 5; the last has no
    // move back or rest, so the step lasts 43 + 43 + 34 = 120 s.
    checkTimes(timesOf(cues, CueKind::HoldStartTone), {4, 47, 90});
    checkTimes(timesOf(cues, CueKind::CountdownTick), {31, 32, 33, 74, 75, 76, 117, 118, 119});
    checkTimes(timesOf(cues, CueKind::HoldEndTone), {34, 77, 120});
    checkTimes(timesOf(cues, CueKind::RestEndTone), {43, 86});
    checkTimes(timesOf(cues, CueKind::Speech), {0, 4.4, 31, 32, 33, 47.4, 74, 75, 76, 90.4, 117, 118, 119});
    CHECK(cues.front().text == "Lean forward from the hips");
    CHECK(cues[2].text == "Breathe out, ease forward");
    CHECK(step.durationS() == 120.0);
    CHECK(std::is_sorted(cues.begin(), cues.end(), [](const Cue& a, const Cue& b) { return a.timeS < b.timeS; }));
}

TEST_CASE("schedule: standing curb stretch, hinge forward (move 4 s, hold 30 s, 2 repetitions, rest 5 s) and a 5 s hold")
{
    const content::Lesson lesson = loadShippedLesson("relief_standing_curb_stretch");
    const content::LessonStep& hinge = stepTitled(lesson, "Bend the standing knee, hinge forward");
    REQUIRE(hinge.motionS() == 4.0);
    REQUIRE(hinge.holdS == 30.0);
    REQUIRE(hinge.repetitions == 2);
    REQUIRE(hinge.restS == 5.0);
    const std::vector<Cue> cues = scheduleStepCues(hinge);
    checkTimes(timesOf(cues, CueKind::HoldStartTone), {4, 47});
    checkTimes(timesOf(cues, CueKind::CountdownTick), {31, 32, 33, 74, 75, 76});
    checkTimes(timesOf(cues, CueKind::HoldEndTone), {34, 77});
    checkTimes(timesOf(cues, CueKind::RestEndTone), {43});

    // One repetition, no cue text: move 3 s, hold 5 s (3..8), ticks at 5, 6, 7.
    const content::LessonStep& heel = stepTitled(lesson, "Heel on the curb, knee straight");
    REQUIRE(heel.motionS() == 3.0);
    REQUIRE(heel.holdS == 5.0);
    REQUIRE(heel.repetitions == 1);
    const std::vector<Cue> heelCues = scheduleStepCues(heel);
    checkTimes(timesOf(heelCues, CueKind::HoldStartTone), {3});
    checkTimes(timesOf(heelCues, CueKind::CountdownTick), {5, 6, 7});
    checkTimes(timesOf(heelCues, CueKind::HoldEndTone), {8});
    checkTimes(timesOf(heelCues, CueKind::RestEndTone), {});
    checkTimes(timesOf(heelCues, CueKind::Speech), {0, 5, 6, 7});

    // A step with no hold says only its title.
    const content::LessonStep& face = stepTitled(lesson, "Face a curb, hold something steady");
    REQUIRE(face.holdS == 0.0);
    const std::vector<Cue> faceCues = scheduleStepCues(face);
    REQUIRE(faceCues.size() == 1);
    CHECK(faceCues[0].kind == CueKind::Speech);
}

TEST_CASE("schedule: a hold shorter than three seconds keeps only the ticks clear of its start")
{
    content::LessonStep step;
    step.title = "Short";
    step.keys.push_back({});
    step.keys.back().timeS = 1.0;
    step.holdS = 2.0;   // hold 1..3: a tick at 0 would precede it, at 1 would sit on the start tone
    CHECK(timesOf(scheduleStepCues(step), CueKind::CountdownTick) == std::vector<double>{2.0});
}

TEST_CASE("tones start and end at zero and never jump (no clicks)")
{
    for (CueKind kind : {CueKind::HoldStartTone, CueKind::CountdownTick, CueKind::HoldEndTone, CueKind::RestEndTone}) {
        CAPTURE(cueKindName(kind));
        const ToneSpec spec = toneSpec(kind);
        const Sound tone = synthesizeTone(spec, kRateHz);
        REQUIRE(tone.samples.size() == size_t(std::lround(spec.durationS * kRateHz)));
        CHECK(std::abs(tone.samples.front()) < 1e-6f);
        CHECK(std::abs(tone.samples.back()) < 1e-6f);
        float peak = 0.0f, largestStep = 0.0f;
        for (size_t i = 0; i < tone.samples.size(); ++i) {
            peak = std::max(peak, std::abs(tone.samples[i]));
            if (i > 0) largestStep = std::max(largestStep, std::abs(tone.samples[i] - tone.samples[i - 1]));
        }
        CHECK(peak == doctest::Approx(spec.gain).epsilon(0.05));
        // A sine of peak g at f Hz moves at most 2 pi f g / rate per sample; a click moves more.
        const double maxHz = std::max(spec.startHz, spec.endHz);
        CHECK(largestStep <= 2.0 * M_PI * maxHz * spec.gain / kRateHz * 1.05);
    }
}

TEST_CASE("mixer: volume, mute, voice off, and a newer spoken line cuts the older")
{
    Sound one{std::vector<float>(100, 0.5f), kRateHz};
    Sound line{std::vector<float>(2000, 0.5f), kRateHz};
    Mixer mixer(kRateHz);
    mixer.setSettings({0.5f, true, false});
    mixer.play(one, Channel::Tone, 10);
    std::vector<float> out(200, 0.0f);
    mixer.render(out);
    CHECK(out[9] == 0.0f);
    CHECK(out[10] == doctest::Approx(0.25f));
    CHECK(out[109] == doctest::Approx(0.25f));
    CHECK(out[110] == 0.0f);
    CHECK(mixer.playingCount() == 0);

    mixer.setSettings({1.0f, false, false});
    mixer.play(one, Channel::Voice);
    mixer.play(one, Channel::Tone);
    std::fill(out.begin(), out.end(), 0.0f);
    mixer.render(out);
    CHECK(out[0] == doctest::Approx(0.5f));   // the tone only

    mixer.setSettings({1.0f, true, true});
    mixer.play(one, Channel::Tone);
    std::fill(out.begin(), out.end(), 0.0f);
    mixer.render(out);
    CHECK(*std::max_element(out.begin(), out.end()) == 0.0f);

    mixer.setSettings({1.0f, true, false});
    mixer.play(line, Channel::Voice);
    mixer.play(line, Channel::Voice, 1000);
    out.assign(4000, 0.0f);
    mixer.render(out);
    CHECK(out[500] == doctest::Approx(0.5f));
    CHECK(out[999] < 0.01f);                   // faded out before the cut: no click
    CHECK(out[1000] == doctest::Approx(0.5f)); // one line from here, not two summed
    CHECK(out[2999] == doctest::Approx(0.5f));
    CHECK(out[3000] == 0.0f);
}

TEST_CASE("a whole step rendered headless: cue onsets found by their level fall within 20 ms of the schedule")
{
    const content::Lesson lesson = loadShippedLesson("relief_seated_floor_stretch");
    const content::LessonStep& step = stepTitled(lesson, "Lean forward from the hips");
    const std::vector<Cue> cues = scheduleStepCues(step);
    const CueSounds sounds(kRateHz, nullptr);
    // Tones only (voice off), the full step and a second past its end.
    const std::vector<float> samples = renderCues(cues, sounds, {1.0f, false, false}, 0.0, step.durationS() + 1.0);
    REQUIRE(samples.size() == size_t((step.durationS() + 1.0) * kRateHz));
    const std::vector<double> onsets = detectOnsets(samples, 0.01f, 0.3);
    std::vector<double> expected;
    for (const Cue& cue : cues)
        if (cue.kind != CueKind::Speech) expected.push_back(cue.timeS);
    REQUIRE(onsets.size() == expected.size());
    double worstS = 0.0;
    for (size_t i = 0; i < expected.size(); ++i) {
        CAPTURE(i);
        CAPTURE(expected[i]);
        CHECK(std::abs(onsets[i] - expected[i]) <= 0.020);
        worstS = std::max(worstS, std::abs(onsets[i] - expected[i]));
    }
    MESSAGE("step '" << step.title << "': " << expected.size() << " tone onsets, worst " << worstS * 1000.0 << " ms from the schedule");
    std::printf("audio cue timing: %zu onsets over %.0f s, worst %.1f ms\n", expected.size(), step.durationS(), worstS * 1000.0);

    // The same render with the volume at a quarter is a quarter as loud, and muted is silent.
    const std::vector<float> quiet = renderCues(cues, sounds, {0.25f, false, false}, 30.0, 35.0);
    const std::vector<float> muted = renderCues(cues, sounds, {1.0f, true, true}, 30.0, 35.0);
    const size_t holdEnd = size_t(4.0 * kRateHz) + 2000;
    CHECK(quiet[holdEnd] == doctest::Approx(0.25f * samples[size_t(34.0 * kRateHz) + 2000]));
    CHECK(*std::max_element(muted.begin(), muted.end()) == 0.0f);
}

TEST_CASE("speech: espeak-ng says a step title as non-silent audio of plausible length")
{
    SpeechCache speech(kRateHz);
    const std::string title = "Lean forward from the hips";
    speech.request(title);
    speech.request("3");
    REQUIRE(speech.waitUntilIdle(30.0));
    REQUIRE_MESSAGE(speech.available(), "espeak-ng did not start: install espeak-ng-data");
    const Sound* line = speech.find(title);
    REQUIRE(line != nullptr);
    CHECK(line->sampleRateHz == kRateHz);
    // Five words at 150 words a minute is 2 s; espeak adds pauses around them.
    const double durationS = line->durationS();
    double energy = 0.0;
    float peak = 0.0f;
    for (float s : line->samples) {
        energy += double(s) * s;
        peak = std::max(peak, std::abs(s));
    }
    const double rms = std::sqrt(energy / double(line->samples.size()));
    std::printf("audio speech: \"%s\" %.2f s, rms %.3f, peak %.2f\n", title.c_str(), durationS, rms, peak);
    CHECK(durationS > 1.0);
    CHECK(durationS < 4.0);
    CHECK(rms > 0.03);
    const Sound* three = speech.find("3");
    REQUIRE(three != nullptr);
    CHECK(three->durationS() < line->durationS());
    std::printf("audio speech: \"3\" %.2f s\n", three->durationS());

    // Through the mixer: the title is heard from the step start.
    content::LessonStep step;
    step.title = title;
    const std::vector<Cue> cues = scheduleStepCues(step);
    const CueSounds sounds(kRateHz, &speech);
    const std::vector<float> heard = renderCues(cues, sounds, {}, 0.0, 3.0);
    const std::vector<double> onsets = detectOnsets(heard, 0.01f, 0.3);
    REQUIRE(!onsets.empty());
    std::printf("audio speech: title heard from %.3f s\n", onsets.front());
    CHECK(onsets.front() < 0.3);
    const std::vector<float> voiceOff = renderCues(cues, sounds, {0.8f, false, false}, 0.0, 3.0);
    CHECK(*std::max_element(voiceOff.begin(), voiceOff.end()) == 0.0f);
}
