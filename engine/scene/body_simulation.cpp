#include "scene/body_simulation.h"

#include "anatomy/landmarks.h"

#include "core/log.h"

#include <algorithm>
#include <map>

namespace scene {

bool drives(const MuscleDrive& drive, anatomy::Muscle muscle, anatomy::Side side)
{
    const bool headListed = drive.heads.empty() || std::find(drive.heads.begin(), drive.heads.end(), muscle) != drive.heads.end();
    const bool sideListed = std::find(drive.sides.begin(), drive.sides.end(), side) != drive.sides.end();
    return headListed && sideListed;
}

BodySimulation::BodySimulation(const assets::ModelData& model, const anatomy::Pose& pose) : simulation_(pose)
{
    deformedMesh_.assign(model.meshes.size(), false);
    std::map<std::pair<int, int>, std::size_t> groupIndex;
    for (const assets::Node& node : model.nodes) {
        auto path = node.metadata.find("path");
        auto sideText = node.metadata.find("side");
        if (path == node.metadata.end() || sideText == node.metadata.end()) continue;
        const auto muscle = anatomy::muscleFromName(path->second);
        const auto side = anatomy::kSideKeys.parse(sideText->second);
        if (!muscle || !side) {
            core::logWarning("scene", "node '", node.name, "' follows an unknown path '", path->second, "' (side '",
                             sideText->second, "'); it will not move with the muscles");
            continue;
        }
        for (int mesh : node.meshes) {
            if (model.meshes[std::size_t(mesh)].muscleCoords.empty()) continue;
            auto [found, inserted] = groupIndex.try_emplace({int(*muscle), int(*side)}, groups_.size());
            if (inserted) groups_.push_back(Group{*muscle, *side, {}, {}, {}, {}, {}});
            groups_[found->second].meshes.push_back(mesh);
            deformedMesh_[std::size_t(mesh)] = true;
        }
    }
    // Each group is prepared as one mesh: its belly and tendons share the stretch along the path.
    for (Group& group : groups_) {
        std::vector<glm::vec3> coordinates;
        std::vector<std::uint32_t> indices;
        for (int mesh : group.meshes) {
            const assets::MeshData& data = model.meshes[std::size_t(mesh)];
            const auto base = std::uint32_t(coordinates.size());
            group.firstVertex.push_back(coordinates.size());
            coordinates.insert(coordinates.end(), data.muscleCoords.begin(), data.muscleCoords.end());
            for (std::uint32_t index : data.indices) indices.push_back(base + index);
        }
        group.deformer.prepare(coordinates.data(), coordinates.size(), indices.data(), indices.size(),
                               anatomy::standingPathFrame(group.muscle, group.side));
        group.positions.resize(coordinates.size());
        group.normals.resize(coordinates.size());
    }
}

void BodySimulation::reset(const anatomy::Pose& pose)
{
    simulation_.reset(pose);
    crampWasOn_ = {};
    kneePullDeg_ = {};
}

anatomy::Pose BodySimulation::step(double dtS, const anatomy::Pose& lessonPose, const MuscleDrive& drive)
{
    const anatomy::Pose pose = withKneePull(lessonPose);
    simulation_.setPose(pose);
    anatomy::MusculoskeletalInputs inputs;
    for (anatomy::Side side : {anatomy::Side::Right, anatomy::Side::Left}) {
        for (std::size_t h = 0; h < anatomy::kHamstrings.size(); ++h) {
            const anatomy::Muscle muscle = anatomy::kHamstrings[h];
            anatomy::HeadInputs& head = inputs.head(side, muscle);
            if (drive.mode == content::MuscleMode::Contraction && drives(drive, muscle, side)) head.excitation = drive.excitation;
            if (drive.mode == content::MuscleMode::Cramp && drive.cramp && drive.cramp->muscle == muscle && drive.cramp->side == side) {
                // A cramp spreads through the cramping head and, more weakly, its neighbours
                // of the same leg; here the named head carries it.
                head.provokeCramp = drive.crampElapsedS >= 0.0;
                head.crampDurationS = drive.cramp->durationS;
                head.crampSeed = 17u + std::uint32_t(h) + (side == anatomy::Side::Left ? 100u : 0u);
            }
        }
    }
    simulation_.step(dtS, inputs);
    for (anatomy::Side side : {anatomy::Side::Right, anatomy::Side::Left}) {
        // The knee follows the cramp's pull smoothly (a time constant of a fifth of a second).
        const std::size_t s = std::size_t(side);
        // The knee is held at the lesson's angle by a spring of kCrampKneeHoldNmPerDeg; the
        // cramp's torque, taken at the pulled knee, bends it past that by torque / stiffness.
        // As the heads shorten their force falls, so the pull settles where the two balance.
        const anatomy::Coordinate knee = anatomy::Pose::kneeFlexion(side);
        const double room = anatomy::coordinateInfo(knee).maximum - lessonPose[knee];
        const double wanted =
            simulation_.cramping(side)
                ? std::clamp(simulation_.crampKneeTorqueNm(side) / anatomy::Musculoskeletal::kCrampKneeHoldNmPerDeg, 0.0,
                             std::max(room, 0.0))
                : 0.0;
        kneePullDeg_[s] += (wanted - kneePullDeg_[s]) * std::min(1.0, dtS / 0.2);
    }
    return pose;
}

namespace {

// The lowest point of one leg below the knee (its landmarks on the shank and foot).
double lowestBelowKnee(const anatomy::SkeletonPose& skeleton, anatomy::Side side)
{
    const bool right = side == anatomy::Side::Right;
    double lowest = 1e9;
    for (const anatomy::LandmarkInfo& info : anatomy::landmarkInfos()) {
        const anatomy::Segment s = info.segment;
        const bool below = right ? (s == anatomy::Segment::TibiaR || s == anatomy::Segment::TalusR ||
                                    s == anatomy::Segment::CalcnR || s == anatomy::Segment::ToesR)
                                 : (s == anatomy::Segment::TibiaL || s == anatomy::Segment::TalusL ||
                                    s == anatomy::Segment::CalcnL || s == anatomy::Segment::ToesL);
        if (below) lowest = std::min(lowest, anatomy::landmarkPosition(skeleton, info.landmark).y);
    }
    return lowest;
}

} // namespace

anatomy::Pose BodySimulation::withKneePull(anatomy::Pose pose) const
{
    for (anatomy::Side side : {anatomy::Side::Right, anatomy::Side::Left}) {
        const double pull = kneePullDeg_[std::size_t(side)];
        if (pull < 0.01) continue;
        const anatomy::Coordinate knee = anatomy::Pose::kneeFlexion(side);
        const anatomy::Coordinate hip = anatomy::Pose::hipFlexion(side);
        const anatomy::CoordinateInfo& kneeInfo = anatomy::coordinateInfo(knee);
        // Where the leg was before the pull: a foot on the floor (or a calf lying on it)
        // must not be driven through it. A lying or sitting leg lifts its thigh instead, the
        // way a cramping leg draws up.
        const double floor = std::min(lowestBelowKnee(anatomy::computeSkeleton(pose), side), 0.0);
        pose[knee] = std::clamp(pose[knee] + pull, kneeInfo.minimum, kneeInfo.maximum);
        auto clearance = [&](double extraHipDeg) {
            anatomy::Pose trial = pose;
            trial[hip] = std::min(pose[hip] + extraHipDeg, anatomy::coordinateInfo(hip).maximum);
            return lowestBelowKnee(anatomy::computeSkeleton(trial), side) - floor;
        };
        if (clearance(0.0) >= -0.002) continue;
        // Bisection on the extra hip flexion that brings the leg back to where it rested.
        double low = 0.0, high = std::min(pull, anatomy::coordinateInfo(hip).maximum - pose[hip]);
        for (int i = 0; i < 12 && high > low; ++i) {
            const double mid = 0.5 * (low + high);
            (clearance(mid) < 0.0 ? low : high) = mid;
        }
        pose[hip] = std::min(pose[hip] + high, anatomy::coordinateInfo(hip).maximum);
    }
    return pose;
}

void BodySimulation::deform(std::vector<std::vector<glm::vec3>>& positions, std::vector<std::vector<glm::vec3>>& normals)
{
    for (Group& group : groups_) {
        const bool hamstring =
            std::find(anatomy::kHamstrings.begin(), anatomy::kHamstrings.end(), group.muscle) != anatomy::kHamstrings.end();
        // The pes anserinus partners are not simulated: they follow their paths at rest shape.
        const anatomy::MuscleShapeState shape =
            hamstring ? simulation_.shapeState(group.muscle, group.side) : anatomy::MuscleShapeState{};
        group.deformer.deform(simulation_.pathFrame(group.muscle, group.side), shape, group.positions.data(),
                              group.normals.data());
        for (std::size_t i = 0; i < group.meshes.size(); ++i) {
            const std::size_t begin = group.firstVertex[i];
            const std::size_t end = i + 1 < group.meshes.size() ? group.firstVertex[i + 1] : group.positions.size();
            auto& meshPositions = positions[std::size_t(group.meshes[i])];
            auto& meshNormals = normals[std::size_t(group.meshes[i])];
            meshPositions.assign(group.positions.begin() + std::ptrdiff_t(begin), group.positions.begin() + std::ptrdiff_t(end));
            meshNormals.assign(group.normals.begin() + std::ptrdiff_t(begin), group.normals.begin() + std::ptrdiff_t(end));
        }
    }
}

bool BodySimulation::deforms(int mesh) const
{
    return mesh >= 0 && std::size_t(mesh) < deformedMesh_.size() && deformedMesh_[std::size_t(mesh)];
}

std::vector<std::pair<std::string, int>> BodySimulation::groups() const
{
    std::vector<std::pair<std::string, int>> result;
    for (const Group& group : groups_)
        result.emplace_back(std::string(anatomy::muscleDef(group.muscle).name) + "." +
                                std::string(anatomy::kSideKeys.name(group.side)),
                            int(group.meshes.size()));
    return result;
}

} // namespace scene
