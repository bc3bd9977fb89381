// The quiz card: the question, four answers (mouse or keys 1 to 4), feedback with the
// reason, and the running score. It sits at the bottom of the model's part of the window.
#pragma once

#include "lessons/quiz.h"
#include "ui/commands.h"
#include "ui/dock_layout.h"

#include <vector>

namespace ui {

// `box`: where the card may go (the layout's quiz box); empty: the whole window. `fill`: the
// card fills the box (a slot in the stacked column) instead of sitting at its bottom.
void drawQuizPanel(const lessons::Quiz& quiz, const DockRect& box, bool fill, std::vector<Command>& commands);

} // namespace ui
