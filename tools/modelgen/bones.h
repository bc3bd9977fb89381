// The bones of the pelvis and both legs as signed distance fields in their segment's frame
// (gait2392: origin at the proximal joint centre, x anterior, y superior, z to the right),
// right side; the left side is the mirror image. Overall sizes follow the bounding boxes of
// the OpenSim meshes (reference S1); the hamstring attachments of gait2392 lie on the surfaces.
#pragma once

#include "anatomy/skeleton.h"
#include "sdf.h"

#include <string>
#include <vector>

namespace modelgen {

struct BoneDef {
    std::string structure;         // node name part: "femur" gives "bone.femur.r"
    anatomy::Segment segment;      // right-side segment it rides on
    Shape shape;                   // in the segment's frame
    double cellM;                  // polygonising grid
    std::size_t targetTriangles;   // after simplification, per side
    bool midline = false;          // one bone for both sides (the sacrum)
};

// Every bone, right side and midline.
std::vector<BoneDef> boneDefs();

// One bone's solid; the structures that must not pass through bones use these too.
Shape hipBoneShape();
Shape sacrumShape();
Shape femurShape();
Shape patellaShape();
Shape tibiaShape();
Shape fibulaShape();
Shape talusShape();
Shape footShape();
Shape toesShape();

// The right-side bones and the sacrum placed as they are in the standing pose, in world
// coordinates: what muscles, tendons and nerves must stay out of.
Field standingBonesRight(const std::vector<BoneDef>& bones);

// Makes the surface pass through `point` (an attachment): a tubercle where the surface lies
// short of it, an impression where the bone already covers it.
void fitAttachment(Shape& shape, const glm::dvec3& point, double radiusM);

} // namespace modelgen
