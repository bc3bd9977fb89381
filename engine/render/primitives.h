// Meshes for props, each in a unit frame the prop's size scales: a box of side 1 and a cylinder
// of diameter 1 and length 1 along z (both centred at the origin), and shapes that look like
// what they are (a dumbbell along x, a ribbed foam roller along z, a curb with bevelled edges,
// a chair, a tumbler glass), with outward normals and counter-clockwise front faces.
#pragma once

#include "assets/model_data.h"
#include "content/lesson.h"

#include <glm/vec2.hpp>

#include <span>

namespace render {

assets::MeshData unitBox();
assets::MeshData unitCylinder(int segments);

// A solid of revolution about y: `profile` runs (radius, height) from the axis round the
// outline and back to the axis; each segment gets its own ring of normals (crisp edges).
assets::MeshData lathe(std::span<const glm::vec2> profile, int segments, const char* name);

// The mesh drawn for each prop shape, in the frame docs/lesson-format.md describes: the
// shape's extent is about 1 along each axis, centred at the origin (a chair's seat top at
// y = 0.5, its back rising above).
assets::MeshData propShapeMesh(content::Prop::Shape shape);

} // namespace render
