#include "surface_nets.h"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace modelgen {
namespace {

constexpr int kBlockCells = 4; // coarse blocks for skipping empty space

struct Grid {
    glm::dvec3 origin;
    double cell;
    glm::ivec3 samples;

    std::size_t index(int i, int j, int k) const
    {
        return (std::size_t(k) * std::size_t(samples.y) + std::size_t(j)) * std::size_t(samples.x) + std::size_t(i);
    }
    glm::dvec3 position(int i, int j, int k) const { return origin + glm::dvec3(i, j, k) * cell; }
};

struct Samples {
    std::vector<double> values;
    std::vector<glm::ivec3> activeBlocks; // first cell of each block the surface may cross
    std::vector<std::uint8_t> blockActive;
    glm::ivec3 blockCount{0};

    // Makes sure the blocks holding a sample are visited (after its sign was changed).
    void activateAround(int i, int j, int k)
    {
        for (int dk = -1; dk <= 0; ++dk)
            for (int dj = -1; dj <= 0; ++dj)
                for (int di = -1; di <= 0; ++di) {
                    const glm::ivec3 block((i + di) / kBlockCells, (j + dj) / kBlockCells, (k + dk) / kBlockCells);
                    if (i + di < 0 || j + dj < 0 || k + dk < 0 || glm::any(glm::greaterThanEqual(block, blockCount))) continue;
                    const std::size_t at = (std::size_t(block.z) * std::size_t(blockCount.y) + std::size_t(block.y)) *
                                               std::size_t(blockCount.x) + std::size_t(block.x);
                    if (blockActive[at]) continue;
                    blockActive[at] = 1;
                    activeBlocks.push_back(block * kBlockCells);
                }
    }
};

// Samples the field, evaluating it exactly only in blocks the surface may cross; elsewhere a
// value of the right sign is enough, since no vertex is made there.
Samples sampleField(const Field& field, const Grid& grid)
{
    Samples out;
    out.blockCount = (grid.samples - 2) / kBlockCells + 1;
    out.blockActive.assign(std::size_t(out.blockCount.x) * std::size_t(out.blockCount.y) * std::size_t(out.blockCount.z), 0);
    const std::size_t count = std::size_t(grid.samples.x) * std::size_t(grid.samples.y) * std::size_t(grid.samples.z);
    std::vector<double> values(count, 0.0);
    std::vector<std::uint8_t> state(count, 0); // 0 unset, 1 sign only, 2 exact
    const double halfDiagonal = std::sqrt(3.0) * kBlockCells * grid.cell * 0.5;
    for (int bk = 0; bk * kBlockCells < grid.samples.z - 1; ++bk)
        for (int bj = 0; bj * kBlockCells < grid.samples.y - 1; ++bj)
            for (int bi = 0; bi * kBlockCells < grid.samples.x - 1; ++bi) {
                const glm::ivec3 first(bi * kBlockCells, bj * kBlockCells, bk * kBlockCells);
                const glm::ivec3 last = glm::min(first + kBlockCells, grid.samples - 1);
                const glm::dvec3 centre = grid.origin + (glm::dvec3(first) + glm::dvec3(last)) * 0.5 * grid.cell;
                const double atCentre = field(centre);
                // The fields are close to true distances; the margin covers the bounds that are not.
                const bool empty = std::abs(atCentre) > 1.5 * halfDiagonal + grid.cell;
                if (!empty) {
                    out.activeBlocks.push_back(first);
                    out.blockActive[(std::size_t(bk) * std::size_t(out.blockCount.y) + std::size_t(bj)) * std::size_t(out.blockCount.x) +
                                    std::size_t(bi)] = 1;
                }
                for (int k = first.z; k <= last.z; ++k)
                    for (int j = first.y; j <= last.y; ++j)
                        for (int i = first.x; i <= last.x; ++i) {
                            const std::size_t at = grid.index(i, j, k);
                            if (empty) {
                                if (state[at] == 0) {
                                    values[at] = atCentre > 0 ? atCentre - halfDiagonal : atCentre + halfDiagonal;
                                    state[at] = 1;
                                }
                            } else if (state[at] != 2) {
                                values[at] = field(grid.position(i, j, k));
                                state[at] = 2;
                            }
                        }
            }
    out.values = std::move(values);
    return out;
}

// A grid face whose diagonal corners share a sign (inside, outside, inside, outside) would
// join two sheets of the surface along one edge. Moving the corner nearest to the surface
// across it settles each such face one way; vertices are later projected onto the true
// surface, so the shape hardly changes, but every edge ends up shared by two triangles.
void resolveAmbiguousFaces(Samples& samples, const Grid& grid)
{
    std::vector<double>& values = samples.values;
    for (int pass = 0; pass < 8; ++pass) {
        int changed = 0;
        const std::vector<glm::ivec3> blocks = samples.activeBlocks;
        for (const glm::ivec3& first : blocks)
            for (int k = first.z; k < std::min(first.z + kBlockCells, grid.samples.z - 1); ++k)
                for (int j = first.y; j < std::min(first.y + kBlockCells, grid.samples.y - 1); ++j)
                    for (int i = first.x; i < std::min(first.x + kBlockCells, grid.samples.x - 1); ++i)
                    for (int axis = 0; axis < 3; ++axis) {
                        // The face spanned by the two axes other than `axis`, at its lowest corner.
                        const int b = (axis + 1) % 3, c = (axis + 2) % 3;
                        glm::ivec3 corner[4] = {{i, j, k}, {i, j, k}, {i, j, k}, {i, j, k}};
                        corner[1][b] += 1;
                        corner[2][b] += 1;
                        corner[2][c] += 1;
                        corner[3][c] += 1;
                        if (corner[2][b] >= grid.samples[b] || corner[2][c] >= grid.samples[c]) continue;
                        std::size_t at[4];
                        bool in[4];
                        for (int q = 0; q < 4; ++q) {
                            at[q] = grid.index(corner[q].x, corner[q].y, corner[q].z);
                            in[q] = values[at[q]] < 0.0;
                        }
                        if (!(in[0] == in[2] && in[1] == in[3] && in[0] != in[1])) continue;
                        int nearest = 0;
                        for (int q = 1; q < 4; ++q)
                            if (std::abs(values[at[q]]) < std::abs(values[at[nearest]])) nearest = q;
                        values[at[nearest]] = values[at[nearest]] < 0.0 ? 1e-9 : -1e-9;
                        samples.activateAround(corner[nearest].x, corner[nearest].y, corner[nearest].z);
                        ++changed;
                    }
        if (changed == 0) return;
    }
}

} // namespace

