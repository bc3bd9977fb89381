#include "lessons/key_settling.h"

#include "anim/floor_contact.h"
#include "anim/pose_blend.h"
#include "anatomy/landmarks.h"

#include <algorithm>

namespace lessons {
namespace {

// Which part of the body a contact is on: a foot (heel, ball, toes), a hand (palm, fingers),
// or the segment of any other point (a knee, the seat, the back).
int limbOf(anatomy::Landmark landmark)
{
    using anatomy::Landmark;
    switch (landmark) {
    case Landmark::HeelR: case Landmark::BallR: case Landmark::ToeTipR: return -1;
    case Landmark::HeelL: case Landmark::BallL: case Landmark::ToeTipL: return -2;
    case Landmark::HandR: case Landmark::FingersR: return -3;
    case Landmark::HandL: case Landmark::FingersL: return -4;
    default: return int(anatomy::landmarkInfo(landmark).segment);
    }
}

// Contacts on two parts of the body or more: the pelvis's tilt and list (and its height, which
// placing on the floor sets) are what keep them all down. On one foot or one hand alone, its ankle or wrist does, as the blend
// of the two keys' angles already moves it; tilting the whole body to flatten one foot would
// lean it (6 degrees between walking and standing still).
bool spansLimbs(const anim::ContactList& contacts)
{
    for (const anim::Contact& contact : contacts)
        if (limbOf(contact.landmark) != limbOf(contacts.front().landmark)) return true;
    return false;
}

glm::dvec2 pelvisOf(const anatomy::Pose& pose)
{
    using anatomy::Coordinate;
    return {pose[Coordinate::PelvisAnteriorTilt], pose[Coordinate::PelvisList]};
}

} // namespace

void applyPelvisCorrection(anatomy::Pose& pose, const glm::dvec2& correction)
{
    using anatomy::Coordinate;
    pose[Coordinate::PelvisAnteriorTilt] += correction.x;
    pose[Coordinate::PelvisList] += correction.y;
}

const KeySettling::Table& KeySettling::table(const content::StepKey& from, const content::StepKey& to,
                                             const anim::ContactList& shared)
{
    for (auto known = tables_.begin(); known != tables_.end(); ++known)
        if (known->fromPose.values == from.pose.values && known->toPose.values == to.pose.values &&
            known->fromContacts == from.contacts && known->toContacts == to.contacts) {
            // Used again: the last to be forgotten.
            std::rotate(known, known + 1, tables_.end());
            return tables_.back();
        }
    if (tables_.size() >= kKept) tables_.erase(tables_.begin());
    Table& made = tables_.emplace_back();
    made.fromPose = from.pose;
    made.toPose = to.pose;
    made.fromContacts = from.contacts;
    made.toContacts = to.contacts;
    auto fraction = [](int i) { return double(i) / double(kSamples - 1); };
    for (int i = 0; i < kSamples; ++i) {
        const anatomy::Pose blended = anim::blendPoses(from.pose, to.pose, fraction(i));
        made.samples[std::size_t(i)] = pelvisOf(anim::settleOnFloor(blended, shared, {})) - pelvisOf(blended);
    }
    // Less what the keys themselves would move (they were settled onto all their own
    // contacts, not just the shared ones): zero at both ends.
    const glm::dvec2 first = made.samples.front(), last = made.samples.back();
    for (int i = 0; i < kSamples; ++i) made.samples[std::size_t(i)] -= first + (last - first) * fraction(i);
    return made;
}

glm::dvec2 KeySettling::correction(const content::StepKey& from, const content::StepKey& to,
                                   const anim::ContactList& shared, double t)
{
    if (shared.size() < 2 || !spansLimbs(shared)) return glm::dvec2(0.0);
    const std::array<glm::dvec2, kSamples>& c = table(from, to, shared).samples;
    // Catmull-Rom through the samples: smooth along the blend.
    const double x = std::clamp(t, 0.0, 1.0) * double(kSamples - 1);
    const int i = std::min(int(x), kSamples - 2);
    const double u = x - double(i);
    const glm::dvec2& p0 = c[std::size_t(std::max(i - 1, 0))];
    const glm::dvec2& p1 = c[std::size_t(i)];
    const glm::dvec2& p2 = c[std::size_t(i + 1)];
    const glm::dvec2& p3 = c[std::size_t(std::min(i + 2, kSamples - 1))];
    return 0.5 * (2.0 * p1 + (p2 - p0) * u + (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3) * (u * u) +
                  (3.0 * p1 - p0 - 3.0 * p2 + p3) * (u * u * u));
}

} // namespace lessons
