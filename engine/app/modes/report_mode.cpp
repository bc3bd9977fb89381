// --report FILE: the app's state as JSON when the run ends - selection, lesson step, layers,
// camera, text sizes, window, panels, where each structure can be clicked and the hamstrings'
// simulated state - so tests can drive the real app with scripted input and check what it did.
#include "app/modes/mode.h"

#include "app/graphics_context.h"
#include "app/lesson_session.h"
#include "app/loop_state.h"
#include "app/panels.h"
#include "app/routine_session.h"
#include "app/world.h"
#include "anatomy/muscle_geometry.h"
#include "anatomy/musculoskeletal.h"
#include "core/file.h"
#include "core/log.h"
#include "scene/body_simulation.h"
#include "ui/style.h"

#include <imgui.h>
#include <imgui_internal.h>  // the overlay's window list
#include <nlohmann/json.hpp>

namespace app {
namespace {

class ReportMode final : public Mode {
public:
    ReportMode(std::filesystem::path path, const World& world, const GraphicsContext& graphics, const LessonSession& lessons,
               const RoutineSession& routines, const Panels& panels, const LoopState& loop)
        : path_(std::move(path)), world_(world), graphics_(graphics), lessons_(lessons), routines_(routines), panels_(panels),
          loop_(loop)
    {
    }

    std::optional<int> verdict() override;

private:
    // Where each visible muscle and bone can be clicked now: the first of a few points around
    // its projected centre where picking finds it (window points, origin top left).
    nlohmann::json clickPoints() const;

