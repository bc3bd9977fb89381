// Named body poses (scenes/poses.toml) that lesson keyframes start from: standing, sitting
// on the floor, lying down, on hands and feet... Each gives joint angles and the body
// points that rest on the floor.
#pragma once

#include "anatomy/skeleton.h"
#include "anim/floor_contact.h"
#include "core/error.h"
#include "core/file.h"
#include "content/toml_reader.h"

#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace content {

struct NamedPose {
    std::string name;
    std::string description;
    anatomy::Pose pose;             // angles; the height is solved from the contacts
    anim::ContactList contacts;
    std::vector<anim::CoordinateGroup> adjustable; // angles the floor solver may tune
};

// The named poses a body passes through from standing down to lying on the floor, and from
// lying on the back over to lying face down, in that order (the [routes] table of
// scenes/poses.toml): a lesson's step change between those goes through them, as a person gets
// down, instead of tipping over from the feet.
struct RouteNames {
    std::vector<std::string> toLyingOnBack;
    std::vector<std::string> toLyingFaceDown;
    std::vector<std::string> backToFaceDown;   // and the way over from the back to the front
};

// How far a settled contact may stay above the floor before the pose is rejected.
constexpr double kMaxContactGapM = 0.02;

class PoseLibrary {
public:
    static core::Expected<PoseLibrary> parse(std::string_view text, const std::string& path);
    static core::Expected<PoseLibrary> load(const std::string& path) { return core::parseTextFile(path, parse); }

    const NamedPose* find(const std::string& name) const;
    std::vector<std::string> names() const;
    const std::map<std::string, NamedPose>& poses() const { return poses_; }
    const RouteNames& routes() const { return routes_; }

private:
    static PoseLibrary read(TableReader& root);

    std::map<std::string, NamedPose> poses_;
    RouteNames routes_;
};

// Reads `{ hip_flexion = 90, knee_flexion_r = 10, ... }` into `pose`. A name without _r/_l
// sets both sides. Unknown names (with a suggestion), values outside the joint's limits and
// non-numbers are reported through `reader`.
void readAngles(TableReader& reader, const toml::table& angles, const std::string& field, anatomy::Pose& pose);

// The names of every body point a contact may rest on ("heel_r", "seat_l", ...), for suggestions.
std::vector<std::string> landmarkNames();

// Reads a list of floor contacts such as ["heel_r", "seat_l"].
anim::ContactList readContacts(TableReader& reader, std::string_view key);

// Reads a list of angles the floor solver may tune, such as ["hip_flexion", "knee_flexion_r"];
// a name without _r/_l tunes both sides together.
std::vector<anim::CoordinateGroup> readAdjustable(TableReader& reader, std::string_view key);

// Poses already settled on the floor, by everything settling reads: the written pose, its
// contacts and the angles it may tune. Lessons start many keys from the same named pose
// (331 settlings of 123 different poses in the shipped lessons), and each settling poses the
// skeleton hundreds of times. Safe to share between threads.
class SettledPoses {
public:
    struct Settled {
        anatomy::Pose pose;
        double worstContactM = 0.0;   // as anim::settleOnFloor reports it
    };
    Settled settle(const anatomy::Pose& pose, const anim::ContactList& contacts,
                   const std::vector<anim::CoordinateGroup>& adjustable);
    std::size_t size() const;

private:
    mutable std::mutex mutex_;
    std::map<std::vector<double>, Settled> settled_;
};

// Settles a pose on the floor; a contact left more than kMaxContactGapM above it is reported
// through `reader` against `key` with the contact's name and gap. With `known`, a pose settled
// before is taken from it, and a new one is added.
anatomy::Pose settleAndCheck(TableReader& reader, std::string_view key, const anatomy::Pose& pose,
                             const anim::ContactList& contacts, const std::vector<anim::CoordinateGroup>& adjustable,
                             SettledPoses* known = nullptr);

} // namespace content
