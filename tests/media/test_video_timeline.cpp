// The plan of a lesson video, with no GL and no encoder: step lengths from a step's moves,
// holds, repetitions and rests or from its words, captions in readable pieces that cover each
// step exactly, and WebVTT text, all against numbers worked out by hand.
#include "media/video_timeline.h"

#include "anim/floor_contact.h"

#include <doctest/doctest.h>

#include <string>

using namespace media;

namespace {

content::LessonStep stepWith(double motionS, double holdS, int repetitions, double restS, std::string title, std::string text)
{
    content::LessonStep step;
    step.title = std::move(title);
    step.text = std::move(text);
    step.keys.resize(motionS > 0.0 ? 2 : 1);
    step.keys.back().timeS = motionS;
    step.holdS = holdS;
    step.repetitions = repetitions;
    step.restS = restS;
    return step;
}

} // namespace

TEST_CASE("video timeline: a step lasts its play and a second, or as long as its words take to read")
{
    // 3 s in, 20 s hold, twice, 5 s rest: 3 + 20 + 3 + 5 + 3 + 20 = 54 s of play, 55 s on screen.
    const content::LessonStep stretch = stepWith(3.0, 20.0, 2, 5.0, "Hold it", "Breathe out.");
    CHECK(stretch.durationS() == doctest::Approx(54.0));
    CHECK(stepVideoSeconds(stretch) == doctest::Approx(55.0));
    // Text only: 2 + 23 words ([[pelvis]] counts once, as the word a reader sees) -> 1.5 + 25 / 2.5 = 11.5 s.
    const content::LessonStep reading =
        stepWith(0.0, 0.0, 1, 0.0, "Why stretch",
                 "One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
                 "seventeen eighteen nineteen twenty the [[pelvis]] tilts");
    CHECK(countWords("  one\ttwo  three\n") == 3);
    CHECK(readingSeconds(reading) == doctest::Approx(11.5));
    CHECK(stepVideoSeconds(reading) == doctest::Approx(11.5));
    // A title alone is still on screen for the minimum.
    CHECK(stepVideoSeconds(stepWith(0.0, 0.0, 1, 0.0, "Rest", "")) == doctest::Approx(kMinimumStepS));
    // A very long paragraph is capped: the viewer can pause.
    std::string longText;
    for (int i = 0; i < 400; ++i) longText += "word ";
    CHECK(readingSeconds(stepWith(0.0, 0.0, 1, 0.0, "Long", longText)) == doctest::Approx(kMaximumReadingS));
}

TEST_CASE("video timeline: a step that starts lying on the floor after standing adds the way down before its own time")
{
    // Lying face down: the body tipped forward a right angle, its pelvis 15 cm or so above its
    // lowest point. One pose on the way (kneeling, say): two legs of kRouteLegS (1 s) each.
    anatomy::Pose lying = anatomy::Pose::neutral();
    lying[anatomy::Coordinate::PelvisAnteriorTilt] = 90.0;
    lying[anatomy::Coordinate::PelvisTy] -= anim::lowestPointY(anatomy::computeSkeleton(lying));  // down on the floor
    anatomy::Pose kneeling = anatomy::Pose::neutral();
    kneeling[anatomy::Coordinate::KneeFlexionR] = kneeling[anatomy::Coordinate::KneeFlexionL] = 90.0;
    content::Lesson lesson;
    lesson.routes.toLyingFaceDown.push_back({0.0, kneeling, {}});
    lesson.steps.push_back(stepWith(2.0, 0.0, 1, 0.0, "Stand", ""));
    lesson.steps.push_back(stepWith(0.0, 10.0, 1, 0.0, "Lie down", ""));
    lesson.steps.back().keys.front().pose = lying;
    const VideoPlan plan = planLessonVideo(lesson);
    REQUIRE(plan.steps.size() == 2);
    CHECK(plan.steps[0].routeS == 0.0);
    CHECK(plan.steps[0].lengthS == doctest::Approx(3.0));             // 2 s of moves and 1 s to see them
    CHECK(plan.steps[1].routeS == doctest::Approx(2.0));
    CHECK(plan.steps[1].lengthS == doctest::Approx(2.0 + 10.0 + 1.0));  // down, the hold, a second
    CHECK(plan.durationS == doctest::Approx(16.0));
    // Begun at the lying step, from a body standing: the way down is there too; from a body
    // already lying, it is not.
    CHECK(planLessonVideo(lesson, 1, 1).steps[0].routeS == doctest::Approx(2.0));
    CHECK(planLessonVideo(lesson, 1, 1, lying).steps[0].routeS == 0.0);
    CHECK(planLessonVideo(lesson, 1, 1, lying).steps[0].lengthS == doctest::Approx(11.0));
}

