#include "media/video_timeline.h"

#include "content/glossary.h"
#include "lessons/posture_route.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>

namespace media {
namespace {

bool isSpace(char c)
{
    return std::isspace(static_cast<unsigned char>(c)) != 0;
}

// Runs of white space become one space; none at the ends.
std::string collapseSpaces(const std::string& text)
{
    std::string out;
    for (char c : text) {
        if (isSpace(c)) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// Where a sentence ends: after '.', '!' or '?' followed by a space.
std::vector<std::string> sentences(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ') {
            out.push_back(text.substr(start, i + 1 - start));
            start = i + 2;
        }
    }
    if (start < text.size()) out.push_back(text.substr(start));
    return out;
}

// Sentences joined while they fit a caption; a sentence longer than one is cut at spaces
// (a single word longer than a caption stays whole).
void addPieces(const std::string& text, std::vector<std::string>& pieces)
{
    std::string current;
    auto flush = [&] {
        if (!current.empty()) pieces.push_back(current);
        current.clear();
    };
    for (std::string sentence : sentences(collapseSpaces(content::stripMarks(text)))) {
        if (!current.empty() && current.size() + 1 + sentence.size() <= kMaxCaptionChars) {
            current += ' ';
            current += sentence;
            continue;
        }
        flush();
        while (sentence.size() > kMaxCaptionChars) {
            std::size_t cut = sentence.rfind(' ', kMaxCaptionChars);
            if (cut == std::string::npos || cut == 0) cut = sentence.find(' ');
            if (cut == std::string::npos) break;
            pieces.push_back(sentence.substr(0, cut));
            sentence.erase(0, cut + 1);
        }
        current = sentence;
    }
    flush();
}

std::string timestamp(double seconds)
{
    const long long ms = std::llround(std::max(0.0, seconds) * 1000.0);
    char text[32];
    std::snprintf(text, sizeof text, "%02lld:%02lld:%02lld.%03lld", ms / 3'600'000, ms / 60'000 % 60, ms / 1000 % 60, ms % 1000);
    return text;
}

} // namespace

int countWords(const std::string& text)
{
    int words = 0;
    bool inWord = false;
    for (char c : text) {
        const bool space = isSpace(c);
        if (!space && !inWord) ++words;
        inWord = !space;
    }
    return words;
}

double readingSeconds(const content::LessonStep& step)
{
    int words = countWords(step.title) + countWords(content::stripMarks(step.text));
    for (const std::string& bullet : step.bullets) words += countWords(content::stripMarks(bullet));
    return std::min(kMaximumReadingS, kReadingStartS + words / kReadingWordsPerS);
}

double stepVideoSeconds(const content::LessonStep& step, double routeS)
{
    return std::max({routeS + step.durationS() + kEndPauseS, readingSeconds(step), kMinimumStepS});
}

std::vector<std::string> captionPieces(const content::LessonStep& step)
{
    std::vector<std::string> pieces;
    addPieces(step.title, pieces);
    addPieces(step.text, pieces);
    for (const std::string& bullet : step.bullets) addPieces(bullet, pieces);
    return pieces;
}

VideoPlan planLessonVideo(const content::Lesson& lesson, int firstStep, int lastStep, const anatomy::Pose& startPose)
{
    VideoPlan plan;
    const int count = int(lesson.steps.size());
    firstStep = std::clamp(firstStep, 0, std::max(0, count - 1));
    lastStep = std::min(lastStep, count - 1);
    for (int index = firstStep; index <= lastStep; ++index) {
        const content::LessonStep& step = lesson.steps[std::size_t(index)];
        const content::LessonStep* before = index == firstStep ? nullptr : &lesson.steps[std::size_t(index - 1)];
        const anatomy::Pose& from = before && !before->keys.empty() ? before->keys.back().pose : startPose;
        const double routeS =
            step.keys.empty() ? 0.0 : lessons::routeDurationS(lessons::routeBetween(lesson.routes, from, step.keys.front().pose).size());
        const StepSpan span{index, plan.durationS, stepVideoSeconds(step, routeS), routeS};
        plan.steps.push_back(span);
        // Each piece is shown for a share of the step that follows its words (a title of
        // one or two words still gets two words' time).
        const std::vector<std::string> pieces = captionPieces(step);
        double totalWeight = 0.0;
        for (const std::string& piece : pieces) totalWeight += std::max(2, countWords(piece));
        double at = span.startS;
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            const double share = std::max(2, countWords(pieces[i])) / totalWeight;
            const double end = i + 1 == pieces.size() ? span.startS + span.lengthS : at + share * span.lengthS;
            plan.captions.push_back({at, end, pieces[i]});
            at = end;
        }
        plan.durationS += span.lengthS;
    }
    return plan;
}

std::string writeWebVtt(const std::vector<CaptionCue>& captions)
{
    std::string out = "WEBVTT\n";
    for (const CaptionCue& cue : captions) {
        // '&', '<' and '>' are markup in a cue (and "-->" would end its timing line); the
        // text has no line breaks (collapseSpaces), so no blank line ends a cue early.
        std::string text;
        for (char c : cue.text) {
            if (c == '&') text += "&amp;";
            else if (c == '<') text += "&lt;";
            else if (c == '>') text += "&gt;";
            else text += c;
        }
        out += "\n" + timestamp(cue.startS) + " --> " + timestamp(cue.endS) + "\n" + text + "\n";
    }
    return out;
}

} // namespace media
