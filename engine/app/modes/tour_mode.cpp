// --tour: three frames a step of every lesson (as the step starts, midway and at its end) with
// OpenGL debug output on; lessons take the quality levels in turn, each with a structure
// selected. The run fails on any GL error or warning, logged problem or broken lesson.
#include "app/modes/mode.h"

#include "app/graphics_context.h"
#include "app/lesson_session.h"
#include "app/loop_state.h"
#include "app/quality_levels.h"
#include "app/world.h"
#include "core/log.h"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

namespace app {
namespace {

class TourMode final : public Mode {
public:
    TourMode(World& world, GraphicsContext& graphics, LessonSession& lessons, const LoopState& loop);

    std::optional<int> frameLimit() const override { return int(stops_.size()); }
    bool beforeFrame(std::int64_t frameIndex) override;
    void afterPresent() override { gfx::checkErrors("the end of a frame"); }
    std::optional<int> verdict() override;

private:
    struct Stop {
        std::string lessonId;
        int step;
        double timeS;
    };

    World& world_;
    GraphicsContext& graphics_;
    LessonSession& lessons_;
    const LoopState& loop_;
    std::vector<Stop> stops_;  // one per frame
    int lessonsBegun_ = 0;
};

TourMode::TourMode(World& world, GraphicsContext& graphics, LessonSession& lessons, const LoopState& loop)
    : world_(world), graphics_(graphics), lessons_(lessons), loop_(loop)
{
    for (const lessons::LessonEntry& entry : lessons_.library().entries()) {
        if (!entry.lesson) continue;
        for (std::size_t step = 0; step < entry.lesson->steps.size(); ++step) {
            const double duration = entry.lesson->steps[step].durationS();
            for (double fraction : {0.0, 0.5, 1.0}) stops_.push_back({entry.lesson->id, int(step), duration * fraction});
        }
    }
}

bool TourMode::beforeFrame(std::int64_t frameIndex)
{
    if (stops_.empty()) return false;
    const Stop& stop = stops_[std::min(std::size_t(frameIndex), stops_.size() - 1)];
    lessons::LessonPlayer& player = lessons_.player();
    const content::Lesson* playing = player.lesson();
    if (!playing || playing->id != stop.lessonId) {
        // Lessons take the quality levels in turn, so every level's passes meet every kind of step.
        graphics_.renderer().setQuality(kQualityByCost[std::size_t(lessonsBegun_) % kQualityByCost.size()]);
        lessons_.start(stop.lessonId, stop.step);
        // And a structure selected in each, a different one each time, for the outline pass.
        const std::size_t structures = world_.scene.structures().size();
        if (structures > 0) world_.scene.selectedStructure = int((std::size_t(lessonsBegun_) * 7) % structures);
        ++lessonsBegun_;
        core::logDebug("tour", "lesson ", stop.lessonId);
    } else if (player.stepIndex() != stop.step) {
        player.goToStep(stop.step);
    }
    player.scrub(stop.timeS);
    return true;
}

std::optional<int> TourMode::verdict()
{
    const lessons::LessonLibrary& library = lessons_.library();
    std::size_t lessons = 0, steps = 0;
    for (const lessons::LessonEntry& entry : library.entries())
        if (entry.lesson) {
            ++lessons;
            steps += entry.lesson->steps.size();
        }
    // A broken lesson file was logged as it loaded; a missing pose library or source list was not.
    if (library.setupError()) std::fprintf(stderr, "%s\n", library.setupError()->describe().c_str());
    const int broken = library.errorCount() + (library.setupError() ? 1 : 0);
    const int glProblems = gfx::debugProblemCount();
    const int logged = core::loggedProblemCount();
    std::printf("tour: %zu lessons, %zu steps, %d frames drawn; %d broken lesson files, %d OpenGL errors or warnings, "
                "%d warnings or errors logged; OpenGL debug output %s\n",
                lessons, steps, loop_.framesDrawn, broken, glProblems, logged,
                graphics_.gl().khrDebug ? "on" : "not offered by the driver");
    std::fflush(stdout);
    const bool ok = broken == 0 && glProblems == 0 && logged == 0 && lessons > 0 && loop_.framesDrawn == int(stops_.size());
    if (!ok) std::printf("tour: FAILED\n");
    return ok ? 0 : 1;
}

} // namespace

std::unique_ptr<Mode> makeTourMode(World& world, GraphicsContext& graphics, LessonSession& lessons, const LoopState& loop)
{
    return std::make_unique<TourMode>(world, graphics, lessons, loop);
}

} // namespace app
