// Keeping the body on the floor. A pose is written as joint angles; these functions place
// the whole body so its contacts rest on the floor (y = 0) and, between two keyframes,
// keep the contacts the two share from sliding.
#pragma once

#include "anatomy/landmarks.h"
#include "anatomy/skeleton.h"

#include <span>
#include <vector>

namespace anim {

// A body point resting on the floor, or on a support of some height (a curb, a foam roller).
struct Contact {
    anatomy::Landmark landmark;
    double heightM = 0.0;   // of the surface it rests on

    bool operator==(const Contact&) const = default;
};
using ContactList = std::vector<Contact>;

// Moves the pelvis up or down so the lowest named contact touches its surface. With no
// contacts, the lowest landmark of the body touches the floor.
anatomy::Pose placeOnFloor(anatomy::Pose pose, std::span<const Contact> contacts);

// Coordinates that move together when a pose settles (e.g. both hip flexions).
using CoordinateGroup = std::vector<anatomy::Coordinate>;

// Settles a pose onto the floor: the pelvis height, forward tilt and sideways list, and any
// extra coordinate groups the author allows, are adjusted by damped least squares so that
// every contact rests on the floor, staying as close as they can to the written angles; then
// the lowest contact is put exactly at floor level. Returns the settled pose and, through
// `worstContactM`, the highest contact left above the floor.
anatomy::Pose settleOnFloor(anatomy::Pose pose, std::span<const Contact> contacts,
                            const std::vector<CoordinateGroup>& adjustable, double* worstContactM = nullptr);

// Mean horizontal position (x, z) of the contacts; (0, 0) when there are none.
glm::dvec2 contactCentre(const anatomy::SkeletonPose& skeleton, std::span<const Contact> contacts);

// How far each contact is above its surface (negative: below it).
std::vector<double> contactGaps(const anatomy::SkeletonPose& skeleton, std::span<const Contact> contacts);

// Shifts the pelvis horizontally so the contacts' mean position lands on `target`.
anatomy::Pose anchorContacts(anatomy::Pose pose, std::span<const Contact> contacts, glm::dvec2 target);

// Raises the body so no part of it is below the floor (lowestPointY); one above it is left as it is.
anatomy::Pose liftAboveFloor(anatomy::Pose pose);

// The lowest point of the body over all landmarks and joint centres, in metres; a landmark
// whose tissue may press further into the floor than a centimetre (LandmarkInfo::sinkM) is
// counted higher by the difference.
double lowestPointY(const anatomy::SkeletonPose& skeleton);

// The contacts both lists name.
ContactList sharedContacts(const ContactList& a, const ContactList& b);

} // namespace anim
