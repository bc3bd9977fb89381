// The generated anatomical model as the trainer loads it (through assimp): every expected node,
// the skeleton's joints and skin, closed meshes, hamstring attachments on their bones, belly
// volumes against Ward 2009, no muscle inside bone, exact path coordinates, the triangle
// budget, information for every structure, and a second viewer (f3d) that renders it.
#include "anatomy/landmarks.h"
#include "anatomy/muscle_geometry.h"
#include "anatomy/path_frame.h"
#include "assets/model_import.h"
#include "core/image.h"
#include "process.h"
#include "lessons/lesson_library.h"
#include "content/structure_info.h"
#include "content/structures.h"
#include "temp_dir.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>

namespace {

using glm::dvec3;
using anatomy::Muscle;
using anatomy::Side;

const std::string kModelPath = std::string(HT_BINARY_DIR) + "/assets/hamstring_trainer.glb";

const assets::ModelData& model()
{
    static const assets::ModelData loaded = [] {
        auto imported = assets::importModel(kModelPath);
        if (!imported) FAIL(imported.error().describe());
        return std::move(*imported);
    }();
    return loaded;
}

std::string sideKey(Side side)
{
    return side == Side::Right ? "r" : "l";
}

// The structures the model promises (see docs/model-convention.md), without sides.
const std::vector<std::string> kBones = {"hip_bone", "femur", "patella", "tibia", "fibula", "talus", "foot", "toes"};
const std::vector<std::string> kMuscles = {"semitendinosus", "semimembranosus", "biceps_femoris_long",
                                           "biceps_femoris_short"};
const std::vector<std::string> kTendons = {"conjoint", "semitendinosus", "semimembranosus_proximal",
                                           "semimembranosus_distal", "biceps_femoris"};
const std::vector<std::string> kContext = {"gluteus_maximus",    "adductor_magnus",       "rectus_femoris",        "vastus_lateralis",
                                           "vastus_medialis",    "vastus_intermedius",    "patellar_ligament",
                                           "gastrocnemius_medial_head", "gastrocnemius_lateral_head",
                                           "calcaneal_tendon",   "gracilis",              "sartorius"};
const std::vector<std::string> kNerves = {"sciatic", "tibial", "common_fibular"};

std::vector<std::string> expectedNodeNames()
{
    std::vector<std::string> names = {"bone.sacrum", "skin.body"};
    for (const char* side : {"r", "l"}) {
        for (const auto& n : kBones) names.push_back("bone." + n + "." + side);
        for (const auto& n : kMuscles) names.push_back("muscle." + n + "." + side);
        for (const auto& n : kTendons) names.push_back("tendon." + n + "." + side);
        for (const auto& n : kContext) names.push_back("context." + n + "." + side);
        for (const auto& n : kNerves) names.push_back("nerve." + n + "." + side);
    }
    return names;
}

// A mesh of the model in world coordinates of the standing pose (its rest pose).
struct WorldMesh {
    std::vector<dvec3> positions;
    std::vector<std::uint32_t> indices;
    dvec3 min{1e9}, max{-1e9};
};

WorldMesh worldMesh(const std::string& nodeName)
{
    const assets::ModelData& m = model();
    const int node = m.findNode(nodeName);
    REQUIRE_MESSAGE(node >= 0, nodeName);
    REQUIRE(m.nodes[std::size_t(node)].meshes.size() == 1);
    const assets::MeshData& mesh = m.meshes[std::size_t(m.nodes[std::size_t(node)].meshes[0])];
    const glm::mat4 world = mesh.skinned() ? glm::mat4(1.0f) : m.restWorldMatrices()[std::size_t(node)];
    WorldMesh out;
    for (const glm::vec3& p : mesh.positions) {
        const dvec3 q = dvec3(world * glm::vec4(p, 1.0f));
        out.positions.push_back(q);
        out.min = glm::min(out.min, q);
        out.max = glm::max(out.max, q);
    }
    out.indices = mesh.indices;
    return out;
}

const assets::MeshData& meshOf(const std::string& nodeName)
{
    const assets::ModelData& m = model();
    const int node = m.findNode(nodeName);
    REQUIRE_MESSAGE(node >= 0, nodeName);
    return m.meshes[std::size_t(m.nodes[std::size_t(node)].meshes.at(0))];
}

// Closest point on a triangle (Ericson, Real-Time Collision Detection, 5.1.5).
dvec3 closestOnTriangle(const dvec3& p, const dvec3& a, const dvec3& b, const dvec3& c)
{
    const dvec3 ab = b - a, ac = c - a, ap = p - a;
    const double d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0 && d2 <= 0) return a;
    const dvec3 bp = p - b;
    const double d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0 && d4 <= d3) return b;
    const double vc = d1 * d4 - d3 * d2;
    if (vc <= 0 && d1 >= 0 && d3 <= 0) return a + ab * (d1 / (d1 - d3));
    const dvec3 cp = p - c;
    const double d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0 && d5 <= d6) return c;
    const double vb = d5 * d2 - d1 * d6;
    if (vb <= 0 && d2 >= 0 && d6 <= 0) return a + ac * (d2 / (d2 - d6));
    const double va = d3 * d6 - d5 * d4;
    if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    const double denominator = 1.0 / (va + vb + vc);
    return a + ab * (vb * denominator) + ac * (vc * denominator);
}

