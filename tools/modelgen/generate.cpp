#include "generate.h"

#include "body.h"
#include "bones.h"
#include "context_muscles.h"
#include "hamstrings.h"
#include "model_builder.h"
#include "nerves.h"
#include "surface_nets.h"

#include "anatomy/muscle_geometry.h"
#include "authoring/occlusion.h"

namespace modelgen {
namespace {

// Polygonises one bone and brings it to its triangle budget.
TriMesh meshBone(const BoneDef& bone)
{
    TriMesh mesh = surfaceNets(bone.shape.field(), bone.shape.bounds().inflated(0.004), {bone.cellM, 2});
    simplify(mesh, bone.targetTriangles, 0.0004);
    optimiseOrder(mesh);
    return mesh;
}

// Bones ride on their segment's joint node, in the segment's frame; the left ones mirror the right.
void addBones(const std::vector<BoneDef>& bones, std::vector<StructureMesh>& out)
{
    for (const BoneDef& bone : bones) {
        const TriMesh right = meshBone(bone);
        if (bone.midline) {
            out.push_back({"bone." + bone.structure, Look::Bone, right, bone.segment, {}, {}, {}});
            continue;
        }
        out.push_back({"bone." + bone.structure + ".r", Look::Bone, right, bone.segment, {}, {}, {}});
        out.push_back({"bone." + bone.structure + ".l", Look::Bone, mirrored(right),
                       anatomy::sideSegment(bone.segment, anatomy::Side::Left), {}, {}, {}});
    }
}

// Whether `name` matches `pattern`, in which '*' stands for any run of characters.
bool matches(std::string_view pattern, std::string_view name)
{
    if (pattern.empty()) return name.empty();
    if (pattern.front() == '*') {
        for (std::size_t skip = 0; skip <= name.size(); ++skip)
            if (matches(pattern.substr(1), name.substr(skip))) return true;
        return false;
    }
    return !name.empty() && pattern.front() == name.front() && matches(pattern.substr(1), name.substr(1));
}

void move(std::vector<StructureMesh>&& from, std::vector<StructureMesh>& to)
{
    for (StructureMesh& structure : from) to.push_back(std::move(structure));
}

} // namespace

core::Expected<GeneratedModel> generateModel(const std::vector<std::string>& only)
{
    // Deep to superficial: each layer keeps out of what was built before it.
    std::vector<StructureMesh> structures;
    const std::vector<BoneDef> bones = boneDefs();
    addBones(bones, structures);
    const Field bonesRight = standingBonesRight(bones);
    HamstringSet hamstrings = buildHamstrings(bonesRight);
    move(std::move(hamstrings.structures), structures);
    ContextSet context = buildContextMuscles(bonesRight, hamstrings.rightSide);
    move(std::move(context.structures), structures);
    move(buildNerves({bonesRight, hamstrings.rightSide, context.rightSide}), structures);
    const BodyField body;
    structures.push_back(buildBody(body));

    if (!only.empty())
        std::erase_if(structures, [&](const StructureMesh& structure) {
            for (const std::string& pattern : only)
                if (matches(pattern, structure.nodeName)) return false;
            return true;
        });
    GeneratedModel out;
    const anatomy::SkeletonPose standing = anatomy::computeSkeleton(anatomy::Pose::neutral());
    for (const StructureMesh& structure : structures) {
        // Every structure is a closed surface; anything else is a fault of this generator.
        const ClosedReport closed = checkClosed(structure.mesh);
        if (!closed.closed()) return core::makeError(structure.nodeName + " is not a closed surface: " + closed.describe());
        // How deep it lies under the skin: the body must cover everything inside it.
        double depth = 0.0;
        if (structure.look != Look::Skin) {
            const glm::dvec3 origin = structure.segment ? standing.origin(*structure.segment) : glm::dvec3(0.0);
            depth = 1e9;
            for (const glm::dvec3& p : structure.mesh.positions) depth = std::min(depth, -body(p + origin));
        }
        if (depth < 0.0)
            return core::makeError(structure.nodeName + " comes " + std::to_string(-depth * 1000.0) +
                                   " mm out through the skin in the standing pose");
        out.stats.push_back({structure.nodeName, structure.mesh.triangleCount(), enclosedVolume(structure.mesh), depth});
    }
    out.model = buildModel(structures);
    // Soft shadows in the creases, baked once into the vertices (COLOR_0).
    assets::bakeOcclusion(out.model);
    return out;
}

} // namespace modelgen
