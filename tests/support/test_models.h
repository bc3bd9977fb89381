// Small models made in code for tests: shapes with known sizes, written as glTF on demand.
#pragma once

#include "assets/model_data.h"

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace testing_support {

// A UV sphere of the given radius centred at the origin (closed, outward normals).
assets::MeshData makeSphere(const std::string& name, float radius, int slices, int stacks);
// An axis-aligned box with flat-shaded faces.
assets::MeshData makeBox(const std::string& name, const glm::vec3& halfExtent);

// A model with a red sphere ("muscle.test_ball.r") beside a grey box ("bone.test_block"),
// and a translucent skin sphere around both ("skin.body").
assets::ModelData makeTestScene();
// A model whose root node (named "root") holds each mesh on a child node of the mesh's name,
// moved to the given place.
assets::ModelData placeMeshes(std::vector<std::pair<assets::MeshData, glm::vec3>> placed);
// Adds one such child node with its mesh to a model made by placeMeshes.
void addPlacedMesh(assets::ModelData& model, assets::MeshData mesh, glm::vec3 at);

// One tissue for a close-up golden image: "muscle", "tendon", "bone", "nerve" or "skin" (a
// skin shell over a muscle). The sample lies on a bone slab so the crease between them shows
// the baked ambient occlusion; the model's occlusion is baked.
assets::ModelData makeMaterialScene(const std::string& tissue);

// A small glTF 2.0 text file that assimp 5.2's glTF reader does not survive: a line loop whose
// one segment points past the vertices makes it read through a null pointer (signal 11).
std::string readerAbortingGltf();

// Writes the test scene as glb into `folder` and returns the path.
std::filesystem::path writeTestScene(const std::filesystem::path& folder);

} // namespace testing_support
