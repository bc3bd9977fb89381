// Small models made in code for tests: shapes with known sizes, written as glTF on demand.
#pragma once

#include "assets/model_data.h"

#include <filesystem>

namespace testing_support {

// A UV sphere of the given radius centred at the origin (closed, outward normals).
assets::MeshData makeSphere(const std::string& name, float radius, int slices, int stacks);
// An axis-aligned box with flat-shaded faces.
assets::MeshData makeBox(const std::string& name, const glm::vec3& halfExtent);

// A model with a red sphere ("muscle.test_ball.r") beside a grey box ("bone.test_block"),
// and a translucent skin sphere around both ("skin.body").
assets::ModelData makeTestScene();
// One tissue for a close-up golden image: "muscle", "tendon", "bone", "nerve" or "skin" (a
// skin shell over a muscle). The sample lies on a bone slab so the crease between them shows
// the baked ambient occlusion; the model's occlusion is baked.
assets::ModelData makeMaterialScene(const std::string& tissue);

// Writes the test scene as glb into `folder` and returns the path.
std::filesystem::path writeTestScene(const std::filesystem::path& folder);

} // namespace testing_support