TEST_CASE("video timeline: captions are sentences in pieces of at most 90 characters that cover each step")
{
    const std::string text = "The hamstrings cross the hip and the knee. They bend the knee and extend the hip, and they "
                             "are long enough to be stretched at both joints at once by a forward bend. Short one.";
    content::Lesson lesson;
    lesson.steps.push_back(stepWith(2.0, 0.0, 1, 0.0, "Meet the hamstrings", text));
    lesson.steps.back().bullets = {"Three muscles"};
    lesson.steps.push_back(stepWith(0.0, 0.0, 1, 0.0, "Next", "A & B <together>."));
    const std::vector<std::string> pieces = captionPieces(lesson.steps[0]);
    REQUIRE(pieces.size() == 5);
    CHECK(pieces[0] == "Meet the hamstrings");
    CHECK(pieces[1] == "The hamstrings cross the hip and the knee.");
    // The second sentence (128 characters) is cut at the last space before 90.
    CHECK(pieces[2] == "They bend the knee and extend the hip, and they are long enough to be stretched at both");
    CHECK(pieces[3] == "joints at once by a forward bend. Short one.");
    CHECK(pieces[4] == "Three muscles");
    for (const std::string& piece : pieces) CHECK(piece.size() <= kMaxCaptionChars);

    const VideoPlan plan = planLessonVideo(lesson);
    REQUIRE(plan.steps.size() == 2);
    const double first = stepVideoSeconds(lesson.steps[0]);
    CHECK(plan.steps[1].startS == doctest::Approx(first));
    CHECK(plan.durationS == doctest::Approx(first + stepVideoSeconds(lesson.steps[1])));
    REQUIRE(plan.captions.size() == 7);
    CHECK(plan.captions[0].startS == 0.0);
    for (std::size_t i = 1; i < plan.captions.size(); ++i) CHECK(plan.captions[i].startS == doctest::Approx(plan.captions[i - 1].endS));
    CHECK(plan.captions[4].endS == doctest::Approx(first));
    CHECK(plan.captions.back().endS == doctest::Approx(plan.durationS));
    // Shares by words: 3, 8, 18, 9 and 2 words: the title gets 3 / 40 of the step, which lasts
    // 1.5 + 40 / 2.5 = 17.5 s (its 2 s move is shorter than its reading).
    CHECK(first == doctest::Approx(17.5));
    CHECK(plan.captions[0].endS == doctest::Approx(first * 3.0 / 40.0));

    // A range of steps starts the video at the first one.
    const VideoPlan second = planLessonVideo(lesson, 1, 1);
    REQUIRE(second.steps.size() == 1);
    CHECK(second.steps[0].step == 1);
    CHECK(second.steps[0].startS == 0.0);

    const std::string vtt = writeWebVtt({{0.0, 1.5, "Next"}, {3661.25, 3662.0, "A & B <together>."}});
    CHECK(vtt == "WEBVTT\n\n00:00:00.000 --> 00:00:01.500\nNext\n\n01:01:01.250 --> 01:01:02.000\nA &amp; B &lt;together&gt;.\n");
}