double distanceToSurface(const dvec3& p, const WorldMesh& mesh)
{
    double best = 1e9;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const dvec3 q = closestOnTriangle(p, mesh.positions[mesh.indices[t]], mesh.positions[mesh.indices[t + 1]],
                                          mesh.positions[mesh.indices[t + 2]]);
        best = std::min(best, glm::length(p - q));
    }
    return best;
}

// Inside a closed mesh by ray parity, voted over three skew directions so that a ray grazing
// an edge cannot decide alone.
bool insideMesh(const dvec3& p, const WorldMesh& mesh)
{
    if (glm::any(glm::lessThan(p, mesh.min)) || glm::any(glm::greaterThan(p, mesh.max))) return false;
    static const dvec3 kDirections[3] = {glm::normalize(dvec3(0.31, 0.87, 0.38)), glm::normalize(dvec3(-0.72, 0.21, 0.66)),
                                         glm::normalize(dvec3(0.45, -0.52, -0.73))};
    int votes = 0;
    for (const dvec3& direction : kDirections) {
        int crossings = 0;
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
            const dvec3 a = mesh.positions[mesh.indices[t]], b = mesh.positions[mesh.indices[t + 1]],
                        c = mesh.positions[mesh.indices[t + 2]];
            const dvec3 e1 = b - a, e2 = c - a, h = glm::cross(direction, e2);
            const double det = glm::dot(e1, h);
            if (std::abs(det) < 1e-18) continue;
            const dvec3 s = p - a;
            const double u = glm::dot(s, h) / det;
            if (u < 0 || u > 1) continue;
            const dvec3 q = glm::cross(s, e1);
            const double v = glm::dot(direction, q) / det;
            if (v < 0 || u + v > 1) continue;
            if (glm::dot(e2, q) / det > 0) ++crossings;
        }
        votes += crossings % 2;
    }
    return votes >= 2;
}

double volumeOf(const WorldMesh& mesh)
{
    double volume = 0.0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3)
        volume += glm::dot(mesh.positions[mesh.indices[t]],
                           glm::cross(mesh.positions[mesh.indices[t + 1]], mesh.positions[mesh.indices[t + 2]])) /
                  6.0;
    return volume;
}

// A program's full path from $PATH (the process helper runs programs by path); empty if absent.
std::string findProgram(const std::string& name)
{
    const char* path = std::getenv("PATH");
    std::string folders = path ? path : "/usr/bin:/bin";
    for (std::size_t start = 0; start <= folders.size();) {
        const std::size_t colon = std::min(folders.find(':', start), folders.size());
        const std::filesystem::path candidate = std::filesystem::path(folders.substr(start, colon - start)) / name;
        std::error_code ec;
        if (colon > start && std::filesystem::exists(candidate, ec)) return candidate.string();
        start = colon + 1;
    }
    return {};
}

std::vector<dvec3> standingPath(Muscle muscle, Side side)
{
    const anatomy::Pose pose = anatomy::Pose::neutral();
    return anatomy::activePathPoints(anatomy::computeSkeleton(pose), pose, muscle, side);
}

} // namespace

