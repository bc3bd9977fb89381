// Presenter mode for a classroom: the model fills the screen and the current step's text
// runs along the bottom in projector-sized type, with the hold countdown and repetitions.
// Also the blank screen and the pointer highlight that follows the mouse.
#pragma once

#include "lessons/lesson_library.h"
#include "lessons/lesson_player.h"
#include "ui/commands.h"
#include "ui/marked_text.h"

#include <glm/vec2.hpp>

#include <string>
#include <vector>

namespace ui {

struct PresenterInput {
    const lessons::LessonPlayer* player = nullptr;
    const content::SourceList* sources = nullptr;
    const content::Glossary* glossary = nullptr;   // marked terms are coloured (no tooltips here)
    std::string sceneTitle;        // shown when no lesson is running
    bool blank = false;
    glm::vec2 pointer{0.0f};       // pixels
    bool pointerVisible = false;
};

void drawPresenter(const PresenterInput& input, std::vector<Command>& commands);

} // namespace ui
