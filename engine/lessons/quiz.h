// Quiz mode: name the highlighted structure, or pick the stretch that lengthens a hamstring
// head. Questions come from the model and the lessons themselves (a stretch "lengthens" a
// head when its held pose makes that head's path at least 3% longer than standing), so the
// quiz stays honest as lessons change. Seeded, so a class can share one sequence.
#pragma once

#include "anatomy/muscle_geometry.h"
#include "lessons/lesson_library.h"
#include "scene/scene.h"

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

namespace lessons {

enum class QuestionKind { NameStructure, PickStretch };

struct QuizQuestion {
    QuestionKind kind = QuestionKind::NameStructure;
    std::string prompt;
    int structure = -1;                 // highlighted structure (NameStructure)
    anatomy::Muscle head = anatomy::Muscle::Semitendinosus; // PickStretch
    std::vector<std::string> options;
    int correct = 0;
    std::string explanation;            // shown after answering
};

// A held step of a lesson and how much it lengthens each hamstring head (percent of standing).
struct StretchCandidate {
    std::string label;                  // "Seated floor stretch: Fold forward from the hips"
    std::array<double, 4> lengthChangePercent{};
};

// Length change of every hamstring head (right leg) for each lesson step's held pose.
std::vector<StretchCandidate> stretchCandidates(const LessonLibrary& library);

class Quiz {
public:
    // `names`: display name per structure of the scene.
    Quiz(const scene::Scene& scene, std::vector<std::string> names, std::vector<StretchCandidate> stretches, std::uint32_t seed);

    const QuizQuestion& question() const { return question_; }
    // Records an answer to the current question; returns whether it was right.
    bool answer(int option);
    std::optional<int> answered() const { return answered_; }
    void next();

    // While a "name the structure" question waits for its answer: every structure that one of
    // its options names (both sides of each), whose names the screen must not show - the answer,
    // and the distractors so that labels elsewhere do not give it away by elimination.
    // Empty once answered, and for the stretch questions, which name their muscle themselves.
    std::vector<int> concealedStructures() const;

    int score() const { return score_; }
    int asked() const { return asked_; }

private:
    void makeNameQuestion();
    bool makeStretchQuestion();

    const scene::Scene* scene_;
    std::vector<std::string> names_;
    std::vector<StretchCandidate> stretches_;
    std::mt19937 random_;
    QuizQuestion question_;
    std::optional<int> answered_;
    int score_ = 0;
    int asked_ = 0;
};

} // namespace lessons