TEST_CASE("the model imports through assimp with every expected node")
{
    const assets::ModelData& m = model();
    std::vector<std::string> missing;
    for (const std::string& name : expectedNodeNames()) {
        const int node = m.findNode(name);
        if (node < 0 || m.nodes[std::size_t(node)].meshes.size() != 1) missing.push_back(name);
    }
    CHECK_MESSAGE(missing.empty(), "missing or meshless nodes: " << missing.size() << (missing.empty() ? "" : ", first " + missing.front()));
    // Nothing else carries a mesh: the list above is the whole model.
    std::size_t meshNodes = 0;
    for (const assets::Node& node : m.nodes) meshNodes += node.meshes.size();
    CHECK(meshNodes == expectedNodeNames().size());
}

TEST_CASE("joint nodes for all 21 segments, in the standing pose, and one skin over them")
{
    const assets::ModelData& m = model();
    const anatomy::SkeletonPose standing = anatomy::computeSkeleton(anatomy::Pose::modelRest());
    const std::vector<glm::mat4> world = m.restWorldMatrices();
    for (const anatomy::SegmentInfo& info : anatomy::segmentInfos()) {
        const std::string name = "joint." + std::string(info.name);
        const int node = m.findNode(name);
        REQUIRE_MESSAGE(node >= 0, name);
        const dvec3 origin = dvec3(world[std::size_t(node)][3]);
        CHECK_MESSAGE(glm::length(origin - standing.origin(info.segment)) < 1e-5, name);
        if (info.segment != anatomy::Segment::Pelvis) {
            const int parent = m.nodes[std::size_t(node)].parent;
            REQUIRE(parent >= 0);
            CHECK(m.nodes[std::size_t(parent)].name == "joint." + std::string(anatomy::segmentInfo(info.parent).name));
        }
    }
    const assets::MeshData& body = meshOf("skin.body");
    REQUIRE(body.skinned());
    REQUIRE(body.skin >= 0);
    const assets::Skin& skin = m.skins[std::size_t(body.skin)];
    REQUIRE(skin.joints.size() == 21);
    std::set<std::string> joints;
    for (int joint : skin.joints) joints.insert(m.nodes[std::size_t(joint)].name);
    CHECK(joints.size() == 21);
    for (const anatomy::SegmentInfo& info : anatomy::segmentInfos())
        CHECK(joints.count("joint." + std::string(info.name)) == 1);
}

TEST_CASE("bones ride on their segment's joint; muscles, tendons and skinned meshes sit at the root")
{
    const assets::ModelData& m = model();
    for (const assets::Node& node : m.nodes) {
        if (node.meshes.empty()) continue;
        const content::StructureName name = content::parseStructureName(node.name);
        const assets::MeshData& mesh = m.meshes[std::size_t(node.meshes[0])];
        INFO(node.name);
        if (name.layer == content::LayerId::Bone) {
            REQUIRE(node.parent >= 0);
            CHECK(m.nodes[std::size_t(node.parent)].name.rfind("joint.", 0) == 0);
            CHECK_FALSE(mesh.skinned());
        } else {
            // At the root: assimp gathers the file's several root nodes under one of its own,
            // which carries no transform.
            if (node.parent >= 0) {
                const assets::Node& root = m.nodes[std::size_t(node.parent)];
                CHECK(root.parent < 0);
                CHECK(root.meshes.empty());
                CHECK(root.name.rfind("joint.", 0) != 0);
                CHECK(root.localMatrix() == glm::mat4(1.0f));
            }
            CHECK(node.translation == glm::vec3(0.0f));
            CHECK(node.rotation == glm::quat(1.0f, 0.0f, 0.0f, 0.0f));
        }
        if (mesh.skinned())
            for (std::size_t v = 0; v < mesh.weights.size(); ++v) {
                const glm::vec4 w = mesh.weights[v];
                if (std::abs(w.x + w.y + w.z + w.w - 1.0f) > 1e-4f) FAIL("weights of vertex " << v << " do not sum to 1");
            }
    }
}

TEST_CASE("every mesh is closed: each edge shared by two triangles, wound consistently, none degenerate")
{
    const assets::ModelData& m = model();
    for (const assets::MeshData& mesh : m.meshes) {
        INFO(mesh.name);
        std::map<std::pair<std::uint32_t, std::uint32_t>, int> directed;
        std::size_t degenerate = 0;
        for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
            const std::uint32_t v[3] = {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
            const dvec3 a(mesh.positions[v[0]]), b(mesh.positions[v[1]]), c(mesh.positions[v[2]]);
            if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2] || glm::length(glm::cross(b - a, c - a)) == 0.0) ++degenerate;
            for (int e = 0; e < 3; ++e) ++directed[{v[e], v[(e + 1) % 3]}];
        }
        std::size_t open = 0, shared = 0, flipped = 0;
        for (const auto& [edge, count] : directed) {
            const auto reverse = directed.find({edge.second, edge.first});
            if (count > 1) ++flipped;                       // walked the same way twice
            if (reverse == directed.end()) ++open;          // no partner walking it back
            else if (reverse->second != 1 || count != 1) ++shared;
        }
        CHECK(open == 0);
        CHECK(shared == 0);
        CHECK(flipped == 0);
        CHECK(degenerate == 0);
        WorldMesh world;
        for (const glm::vec3& p : mesh.positions) world.positions.push_back(dvec3(p));
        world.indices = mesh.indices;
        CHECK(volumeOf(world) > 0.0); // wound outward
    }
}

