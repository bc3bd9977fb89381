// The generator's working mesh (double precision, one normal per vertex) and the operations
// the structures share: meshoptimizer simplification and ordering, mirroring to the left
// side, closedness checks and volume.
#pragma once

#include <glm/glm.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace modelgen {

struct TriMesh {
    std::vector<glm::dvec3> positions;
    std::vector<glm::dvec3> normals;
    std::vector<std::uint32_t> indices;

    std::size_t triangleCount() const { return indices.size() / 3; }
    void append(const TriMesh& other);
};

// What is wrong with a mesh that should be a closed surface.
struct ClosedReport {
    std::size_t boundaryEdges = 0;     // used by one triangle
    std::size_t nonManifoldEdges = 0;  // used by more than two
    std::size_t flippedEdges = 0;      // two triangles walking the edge the same way
    std::size_t degenerateTriangles = 0;
    bool closed() const { return !boundaryEdges && !nonManifoldEdges && !flippedEdges && !degenerateTriangles; }
    std::string describe() const;
};

ClosedReport checkClosed(const TriMesh& mesh);
// Enclosed volume by the divergence theorem (positive for outward winding).
double enclosedVolume(const TriMesh& mesh);

// Reduces to about `targetTriangles` while the surface stays within `maxErrorM` of the original;
// vertices are a subset of the input, so their positions and normals stay exact.
void simplify(TriMesh& mesh, std::size_t targetTriangles, double maxErrorM);
// Vertex-cache then vertex-fetch order (meshoptimizer); `extra` streams follow the vertices.
void optimiseOrder(TriMesh& mesh, std::vector<std::vector<glm::dvec3>*> extra = {});
// Drops vertices no triangle uses.
void compact(TriMesh& mesh, std::vector<std::vector<glm::dvec3>*> extra = {});
// Normals as the area-weighted average of the faces around each vertex.
void computeNormals(TriMesh& mesh);
// The same mesh reflected through the body's midline (z -> -z), wound the right way round.
TriMesh mirrored(const TriMesh& mesh);

} // namespace modelgen
