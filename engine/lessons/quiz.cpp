#include "lessons/quiz.h"

#include "anatomy/skeleton.h"

#include <algorithm>
#include <cstdio>
#include <set>

namespace lessons {
namespace {

constexpr double kLengthensPercent = 3.0;

double pathLengthM(const anatomy::Pose& pose, anatomy::Muscle muscle)
{
    const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(pose);
    const std::vector<glm::dvec3> points = anatomy::activePathPoints(skeleton, pose, muscle, anatomy::Side::Right);
    double length = 0.0;
    for (std::size_t i = 1; i < points.size(); ++i) length += glm::length(points[i] - points[i - 1]);
    return length;
}

// Uniform pick from [0, count) from the generator's own bits, so every platform draws the
// same sequence (std::uniform_int_distribution may differ between libraries).
int pick(std::mt19937& random, int count)
{
    return count <= 1 ? 0 : int(random() % std::uint32_t(count));
}

// A display name without its side: "Semitendinosus (right)" -> "Semitendinosus".
std::string plainName(std::string name)
{
    if (const auto paren = name.find(" ("); paren != std::string::npos) name.resize(paren);
    return name;
}

} // namespace

std::vector<StretchCandidate> stretchCandidates(const LessonLibrary& library)
{
    std::vector<StretchCandidate> candidates;
    const anatomy::Pose standing = anatomy::Pose::neutral();
    std::array<double, 4> rest{};
    for (std::size_t h = 0; h < 4; ++h) rest[h] = pathLengthM(standing, anatomy::kHamstrings[h]);
    for (const LessonEntry& entry : library.entries()) {
        if (!entry.lesson) continue;
        for (const content::LessonStep& step : entry.lesson->steps) {
            if (step.keys.empty() || (step.muscles.mode != content::MuscleMode::Stretch && step.muscles.mode != content::MuscleMode::Contraction))
                continue;
            StretchCandidate candidate;
            candidate.label = entry.lesson->title + ": " + step.title;
            for (std::size_t h = 0; h < 4; ++h)
                candidate.lengthChangePercent[h] =
                    (pathLengthM(step.keys.back().pose, anatomy::kHamstrings[h]) / rest[h] - 1.0) * 100.0;
            candidates.push_back(std::move(candidate));
        }
    }
    return candidates;
}

Quiz::Quiz(const scene::Scene& scene, std::vector<std::string> names, std::vector<StretchCandidate> stretches, std::uint32_t seed)
    : scene_(&scene), names_(std::move(names)), stretches_(std::move(stretches)), random_(seed)
{
    next();
}

bool Quiz::answer(int option)
{
    if (answered_) return *answered_ == question_.correct;
    answered_ = option;
    ++asked_;
    const bool right = option == question_.correct;
    if (right) ++score_;
    return right;
}

std::vector<int> Quiz::concealedStructures() const
{
    std::vector<int> concealed;
    if (answered_ || question_.kind != QuestionKind::NameStructure) return concealed;
    for (std::size_t i = 0; i < names_.size(); ++i)
        if (std::find(question_.options.begin(), question_.options.end(), plainName(names_[i])) != question_.options.end())
            concealed.push_back(int(i));
    return concealed;
}

void Quiz::next()
{
    answered_.reset();
    // Every third question asks about stretching, when the lessons give enough to ask.
    if ((asked_ % 3 == 2) && makeStretchQuestion()) return;
    makeNameQuestion();
}

void Quiz::makeNameQuestion()
{
    // Candidates: named structures, one per name (sides share a name).
    std::vector<int> structures;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < scene_->structures().size(); ++i) {
        const content::LayerId layer = scene_->structures()[i].name.layer;
        if (layer == content::LayerId::Skin || layer == content::LayerId::Other) continue;
        // Only what is on screen: a structure in a hidden layer could be highlighted unseen.
        if (!scene_->layer(layer).visible) continue;
        if (seen.insert(plainName(names_[i])).second) structures.push_back(int(i));
    }
    question_ = QuizQuestion{};
    question_.kind = QuestionKind::NameStructure;
    question_.prompt = "What is the highlighted structure called?";
    if (structures.empty()) return;
    const int target = structures[std::size_t(pick(random_, int(structures.size())))];
    auto plain = [&](int index) { return plainName(names_[std::size_t(index)]); };
    question_.structure = target;
    std::vector<std::string> options{plain(target)};
    // Distractors from the same layer first: a hamstring is confused with a hamstring.
    std::vector<int> others;
    for (int index : structures)
        if (index != target && scene_->structures()[std::size_t(index)].name.layer == scene_->structures()[std::size_t(target)].name.layer)
            others.push_back(index);
    for (int index : structures)
        if (index != target && std::find(others.begin(), others.end(), index) == others.end()) others.push_back(index);
    while (options.size() < 4 && !others.empty()) {
        const std::size_t slot = std::size_t(pick(random_, std::min<int>(int(others.size()), 6)));
        options.push_back(plain(others[slot]));
        others.erase(others.begin() + std::ptrdiff_t(slot));
    }
    const std::string right = options.front();
    for (std::size_t i = options.size(); i > 1; --i) std::swap(options[i - 1], options[std::size_t(pick(random_, int(i)))]);
    question_.options = options;
    question_.correct = int(std::find(options.begin(), options.end(), right) - options.begin());
    question_.explanation = "It is the " + right + ".";
}

bool Quiz::makeStretchQuestion()
{
    const int head = pick(random_, 4);
    std::vector<const StretchCandidate*> lengthen, other;
    for (const StretchCandidate& candidate : stretches_)
        (candidate.lengthChangePercent[std::size_t(head)] >= kLengthensPercent ? lengthen : other).push_back(&candidate);
    if (lengthen.empty() || other.size() < 2) return false;
    question_ = QuizQuestion{};
    question_.kind = QuestionKind::PickStretch;
    question_.head = anatomy::kHamstrings[std::size_t(head)];
    const std::string headName(anatomy::muscleDef(question_.head).displayName);
    question_.prompt = "Which of these lengthens the " + headName + "?";
    const StretchCandidate* right = lengthen[std::size_t(pick(random_, int(lengthen.size())))];
    std::vector<const StretchCandidate*> chosen{right};
    while (chosen.size() < 4 && !other.empty()) {
        const std::size_t slot = std::size_t(pick(random_, int(other.size())));
        chosen.push_back(other[slot]);
        other.erase(other.begin() + std::ptrdiff_t(slot));
    }
    for (std::size_t i = chosen.size(); i > 1; --i) std::swap(chosen[i - 1], chosen[std::size_t(pick(random_, int(i)))]);
    for (const StretchCandidate* candidate : chosen) question_.options.push_back(candidate->label);
    question_.correct = int(std::find(chosen.begin(), chosen.end(), right) - chosen.begin());
    char change[64];
    std::snprintf(change, sizeof change, "%+.0f%%", right->lengthChangePercent[std::size_t(head)]);
    question_.explanation = right->label + " makes the " + headName + " " + change + " longer than standing.";
    if (question_.head == anatomy::Muscle::BicepsFemorisShort)
        question_.explanation += " The short head crosses only the knee, so only straightening the knee stretches it.";
    return true;
}

} // namespace lessons