TEST_CASE("every hamstring origin and insertion lies on its bone, within 5 mm of the surface")
{
    struct Landmark {
        Muscle muscle;
        bool origin;
        std::string bone;
    };
    const std::vector<Landmark> landmarks = {
        {Muscle::Semimembranosus, true, "hip_bone"},     {Muscle::Semimembranosus, false, "tibia"},
        {Muscle::Semitendinosus, true, "hip_bone"},      {Muscle::Semitendinosus, false, "tibia"},
        {Muscle::BicepsFemorisLong, true, "hip_bone"},   {Muscle::BicepsFemorisLong, false, "fibula"},
        {Muscle::BicepsFemorisShort, true, "femur"},     {Muscle::BicepsFemorisShort, false, "fibula"},
    };
    for (const Landmark& landmark : landmarks)
        for (Side side : {Side::Right, Side::Left}) {
            const std::vector<dvec3> path = standingPath(landmark.muscle, side);
            const dvec3 point = landmark.origin ? path.front() : path.back();
            const double distance = distanceToSurface(point, worldMesh("bone." + landmark.bone + "." + sideKey(side)));
            const std::string what =
                std::string(anatomy::muscleDef(landmark.muscle).name) + (landmark.origin ? " origin" : " insertion");
            MESSAGE(what << " (" << sideKey(side) << ") is " << distance * 1000.0 << " mm from the " << landmark.bone);
            CHECK(distance <= 0.005);
        }
}

TEST_CASE("every body landmark the lessons rest on lies on the skin in the standing pose")
{
    // Contacts and props are placed at these points; a point deep inside the body or hanging
    // in the air puts the body through the floor or a prop through the body.
    const WorldMesh skin = worldMesh("skin.body");
    const anatomy::SkeletonPose standing = anatomy::computeSkeleton(anatomy::Pose::modelRest());
    for (const anatomy::LandmarkInfo& info : anatomy::landmarkInfos()) {
        const dvec3 point = anatomy::landmarkPosition(standing, info.landmark);
        const double distance = distanceToSurface(point, skin) * (insideMesh(point, skin) ? -1.0 : 1.0);
        MESSAGE(info.name << ": " << distance * 1000.0 << " mm from the skin (negative: inside)");
        if (info.landmark == anatomy::Landmark::SeatR || info.landmark == anatomy::Landmark::SeatL) {
            // Under the sitting bone through the buttock as it is when sat on: inside the
            // unloaded skin by the tissue a seat squashes (checked in sitting poses below).
            CHECK_MESSAGE(distance < 0.0, info.name);
            CHECK_MESSAGE(distance > -0.06, info.name);
        } else {
            CHECK_MESSAGE(std::abs(distance) < 0.015, info.name);
        }
    }
}

namespace {

// The body's skin posed by linear blend skinning, as the vertex shader does it: each joint
// node follows its skeleton segment.
std::vector<dvec3> posedSkin(const anatomy::SkeletonPose& skeleton)
{
    const assets::ModelData& m = model();
    const assets::MeshData& body = meshOf("skin.body");
    const assets::Skin& skin = m.skins[std::size_t(body.skin)];
    std::vector<glm::dmat4> joint(skin.joints.size());
    for (std::size_t j = 0; j < skin.joints.size(); ++j) {
        const std::string& name = m.nodes[std::size_t(skin.joints[j])].name;
        const auto segment = anatomy::segmentFromName(name.substr(name.find('.') + 1));
        REQUIRE(segment);
        joint[j] = skeleton[*segment] * glm::dmat4(skin.inverseBindMatrices[j]);
    }
    std::vector<dvec3> out(body.positions.size());
    for (std::size_t v = 0; v < body.positions.size(); ++v) {
        dvec3 p{0.0};
        for (int k = 0; k < 4; ++k)
            p += double(body.weights[v][k]) * dvec3(joint[body.joints[v][k]] * glm::dvec4(dvec3(body.positions[v]), 1.0));
        out[v] = p;
    }
    return out;
}

} // namespace

