// Sound and voice while a lesson plays: each frame, the cues of the current step (audio::
// scheduleStepCues) that fall in the span of step time the frame covered are played through
// the sound card. Holds the Sound menu's choices in step with the saved settings. Headless runs,
// and any run with HT_NO_SOUND set (the tests), never open a device or start the synthesiser.
#pragma once

#include "app/settings.h"
#include "audio/audio_output.h"
#include "audio/cue_schedule.h"
#include "audio/cue_sounds.h"
#include "audio/speech.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lessons {
class LessonPlayer;
struct RoutinePlan;
}
namespace ui {
struct OverlayState;
}

namespace app {

class SettingsSync;

class AudioCues {
public:
    AudioCues(ui::OverlayState& menu, SettingsSync& settings) : menu_(menu), settings_(settings) {}

    // Once a frame, after the lesson advanced. `routine`: the plan the player plays, if it plays
    // a routine (its rests have cues of their own). `soundAllowed` false (headless): nothing opens.
    void update(const lessons::LessonPlayer& player, const lessons::RoutinePlan* routine, bool soundAllowed);

private:
    void open();
    void followStep(const lessons::LessonPlayer& player, const lessons::RoutinePlan* routine);

    ui::OverlayState& menu_;
    SettingsSync& settings_;
    bool menuSet_ = false;                         // the menu starts from the saved settings
    std::optional<SoundSettings> applied_;         // last sent to the output
    bool opened_ = false;
    // Destroyed in reverse: the output (device thread) goes before the sounds it plays.
    std::unique_ptr<audio::SpeechCache> speech_;
    std::unique_ptr<audio::CueSounds> sounds_;
    std::unique_ptr<audio::AudioOutput> output_;

    std::vector<audio::Cue> cues_;                 // of the step below
    std::vector<audio::Cue> waiting_;              // spoken lines due but not made yet
    const void* lesson_ = nullptr;
    int stepSerial_ = -1;
    double lastStepTimeS_ = 0.0;                   // cues before this have been played
};

} // namespace app
