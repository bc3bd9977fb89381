// How a lesson plays out in a video: how long each step is on screen and the captions (the
// step's title and text, in readable pieces) timed to it, written as WebVTT. Pure, so a test
// checks the times by hand; the app renders the frames and the audio to this plan.
#pragma once

#include "content/lesson.h"

#include <string>
#include <vector>

namespace media {

// A step's time on screen: getting down to the floor or up first where the body must (StepSpan::
// routeS), its own moves, holds, repetitions and rests (LessonStep::durationS)
// plus kEndPauseS to see the end position, and never less than its text takes to read:
// kReadingStartS + words / kReadingWordsPerS (title, text and bullets, glossary marks removed),
// at least kMinimumStepS. 2.5 words a second (150 a minute) is the pace subtitle guides give
// for a mixed audience; a long paragraph is capped at kMaximumReadingS (a viewer can pause).
inline constexpr double kEndPauseS = 1.0;
inline constexpr double kReadingStartS = 1.5;
inline constexpr double kReadingWordsPerS = 2.5;
inline constexpr double kMinimumStepS = 3.0;
inline constexpr double kMaximumReadingS = 45.0;
// A caption is at most this many characters (two lines of large text), broken at sentence
// ends, else at the last space before the limit.
inline constexpr std::size_t kMaxCaptionChars = 90;

int countWords(const std::string& text);
double readingSeconds(const content::LessonStep& step);
// `routeS`: the time the body takes getting down to the floor or up first, before the step's
// own time starts (lessons/posture_route.h); it adds to the moves.
double stepVideoSeconds(const content::LessonStep& step, double routeS = 0.0);

struct CaptionCue {
    double startS = 0.0;   // from the start of the video
    double endS = 0.0;
    std::string text;
};

struct StepSpan {
    int step = 0;          // index into the lesson's steps
    double startS = 0.0;   // from the start of the video
    double lengthS = 0.0;
    double routeS = 0.0;   // getting down or up first: the step's own time starts this much later
};

struct VideoPlan {
    std::vector<StepSpan> steps;
    std::vector<CaptionCue> captions;
    double durationS = 0.0;
};

// The steps from `firstStep` to `lastStep` (inclusive, clamped to the lesson) back to back, the
// first entered from a body in `startPose` (standing by default), each later one from the last
// key of the one before.
VideoPlan planLessonVideo(const content::Lesson& lesson, int firstStep = 0, int lastStep = 1 << 30,
                          const anatomy::Pose& startPose = anatomy::Pose::neutral());

// The step's text (title, text, bullets) in caption-sized pieces, in reading order.
std::vector<std::string> captionPieces(const content::LessonStep& step);

// "WEBVTT" and one cue per caption, times as hh:mm:ss.mmm.
std::string writeWebVtt(const std::vector<CaptionCue>& captions);

} // namespace media
