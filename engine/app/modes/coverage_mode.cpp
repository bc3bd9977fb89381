// --coverage CSV: how much of the 3D view the hamstrings fill at each lesson step's key moment.
// For every step of every lesson (or of --lesson), with the overlay built as the trainer builds
// it, the scene is drawn twice: as shown and with the hamstring layer hidden (what Ctrl+2
// does). The pixels that differ, inside the part of the window no panel covers, over that free
// area, are the step's share. Pure pixel counting: it knows nothing of how the camera framed
// the step. Also the state contrast: the mean colour change over the hamstring pixels between
// a relaxed frame and a cramp, contraction and stretch of the same pose.
// The picture without the heads keeps the fades of the shown one, so neighbours faded in front
// of highlighted heads do not count as heads (HT_COVERAGE_PICTURES shows what was counted).
#include "app/modes/mode.h"

#include "app/graphics_context.h"
#include "app/lesson_session.h"
#include "app/physiology_view.h"
#include "app/world.h"
#include "core/file.h"
#include "core/image.h"
#include "core/log.h"
#include "anatomy/muscle_geometry.h"
#include "ui/view_area.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace app {
namespace {

namespace fs = std::filesystem;

// A pixel counts as changed when some channel moves by more than this (8-bit): hiding the
// muscles also lifts a little shading off their neighbours, which is not the muscle showing.
constexpr int kChangedLevels = 12;
// Frames each step is shown before it is measured: the step is set, the camera arrives and
// the panels, which size themselves to their text, settle.
constexpr int kFramesPerStep = 4;
constexpr double kDefaultFloorPercent = 3.0;
constexpr double kMedianFloorPercent = 10.0;

// The moment a still picture of a step should show: a cramp two seconds after its onset
// (its drive is at full strength, the knot stands out), a contraction at its strongest
// excitation, anything else halfway through the hold at the end of the move.
double keyMomentS(const content::LessonStep& step)
{
    const double endS = step.durationS();
    if (step.muscles.mode == content::MuscleMode::Cramp && step.muscles.cramp)
        return std::clamp(step.muscles.cramp->onsetS + 2.0, 0.0, endS);
    if (step.muscles.mode == content::MuscleMode::Contraction && !step.muscles.excitation.empty()) {
        double bestS = 0.0, best = -1.0;
        const double repetitionS = std::min(step.repetitionS(step.repetitions <= 1), endS);
        for (double t = 0.0; t <= repetitionS; t += 0.05) {
            const double excitation = step.muscles.excitation.sample(t);
            if (excitation > best + 1e-9) {
                best = excitation;
                bestS = t;
            }
        }
        return bestS;
    }
    return std::min(step.motionS() + step.holdS * 0.5, endS);
}

std::string fixed(double value, int decimals)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

// Which pixels differ between two pictures of the same size.
std::vector<bool> changedPixels(const core::Image& shown, const core::Image& hidden)
{
    std::vector<bool> changed(std::size_t(shown.width) * shown.height, false);
    for (int y = 0; y < shown.height; ++y)
        for (int x = 0; x < shown.width; ++x) {
            const std::uint8_t* a = shown.pixel(x, y);
            const std::uint8_t* b = hidden.pixel(x, y);
            int most = 0;
            for (int c = 0; c < 3; ++c) most = std::max(most, std::abs(int(a[c]) - int(b[c])));
            changed[std::size_t(y) * shown.width + x] = most > kChangedLevels;
        }
    return changed;
}

// The pixels no panel covers.
std::vector<bool> freePixels(glm::ivec2 size, const ui::ViewArea& area)
{
    std::vector<bool> free(std::size_t(size.x) * size.y, true);
    // Panels were measured in window pixels; the scene image may be drawn at another size.
    const glm::vec2 scale = area.windowPixels.x > 0.0f ? glm::vec2(size) / area.windowPixels : glm::vec2(1.0f);
    for (const ui::PixelRect& box : area.covered) {
        const int x0 = std::clamp(int(std::floor(box.min.x * scale.x)), 0, size.x);
        const int x1 = std::clamp(int(std::ceil(box.max.x * scale.x)), 0, size.x);
        const int y0 = std::clamp(int(std::floor(box.min.y * scale.y)), 0, size.y);
        const int y1 = std::clamp(int(std::ceil(box.max.y * scale.y)), 0, size.y);
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) free[std::size_t(y) * size.x + x] = false;
    }
    return free;
}

