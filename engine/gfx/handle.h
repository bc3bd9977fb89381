// A move-only owner of one GL object name. Can be empty (0) before a context exists.
#pragma once

#include <utility>

namespace gfx {

template <void (*Delete)(unsigned int)>
class GLHandle {
public:
    GLHandle() = default;
    explicit GLHandle(unsigned int id) : id_(id) {}
    GLHandle(GLHandle&& other) noexcept : id_(std::exchange(other.id_, 0u)) {}
    GLHandle& operator=(GLHandle&& other) noexcept
    {
        if (this != &other) {
            reset();
            id_ = std::exchange(other.id_, 0u);
        }
        return *this;
    }
    GLHandle(const GLHandle&) = delete;
    GLHandle& operator=(const GLHandle&) = delete;
    ~GLHandle() { reset(); }

    unsigned int id() const { return id_; }
    explicit operator bool() const { return id_ != 0; }
    void reset()
    {
        if (id_) Delete(id_);
        id_ = 0;
    }

private:
    unsigned int id_ = 0;
};

void deleteBuffer(unsigned int id);
void deleteVertexArray(unsigned int id);
void deleteTexture(unsigned int id);
void deleteFramebuffer(unsigned int id);
void deleteRenderbuffer(unsigned int id);
void deleteProgram(unsigned int id);
void deleteQuery(unsigned int id);

using BufferHandle = GLHandle<deleteBuffer>;
using VertexArrayHandle = GLHandle<deleteVertexArray>;
using TextureHandle = GLHandle<deleteTexture>;
using FramebufferHandle = GLHandle<deleteFramebuffer>;
using RenderbufferHandle = GLHandle<deleteRenderbuffer>;
using ProgramHandle = GLHandle<deleteProgram>;
using QueryHandle = GLHandle<deleteQuery>;

} // namespace gfx
