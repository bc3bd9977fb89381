// Between two keys that share floor contacts on two parts of the body or more, blended angles
// alone lift some of them: the hands rose 9 cm halfway from all fours to Downward-Facing Dog.
// KeySettling finds, once for each pair of keys, how far the pelvis must tip (forward tilt,
// sideways list) to keep every shared contact on its surface at nine points of the blend, and
// gives a smooth correction anywhere between them: zero at both keys, so a key shows as it was
// written and the next pair starts from it without a jump. The height is the player's
// placeOnFloor's, after.
#pragma once

#include "content/lesson.h"

#include <glm/vec2.hpp>

#include <array>
#include <vector>

namespace lessons {

class KeySettling {
public:
    static constexpr int kSamples = 9;     // blend fractions 0, 1/8 ... 1
    static constexpr std::size_t kKept = 16;  // pairs remembered: the most recently used

    // The correction (pelvis forward tilt and sideways list, degrees) for the blend of `from`
    // and `to` at fraction `t` (0..1, eased), given the contacts they share
    // (anim::sharedContacts); zero where those are fewer than two, or all on one foot or one
    // hand. The first call for a pair settles its nine samples (about half a millisecond);
    // later ones interpolate.
    glm::dvec2 correction(const content::StepKey& from, const content::StepKey& to, const anim::ContactList& shared,
                          double t);

private:
    struct Table {
        anatomy::Pose fromPose, toPose;
        anim::ContactList fromContacts, toContacts;
        std::array<glm::dvec2, kSamples> samples{};
    };
    const Table& table(const content::StepKey& from, const content::StepKey& to, const anim::ContactList& shared);

    std::vector<Table> tables_;
};

// Adds a correction to a pose's pelvis tilt and list.
void applyPelvisCorrection(anatomy::Pose& pose, const glm::dvec2& correction);

} // namespace lessons
