#include "mesh.h"

#include <meshoptimizer.h>

#include <algorithm>
#include <array>
#include <sstream>

namespace modelgen {

void TriMesh::append(const TriMesh& other)
{
    const std::uint32_t base = std::uint32_t(positions.size());
    positions.insert(positions.end(), other.positions.begin(), other.positions.end());
    normals.insert(normals.end(), other.normals.begin(), other.normals.end());
    for (std::uint32_t index : other.indices) indices.push_back(base + index);
}

std::string ClosedReport::describe() const
{
    std::ostringstream out;
    out << boundaryEdges << " open edges, " << nonManifoldEdges << " edges shared by more than two triangles, "
        << flippedEdges << " edges with inconsistent winding, " << degenerateTriangles << " degenerate triangles";
    return out.str();
}

ClosedReport checkClosed(const TriMesh& mesh)
{
    ClosedReport report;
    struct DirectedEdge {
        std::uint32_t low, high;
        bool forward;
    };
    std::vector<DirectedEdge> edges;
    edges.reserve(mesh.indices.size());
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::uint32_t v[3] = {mesh.indices[t], mesh.indices[t + 1], mesh.indices[t + 2]};
        const glm::dvec3 normal = glm::cross(mesh.positions[v[1]] - mesh.positions[v[0]], mesh.positions[v[2]] - mesh.positions[v[0]]);
        if (v[0] == v[1] || v[1] == v[2] || v[0] == v[2] || glm::length(normal) < 1e-14) ++report.degenerateTriangles;
        for (int e = 0; e < 3; ++e) {
            const std::uint32_t a = v[e], b = v[(e + 1) % 3];
            edges.push_back({std::min(a, b), std::max(a, b), a < b});
        }
    }
    std::sort(edges.begin(), edges.end(), [](const DirectedEdge& x, const DirectedEdge& y) {
        return x.low != y.low ? x.low < y.low : x.high != y.high ? x.high < y.high : x.forward < y.forward;
    });
    for (std::size_t i = 0; i < edges.size();) {
        std::size_t j = i;
        while (j < edges.size() && edges[j].low == edges[i].low && edges[j].high == edges[i].high) ++j;
        const std::size_t uses = j - i;
        if (uses == 1) ++report.boundaryEdges;
        else if (uses > 2) ++report.nonManifoldEdges;
        else if (edges[i].forward == edges[i + 1].forward) ++report.flippedEdges;
        i = j;
    }
    return report;
}

double enclosedVolume(const TriMesh& mesh)
{
    double volume = 0.0;
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const glm::dvec3& a = mesh.positions[mesh.indices[t]];
        const glm::dvec3& b = mesh.positions[mesh.indices[t + 1]];
        const glm::dvec3& c = mesh.positions[mesh.indices[t + 2]];
        volume += glm::dot(a, glm::cross(b, c)) / 6.0;
    }
    return volume;
}

void compact(TriMesh& mesh, std::vector<std::vector<glm::dvec3>*> extra)
{
    std::vector<std::int64_t> remap(mesh.positions.size(), -1);
    std::uint32_t next = 0;
    for (std::uint32_t& index : mesh.indices) {
        if (remap[index] < 0) remap[index] = next++;
        index = std::uint32_t(remap[index]);
    }
    auto apply = [&](std::vector<glm::dvec3>& stream) {
        if (stream.empty()) return;
        std::vector<glm::dvec3> out(next);
        for (std::size_t v = 0; v < remap.size(); ++v)
            if (remap[v] >= 0) out[std::size_t(remap[v])] = stream[v];
        stream = std::move(out);
    };
    apply(mesh.positions);
    apply(mesh.normals);
    for (std::vector<glm::dvec3>* stream : extra) apply(*stream);
}

