#include "app/audio_cues.h"

#include "app/settings_sync.h"
#include "core/log.h"
#include "audio/routine_cues.h"
#include "lessons/lesson_player.h"
#include "lessons/routine_player.h"
#include "ui/overlay.h"

#include <algorithm>
#include <cstdlib>

namespace app {

namespace {

// A jump further than this (scrubbing, a restarted step) skips the cues in between instead of
// playing them all at once. Frames are about 16 ms; a stalled frame is at most 0.25 s.
constexpr double kMaxCatchUpS = 0.5;
// A spoken line still being made when due is said late by at most this much, else left out
// (only the first lines of a lesson opened cold can be late: the rest are made ahead).
constexpr double kSpeechGraceS = 1.0;

} // namespace

void AudioCues::update(const lessons::LessonPlayer& player, const lessons::RoutinePlan* routine, bool soundAllowed)
{
    if (!menuSet_) {
        const SoundSettings& saved = settings_.settings().sound;
        menu_.soundVolumePercent = saved.volumePercent;
        menu_.soundVoice = saved.voice;
        menu_.soundMute = saved.mute;
        menuSet_ = true;
    }
    const SoundSettings chosen{std::clamp(menu_.soundVolumePercent, 0, 100), menu_.soundVoice, menu_.soundMute};
    if (!(chosen == settings_.settings().sound)) settings_.rememberSound(chosen);

    // HT_NO_SOUND: automation that shows a window (tests under Xvfb) stays silent too.
    if (!soundAllowed || std::getenv("HT_NO_SOUND")) return;
    if (!opened_) open();
    if (!output_->isOpen()) return;
    if (!applied_ || !(*applied_ == chosen)) {
        output_->setSettings({float(chosen.volumePercent) / 100.0f, chosen.voice, chosen.mute});
        applied_ = chosen;
    }
    followStep(player, routine);
}

void AudioCues::open()
{
    opened_ = true;
    output_ = std::make_unique<audio::AudioOutput>();
    if (!output_->isOpen()) return;   // silent; AudioOutput said why, once
    speech_ = std::make_unique<audio::SpeechCache>(output_->sampleRateHz());
    sounds_ = std::make_unique<audio::CueSounds>(output_->sampleRateHz(), speech_.get());
}

void AudioCues::followStep(const lessons::LessonPlayer& player, const lessons::RoutinePlan* routine)
{
    // A routine's segments are its lesson's steps, one for one.
    if (routine && routine->lesson.id != (player.lesson() ? player.lesson()->id : std::string())) routine = nullptr;
    const auto stepCues = [&](int index) {
        return routine ? audio::scheduleRoutineSegmentCues(*routine, index)
                       : audio::scheduleStepCues(player.lesson()->steps[std::size_t(index)]);
    };
    const content::LessonStep* step = player.step();
    if (!step) {
        lesson_ = nullptr;
        cues_.clear();
        return;
    }
    if (player.lesson() != lesson_) {
        // Every spoken line of the lesson is made ahead, on the speech thread, from now on.
        for (int index = 0; index < player.stepCount(); ++index) sounds_->prepare(stepCues(index));
    }
    if (player.lesson() != lesson_ || player.stepSerial() != stepSerial_) {
        lesson_ = player.lesson();
        stepSerial_ = player.stepSerial();
        cues_ = stepCues(player.stepIndex());
        waiting_.clear();
        lastStepTimeS_ = 0.0;
    }
    const double nowS = player.stepTimeS();
    if (nowS < lastStepTimeS_ || nowS - lastStepTimeS_ > kMaxCatchUpS) {
        lastStepTimeS_ = nowS;   // scrubbed: carry on from here, quietly
        waiting_.clear();
        return;
    }
    std::vector<audio::Cue> due = std::move(waiting_);
    waiting_.clear();
    for (audio::Cue& cue : audio::cuesInSpan(cues_, lastStepTimeS_, nowS)) due.push_back(std::move(cue));
    for (audio::Cue& cue : due) {
        if (const audio::Sound* sound = sounds_->soundFor(cue)) {
            output_->play(*sound, audio::channelOf(cue.kind));
            core::logDebug("audio", audio::cueKindName(cue.kind), " due at ", cue.timeS, " s played at ", nowS, " s ", cue.text);
        }
        else if (nowS - cue.timeS < kSpeechGraceS)
            waiting_.push_back(std::move(cue));   // never blocks the frame on the synthesiser
    }
    lastStepTimeS_ = nowS;
}

} // namespace app
