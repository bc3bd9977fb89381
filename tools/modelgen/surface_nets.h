// Polygonises a signed distance field with naive surface nets: one vertex per grid cell the
// surface crosses, one quad per grid edge it crosses. Vertices are then projected onto the
// surface along the field's gradient, and normals come from that gradient, so the mesh is
// smooth at any later simplification.
#pragma once

#include "mesh.h"
#include "sdf.h"

namespace modelgen {

struct SurfaceNetsOptions {
    double cellM = 0.002;        // grid spacing
    int projectionSteps = 2;     // Newton steps onto the zero set
};

// The closed surface of `field` inside `bounds` (which must hold the whole solid).
TriMesh surfaceNets(const Field& field, const Box& bounds, const SurfaceNetsOptions& options);

} // namespace modelgen