TEST_CASE("the skinned body rests on the floor at every key pose of every lesson: not through it, not floating")
{
    // Soft tissue flattens against a hard floor (the buttock under the ischial tuberosity by
    // about half its 4 to 5 cm, the calf by less); the drawn skin does not, so it may dip up to
    // kSinkM below a surface. A contact whose skin stays more than kFloatM above its surface
    // would show a visible gap; 2 cm is also how far the pose library lets a contact sit above
    // its surface (a kneeling shin, whose front tapers away from the knee, floats most).
    // "Near" a contact is within kNearM of it in plan view.
    constexpr double kSinkM = 0.04, kFloatM = 0.02, kNearM = 0.06;
    const std::vector<dvec3> standing = posedSkin(anatomy::computeSkeleton(anatomy::Pose::modelRest()));
    const WorldMesh rest = worldMesh("skin.body");
    double bindError = 0.0;
    for (std::size_t v = 0; v < standing.size(); ++v) bindError = std::max(bindError, glm::length(standing[v] - rest.positions[v]));
    REQUIRE(bindError < 1e-4);  // the skinning above reproduces the mesh as stored

    auto catalogue = content::loadStructureInfo(std::string(HT_SOURCE_DIR) + "/assets/structures.toml");
    REQUIRE(catalogue);
    std::vector<std::string> names;
    for (const auto& [key, info] : catalogue->entries) names.push_back(key.substr(key.find('.') + 1));
    const lessons::LessonLibrary lessons = lessons::LessonLibrary::load(
        std::string(HT_SOURCE_DIR) + "/scenes/lessons", std::string(HT_SOURCE_DIR) + "/scenes/poses.toml",
        std::string(HT_SOURCE_DIR) + "/assets/sources.toml", names);
    REQUIRE(lessons.errorCount() == 0);
    int checked = 0;
    double deepest = 0.0, highestGap = -1.0;
    for (const lessons::LessonEntry& entry : lessons.entries()) {
        REQUIRE(entry.lesson);
        for (std::size_t s = 0; s < entry.lesson->steps.size(); ++s) {
            for (const content::StepKey& key : entry.lesson->steps[s].keys) {
                CAPTURE(entry.lesson->id);
                CAPTURE(s + 1);
                CAPTURE(key.line);
                const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(key.pose);
                const std::vector<dvec3> skin = posedSkin(skeleton);
                double lowest = 1e9;
                dvec3 lowestPoint{0.0};
                for (const dvec3& p : skin)
                    if (p.y < lowest) {
                        lowest = p.y;
                        lowestPoint = p;
                    }
                deepest = std::min(deepest, lowest);
                // Which part of the body it is: the landmark nearest the lowest skin point.
                std::string_view nearest;
                double nearestDistance = 1e9;
                for (const anatomy::LandmarkInfo& info : anatomy::landmarkInfos())
                    if (const double d = glm::length(anatomy::landmarkPosition(skeleton, info.landmark) - lowestPoint); d < nearestDistance) {
                        nearestDistance = d;
                        nearest = info.name;
                    }
                INFO("lowest skin point is " << nearestDistance * 100.0 << " cm from " << nearest);
                CHECK(lowest > -kSinkM);
                for (const anim::Contact& contact : key.contacts) {
                    CAPTURE(anatomy::landmarkInfo(contact.landmark).name);
                    const dvec3 at = anatomy::landmarkPosition(skeleton, contact.landmark);
                    double under = 1e9;
                    for (const dvec3& p : skin)
                        if (glm::length(glm::dvec2(p.x - at.x, p.z - at.z)) < kNearM) under = std::min(under, p.y);
                    REQUIRE(under < 1e8);
                    highestGap = std::max(highestGap, under - contact.heightM);
                    CHECK(under - contact.heightM < kFloatM);
                    CHECK(under - contact.heightM > -kSinkM);
                    ++checked;
                }
            }
        }
    }
    MESSAGE(checked << " contacts checked; deepest skin " << deepest * 1000.0 << " mm, largest gap under a contact "
                    << highestGap * 1000.0 << " mm");
    CHECK(checked > 100);
}

