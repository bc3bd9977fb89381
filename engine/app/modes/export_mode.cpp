// --export-lesson NAME DIR: each step of a lesson rendered headless at the end of its move (the
// position to hold) into DIR/step-NN.png, and a printable handout beside them. It runs instead
// of the loop and shows the same pictures the trainer shows.
#include "app/modes/mode.h"

#include "app/graphics_context.h"
#include "app/handout.h"
#include "app/lesson_session.h"
#include "app/paths.h"
#include "app/physiology_view.h"
#include "app/world.h"
#include "core/file.h"
#include "ui/close_up_caption.h"

#include <cstdio>
#include <string>
#include <system_error>
#include <vector>

namespace app {
namespace {

namespace fs = std::filesystem;

class ExportMode final : public Mode {
public:
    ExportMode(World& world, GraphicsContext& graphics, LessonSession& lessons, const PhysiologyView& physiology,
               const DataPaths& paths, std::string lessonId, fs::path folder)
        : world_(world), graphics_(graphics), lessons_(lessons), physiology_(physiology), paths_(paths),
          lessonId_(std::move(lessonId)), folder_(std::move(folder))
    {
    }

    std::optional<int> start() override;

private:
    // One step's picture; false after printing why it failed.
    bool exportStep(const content::Lesson& lesson, std::size_t index, std::vector<std::string>& images);

    World& world_;
    GraphicsContext& graphics_;
    LessonSession& lessons_;
    const PhysiologyView& physiology_;
    const DataPaths& paths_;
    std::string lessonId_;
    fs::path folder_;
};

std::optional<int> ExportMode::start()
{
    const content::Lesson* lesson = lessons_.library().find(lessonId_);
    if (!lesson) {
        for (const lessons::LessonEntry& entry : lessons_.library().entries())
            if (entry.error && fs::path(entry.path).stem() == lessonId_) return failWith(entry.error->describe());
        return failWith("--export-lesson: no lesson named '" + lessonId_ + "' in " + (paths_.scenes() / "lessons").string());
    }
    std::error_code ec;
    fs::create_directories(folder_, ec);
    if (ec) return failWith(folder_.string() + ": cannot create folder: " + ec.message());
    const content::Lesson copy = *lesson;
    lessons_.start(copy.id, 0);
    std::vector<std::string> images;
    for (std::size_t i = 0; i < copy.steps.size(); ++i)
        if (!exportStep(copy, i, images)) return 1;
    const fs::path handout = folder_ / "handout.html";
    if (core::Status written = core::writeFileAtomic(handout, renderHandoutHtml(copy, images, lessons_.library().sources(),
                                                                                 &lessons_.library().glossary()));
        !written)
        return failWith(written.error().describe());
    std::printf("exported %zu steps of '%s' to %s\n", images.size(), copy.title.c_str(), handout.string().c_str());
    return 0;
}

bool ExportMode::exportStep(const content::Lesson& lesson, std::size_t index, std::vector<std::string>& images)
{
    lessons::LessonPlayer& player = lessons_.player();
    player.goToStep(int(index));
    // Each picture shows the step at the end of its move: the position to hold.
    player.scrub(lesson.steps[index].motionS());
    lessons_.settleMuscles();
    // The picture has no panels: the close-up takes its corner of the whole window, and the
    // step is framed in the rest, as the trainer frames it beside the close-up.
    const glm::vec2 window(graphics_.window().drawableSize());
    CloseUp& closeUp = world_.closeUp;
    closeUp.setFreeArea({glm::vec2(0.0f), window});
    closeUp.update(60.0f, player.step(), player.stepSerial(), world_.scene);
    const ui::PixelRect mainView = closeUp.mainViewRect();
    world_.camera.setViewRegion({mainView.min, mainView.max, window});
    lessons_.update();
    world_.camera.update(60.0f);
    closeUp.update(60.0f, player.step(), player.stepSerial(), world_.scene);
    graphics_.renderer().settleFades();
    // Only the close-up's caption of the overlay.
    std::function<void()> caption;
    if (closeUp.shown() && graphics_.overlayReady()) caption = [&] { ui::drawCloseUpCaption(closeUp.box(), closeUp.caption()); };
    if (core::Status drawn = graphics_.drawFrame(world_.scene, world_.camera, physiology_.tints(), caption, closeUp.insetView());
        !drawn) {
        failWith(drawn.error().describe());
        return false;
    }
    char name[32];
    std::snprintf(name, sizeof name, "step-%02zu.png", index + 1);
    if (core::Status written = graphics_.saveScreenshot(folder_ / name); !written) {
        failWith(written.error().describe());
        return false;
    }
    images.emplace_back(name);
    return true;
}

} // namespace

std::unique_ptr<Mode> makeExportMode(World& world, GraphicsContext& graphics, LessonSession& lessons,
                                     const PhysiologyView& physiology, const DataPaths& paths, std::string lessonId,
                                     std::filesystem::path folder)
{
    return std::make_unique<ExportMode>(world, graphics, lessons, physiology, paths, std::move(lessonId), std::move(folder));
}

} // namespace app