struct StepCoverage {
    std::string lessonId;
    int step = 0;  // 1-based, as --step
    std::string title;
    double keyS = 0.0;
    long freePixels = 0;
    long musclePixels = 0;
    double sharePercent() const { return freePixels > 0 ? 100.0 * double(musclePixels) / double(freePixels) : 0.0; }
};

// A step allowed under the default floor, with the reason (tools/coverage_floors.txt).
struct FloorException {
    double floorPercent = 0.0;
    std::string reason;
};

class CoverageMode final : public Mode {
public:
    CoverageMode(World& world, GraphicsContext& graphics, LessonSession& lessons, const PhysiologyView& physiology,
                 CoverageRequest request);

    std::optional<int> start() override;
    std::optional<int> frameLimit() const override { return int(stops_.size()) * kFramesPerStep; }
    bool beforeFrame(std::int64_t frameIndex) override;
    void afterPresent() override;
    // The loop's frames only settle the panels and the camera; the measured pictures are drawn here.
    bool loopDrawsScene() const override { return false; }
    std::optional<int> verdict() override;

private:
    struct Stop {
        std::string lessonId;
        int step;
    };

    // The scene drawn again with the hamstring layer hidden; which pixels changed.
    std::vector<bool> muscleMask(const core::Image& shown);
    // The pixels of the heads in the step's state (the cramping head; the heads a contraction
    // or stretch drives): those that change when only they are hidden.
    std::vector<bool> stateHeadMask(const core::Image& shown, const scene::MuscleDrive& drive);
    // `settleFades`: neighbours' fades where they end for this picture; false holds them exactly
    // as the last picture left them (easing by the clock would move them toward where they end
    // with the heads hidden, and the neighbours that moved would count as heads).
    core::Image renderScene(bool settleFades = true);
    bool naturalColours_ = false;  // the state colours off: the relaxed reference of the contrast
    // Mean 8-bit colour change over the pixels showing the hamstrings in both frames, between
    // the step at its key moment and the same pose with the muscles relaxed; none when the
    // step is not found.
    std::optional<double> stateContrast(const std::string& lessonId, content::MuscleMode mode, std::string& which);
    void settleRelaxed();

    World& world_;
    GraphicsContext& graphics_;
    LessonSession& lessons_;
    const PhysiologyView& physiology_;
    CoverageRequest request_;
    std::vector<Stop> stops_;
    std::int64_t frameIndex_ = 0;
    std::vector<StepCoverage> results_;
    std::map<std::pair<std::string, int>, FloorException> exceptions_;
    bool failed_ = false;
};

CoverageMode::CoverageMode(World& world, GraphicsContext& graphics, LessonSession& lessons, const PhysiologyView& physiology,
                           CoverageRequest request)
    : world_(world), graphics_(graphics), lessons_(lessons), physiology_(physiology), request_(std::move(request))
{
    for (const lessons::LessonEntry& entry : lessons_.library().entries()) {
        if (!entry.lesson || (!request_.lessonId.empty() && entry.lesson->id != request_.lessonId)) continue;
        for (std::size_t step = 0; step < entry.lesson->steps.size(); ++step) stops_.push_back({entry.lesson->id, int(step)});
    }
}

std::optional<int> CoverageMode::start()
{
    if (stops_.empty()) {
        return failWith("--coverage: no lesson to measure" +
                           (request_.lessonId.empty() ? std::string() : " named '" + request_.lessonId + "'"));
    }
    if (request_.floors.empty()) return std::nullopt;
    // One exception a line: lesson id, 1-based step, floor in percent, then the reason.
    auto text = core::readTextFile(request_.floors);
    if (!text) {
        return failWith(text.error().describe());
    }
    std::istringstream lines(*text);
    std::string line;
    for (int lineNumber = 1; std::getline(lines, line); ++lineNumber) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string lessonId;
        int step = 0;
        FloorException exception;
        fields >> lessonId >> step >> exception.floorPercent;
        std::getline(fields, exception.reason);
        const std::size_t first = exception.reason.find_first_not_of(" \t");
        exception.reason = first == std::string::npos || fields.bad() ? "" : exception.reason.substr(first);
        if (lessonId.empty() || step < 1 || exception.floorPercent < 0.0 || exception.reason.empty()) {
            std::fprintf(stderr, "%s:%d: error: expected 'LESSON STEP FLOOR_PERCENT REASON'\n", request_.floors.string().c_str(),
                         lineNumber);
            return 1;
        }
        exceptions_[{lessonId, step}] = exception;
    }
    return std::nullopt;
}