namespace {

// Where simplification folds the two faces of a thin plate together it leaves pairs of
// triangles on the same three vertices, facing opposite ways: together they enclose nothing.
void removeFoldedPairs(std::vector<std::uint32_t>& indices)
{
    const std::size_t count = indices.size() / 3;
    std::vector<std::array<std::uint32_t, 4>> keys(count); // sorted vertices and the triangle
    for (std::size_t t = 0; t < count; ++t) {
        std::array<std::uint32_t, 3> v{indices[3 * t], indices[3 * t + 1], indices[3 * t + 2]};
        std::sort(v.begin(), v.end());
        keys[t] = {v[0], v[1], v[2], std::uint32_t(t)};
    }
    std::sort(keys.begin(), keys.end());
    std::vector<bool> removed(count, false);
    for (std::size_t i = 0; i + 1 < count; ++i)
        if (keys[i][0] == keys[i + 1][0] && keys[i][1] == keys[i + 1][1] && keys[i][2] == keys[i + 1][2]) {
            removed[keys[i][3]] = removed[keys[i + 1][3]] = true;
            ++i;
        }
    std::vector<std::uint32_t> kept;
    for (std::size_t t = 0; t < count; ++t)
        if (!removed[t]) kept.insert(kept.end(), {indices[3 * t], indices[3 * t + 1], indices[3 * t + 2]});
    indices = std::move(kept);
}

// A triangle whose corners lie on one line (simplification can leave a few where grid-aligned
// vertices were collinear) is removed by flipping its longest edge: the neighbour across
// that edge is split at the middle corner instead, and the surface stays closed.
void flipFlatTriangles(TriMesh& mesh)
{
    auto area2 = [&](std::size_t t) {
        const glm::dvec3& a = mesh.positions[mesh.indices[3 * t]];
        return glm::length(glm::cross(mesh.positions[mesh.indices[3 * t + 1]] - a, mesh.positions[mesh.indices[3 * t + 2]] - a));
    };
    const std::size_t count = mesh.indices.size() / 3;
    for (std::size_t t = 0; t < count; ++t) {
        if (area2(t) > 1e-14) continue;
        // Longest edge (a, b) and the corner c between them.
        int longest = 0;
        double best = -1.0;
        for (int e = 0; e < 3; ++e) {
            const double length = glm::length(mesh.positions[mesh.indices[3 * t + std::size_t((e + 1) % 3)]] -
                                              mesh.positions[mesh.indices[3 * t + std::size_t(e)]]);
            if (length > best) {
                best = length;
                longest = e;
            }
        }
        const std::uint32_t a = mesh.indices[3 * t + std::size_t(longest)];
        const std::uint32_t b = mesh.indices[3 * t + std::size_t((longest + 1) % 3)];
        const std::uint32_t c = mesh.indices[3 * t + std::size_t((longest + 2) % 3)];
        for (std::size_t u = 0; u < count; ++u) {
            if (u == t) continue;
            for (int e = 0; e < 3; ++e) {
                if (mesh.indices[3 * u + std::size_t(e)] != b || mesh.indices[3 * u + std::size_t((e + 1) % 3)] != a) continue;
                const std::uint32_t d = mesh.indices[3 * u + std::size_t((e + 2) % 3)];
                const std::uint32_t first[3] = {c, a, d}, second[3] = {c, d, b};
                for (int k = 0; k < 3; ++k) {
                    mesh.indices[3 * t + std::size_t(k)] = first[k];
                    mesh.indices[3 * u + std::size_t(k)] = second[k];
                }
                e = 3;
                u = count;
            }
        }
    }
}

} // namespace

void simplify(TriMesh& mesh, std::size_t targetTriangles, double maxErrorM)
{
    if (mesh.triangleCount() <= targetTriangles) return;
    std::vector<float> positions;
    positions.reserve(mesh.positions.size() * 3);
    for (const glm::dvec3& p : mesh.positions) positions.insert(positions.end(), {float(p.x), float(p.y), float(p.z)});
    const float scale = meshopt_simplifyScale(positions.data(), mesh.positions.size(), sizeof(float) * 3);
    std::vector<std::uint32_t> out(mesh.indices.size());
    float resultError = 0.0f;
    const std::size_t count =
        meshopt_simplify(out.data(), mesh.indices.data(), mesh.indices.size(), positions.data(), mesh.positions.size(),
                         sizeof(float) * 3, targetTriangles * 3, float(maxErrorM) / scale, 0, &resultError);
    out.resize(count);
    removeFoldedPairs(out);
    mesh.indices = std::move(out);
    flipFlatTriangles(mesh);
    compact(mesh);
}

void optimiseOrder(TriMesh& mesh, std::vector<std::vector<glm::dvec3>*> extra)
{
    meshopt_optimizeVertexCache(mesh.indices.data(), mesh.indices.data(), mesh.indices.size(), mesh.positions.size());
    std::vector<unsigned int> remap(mesh.positions.size());
    const std::size_t unique =
        meshopt_optimizeVertexFetchRemap(remap.data(), mesh.indices.data(), mesh.indices.size(), mesh.positions.size());
    meshopt_remapIndexBuffer(mesh.indices.data(), mesh.indices.data(), mesh.indices.size(), remap.data());
    auto apply = [&](std::vector<glm::dvec3>& stream) {
        if (stream.empty()) return;
        std::vector<glm::dvec3> out(unique);
        for (std::size_t v = 0; v < remap.size(); ++v)
            if (remap[v] != ~0u) out[remap[v]] = stream[v];
        stream = std::move(out);
    };
    apply(mesh.positions);
    apply(mesh.normals);
    for (std::vector<glm::dvec3>* stream : extra) apply(*stream);
}

void computeNormals(TriMesh& mesh)
{
    mesh.normals.assign(mesh.positions.size(), glm::dvec3(0.0));
    for (std::size_t t = 0; t + 2 < mesh.indices.size(); t += 3) {
        const std::uint32_t a = mesh.indices[t], b = mesh.indices[t + 1], c = mesh.indices[t + 2];
        const glm::dvec3 area = glm::cross(mesh.positions[b] - mesh.positions[a], mesh.positions[c] - mesh.positions[a]);
        mesh.normals[a] += area;
        mesh.normals[b] += area;
        mesh.normals[c] += area;
    }
    for (glm::dvec3& n : mesh.normals) {
        const double length = glm::length(n);
        n = length > 1e-20 ? n / length : glm::dvec3(0, 1, 0);
    }
}

TriMesh mirrored(const TriMesh& mesh)
{
    TriMesh out = mesh;
    for (glm::dvec3& p : out.positions) p.z = -p.z;
    for (glm::dvec3& n : out.normals) n.z = -n.z;
    for (std::size_t t = 0; t + 2 < out.indices.size(); t += 3) std::swap(out.indices[t + 1], out.indices[t + 2]);
    return out;
}

} // namespace modelgen
