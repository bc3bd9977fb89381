// Shader programs built from GLSL files. `#include "file"` is expanded with #line markers so
// that compile errors name the real file and line; link errors name the program. Uniforms are
// set through typed locations looked up once per build, never by name per draw.
#pragma once

#include "core/error.h"
#include "gfx/handle.h"

#include <glm/glm.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace gfx {

// GLSL text after include expansion; `#line` markers encode which of `files` a line is from.
struct ShaderSource {
    std::string text;
    std::vector<std::filesystem::path> files;
};

// Reads a shader file and expands its includes (paths relative to the including file).
// `defines` are names defined after the #version line, which pick a variant of the file
// (`#ifdef NAME`); line numbers in errors are unchanged by them.
core::Expected<ShaderSource> loadShaderSource(const std::filesystem::path& path, std::span<const std::string> defines = {});

// Turns a driver's compile log into errors with file and line. Understands the formats of
// Mesa ("0:12(5): error: ..."), NVIDIA ("0(12) : error C0000: ...") and AMD/Intel ("ERROR: 0:12: ...").
std::vector<core::Error> parseShaderLog(const std::string& log, const std::vector<std::filesystem::path>& files);

// Where one uniform of one build of a program lives, typed by what it takes: `int` also for
// bools and samplers (the texture unit), spans for arrays. -1 (absent, or removed by the
// compiler as unused) makes setting it do nothing, as in GL.
template <class Value>
struct Uniform {
    int location = -1;
};

// A linked program as the driver stores it (GL_ARB_get_program_binary): valid only for the
// driver that made it, which refuses it otherwise.
struct ProgramBinary {
    std::uint32_t format = 0;
    std::string bytes;
};

class ShaderProgram {
public:
    static core::Expected<ShaderProgram> build(const ShaderSource& vertex, const ShaderSource& fragment,
                                               const std::string& name);
    // A program from a binary this driver made earlier; nothing when the driver refuses it
    // (updated since, or the bytes are damaged).
    static std::optional<ShaderProgram> fromBinary(const ProgramBinary& binary, const std::string& name);
    // The driver's binary of this program; nothing where the driver gives none.
    std::optional<ProgramBinary> binary() const;
    void use() const;
    bool valid() const { return bool(handle_); }
    const std::string& name() const { return name_; }
    // Different for every successful build: a user holding uniform locations looks them up
    // again when it changes (a hot reload replaced the program).
    std::uint64_t buildSerial() const { return buildSerial_; }

    // Looks a uniform up by name: once after each build, never per draw.
    template <class Value>
    Uniform<Value> uniform(const char* name) const
    {
        return {uniformLocation(name)};
    }

    // The program must be in use (use()).
    void set(Uniform<int> uniform, int value) const;
    void set(Uniform<float> uniform, float value) const;
    void set(Uniform<glm::vec2> uniform, const glm::vec2& value) const;
    void set(Uniform<glm::vec3> uniform, const glm::vec3& value) const;
    void set(Uniform<glm::vec4> uniform, const glm::vec4& value) const;
    void set(Uniform<glm::mat3> uniform, const glm::mat3& value) const;
    void set(Uniform<glm::mat4> uniform, const glm::mat4& value) const;
    void set(Uniform<std::span<const glm::mat4>> uniform, std::span<const glm::mat4> values) const;
    void set(Uniform<std::span<const glm::vec4>> uniform, std::span<const glm::vec4> values) const;

private:
    int uniformLocation(const char* name) const;

    ProgramHandle handle_;
    std::string name_;
    std::uint64_t buildSerial_ = 0;
};

} // namespace gfx
