// The quiz card: the question, four answers (mouse or keys 1 to 4), feedback with the
// reason, and the running score.
#pragma once

#include "lessons/quiz.h"
#include "ui/commands.h"

#include <vector>

namespace ui {

void drawQuizPanel(const lessons::Quiz& quiz, std::vector<Command>& commands);

} // namespace ui
