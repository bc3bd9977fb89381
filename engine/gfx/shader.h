// Shader programs built from GLSL files. `#include "file"` is expanded with #line markers so
// that compile errors name the real file and line; link errors name the program.
#pragma once

#include "core/error.h"
#include "gfx/handle.h"

#include <glm/glm.hpp>

#include <filesystem>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

namespace gfx {

// GLSL text after include expansion; `#line` markers encode which of `files` a line is from.
struct ShaderSource {
    std::string text;
    std::vector<std::filesystem::path> files;
};

// Reads a shader file and expands its includes (paths relative to the including file).
core::Expected<ShaderSource> loadShaderSource(const std::filesystem::path& path);

// Turns a driver's compile log into errors with file and line. Understands the formats of
// Mesa ("0:12(5): error: ..."), NVIDIA ("0(12) : error C0000: ...") and AMD/Intel ("ERROR: 0:12: ...").
std::vector<core::Error> parseShaderLog(const std::string& log, const std::vector<std::filesystem::path>& files);

class ShaderProgram {
public:
    static core::Expected<ShaderProgram> build(const ShaderSource& vertex, const ShaderSource& fragment,
                                               const std::string& name);
    void use() const;
    bool valid() const { return bool(handle_); }
    const std::string& name() const { return name_; }

    void set(const char* uniform, int value) const;
    void set(const char* uniform, float value) const;
    void set(const char* uniform, const glm::vec2& value) const;
    void set(const char* uniform, const glm::vec3& value) const;
    void set(const char* uniform, const glm::vec4& value) const;
    void set(const char* uniform, const glm::mat3& value) const;
    void set(const char* uniform, const glm::mat4& value) const;
    void set(const char* uniform, std::span<const glm::mat4> values) const;
    void set(const char* uniform, std::span<const glm::vec4> values) const;
    // Binds a sampler uniform to a texture unit.
    void setSampler(const char* uniform, int unit) const { set(uniform, unit); }

private:
    int location(const char* uniform) const;

    ProgramHandle handle_;
    std::string name_;
    mutable std::unordered_map<std::string, int> locations_;
};

} // namespace gfx