bool CoverageMode::beforeFrame(std::int64_t frameIndex)
{
    frameIndex_ = frameIndex;
    const std::size_t index = std::size_t(frameIndex / kFramesPerStep);
    if (index >= stops_.size()) return false;
    const Stop& stop = stops_[index];
    lessons::LessonPlayer& player = lessons_.player();
    if (frameIndex % kFramesPerStep == 0) {
        if (!player.lesson() || player.lesson()->id != stop.lessonId)
            lessons_.start(stop.lessonId, stop.step);
        else
            player.goToStep(stop.step);
        player.setPaused(true);  // the picture holds still while it is measured
        player.scrub(keyMomentS(*player.step()));
        lessons_.settleMuscles();
    } else {
        // The step's camera moves are done; the next frame is the step as it rests.
        world_.camera.update(60.0f);
        world_.closeUp.update(60.0f, player.step(), player.stepSerial(), world_.scene);
    }
    return true;
}

core::Image CoverageMode::renderScene(bool settleFades)
{
    // The panels are laid out at the window's size; the scene may be measured smaller (the
    // same view, fewer pixels), which keeps the run short on a software rasteriser.
    const glm::vec2 window(graphics_.window().drawableSize());
    const glm::ivec2 size = glm::max(glm::ivec2(window * request_.measureScale), glm::ivec2(1));
    render::Renderer& renderer = graphics_.renderer();
    renderer.updateDeformedMeshes(world_.scene);
    // Neighbours fade in front of the heads over a few tenths of a second of real time: the
    // shown picture has them where they end, and the pictures compared with it hold them there,
    // so only what the hidden structures change differs.
    if (settleFades)
        renderer.settleFades();
    else
        renderer.holdFades();
    std::vector<render::StructureTint> tints = physiology_.tints();
    if (naturalColours_)
        for (render::StructureTint& tint : tints) tint.activation = tint.cramp = tint.stretch = 0.0f;
    // The close-up, where the app shows one, is part of what the user sees of the hamstrings;
    // its box scales with the measured picture.
    std::optional<render::InsetView> inset = world_.closeUp.insetView();
    if (inset) {
        const glm::vec2 scale = glm::vec2(size) / window;
        const glm::ivec2 corner = glm::ivec2(glm::round(glm::vec2(inset->topLeftPixels) * scale));
        const glm::ivec2 far = glm::ivec2(glm::round(glm::vec2(inset->topLeftPixels + inset->frame.sizePixels) * scale));
        inset->topLeftPixels = corner;
        inset->frame.sizePixels = glm::max(far - corner, glm::ivec2(1));
        inset->borderPixels = std::max(1, int(std::lround(float(inset->borderPixels) * scale.x)));
    }
    if (core::Status drawn = renderer.render(world_.scene, render::frameViewFrom(world_.camera, size), tints, inset ? &*inset : nullptr);
        !drawn) {
        core::logError("coverage", drawn.error().describe());
        failed_ = true;
    }
    return renderer.readScene();
}

std::vector<bool> CoverageMode::muscleMask(const core::Image& shown)
{
    content::LayerSettings& muscles = world_.scene.layers()[std::size_t(content::LayerId::Muscle)];
    const content::LayerSettings kept = muscles;
    muscles.visible = false;
    // Fades as the shown picture left them: neighbours faded in front of the heads stay faded.
    const core::Image hidden = renderScene(false);
    muscles = kept;
    if (hidden.width != shown.width || hidden.height != shown.height) {
        failed_ = true;
        return std::vector<bool>(std::size_t(shown.width) * shown.height, false);
    }
    return changedPixels(shown, hidden);
}

std::vector<bool> CoverageMode::stateHeadMask(const core::Image& shown, const scene::MuscleDrive& drive)
{
    scene::Scene& scene = world_.scene;
    std::vector<int> hidden;
    for (std::size_t i = 0; i < scene.structures().size(); ++i) {
        const content::StructureName& name = scene.structures()[i].name;
        const std::optional<anatomy::Muscle> muscle = anatomy::muscleFromName(name.structure);
        if (name.layer != content::LayerId::Muscle || !muscle || scene.structureHidden(int(i))) continue;
        const anatomy::Side side = name.side == content::Side::Left ? anatomy::Side::Left : anatomy::Side::Right;
        const bool inState = drive.mode == content::MuscleMode::Cramp
                                 ? drive.cramp && drive.cramp->muscle == *muscle && drive.cramp->side == side
                                 : scene::drives(drive, *muscle, side);
        if (!inState) continue;
        scene.setStructureHidden(int(i), true);
        hidden.push_back(int(i));
    }
    // The fades of the neighbours in front stay as they were, or the neighbours that come back
    // over the hidden heads would count as the heads.
    const core::Image without = renderScene(false);
    for (int structure : hidden) scene.setStructureHidden(structure, false);
    if (without.width != shown.width || without.height != shown.height) {
        failed_ = true;
        return std::vector<bool>(std::size_t(shown.width) * shown.height, false);
    }
    return changedPixels(shown, without);
}