TEST_CASE("each hamstring belly holds its Ward 2009 volume within 15 percent")
{
    for (Muscle muscle : anatomy::kHamstrings)
        for (Side side : {Side::Right, Side::Left}) {
            const anatomy::MuscleDef& def = anatomy::muscleDef(muscle);
            const double target = anatomy::bellyVolumeM3(*def.architecture);
            const double volume = volumeOf(worldMesh("muscle." + std::string(def.name) + "." + sideKey(side)));
            MESSAGE(std::string(def.name) << " (" << sideKey(side) << "): " << volume * 1e6 << " cm3 against " << target * 1e6
                             << " cm3 (" << (volume / target - 1.0) * 100.0 << " %)");
            CHECK(std::abs(volume / target - 1.0) <= 0.15);
        }
}

TEST_CASE("no muscle or tendon passes into bone in the standing pose (1 mm tolerance)")
{
    // A vertex fails when it is inside a bone mesh and more than 1 mm from its surface: the
    // tolerance covers tendons meeting the bone at their attachments.
    constexpr double kToleranceM = 0.001;
    for (Side side : {Side::Right, Side::Left}) {
        std::vector<WorldMesh> bones = {worldMesh("bone.sacrum")};
        for (const std::string& bone : kBones) bones.push_back(worldMesh("bone." + bone + "." + sideKey(side)));
        std::vector<std::string> soft;
        for (const auto& n : kMuscles) soft.push_back("muscle." + n + "." + sideKey(side));
        for (const auto& n : kTendons) soft.push_back("tendon." + n + "." + sideKey(side));
        for (const std::string& name : soft) {
            const WorldMesh mesh = worldMesh(name);
            std::size_t inside = 0;
            double deepest = 0.0;
            for (const dvec3& p : mesh.positions)
                for (const WorldMesh& bone : bones) {
                    if (!insideMesh(p, bone)) continue;
                    const double depth = distanceToSurface(p, bone);
                    if (depth <= kToleranceM) continue;
                    ++inside;
                    deepest = std::max(deepest, depth);
                }
            CHECK_MESSAGE(inside == 0, name << ": " << inside << " vertices inside bone, deepest " << deepest * 1000.0 << " mm");
        }
    }
}

TEST_CASE("muscles and tendons carry path coordinates that rebuild them on their path")
{
    const assets::ModelData& m = model();
    for (const assets::Node& node : m.nodes) {
        const content::StructureName name = content::parseStructureName(node.name);
        if (name.layer != content::LayerId::Muscle && name.layer != content::LayerId::Tendon) continue;
        INFO(node.name);
        REQUIRE(node.metadata.count("path"));
        REQUIRE(node.metadata.count("side"));
        const auto muscle = anatomy::muscleFromName(node.metadata.at("path"));
        REQUIRE(muscle.has_value());
        const Side side = node.metadata.at("side") == "r" ? Side::Right : Side::Left;
        CHECK(node.metadata.at("side") == sideKey(name.side == content::Side::Right ? Side::Right : Side::Left));
        const anatomy::Pose pose = anatomy::Pose::neutral();
        const anatomy::SkeletonPose skeleton = anatomy::computeSkeleton(pose);
        const anatomy::PathFrame frame(anatomy::activePathPoints(skeleton, pose, *muscle, side),
                                       anatomy::muscleReferenceNormal(skeleton, side));
        const assets::MeshData& mesh = m.meshes[std::size_t(node.meshes.at(0))];
        REQUIRE(mesh.muscleCoords.size() == mesh.positions.size());
        double worst = 0.0;
        for (std::size_t v = 0; v < mesh.positions.size(); ++v) {
            const dvec3 rebuilt = frame.toWorld(dvec3(mesh.muscleCoords[v]));
            worst = std::max(worst, glm::length(rebuilt - dvec3(mesh.positions[v])));
            CHECK(mesh.muscleCoords[v].x >= 0.0f);
            CHECK(mesh.muscleCoords[v].x <= 1.0f);
        }
        CHECK_MESSAGE(worst < 0.0005, "worst rebuilt vertex is " << worst * 1000.0 << " mm off");
    }
}

