// Ambient occlusion baked into the vertices: for each vertex, how much of the sky above it
// stays open within a short reach, in the model's rest pose. Creases between muscles, the
// groove where a tendon meets bone and the fold of a joint darken softly, as in an atlas
// drawing. Baked once (by the model generator, or by a test for its own model) and stored in
// the glTF's COLOR_0, so other viewers show it too.
#pragma once

#include "assets/model_data.h"

namespace assets {

struct OcclusionBake {
    float reachM = 0.035f;   // hits further than this do not darken
    int rays = 48;           // per vertex, cosine-distributed over the hemisphere
};

// Fills MeshData::occlusion for every mesh (1: open, 0: closed in). Skin is a see-through
// shell: it occludes only itself, and nothing under it is darkened by it. Deterministic:
// the same model gives the same values, whatever the number of threads.
void bakeOcclusion(ModelData& model, const OcclusionBake& bake = {});

} // namespace assets