void CoverageMode::afterPresent()
{
    // Measured on the last frame of each step, from the scene this frame drew.
    if (frameIndex_ % kFramesPerStep != kFramesPerStep - 1) return;
    const std::size_t index = std::size_t(frameIndex_ / kFramesPerStep);
    const lessons::LessonPlayer& player = lessons_.player();
    if (index >= stops_.size() || !player.step()) return;
    const Stop& stop = stops_[index];
    const core::Image shown = renderScene();
    const std::vector<bool> changed = muscleMask(shown);
    if (!request_.pictures.empty()) {
        // The measured pixels painted white over the picture, to see what was counted.
        core::Image counted = shown;
        for (int y = 0; y < counted.height; ++y)
            for (int x = 0; x < counted.width; ++x)
                if (changed[std::size_t(y) * counted.width + x]) counted.pixel(x, y)[1] = 255;
        std::error_code ec;
        fs::create_directories(request_.pictures, ec);
        (void)core::writePng(request_.pictures / (stop.lessonId + "-" + std::to_string(stop.step + 1) + ".png"), counted);
    }
    const std::vector<bool> free = freePixels({shown.width, shown.height}, graphics_.viewArea());
    StepCoverage result;
    result.lessonId = stop.lessonId;
    result.step = stop.step + 1;
    result.title = player.step()->title;
    result.keyS = player.stepTimeS();
    for (std::size_t i = 0; i < free.size(); ++i) {
        if (!free[i]) continue;
        ++result.freePixels;
        if (changed[i]) ++result.musclePixels;
    }
    results_.push_back(result);
}

void CoverageMode::settleRelaxed()
{
    // A cramp runs its own course once provoked; the reference starts the muscles over relaxed.
    const anatomy::Pose pose = lessons_.player().pose();
    world_.scene.relaxMuscles(pose);
    for (int i = 0; i < 240; ++i) world_.scene.stepMuscles(world_.simulationClock.stepSeconds(), pose, scene::MuscleDrive{});
    world_.scene.updateMuscleMeshes();
}

std::optional<double> CoverageMode::stateContrast(const std::string& lessonId, content::MuscleMode mode, std::string& which)
{
    for (const lessons::LessonEntry& entry : lessons_.library().entries()) {
        if (!entry.lesson || (!lessonId.empty() && entry.lesson->id != lessonId)) continue;
        for (std::size_t step = 0; step < entry.lesson->steps.size(); ++step) {
            if (entry.lesson->steps[step].muscles.mode != mode) continue;
            lessons_.start(entry.lesson->id, int(step));
            lessons::LessonPlayer& player = lessons_.player();
            player.setPaused(true);
            player.scrub(keyMomentS(*player.step()));
            lessons_.settleMuscles();
            lessons_.update();
            world_.camera.update(60.0f);
            const core::Image working = renderScene();
            const std::vector<bool> workingMuscle = stateHeadMask(working, player.muscleDrive());
            // The reference: the same pose with the muscles relaxed, in their natural colour (a
            // stretched head keeps its strain hue however relaxed it is, and that hue is the state).
            settleRelaxed();
            naturalColours_ = true;
            const core::Image relaxed = renderScene();
            const std::vector<bool> relaxedMuscle = stateHeadMask(relaxed, player.muscleDrive());
            naturalColours_ = false;
            double sum = 0.0;
            long pixels = 0;
            for (int y = 0; y < working.height; ++y)
                for (int x = 0; x < working.width; ++x) {
                    const std::size_t i = std::size_t(y) * working.width + x;
                    if (!workingMuscle[i] || !relaxedMuscle[i]) continue;
                    const std::uint8_t* a = working.pixel(x, y);
                    const std::uint8_t* b = relaxed.pixel(x, y);
                    sum += (std::abs(int(a[0]) - int(b[0])) + std::abs(int(a[1]) - int(b[1])) + std::abs(int(a[2]) - int(b[2]))) / 3.0;
                    ++pixels;
                }
            which = entry.lesson->id + " step " + std::to_string(step + 1) + " at " + fixed(player.stepTimeS(), 2) +
                    " s, " + std::to_string(pixels) + " pixels of the heads in that state";
            // Leave the muscles as the step drives them.
            lessons_.settleMuscles();
            if (pixels == 0) return 0.0;
            return sum / double(pixels);
        }
    }
    return std::nullopt;
}

