// Fuzz target: the lesson parser, then a few seconds of playback of whatever parses, since
// a lesson that loads must also play without crashing.
#include "content/lesson_file.h"
#include "lessons/lesson_player.h"

#include <cstdint>
#include <string>

namespace {

const content::LessonContext& context()
{
    static content::PoseLibrary poses = [] {
        auto loaded = content::PoseLibrary::load(std::string(HT_SOURCE_DIR) + "/scenes/poses.toml");
        return loaded ? *loaded : content::PoseLibrary{};
    }();
    static content::SourceList sources = [] {
        auto loaded = content::SourceList::load(std::string(HT_SOURCE_DIR) + "/assets/sources.toml");
        return loaded ? *loaded : content::SourceList{};
    }();
    static const content::LessonContext value{&poses, &sources,
                                            {"semitendinosus", "semimembranosus", "biceps_femoris_long",
                                             "biceps_femoris_short", "femur", "pelvis", "tibia", "fibula"}};
    return value;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    auto lesson = content::parseLesson(text, "fuzz.toml", context());
    if (!lesson) {
        (void)lesson.error().describe();
        return 0;
    }
    lessons::LessonPlayer player;
    player.start(*lesson, anatomy::Pose::neutral(), 0);
    for (int step = 0; step < player.stepCount() && step < 4; ++step) {
        player.goToStep(step);
        for (int frame = 0; frame < 8; ++frame) {
            player.update(0.5);
            (void)player.pose();
            (void)player.muscleDrive();
            (void)player.clock();
        }
    }
    return 0;
}