TEST_CASE("ambient occlusion is baked into every mesh: creases darkened, open surfaces left alone")
{
    std::size_t vertices = 0, creased = 0, open = 0;
    double sum = 0.0;
    for (const assets::MeshData& mesh : model().meshes) {
        CAPTURE(mesh.name);
        REQUIRE(mesh.occlusion.size() == mesh.positions.size());
        for (float value : mesh.occlusion) {
            CHECK(value >= 0.0f);
            CHECK(value <= 1.0f);
            sum += value;
            creased += value < 0.7f;
            open += value > 0.95f;
        }
        vertices += mesh.positions.size();
    }
    const double mean = sum / double(vertices);
    MESSAGE("mean occlusion " << mean << ", " << creased << " creased and " << open << " open of " << vertices << " vertices");
    // Packed muscles and joints give a real share of creases, but most of the surface is open.
    CHECK(mean > 0.6);
    CHECK(mean < 0.95);
    CHECK(double(creased) / double(vertices) > 0.03);
    CHECK(double(open) / double(vertices) > 0.3);

    // Where the conjoint tendon leaves the ischial tuberosity, it is closed in by bone.
    const int tendon = model().findNode("tendon.conjoint.r");
    REQUIRE(tendon >= 0);
    const assets::MeshData& conjoint = model().meshes[std::size_t(model().nodes[std::size_t(tendon)].meshes.at(0))];
    CHECK(*std::min_element(conjoint.occlusion.begin(), conjoint.occlusion.end()) < 0.5f);
}

TEST_CASE("the whole model stays within its budget of about 150k triangles")
{
    std::map<std::string, std::size_t> byLayer;
    std::size_t total = 0;
    for (const assets::MeshData& mesh : model().meshes) {
        byLayer[std::string(content::layerInfo(content::parseStructureName(mesh.name).layer).key)] += mesh.triangleCount();
        total += mesh.triangleCount();
    }
    for (const auto& [layer, triangles] : byLayer) MESSAGE(layer << ": " << triangles << " triangles");
    MESSAGE("total: " << total << " triangles");
    CHECK(total <= 150000);
}

TEST_CASE("every named structure of the model has its information, and every entry is used")
{
    auto catalogue = content::loadStructureInfo(std::string(HT_SOURCE_DIR) + "/assets/structures.toml");
    REQUIRE_MESSAGE(catalogue.ok(), (catalogue.ok() ? "" : catalogue.error().describe()));
    std::set<std::string> used;
    for (const assets::Node& node : model().nodes) {
        if (node.meshes.empty()) continue;
        const content::StructureName name = content::parseStructureName(node.name);
        const content::StructureInfo* info = catalogue->find(name);
        CHECK_MESSAGE(info != nullptr, "no entry in assets/structures.toml for " << node.name);
        if (info) used.insert(info->key);
    }
    for (const auto& entry : catalogue->entries) {
        const std::string& key = entry.first;
        const auto& info = entry.second;
        CHECK_MESSAGE(used.count(key) == 1, "assets/structures.toml:" << info.line << ": [" << key << "] names no structure of the model");
    }
}

TEST_CASE("another viewer renders the model: f3d under Xvfb draws a non-empty image")
{
    const std::string xvfbRun = findProgram("xvfb-run");
    REQUIRE_MESSAGE(!xvfbRun.empty(), "xvfb-run is not installed (Debian package xvfb)");
    REQUIRE_MESSAGE(!findProgram("f3d").empty(), "f3d is not installed (Debian package f3d)");
    testing_support::TempDir dir("ht-f3d");
    const std::string image = (dir / "f3d.png").string();
    const testing_support::ProcessResult result = testing_support::runProcess(
        {xvfbRun, "-a", "-s", "-screen 0 1280x720x24", "f3d", "--output", image, "--resolution", "640,480", kModelPath});
    INFO("stdout: " << result.out);
    INFO("stderr: " << result.err);
    REQUIRE(result.exitCode == 0);
    auto png = core::readPng(image);
    REQUIRE(png.ok());
    // The background is one flat colour; the model covers a good part of the frame.
    const std::uint8_t* corner = png->pixel(0, 0);
    int covered = 0;
    for (int y = 0; y < png->height; ++y)
        for (int x = 0; x < png->width; ++x) {
            const std::uint8_t* p = png->pixel(x, y);
            if (std::abs(p[0] - corner[0]) + std::abs(p[1] - corner[1]) + std::abs(p[2] - corner[2]) > 24) ++covered;
        }
    MESSAGE(covered << " of " << png->width * png->height << " pixels show the model");
    CHECK(covered > png->width * png->height / 50);
}
