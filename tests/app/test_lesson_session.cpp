// The lessons as the app holds them (app/lesson_session.h), without a window: loaded before the
// first frame, or deferred until after it and taken when the loading thread is done, and what
// asking for them in between does.
#include "app/graphics_context.h"
#include "app/lesson_session.h"
#include "app/paths.h"
#include "app/settings_sync.h"
#include "app/world.h"
#include "ui/overlay.h"

#include <doctest/doctest.h>

#include <chrono>
#include <thread>

namespace {

struct Fixture {
    app::DataPaths paths = app::findDataPaths("", HT_APP_PATH);
    app::World world;
    app::GraphicsContext graphics;  // never opened: the settings only read its state
    ui::OverlayState notices;
    app::SettingsSync settings{world, graphics, notices};

    Fixture()
    {
        auto files = app::readSceneFiles(app::Options{}, paths);
        REQUIRE_MESSAGE(files.ok(), (files.ok() ? "" : files.error().describe()));
        world.build(std::move(*files));
    }
};

std::size_t lessonCount(const lessons::LessonLibrary& library)
{
    std::size_t count = 0;
    for (const lessons::LessonEntry& entry : library.entries()) count += entry.lesson ? 1 : 0;
    return count;
}

} // namespace

TEST_CASE("lessons loaded before the first frame, or deferred: none until asked for, then all of them")
{
    Fixture fixture;
    app::LessonSession eager(fixture.world, fixture.settings, fixture.notices, false);
    eager.load(fixture.paths);
    REQUIRE(eager.loadedLibrary() != nullptr);
    const std::size_t all = lessonCount(*eager.loadedLibrary());
    CHECK(all >= 30);

    // Deferred and never begun: the panel has none, and asking for the library reads them there
    // and then rather than answering with an empty one.
    app::LessonSession asked(fixture.world, fixture.settings, fixture.notices, false);
    asked.deferLoad(fixture.paths);
    asked.pollLoad();
    CHECK(asked.loadedLibrary() == nullptr);
    const lessons::LessonLibrary& library = asked.library();
    CHECK(lessonCount(library) == all);
    CHECK(asked.loadedLibrary() == &library);
    CHECK(library.find("cramp_what_is_a_cramp") != nullptr);

    // Begun behind the frames: pollLoad takes them once the thread is done, without waiting.
    app::LessonSession behind(fixture.world, fixture.settings, fixture.notices, false);
    behind.deferLoad(fixture.paths);
    behind.beginDeferredLoad();
    for (int i = 0; i < 2000 && !behind.loadedLibrary(); ++i) {
        behind.pollLoad();
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    REQUIRE(behind.loadedLibrary() != nullptr);
    CHECK(lessonCount(*behind.loadedLibrary()) == all);
}
