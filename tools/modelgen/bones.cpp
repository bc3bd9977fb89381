#include "bones.h"

#include <cmath>

namespace modelgen {

void fitAttachment(Shape& shape, const glm::dvec3& point, double radiusM)
{
    const double distance = shape(point);
    if (std::abs(distance) < 0.0005) return;
    glm::dvec3 normal = gradient(shape.field(), point, 0.0005);
    normal = glm::length(normal) > 1e-9 ? glm::normalize(normal) : glm::dvec3(-1, 0, 0);
    const double radius = std::max(radiusM, std::abs(distance) * 1.5);
    const Box box{point - glm::dvec3(2.0 * radius), point + glm::dvec3(2.0 * radius)};
    if (distance > 0.0) {
        // A tubercle: a sphere reaching from inside the bone out to the point.
        const glm::dvec3 centre = point - normal * radius;
        shape.add([centre, radius](const glm::dvec3& p) { return sdSphere(p, centre, radius); }, box, radius * 0.8);
    } else {
        // An impression: a shallow dimple whose floor is the point.
        const glm::dvec3 centre = point + normal * radius;
        shape.subtract([centre, radius](const glm::dvec3& p) { return sdSphere(p, centre, radius); }, box, radius * 0.5);
    }
}

Field standingBonesRight(const std::vector<BoneDef>& bones)
{
    const anatomy::SkeletonPose standing = anatomy::computeSkeleton(anatomy::Pose::neutral());
    Shape all;
    for (const BoneDef& bone : bones) {
        const glm::dvec3 origin = standing.origin(bone.segment);
        const Box box{bone.shape.bounds().min + origin, bone.shape.bounds().max + origin};
        all.add([shape = bone.shape, origin](const glm::dvec3& p) { return shape(p - origin); }, box, 0.0);
    }
    return all.field();
}

std::vector<BoneDef> boneDefs()
{
    using S = anatomy::Segment;
    std::vector<BoneDef> defs;
    defs.push_back({"hip_bone", S::Pelvis, hipBoneShape(), 0.0018, 6000});
    defs.push_back({"sacrum", S::Pelvis, sacrumShape(), 0.0018, 3000, true});
    defs.push_back({"femur", S::FemurR, femurShape(), 0.0018, 5000});
    defs.push_back({"patella", S::TibiaR, patellaShape(), 0.0012, 600});
    defs.push_back({"tibia", S::TibiaR, tibiaShape(), 0.0018, 4000});
    defs.push_back({"fibula", S::TibiaR, fibulaShape(), 0.0012, 1600});
    defs.push_back({"talus", S::TalusR, talusShape(), 0.0012, 600});
    defs.push_back({"foot", S::CalcnR, footShape(), 0.0015, 2600});
    defs.push_back({"toes", S::ToesR, toesShape(), 0.0010, 1400});
    return defs;
}

} // namespace modelgen
