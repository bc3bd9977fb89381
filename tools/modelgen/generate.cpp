#include "generate.h"

#include "body.h"
#include "bones.h"
#include "context_muscles.h"
#include "hamstrings.h"
#include "model_builder.h"
#include "nerves.h"
#include "surface_nets.h"

#include "anatomy/muscle_geometry.h"

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
    structures.push_back(buildBody(BodyField()));

    if (!only.empty())
        std::erase_if(structures, [&](const StructureMesh& structure) {
            for (const std::string& prefix : only)
                if (structure.nodeName.rfind(prefix, 0) == 0) return false;
            return true;
        });
    GeneratedModel out;
    for (const StructureMesh& structure : structures) {
        // Every structure is a closed surface; anything else is a fault of this generator.
        const ClosedReport closed = checkClosed(structure.mesh);
        if (!closed.closed()) return core::makeError(structure.nodeName + " is not a closed surface: " + closed.describe());
        out.stats.push_back({structure.nodeName, structure.mesh.triangleCount(), enclosedVolume(structure.mesh)});
    }
    out.model = buildModel(structures);
    return out;
}

} // namespace modelgen