TriMesh surfaceNets(const Field& field, const Box& bounds, const SurfaceNetsOptions& options)
{
    Grid grid;
    grid.cell = options.cellM;
    grid.origin = bounds.min - glm::dvec3(2.0 * grid.cell);
    grid.samples = glm::ivec3(glm::ceil((bounds.max - bounds.min) / grid.cell)) + 5;
    Samples samples = sampleField(field, grid);
    resolveAmbiguousFaces(samples, grid);
    const std::vector<double>& values = samples.values;
    auto inside = [&](int i, int j, int k) { return values[grid.index(i, j, k)] < 0.0; };

    TriMesh mesh;
    const glm::ivec3 cells = grid.samples - 1;
    std::vector<std::int32_t> cellVertex(std::size_t(cells.x) * std::size_t(cells.y) * std::size_t(cells.z), -1);
    auto cellIndex = [&](int i, int j, int k) {
        return (std::size_t(k) * std::size_t(cells.y) + std::size_t(j)) * std::size_t(cells.x) + std::size_t(i);
    };
    static const int kCorner[8][3] = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {1, 1, 0}, {0, 0, 1}, {1, 0, 1}, {0, 1, 1}, {1, 1, 1}};
    static const int kEdge[12][2] = {{0, 1}, {2, 3}, {4, 5}, {6, 7}, {0, 2}, {1, 3}, {4, 6}, {5, 7}, {0, 4}, {1, 5}, {2, 6}, {3, 7}};
    const double gradientStep = grid.cell * 0.25;

    for (const glm::ivec3& first : samples.activeBlocks)
        for (int k = first.z; k < std::min(first.z + kBlockCells, cells.z); ++k)
            for (int j = first.y; j < std::min(first.y + kBlockCells, cells.y); ++j)
                for (int i = first.x; i < std::min(first.x + kBlockCells, cells.x); ++i) {
                double corner[8];
                int insideCount = 0;
                for (int c = 0; c < 8; ++c) {
                    corner[c] = values[grid.index(i + kCorner[c][0], j + kCorner[c][1], k + kCorner[c][2])];
                    insideCount += corner[c] < 0.0;
                }
                if (insideCount == 0 || insideCount == 8) continue;
                // Start from the mean of the edge crossings, then walk onto the zero set.
                glm::dvec3 sum(0.0);
                int crossings = 0;
                for (const auto& edge : kEdge) {
                    const double a = corner[edge[0]], b = corner[edge[1]];
                    if ((a < 0.0) == (b < 0.0)) continue;
                    const double t = a / (a - b);
                    const glm::dvec3 pa(kCorner[edge[0]][0], kCorner[edge[0]][1], kCorner[edge[0]][2]);
                    const glm::dvec3 pb(kCorner[edge[1]][0], kCorner[edge[1]][1], kCorner[edge[1]][2]);
                    sum += pa + (pb - pa) * t;
                    ++crossings;
                }
                const glm::dvec3 cellMin = grid.position(i, j, k);
                glm::dvec3 p = cellMin + (sum / double(crossings)) * grid.cell;
                // Staying inside its own cell keeps every vertex distinct from its neighbours'.
                const glm::dvec3 low = cellMin + glm::dvec3(grid.cell * 0.02);
                const glm::dvec3 high = cellMin + glm::dvec3(grid.cell * 0.98);
                // The last gradient is also the normal: the final step moves the vertex by a
                // small fraction of a cell.
                glm::dvec3 normal(0.0, 1.0, 0.0);
                for (int step = 0; step < options.projectionSteps; ++step) {
                    const double value = field(p);
                    const glm::dvec3 g = gradient(field, p, gradientStep);
                    const double g2 = glm::dot(g, g);
                    if (g2 < 1e-12) break;
                    normal = g / std::sqrt(g2);
                    p = glm::clamp(p - value * g / g2, low, high);
                }
                cellVertex[cellIndex(i, j, k)] = std::int32_t(mesh.positions.size());
                mesh.positions.push_back(p);
                mesh.normals.push_back(normal);
            }

    // One quad per crossed grid edge, joining the four cells around it; it faces away from
    // the inside end of the edge.
    for (int k = 1; k < grid.samples.z - 1; ++k)
        for (int j = 1; j < grid.samples.y - 1; ++j)
            for (int i = 1; i < grid.samples.x - 1; ++i) {
                const bool here = inside(i, j, k);
                for (int axis = 0; axis < 3; ++axis) {
                    glm::ivec3 next(i, j, k);
                    next[axis] += 1;
                    if (next[axis] >= grid.samples[axis]) continue;
                    if (inside(next.x, next.y, next.z) == here) continue;
                    const int b = (axis + 1) % 3, c = (axis + 2) % 3;
                    std::uint32_t quad[4];
                    const int offsets[4][2] = {{-1, -1}, {0, -1}, {0, 0}, {-1, 0}};
                    bool complete = true;
                    for (int q = 0; q < 4; ++q) {
                        glm::ivec3 cell(i, j, k);
                        cell[b] += offsets[q][0];
                        cell[c] += offsets[q][1];
                        const std::int32_t vertex = cellVertex[cellIndex(cell.x, cell.y, cell.z)];
                        complete = complete && vertex >= 0;
                        quad[q] = std::uint32_t(vertex);
                    }
                    if (!complete) continue;
                    if (!here) std::swap(quad[1], quad[3]);
                    const auto& pos = mesh.positions;
                    const bool shortFirst = glm::length(pos[quad[0]] - pos[quad[2]]) <= glm::length(pos[quad[1]] - pos[quad[3]]);
                    if (shortFirst)
                        mesh.indices.insert(mesh.indices.end(), {quad[0], quad[1], quad[2], quad[0], quad[2], quad[3]});
                    else
                        mesh.indices.insert(mesh.indices.end(), {quad[0], quad[1], quad[3], quad[1], quad[2], quad[3]});
                }
            }
    return mesh;
}

} // namespace modelgen
