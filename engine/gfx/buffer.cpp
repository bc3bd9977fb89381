#include "gfx/buffer.h"

#include "gfx/gl.h"

#include <cassert>
#include <cstring>

namespace gfx {

void deleteBuffer(unsigned int id) { glDeleteBuffers(1, &id); }
void deleteVertexArray(unsigned int id) { glDeleteVertexArrays(1, &id); }
void deleteTexture(unsigned int id) { glDeleteTextures(1, &id); }
void deleteFramebuffer(unsigned int id) { glDeleteFramebuffers(1, &id); }
void deleteRenderbuffer(unsigned int id) { glDeleteRenderbuffers(1, &id); }
void deleteProgram(unsigned int id) { glDeleteProgram(id); }
void deleteQuery(unsigned int id) { glDeleteQueries(1, &id); }

namespace {

struct FormatInfo {
    GLint components;
    GLenum type;
    GLboolean normalised;
    bool integer;
    std::size_t bytes;
};

FormatInfo formatInfo(AttributeFormat format)
{
    switch (format) {
    case AttributeFormat::Float1: return {1, GL_FLOAT, GL_FALSE, false, 4};
    case AttributeFormat::Float2: return {2, GL_FLOAT, GL_FALSE, false, 8};
    case AttributeFormat::Float3: return {3, GL_FLOAT, GL_FALSE, false, 12};
    case AttributeFormat::Float4: return {4, GL_FLOAT, GL_FALSE, false, 16};
    case AttributeFormat::UByte4Norm: return {4, GL_UNSIGNED_BYTE, GL_TRUE, false, 4};
    case AttributeFormat::UShort4Int: return {4, GL_UNSIGNED_SHORT, GL_FALSE, true, 8};
    }
    return {3, GL_FLOAT, GL_FALSE, false, 12};
}

GLenum primitiveMode(Primitive primitive)
{
    switch (primitive) {
    case Primitive::Triangles: return GL_TRIANGLES;
    case Primitive::Lines: return GL_LINES;
    case Primitive::Points: return GL_POINTS;
    }
    return GL_TRIANGLES;
}

void label(GLenum kind, GLuint id, const char* text)
{
    if (text && glObjectLabel) glObjectLabel(kind, id, -1, text);
}

} // namespace

core::Expected<Mesh> Mesh::create(const MeshDesc& desc)
{
    if (desc.indices.empty()) return core::makeError(std::string("mesh '") + (desc.label ? desc.label : "?") + "' has no triangles");
    Mesh mesh;
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    mesh.vertexArray_ = VertexArrayHandle(id);
    glBindVertexArray(id);
    label(GL_VERTEX_ARRAY, id, desc.label);

    for (const VertexBufferDesc& bufferDesc : desc.vertexBuffers) {
        GLuint buffer = 0;
        glGenBuffers(1, &buffer);
        glBindBuffer(GL_ARRAY_BUFFER, buffer);
        glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(bufferDesc.data.size()), bufferDesc.data.data(),
                     bufferDesc.usage == BufferUsage::Dynamic ? GL_DYNAMIC_DRAW : GL_STATIC_DRAW);
        mesh.vertexBuffers_.emplace_back(buffer);
        mesh.vertexBufferSizes_.push_back(bufferDesc.data.size());
    }
    for (const VertexAttributeDesc& attribute : desc.attributes) {
        assert(attribute.buffer >= 0 && attribute.buffer < int(mesh.vertexBuffers_.size()));
        const FormatInfo info = formatInfo(attribute.format);
        glBindBuffer(GL_ARRAY_BUFFER, mesh.vertexBuffers_[std::size_t(attribute.buffer)].id());
        glEnableVertexAttribArray(GLuint(attribute.location));
        const auto stride = GLsizei(attribute.stride ? attribute.stride : info.bytes);
        const void* offset = reinterpret_cast<const void*>(attribute.offset);
        if (info.integer)
            glVertexAttribIPointer(GLuint(attribute.location), info.components, info.type, stride, offset);
        else
            glVertexAttribPointer(GLuint(attribute.location), info.components, info.type, info.normalised, stride,
                                  offset);
    }
    GLuint indexBuffer = 0;
    glGenBuffers(1, &indexBuffer);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(desc.indices.size_bytes()), desc.indices.data(), GL_STATIC_DRAW);
    mesh.indexBuffer_ = BufferHandle(indexBuffer);
    mesh.indexCount_ = std::uint32_t(desc.indices.size());
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    return mesh;
}

void Mesh::updateVertexBuffer(int buffer, std::span<const std::byte> data)
{
    assert(buffer >= 0 && buffer < int(vertexBuffers_.size()));
    assert(data.size() <= vertexBufferSizes_[std::size_t(buffer)]);
    glBindBuffer(GL_ARRAY_BUFFER, vertexBuffers_[std::size_t(buffer)].id());
    // Orphan then fill: the driver can keep drawing from the old storage.
    glBufferData(GL_ARRAY_BUFFER, GLsizeiptr(vertexBufferSizes_[std::size_t(buffer)]), nullptr, GL_DYNAMIC_DRAW);
    glBufferSubData(GL_ARRAY_BUFFER, 0, GLsizeiptr(data.size()), data.data());
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void Mesh::setIndices(std::span<const std::uint32_t> indices)
{
    glBindVertexArray(vertexArray_.id());
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indexBuffer_.id());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, GLsizeiptr(indices.size_bytes()), indices.data(), GL_STATIC_DRAW);
    glBindVertexArray(0);
    indexCount_ = std::uint32_t(indices.size());
}

void Mesh::draw(Primitive primitive) const
{
    drawRange(primitive, 0, indexCount_);
}

void Mesh::drawRange(Primitive primitive, std::uint32_t firstIndex, std::uint32_t indexCount) const
{
    glBindVertexArray(vertexArray_.id());
    glDrawElements(primitiveMode(primitive), GLsizei(indexCount), GL_UNSIGNED_INT,
                   reinterpret_cast<const void*>(std::uintptr_t(firstIndex) * sizeof(std::uint32_t)));
}

ProceduralDraw ProceduralDraw::create()
{
    ProceduralDraw draw;
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    draw.vertexArray_ = VertexArrayHandle(id);
    return draw;
}

void ProceduralDraw::draw(Primitive primitive, int vertexCount) const
{
    glBindVertexArray(vertexArray_.id());
    glDrawArrays(primitiveMode(primitive), 0, vertexCount);
}

} // namespace gfx
