// GPU meshes: vertex buffers, an index buffer and the vertex array that binds them.
// Created from CPU-side arrays in one explicit upload step.
#pragma once

#include "core/error.h"
#include "gfx/handle.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace gfx {

enum class AttributeFormat {
    Float1, Float2, Float3, Float4,
    UByte4Norm,   // colour, 0..255 read as 0..1
    UShort4Int,   // joint indices, read as uvec4
};

enum class BufferUsage { Static, Dynamic };

struct VertexAttributeDesc {
    int location = 0;
    AttributeFormat format = AttributeFormat::Float3;
    int buffer = 0;          // index into MeshDesc::vertexBuffers
    std::size_t offset = 0;  // bytes into each vertex
    std::size_t stride = 0;  // bytes between vertices (0: tightly packed)
};

struct VertexBufferDesc {
    std::span<const std::byte> data;
    BufferUsage usage = BufferUsage::Static;
};

struct MeshDesc {
    std::vector<VertexBufferDesc> vertexBuffers;
    std::vector<VertexAttributeDesc> attributes;
    std::span<const std::uint32_t> indices;
    const char* label = nullptr; // shown in GL debug tools
};

enum class Primitive { Triangles, Lines, Points };

class Mesh {
public:
    static core::Expected<Mesh> create(const MeshDesc& desc);

    // Replaces the contents of a dynamic vertex buffer (same size or smaller).
    void updateVertexBuffer(int buffer, std::span<const std::byte> data);
    // Replaces the triangles. GpuResources puts every level of detail of a model mesh here, one
    // after another, and draws each with drawRange: draw() would draw them all.
    void setIndices(std::span<const std::uint32_t> indices);
    void draw(Primitive primitive = Primitive::Triangles) const;
    void drawRange(Primitive primitive, std::uint32_t firstIndex, std::uint32_t indexCount) const;

    std::uint32_t indexCount() const { return indexCount_; }
    bool valid() const { return bool(vertexArray_); }

private:
    VertexArrayHandle vertexArray_;
    std::vector<BufferHandle> vertexBuffers_;
    std::vector<std::size_t> vertexBufferSizes_;
    BufferHandle indexBuffer_;
    std::uint32_t indexCount_ = 0;
};

// Draws vertices generated in the vertex shader from gl_VertexID (full-screen passes,
// procedural grids). Core profile still needs a vertex array bound, so this owns an empty one.
class ProceduralDraw {
public:
    static ProceduralDraw create();
    void draw(Primitive primitive, int vertexCount) const;

private:
    VertexArrayHandle vertexArray_;
};

template <class T>
std::span<const std::byte> bytesOf(std::span<const T> values)
{
    return std::as_bytes(values);
}

template <class T>
std::span<const std::byte> bytesOf(const std::vector<T>& values)
{
    return std::as_bytes(std::span<const T>(values));
}

} // namespace gfx
