// Chooses the rendering quality from measured frame times (--quality auto). It starts at the
// cheapest level, so the first frame comes quickly on any machine, and steps up while frames
// leave room for the next level in the 60 Hz budget; it steps down while they exceed it: at once
// by more than 15 % at a level not yet held for a second, otherwise when two of the last three
// decisions miss, so one busy moment does not count. A level
// that proved too slow is not tried again, so the choice settles instead of swinging between two
// levels; unless it missed the budget by little (a median within 15 % of it, as a start in a busy
// moment can), when it is tried again after a while of frames quick enough to try it: 10 s, then
// twice as long after each failed try, up to 5 minutes. A level missed by more (low in the
// partner stretch's step 2, 20.5-23 ms) costs no hitches later.
// It is fed only frames that draw the scene after a frame that drew it too: a still scene shows
// its last picture again, which says nothing of what drawing costs (and a still scene does not
// try a level again until it moves).
// What it learns holds for one scene: a lesson step, or the model explored freely. Going to
// another scene takes up what was learned there (straight down to the best level it allowed,
// if the current one is above it), or, in one not seen before, lets it climb again to any
// level; so a light scene after a heavy step gets the level it can afford back. A new scene
// starts at the level the last one had, and steps down after one decision if that is too much
// by 15 % or more (after two of three if by less).
#pragma once

#include "render/renderer.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace app {

class QualityGovernor {
public:
    static constexpr double kBudgetMs = 1000.0 / 60.0;
    // When to try the next level: the low level (every pixel of the window) measured 1.1-1.6
    // times the lowest's cost (55% of them) on a software rasteriser on a shared machine, so
    // from the lowest the step is a trial (room for 1.25 times the frame); each level above low
    // costs about twice the one below, or more, and is tried with room for twice the frame. A
    // step up that proves too slow comes back down (after one decision when it misses by 15 % or
    // more, two of three when by less) and is not tried again for a while.
    static constexpr double kStepUpFromLowestBelowMs = kBudgetMs * 0.8;
    static constexpr double kStepUpBelowMs = kBudgetMs * 0.5;
    static constexpr std::size_t kWindow = 30;                 // frames per decision (their median)
    static constexpr int kWarmUpFrames = 5;                    // shader compiles and uploads left out
    static constexpr double kFirstRetryMs = 10'000.0;          // quick frames before a failed level's next try
    static constexpr double kLongestRetryMs = 300'000.0;
    static constexpr double kRetryBelowMs = kBudgetMs * 1.15;  // a level whose median missed by less is tried again
    static constexpr int kProvenDecisions = 2;                 // decisions within the budget after which a level has held

    render::Quality quality() const { return quality_; }
    // Whether it still needs frames that draw the scene to judge the level: until the level has
    // held for kProvenDecisions decisions in a row, and while the level above may still be
    // within reach (a median under kPlausibleStepUp times the one that steps up: the first
    // frames of a run compete with the lessons loading). A scene that stands still may show its
    // last picture again only after that; those frames tell nothing of what drawing costs.
    bool wantsDrawnFrames() const;
    static constexpr double kPlausibleStepUp = 1.25;

    // Adds one frame's time; returns the new level when it changes.
    std::optional<render::Quality> addFrame(double frameMs);

    // The frames from now on draw `scene` (a lesson step's name, or "" for the model explored
    // freely). Returns the new level when it changes: the highest level learned to fit that
    // scene, where the current one did not.
    std::optional<render::Quality> enterScene(const std::string& scene);

private:
    // What a scene taught: the best level worth trying there, and what the level above cost.
    struct Learned {
        render::Quality ceiling = render::Quality::High;
        double missedMs = 0.0;
        double retryAfterMs = kFirstRetryMs;
    };

    render::Quality quality_ = render::Quality::Lowest;
    render::Quality ceiling_ = render::Quality::High;  // the best level still worth trying
    int warmUp_ = kWarmUpFrames;
    std::vector<double> window_;
    double retryAfterMs_ = kFirstRetryMs;  // how long quick frames must last before the level above the ceiling is tried
    double quickMs_ = 0.0;                 // frame time since then, in decisions that would have stepped up
    bool retrying_ = false;                // the level is such a try, not yet held for kProvenDecisions decisions
    unsigned recentMisses_ = 0;            // the last three decisions at this level, in this scene: a bit set where it missed
    int heldDecisions_ = 0;                // decisions in a row within the budget at this level, in this scene
    double missedMs_ = 0.0;                // the median with which the level above the ceiling proved too slow
    double lastMedianMs_ = 0.0;            // of the last decision at this level (0: none yet)
    std::string scene_;                    // the scene the frames draw
    std::map<std::string, Learned> learned_;  // the other scenes seen, by name
};

} // namespace app
