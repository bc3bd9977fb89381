// Unit shapes for props: a box of side 1 and a cylinder of diameter 1 and length 1 along z,
// both centred at the origin, with outward normals.
#pragma once

#include "assets/model_data.h"

namespace render {

assets::MeshData unitBox();
assets::MeshData unitCylinder(int segments);

} // namespace render