    std::filesystem::path path_;
    const World& world_;
    const GraphicsContext& graphics_;
    const LessonSession& lessons_;
    const RoutineSession& routines_;
    const Panels& panels_;
    const LoopState& loop_;
};

// Each hamstring head's state in the simulation ("semitendinosus.r": lengths, velocities,
// activation, forces), or null for a model without the body's muscles.
nlohmann::json muscles(const scene::Scene& scene)
{
    const scene::BodySimulation* body = scene.body();
    if (!body) return nullptr;
    nlohmann::json heads = nlohmann::json::object();
    for (anatomy::Side side : {anatomy::Side::Right, anatomy::Side::Left})
        for (anatomy::Muscle muscle : anatomy::kHamstrings) {
            const anatomy::HeadState& head = body->simulation().head(muscle, side);
            const anatomy::MuscleTendonState& unit = head.mtu;
            const std::string key = std::string(anatomy::muscleDef(muscle).name) + "." + std::string(anatomy::kSideKeys.name(side));
            heads[key] = {{"length_m", unit.mtuLengthM},
                          {"length_percent_of_rest", head.lengthPercentOfRest},
                          {"lengthening_m_per_s", unit.mtuVelocityMPerS},
                          {"fiber_length_m", unit.fiberLengthM},
                          {"fiber_lengthening_m_per_s", unit.fiberVelocityMPerS},
                          {"activation", unit.activation},
                          {"tendon_force_n", unit.tendonForceN},
                          {"passive_fiber_force_n", unit.passiveFiberForceN}};
        }
    return heads;
}

std::optional<int> ReportMode::verdict()
{
    const scene::Scene& scene = world_.scene;
    const lessons::LessonPlayer& player = lessons_.player();
    const platform::Window& window = graphics_.window();
    nlohmann::json report;
    report["frames"] = loop_.frameIndex;
    auto structureName = [&](int index) -> nlohmann::json {
        if (index < 0) return nullptr;
        return scene.structures()[std::size_t(index)].nodeName;
    };
    report["selected"] = structureName(scene.selectedStructure);
    report["hovered"] = structureName(scene.hoveredStructure);
    for (const content::LayerInfo& info : content::layerInfos()) {
        const content::LayerSettings& layer = scene.layer(info.id);
        report["layers"][std::string(info.key)] = {{"visible", layer.visible}, {"opacity", layer.opacity}};
    }
    if (player.active()) {
        report["lesson"] = {{"id", player.lesson()->id},
                            {"step", player.stepIndex()},
                            {"steps", player.stepCount()},
                            {"paused", player.paused()},
                            {"phase", std::string(lessons::phaseName(player.clock().phase))},
                            {"time_s", player.stepTimeS()}};
    } else {
        report["lesson"] = nullptr;
    }
    report["routine"] = nullptr;
    if (const lessons::RoutinePlan* plan = routines_.player().plan()) {
        const lessons::RoutinePosition where = routines_.position();
        report["routine"] = {{"title", plan->routine.title},      {"playing", routines_.playing()}, {"entry", where.entry},
                             {"entries", where.entryCount},        {"resting", where.resting},       {"repetition", where.repetition},
                             {"repetitions", where.repetitions},   {"phase", std::string(lessons::phaseName(where.phase))},
                             {"remaining_s", where.phaseRemainingS}, {"elapsed_s", where.elapsedS},   {"total_s", where.totalS},
                             {"title_now", where.title},           {"next", where.next},             {"finished", where.finished},
                             {"entries_done", routines_.player().entriesDone()}};
    }
    report["routine_panel_open"] = panels_.routinePanelOpen();
    report["routine_history"] = int(routines_.historySize());
    const scene::CameraPose& pose = world_.camera.pose();
    report["camera"] = {{"yaw_deg", pose.yawDeg}, {"pitch_deg", pose.pitchDeg}, {"distance_m", pose.distanceM},
                        {"focus", {pose.focus.x, pose.focus.y, pose.focus.z}}, {"fov_y_deg", world_.camera.fieldOfViewDeg()},
                        {"lens_shift", {world_.camera.lensShift().x, world_.camera.lensShift().y}}};
    const CloseUp& closeUp = world_.closeUp;
    const ui::PixelRect& box = closeUp.box();
    report["close_up"] = {{"enabled", closeUp.enabled()},
                          {"shown", closeUp.shown()},
                          {"box", {box.min.x, box.min.y, box.max.x, box.max.y}},
                          {"caption", closeUp.shown() ? closeUp.caption() : std::string()}};
    report["font_pixels"] = graphics_.overlayReady() ? ImGui::GetFontSize() : 0.0f;
    report["presenter"] = panels_.presenter();
    report["presenter_heading_pixels"] = ui::fonts().presenterHeading ? ui::fonts().presenterHeading->FontSize : 0.0f;
    report["presenter_text_pixels"] = ui::fonts().presenterPixels;
    report["font_scale"] = graphics_.fontScale();
    report["fullscreen"] = window.fullscreen();
    report["minimised"] = loop_.minimised;
    report["frames_drawn"] = loop_.framesDrawn;
    report["scene_pictures_kept"] = loop_.scenePicturesKept;
    report["context_recoveries"] = graphics_.contextRecoveries();
    // The overlay's windows as last drawn (window points), for tests of layout.
    report["panels"] = nlohmann::json::object();
    if (graphics_.overlayReady())
        for (const ImGuiWindow* panel : ImGui::GetCurrentContext()->Windows)
            if (panel->WasActive && !panel->Hidden && !(panel->Flags & ImGuiWindowFlags_ChildWindow))
                report["panels"][panel->Name] = {panel->Pos.x, panel->Pos.y, panel->Size.x, panel->Size.y};
    // The part of the window the scene is drawn in, the rest hidden by solid panels
    // (framebuffer pixels: left, top, right, bottom).
    const ui::PixelRect& shown = graphics_.viewArea().shown;
    report["scene_shown"] = {shown.min.x, shown.min.y, shown.max.x, shown.max.y};
    report["reset_notification"] = graphics_.gl().resetNotification;
    report["dpi_scale"] = graphics_.dpiScale();
    const glm::ivec2 position = window.windowPosition(), size = window.windowSize(), drawable = window.drawableSize();
    report["window"] = {{"x", position.x}, {"y", position.y}, {"width", size.x}, {"height", size.y},
                        {"drawable_width", drawable.x}, {"drawable_height", drawable.y}, {"visible", window.visible()}};
    report["gl_problems"] = gfx::debugProblemCount();
    report["muscles"] = muscles(scene);
    const nlohmann::json clicks = clickPoints();
    if (!clicks.empty()) report["click_points"] = clicks;
    // Names come from the user's model as they are, and need not be UTF-8: bytes that are not
    // are written as U+FFFD instead of stopping the program.
    const std::string text = report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    if (core::Status written = core::writeFileAtomic(path_, text); !written) core::logError("app", written.error().describe());
    return std::nullopt;
}

nlohmann::json ReportMode::clickPoints() const
{
    const scene::Scene& scene = world_.scene;
    const glm::vec2 size(graphics_.window().drawableSize());
    const float scale = graphics_.window().pixelsPerPoint();
    const glm::mat4 viewProjection = world_.camera.viewProjectionMatrix(size);
    nlohmann::json points = nlohmann::json::object();
    for (std::size_t i = 0; i < scene.structures().size(); ++i) {
        const scene::Structure& structure = scene.structures()[i];
        if (structure.name.layer != content::LayerId::Muscle && structure.name.layer != content::LayerId::Bone) continue;
        const core::Bounds bounds = scene.structureBounds(int(i));
        const glm::vec3 offsets[] = {{0, 0, 0}, {0, 0.25f, 0}, {0, -0.25f, 0}, {0, 0.4f, 0}, {0, -0.4f, 0}};
        for (const glm::vec3& offset : offsets) {
            const std::optional<glm::vec2> pixel = scene::worldToPixel(viewProjection, bounds.center() + offset * bounds.size(), size);
            if (!pixel || pixel->x < 0 || pixel->y < 0 || pixel->x >= size.x || pixel->y >= size.y) continue;
            const auto hit = scene.pick(world_.camera.rayThroughPixel(*pixel, size));
            if (hit && hit->structure == int(i)) {
                points[structure.nodeName] = {pixel->x / scale, pixel->y / scale};
                break;
            }
        }
    }
    return points;
}

} // namespace

std::unique_ptr<Mode> makeReportMode(std::filesystem::path path, const World& world, const GraphicsContext& graphics,
                                     const LessonSession& lessons, const RoutineSession& routines, const Panels& panels,
                                     const LoopState& loop)
{
    return std::make_unique<ReportMode>(std::move(path), world, graphics, lessons, routines, panels, loop);
}

} // namespace app