std::optional<int> CoverageMode::verdict()
{
    if (results_.size() != stops_.size()) {
        std::printf("coverage: FAILED: %zu of %zu steps measured\n", results_.size(), stops_.size());
        return 1;
    }
    const glm::ivec2 size = graphics_.window().drawableSize();
    std::printf("coverage: hamstring pixels over the free 3D view at %dx%d (overlay on, key moment of each step), "
                "counted at %.0f %% of that size\n",
                size.x, size.y, request_.measureScale * 100.0f);
    std::printf("%-36s %4s %8s  %s\n", "lesson", "step", "share %", "title");
    std::vector<double> shares;
    std::string csv = "lesson,step,title,key_time_s,free_pixels,hamstring_pixels,share_percent,floor_percent\n";
    int underDefault = 0, underFloor = 0;
    for (const StepCoverage& result : results_) {
        const double share = result.sharePercent();
        shares.push_back(share);
        const auto exception = exceptions_.find({result.lessonId, result.step});
        const double floor = exception != exceptions_.end() ? exception->second.floorPercent : kDefaultFloorPercent;
        const bool under = share < floor;
        underDefault += share < kDefaultFloorPercent ? 1 : 0;
        underFloor += under ? 1 : 0;
        std::printf("%-36s %4d %8.2f  %s%s\n", result.lessonId.c_str(), result.step, share, result.title.c_str(),
                    under ? "  << under its floor" : "");
        std::string title = result.title;
        std::replace(title.begin(), title.end(), '"', '\'');
        csv += result.lessonId + "," + std::to_string(result.step) + ",\"" + title + "\"," + fixed(result.keyS, 2) + "," +
               std::to_string(result.freePixels) + "," + std::to_string(result.musclePixels) + "," + fixed(share, 3) +
               "," + fixed(floor, 2) + "\n";
    }
    std::vector<double> sorted = shares;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t n = sorted.size();
    const double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
    std::printf("coverage: %zu steps, median %.2f %%, min %.2f %%, max %.2f %%, %d under %.0f %%, %d under their floor\n", n,
                median, sorted.front(), sorted.back(), underDefault, kDefaultFloorPercent, underFloor);

    struct ContrastCase {
        const char* name;
        const char* lessonId;
        content::MuscleMode mode;
    };
    for (const ContrastCase& which : {ContrastCase{"cramp", "cramp_what_is_a_cramp", content::MuscleMode::Cramp},
                                      ContrastCase{"contraction", "", content::MuscleMode::Contraction},
                                      ContrastCase{"stretch", "", content::MuscleMode::Stretch}}) {
        // With --lesson, only that lesson's steps (the cramp case only in its own lesson).
        std::string lessonId = which.lessonId;
        if (!request_.lessonId.empty()) {
            if (!lessonId.empty() && lessonId != request_.lessonId) continue;
            lessonId = request_.lessonId;
        }
        std::string where;
        if (const std::optional<double> contrast = stateContrast(lessonId, which.mode, where))
            std::printf("contrast: %-11s vs relaxed, same pose: mean %.1f levels (8-bit) over the heads in that state (%s)\n", which.name,
                        *contrast, where.c_str());
        else
            std::printf("contrast: %-11s no step found\n", which.name);
        csv += std::string("# contrast ") + which.name + " " + where + "\n";
    }
    std::fflush(stdout);

    if (!request_.csv.empty()) {
        if (core::Status written = core::writeFileAtomic(request_.csv, csv); !written)
            return failWith(written.error().describe());
    }
    if (failed_) {
        std::printf("coverage: FAILED: a frame could not be drawn\n");
        return 1;
    }
    if (!request_.check) return 0;
    const bool medianLow = request_.lessonId.empty() && median < kMedianFloorPercent;
    if (medianLow) std::printf("coverage: FAILED: median %.2f %% is under %.0f %%\n", median, kMedianFloorPercent);
    if (underFloor > 0) std::printf("coverage: FAILED: %d step(s) under their floor\n", underFloor);
    return medianLow || underFloor > 0 ? 1 : 0;
}

} // namespace

std::unique_ptr<Mode> makeCoverageMode(World& world, GraphicsContext& graphics, LessonSession& lessons,
                                       const PhysiologyView& physiology, CoverageRequest request)
{
    return std::make_unique<CoverageMode>(world, graphics, lessons, physiology, std::move(request));
}

} // namespace app
