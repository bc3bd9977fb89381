#include "lessons/quiz.h"
#include "test_models.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <optional>

using namespace scene;
using namespace content;
using namespace lessons;

namespace {

Scene testScene()
{
    return Scene(testing_support::makeTestScene());
}

std::vector<std::string> namesOf(const Scene& scene)
{
    std::vector<std::string> names;
    for (const Structure& structure : scene.structures()) names.push_back(readableName(structure.name));
    return names;
}

std::vector<StretchCandidate> candidates()
{
    // Two that lengthen the semitendinosus (index 1), three that shorten it.
    return {{"Forward fold", {8, 9, 10, 1}},  {"Knee curl", {-9, -12, -8, -14}},   {"Bridge", {-4, -5, -4, -3}},
            {"Straight-leg raise", {6, 7, 9, 0}}, {"Standing quad stretch", {-6, -8, -5, -10}}};
}

} // namespace

TEST_CASE("naming questions highlight a structure and offer its name among the choices")
{
    const Scene scene = testScene();
    Quiz quiz(scene, namesOf(scene), {}, 7);
    const QuizQuestion& question = quiz.question();
    CHECK(question.kind == QuestionKind::NameStructure);
    REQUIRE(question.structure >= 0);
    CHECK(scene.structures()[std::size_t(question.structure)].name.layer != LayerId::Skin);
    REQUIRE(question.options.size() >= 2);
    std::string expected = readableName(scene.structures()[std::size_t(question.structure)].name);
    expected.resize(expected.find(" (") == std::string::npos ? expected.size() : expected.find(" ("));
    CHECK(question.options[std::size_t(question.correct)] == expected);
}

TEST_CASE("answers are scored once per question")
{
    const Scene scene = testScene();
    Quiz quiz(scene, namesOf(scene), {}, 3);
    const int right = quiz.question().correct;
    CHECK(quiz.answer(right));
    CHECK(quiz.answer((right + 1) % int(quiz.question().options.size()))); // a second answer changes nothing
    CHECK(quiz.score() == 1);
    CHECK(quiz.asked() == 1);
    quiz.next();
    CHECK_FALSE(quiz.answered());
    CHECK_FALSE(quiz.answer((quiz.question().correct + 1) % int(quiz.question().options.size())));
    CHECK(quiz.score() == 1);
    CHECK(quiz.asked() == 2);
}

TEST_CASE("the same seed asks the same questions")
{
    const Scene scene = testScene();
    Quiz a(scene, namesOf(scene), candidates(), 42), b(scene, namesOf(scene), candidates(), 42);
    for (int i = 0; i < 10; ++i) {
        CHECK(a.question().prompt == b.question().prompt);
        CHECK(a.question().options == b.question().options);
        a.answer(0);
        b.answer(0);
        a.next();
        b.next();
    }
}

TEST_CASE("stretch questions have exactly one option that lengthens the head")
{
    const Scene scene = testScene();
    Quiz quiz(scene, namesOf(scene), candidates(), 11);
    int stretchQuestions = 0;
    for (int i = 0; i < 30; ++i) {
        const QuizQuestion& question = quiz.question();
        if (question.kind == QuestionKind::PickStretch) {
            ++stretchQuestions;
            const std::size_t head = std::size_t(std::find(anatomy::kHamstrings.begin(), anatomy::kHamstrings.end(), question.head) -
                                                 anatomy::kHamstrings.begin());
            int lengthening = 0;
            for (std::size_t o = 0; o < question.options.size(); ++o)
                for (const StretchCandidate& candidate : candidates())
                    if (candidate.label == question.options[o] && candidate.lengthChangePercent[head] >= 3.0) {
                        ++lengthening;
                        CHECK(int(o) == question.correct);
                    }
            CHECK(lengthening == 1);
            CHECK(question.explanation.find("longer than standing") != std::string::npos);
        }
        quiz.answer(0);
        quiz.next();
    }
    CHECK(stretchQuestions > 0);
}

TEST_CASE("an open naming question conceals the names it offers, on both sides, until it is answered")
{
    const Scene scene = testScene();
    const std::vector<std::string> names = namesOf(scene);
    for (std::uint32_t seed : {1u, 7u, 19u, 23u}) {
        CAPTURE(seed);
        Quiz quiz(scene, names, {}, seed);
        const QuizQuestion& question = quiz.question();
        REQUIRE(question.kind == QuestionKind::NameStructure);
        REQUIRE(question.structure >= 0);
        const std::vector<int> concealed = quiz.concealedStructures();
        auto isConcealed = [&](std::size_t index) {
            return std::find(concealed.begin(), concealed.end(), int(index)) != concealed.end();
        };
        CHECK(isConcealed(std::size_t(question.structure)));
        const StructureName& asked = scene.structures()[std::size_t(question.structure)].name;
        for (std::size_t i = 0; i < scene.structures().size(); ++i) {
            const StructureName& name = scene.structures()[i].name;
            // The same structure on the other side carries the same name: concealed too.
            if (name.layer == asked.layer && name.structure == asked.structure) CHECK(isConcealed(i));
            // Whatever is concealed is named by one of the options (answer or distractor).
            if (isConcealed(i)) {
                bool offered = false;
                for (const std::string& option : question.options) offered = offered || names[i].rfind(option, 0) == 0;
                CHECK(offered);
            }
        }
        quiz.answer(0);
        CHECK(quiz.concealedStructures().empty());
    }
}

TEST_CASE("stretch questions conceal nothing: they name their muscle in the prompt")
{
    const Scene scene = testScene();
    Quiz quiz(scene, namesOf(scene), candidates(), 5);
    for (int i = 0; i < 9; ++i) {
        if (quiz.question().kind == QuestionKind::PickStretch) CHECK(quiz.concealedStructures().empty());
        quiz.answer(0);
        quiz.next();
    }
}

TEST_CASE("naming questions ask only about structures in layers that are shown")
{
    Scene scene = testScene();
    // Hide every layer that holds a structure but one: each question must ask about that one's.
    std::optional<LayerId> kept;
    for (const Structure& structure : scene.structures())
        if (structure.name.layer != LayerId::Skin && structure.name.layer != LayerId::Other) kept = structure.name.layer;
    REQUIRE(kept);
    for (std::size_t layer = 0; layer < scene.layers().size(); ++layer) scene.layers()[layer].visible = LayerId(layer) == *kept;
    Quiz quiz(scene, namesOf(scene), {}, 13);
    for (int i = 0; i < 6; ++i) {
        REQUIRE(quiz.question().structure >= 0);
        CHECK(scene.structures()[std::size_t(quiz.question().structure)].name.layer == *kept);
        quiz.answer(0);
        quiz.next();
    }
}
