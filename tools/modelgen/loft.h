// Muscles, tendons and nerves as lofted surfaces: closed tubes whose cross-sections lie in
// the normal planes of a path (anatomy::PathFrame). A cross-section is a superellipse offset
// from the path, so a muscle belly can sit beside its line of action (deep, superficial,
// medial) while every vertex keeps exact path coordinates (along, around, outward).
#pragma once

#include "mesh.h"
#include "sdf.h"

#include "anatomy/path_frame.h"

#include <vector>

namespace modelgen {

// One cross-section, at a fraction of the path's length. Offsets and axes are measured in the
// path frame: "back" along its normal (posterior where the muscle starts), "across" along its
// binormal (medial on the right leg).
struct Section {
    double along = 0.0;
    double backM = 0.0;        // centre offset along the normal
    double acrossM = 0.0;      // centre offset along the binormal
    double depthM = 0.0;       // full size along the (twisted) normal
    double widthM = 0.0;       // full size along the (twisted) binormal
    double twistRad = 0.0;     // turns the section's axes from the normal toward the binormal
};

struct LoftSpec {
    std::vector<Section> keys;   // at least two, by increasing `along`; sizes go to ~0 at both ends
    int rings = 40;              // cross-sections between the first and last key
    int around = 24;             // vertices per cross-section
    double squareness = 2.0;     // superellipse exponent: 2 is an ellipse, larger is boxier
};

// A section at any `along`, the keys interpolated with a cubic through them.
Section interpolate(const std::vector<Section>& keys, double along);

// The lofted closed mesh (poles at both ends) and the path fraction of each vertex.
struct Loft {
    struct Ring {
        glm::dvec3 centre, depthAxis, widthAxis, tangent;
        double halfDepth, halfWidth;
    };
    TriMesh mesh;
    std::vector<double> along;   // per vertex
    std::vector<Ring> rings;     // the cross-sections as built, first and last at the poles
};
Loft buildLoft(const anatomy::PathFrame& path, const LoftSpec& spec, double sizeScale = 1.0);

// Moves vertices out of a solid to `clearanceM` from its surface, within each vertex's own
// cross-section plane (so its path coordinates stay exact).
void pushOut(Loft& loft, const anatomy::PathFrame& path, const Field& solid, double clearanceM);

// An approximate signed distance to a built loft, for keeping other structures out of it.
Field loftField(const Loft& loft);
// The box around a built loft's vertices.
Box loftBounds(const Loft& loft);

} // namespace modelgen
