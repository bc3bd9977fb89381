#include "authoring/occlusion.h"

#include "core/math.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <thread>

namespace assets {
namespace {

using Triangle = core::TriangleEdges;

struct BvhNode {
    core::Bounds bounds;
    int first = 0;  // leaf: first triangle; inner: first child (the second follows)
    int count = 0;  // leaf: triangle count; 0 for an inner node
};

// A bounding volume hierarchy over world-space triangles, split at the median of the
// longest axis; enough for the short rays of an occlusion bake.
class Bvh {
public:
    explicit Bvh(std::vector<Triangle> triangles) : triangles_(std::move(triangles))
    {
        if (triangles_.empty()) return;
        std::vector<int> order(triangles_.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = int(i);
        nodes_.reserve(triangles_.size() * 2 / kLeafSize + 1);
        nodes_.push_back({});
        build(0, order, 0, int(order.size()));
        std::vector<Triangle> sorted;
        sorted.reserve(triangles_.size());
        for (int index : order) sorted.push_back(triangles_[std::size_t(index)]);
        triangles_ = std::move(sorted);
    }

    // Distance to the nearest hit closer than `reach`, or `reach` when there is none.
    float nearestHit(const glm::vec3& origin, const glm::vec3& direction, float reach) const
    {
        if (nodes_.empty()) return reach;
        const core::Ray ray{origin, direction};
        const core::BoxRay boxRay(ray);
        float nearest = reach;
        std::array<int, 64> stack{};
        int top = 0;
        stack[std::size_t(top++)] = 0;
        while (top > 0) {
            const BvhNode& node = nodes_[std::size_t(stack[std::size_t(--top)])];
            if (!core::intersectRayBounds(boxRay, node.bounds, nearest)) continue;
            if (node.count == 0) {
                stack[std::size_t(top++)] = node.first;
                stack[std::size_t(top++)] = node.first + 1;
                continue;
            }
            for (int i = node.first; i < node.first + node.count; ++i) {
                const std::optional<float> t = core::intersectRayTriangle(ray, triangles_[std::size_t(i)]);
                if (t && *t > 0.0f && *t < nearest) nearest = *t;
            }
        }
        return nearest;
    }

private:
    static constexpr int kLeafSize = 4;

    static glm::vec3 centroid(const Triangle& t) { return t.corner + (t.edge1 + t.edge2) / 3.0f; }

    void build(int nodeIndex, std::vector<int>& order, int begin, int end)
    {
        glm::vec3 low(1e30f), high(-1e30f), centreLow(1e30f), centreHigh(-1e30f);
        for (int i = begin; i < end; ++i) {
            const Triangle& t = triangles_[std::size_t(order[std::size_t(i)])];
            for (const glm::vec3& p : {t.corner, t.corner + t.edge1, t.corner + t.edge2}) {
                low = glm::min(low, p);
                high = glm::max(high, p);
            }
            centreLow = glm::min(centreLow, centroid(t));
            centreHigh = glm::max(centreHigh, centroid(t));
        }
        nodes_[std::size_t(nodeIndex)].bounds.min = low;
        nodes_[std::size_t(nodeIndex)].bounds.max = high;
        if (end - begin <= kLeafSize) {
            nodes_[std::size_t(nodeIndex)].first = begin;
            nodes_[std::size_t(nodeIndex)].count = end - begin;
            return;
        }
        const glm::vec3 extent = centreHigh - centreLow;
        const int axis = extent.x >= extent.y && extent.x >= extent.z ? 0 : (extent.y >= extent.z ? 1 : 2);
        const int middle = begin + (end - begin) / 2;
        // Ties broken by index, so the tree (and the bake) does not depend on the library's sort.
        std::nth_element(order.begin() + begin, order.begin() + middle, order.begin() + end, [&](int l, int r) {
            const float cl = centroid(triangles_[std::size_t(l)])[axis];
            const float cr = centroid(triangles_[std::size_t(r)])[axis];
            return cl < cr || (cl == cr && l < r);
        });
        const int children = int(nodes_.size());
        nodes_.push_back({});
        nodes_.push_back({});
        nodes_[std::size_t(nodeIndex)].first = children;
        nodes_[std::size_t(nodeIndex)].count = 0;
        build(children, order, begin, middle);
        build(children + 1, order, middle, end);
    }

    std::vector<Triangle> triangles_;
    std::vector<BvhNode> nodes_;
};

bool isSkin(const MeshData& mesh)
{
    return mesh.name.rfind("skin.", 0) == 0;
}

} // namespace

void bakeOcclusion(ModelData& model, const OcclusionBake& bake)
{
    // Every mesh placed in the world at rest: node matrices, or the bind pose for skinned ones.
    const std::vector<glm::mat4> world = model.restWorldMatrices();
    std::vector<glm::mat4> placement(model.meshes.size(), glm::mat4(1.0f));
    for (std::size_t n = 0; n < model.nodes.size(); ++n)
        for (int mesh : model.nodes[n].meshes)
            if (!model.meshes[std::size_t(mesh)].skinned()) placement[std::size_t(mesh)] = world[n];

    std::array<std::vector<Triangle>, 2> groups;  // 0: everything under the skin, 1: skin
    for (std::size_t m = 0; m < model.meshes.size(); ++m) {
        const MeshData& mesh = model.meshes[m];
        auto& triangles = groups[isSkin(mesh) ? 1 : 0];
        for (std::size_t i = 0; i + 2 < mesh.indices.size(); i += 3) {
            glm::vec3 p[3];
            for (int k = 0; k < 3; ++k)
                p[k] = glm::vec3(placement[m] * glm::vec4(mesh.positions[mesh.indices[i + std::size_t(k)]], 1.0f));
            triangles.push_back({p[0], p[1] - p[0], p[2] - p[0]});
        }
    }
    const std::array<Bvh, 2> bvhs{Bvh(std::move(groups[0])), Bvh(std::move(groups[1]))};

    // Cosine-distributed directions about +z: a Fibonacci spiral over the unit disc, lifted
    // onto the hemisphere.
    std::vector<glm::vec3> pattern;
    const float goldenAngle = 2.39996323f;
    for (int k = 0; k < bake.rays; ++k) {
        const float radius = std::sqrt((float(k) + 0.5f) / float(bake.rays));
        const float angle = float(k) * goldenAngle;
        pattern.push_back({radius * std::cos(angle), radius * std::sin(angle), std::sqrt(std::max(0.0f, 1.0f - radius * radius))});
    }

    struct Job {
        MeshData* mesh;
        const Bvh* bvh;
        glm::mat4 placement;
    };
    std::vector<Job> jobs;
    for (std::size_t m = 0; m < model.meshes.size(); ++m) {
        MeshData& mesh = model.meshes[m];
        mesh.occlusion.assign(mesh.positions.size(), 1.0f);
        if (mesh.normals.size() == mesh.positions.size())
            jobs.push_back({&mesh, &bvhs[isSkin(mesh) ? 1 : 0], placement[m]});
    }
    // Work is split by vertex; each value depends only on its vertex, so threads do not
    // change the result.
    auto bakeVertex = [&](const Job& job, std::size_t v) {
        const glm::vec3 position(job.placement * glm::vec4(job.mesh->positions[v], 1.0f));
        const glm::vec3 normal = glm::normalize(glm::mat3(job.placement) * job.mesh->normals[v]);
        const glm::vec3 helper = std::abs(normal.x) < 0.6f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0);
        const glm::vec3 tangent = glm::normalize(glm::cross(helper, normal));
        const glm::vec3 bitangent = glm::cross(normal, tangent);
        // Each vertex turns the pattern by its own angle, so neighbours sample different
        // directions and the bake shows no bands.
        const float turn = float(v % 97) * 0.0647773f;
        const float c = std::cos(turn), s = std::sin(turn);
        const glm::vec3 origin = position + normal * 2e-4f;
        float blocked = 0.0f;
        for (const glm::vec3& d : pattern) {
            const glm::vec3 direction = tangent * (c * d.x - s * d.y) + bitangent * (s * d.x + c * d.y) + normal * d.z;
            const float t = job.bvh->nearestHit(origin, direction, bake.reachM);
            const float near = 1.0f - t / bake.reachM;
            blocked += near * (2.0f - near);  // 1 at contact, easing to 0 at the reach
        }
        job.mesh->occlusion[v] = 1.0f - blocked / float(pattern.size());
    };
    std::vector<std::pair<std::size_t, std::size_t>> work;  // job, vertex
    for (std::size_t j = 0; j < jobs.size(); ++j)
        for (std::size_t v = 0; v < jobs[j].mesh->positions.size(); v += 256) work.emplace_back(j, v);
    const unsigned threads = std::max(1u, std::min(std::thread::hardware_concurrency(), 16u));
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            for (std::size_t w = t; w < work.size(); w += threads) {
                const Job& job = jobs[work[w].first];
                const std::size_t end = std::min(work[w].second + 256, job.mesh->positions.size());
                for (std::size_t v = work[w].second; v < end; ++v) bakeVertex(job, v);
            }
        });
    for (std::thread& thread : pool) thread.join();
}

} // namespace assets
