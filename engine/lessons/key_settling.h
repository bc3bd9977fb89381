// Between two keys that share floor contacts on two parts of the body or more, blended angles
// alone lift some of them: the hands rose 9 cm halfway from all fours to Downward-Facing Dog. KeySettling finds,
// once for each pair of keys, how far the pelvis must move (height, forward tilt, sideways
// list) to keep every shared contact on its surface at nine points of the blend, and gives a
// smooth correction anywhere between them: zero at both keys, so a key shows as it was
// written and the next pair starts from it without a jump.
#pragma once

#include "content/lesson.h"

#include <glm/vec3.hpp>

#include <array>
#include <vector>

namespace lessons {

class KeySettling {
public:
    static constexpr int kSamples = 9;     // blend fractions 0, 1/8 ... 1
    static constexpr std::size_t kKept = 16;  // pairs remembered, the most recent

    // The correction (pelvis height in metres, forward tilt and sideways list in degrees) for
    // the blend of `from` and `to` at fraction `t` (0..1, eased); zero where the contacts they
    // share are fewer than two, or all on one foot or one hand. The first call for a pair
    // settles its nine samples (about half a millisecond); later ones interpolate.
    glm::dvec3 correction(const content::StepKey& from, const content::StepKey& to, double t);

private:
    struct Table {
        anatomy::Pose fromPose, toPose;
        anim::ContactList fromContacts, toContacts;
        std::array<glm::dvec3, kSamples> samples{};
    };
    const Table& table(const content::StepKey& from, const content::StepKey& to);

    std::vector<Table> tables_;
};

// Adds a correction to a pose's pelvis height, tilt and list.
void applyPelvisCorrection(anatomy::Pose& pose, const glm::dvec3& correction);

} // namespace lessons
