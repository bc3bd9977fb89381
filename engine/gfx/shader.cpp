#include "gfx/shader.h"

#include "core/file.h"
#include "core/log.h"
#include "gfx/gl.h"

#include <glm/gtc/type_ptr.hpp>

#include <atomic>
#include <regex>
#include <sstream>

namespace gfx {
namespace fs = std::filesystem;

namespace {

constexpr int kMaxIncludeDepth = 8;
// Drivers disagree on the source-string number of `#line L S` (Mesa ignores it), so the
// file index rides in the line number itself: line = fileIndex * kLineStride + line in file.
constexpr int kLineStride = 100000;

std::string lineMarker(int fileIndex, int line)
{
    return "#line " + std::to_string(fileIndex * kLineStride + line) + "\n";
}

core::Status expand(const fs::path& path, ShaderSource& out, int depth, const fs::path& includedFrom, int includeLine,
                    std::span<const std::string> defines = {})
{
    auto text = core::readTextFile(path);
    if (!text) {
        core::Error error = text.error();
        if (!includedFrom.empty()) {
            error.file = includedFrom.string();
            error.line = includeLine;
            error.field = "#include";
            error.message = "cannot include '" + path.string() + "': " + text.error().message;
        }
        return error;
    }
    const int fileIndex = int(out.files.size());
    out.files.push_back(path);
    std::istringstream lines(*text);
    std::string line;
    int lineNumber = 0;
    bool versionSeen = depth > 0; // includes have no #version of their own
    if (depth > 0) out.text += lineMarker(fileIndex, 1);
    static const std::regex includePattern(R"(^\s*#\s*include\s+"([^"]+)\"\s*$)");
    while (std::getline(lines, line)) {
        ++lineNumber;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        std::smatch match;
        if (std::regex_match(line, match, includePattern)) {
            if (depth >= kMaxIncludeDepth)
                return core::Error{path.string(), lineNumber, 0, "#include", "includes nest too deeply (a cycle?)"};
            core::Status included = expand(path.parent_path() / match[1].str(), out, depth + 1, path, lineNumber);
            if (!included) return included;
            out.text += lineMarker(fileIndex, lineNumber + 1);
            continue;
        }
        out.text += line;
        out.text += '\n';
        if (!versionSeen && line.find("#version") != std::string::npos) {
            versionSeen = true;
            for (const std::string& name : defines) out.text += "#define " + name + "\n";
            out.text += lineMarker(fileIndex, lineNumber + 1);
        }
    }
    return {};
}

core::Expected<GLuint> compileStage(GLenum stage, const ShaderSource& source, const std::string& programName)
{
    GLuint shader = glCreateShader(stage);
    const char* text = source.text.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint status = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &status);
    if (status == GL_TRUE) return shader;
    GLint length = 0;
    glGetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
    std::string log(std::size_t(std::max(length, 1)), '\0');
    glGetShaderInfoLog(shader, length, nullptr, log.data());
    glDeleteShader(shader);
    std::vector<core::Error> errors = parseShaderLog(log, source.files);
    if (errors.empty()) {
        core::Error error;
        error.file = source.files.empty() ? programName : source.files.front().string();
        error.field = "compile";
        error.message = log;
        return error;
    }
    for (std::size_t i = 1; i < errors.size(); ++i) core::logError("gfx", errors[i].describe());
    return errors.front();
}

std::uint64_t nextBuildSerial()
{
    static std::atomic<std::uint64_t> lastSerial{0};
    return ++lastSerial;
}

} // namespace

core::Expected<ShaderSource> loadShaderSource(const fs::path& path, std::span<const std::string> defines)
{
    ShaderSource source;
    core::Status status = expand(path, source, 0, {}, 0, defines);
    if (!status) return status.error();
    return source;
}

std::vector<core::Error> parseShaderLog(const std::string& log, const std::vector<fs::path>& files)
{
    static const std::regex mesa(R"(^\s*(\d+):(\d+)\((\d+)\):\s*(error|warning):\s*(.*)$)");
    static const std::regex nvidia(R"(^\s*(\d+)\((\d+)\)\s*:\s*(error|warning)\s*\w*:\s*(.*)$)");
    static const std::regex amd(R"(^\s*(ERROR|WARNING):\s*(\d+):(\d+):\s*(.*)$)");
    std::vector<core::Error> errors;
    std::istringstream lines(log);
    std::string line;
    // Splits an encoded line into the file it belongs to and the line within it.
    auto locate = [&](const std::string& sourceNumber, const std::string& encodedLine, core::Error& error) {
        const long encoded = std::stol(encodedLine);
        std::size_t index = std::size_t(encoded / kLineStride);
        if (index == 0) index = std::size_t(std::stoul(sourceNumber));
        error.file = index < files.size() ? files[index].string() : "shader string " + std::to_string(index);
        error.line = int(encoded % kLineStride);
    };
    while (std::getline(lines, line)) {
        std::smatch match;
        core::Error error;
        if (std::regex_match(line, match, mesa)) {
            if (match[4] != "error") continue;
            locate(match[1], match[2], error);
            error.column = std::stoi(match[3]);
            error.message = match[5];
        } else if (std::regex_match(line, match, nvidia)) {
            if (match[3] != "error") continue;
            locate(match[1], match[2], error);
            error.message = match[4];
        } else if (std::regex_match(line, match, amd)) {
            if (match[1] != "ERROR") continue;
            locate(match[2], match[3], error);
            error.message = match[4];
        } else {
            continue;
        }
        errors.push_back(std::move(error));
    }
    return errors;
}

core::Expected<ShaderProgram> ShaderProgram::build(const ShaderSource& vertex, const ShaderSource& fragment,
                                                   const std::string& name)
{
    auto vertexShader = compileStage(GL_VERTEX_SHADER, vertex, name);
    if (!vertexShader) return vertexShader.error();
    auto fragmentShader = compileStage(GL_FRAGMENT_SHADER, fragment, name);
    if (!fragmentShader) {
        glDeleteShader(*vertexShader);
        return fragmentShader.error();
    }
    ShaderProgram program;
    program.name_ = name;
    program.handle_ = ProgramHandle(glCreateProgram());
    const GLuint id = program.handle_.id();
    if (glProgramParameteri) glProgramParameteri(id, GL_PROGRAM_BINARY_RETRIEVABLE_HINT, GL_TRUE);
    glAttachShader(id, *vertexShader);
    glAttachShader(id, *fragmentShader);
    glLinkProgram(id);
    glDetachShader(id, *vertexShader);
    glDetachShader(id, *fragmentShader);
    glDeleteShader(*vertexShader);
    glDeleteShader(*fragmentShader);
    GLint status = GL_FALSE;
    glGetProgramiv(id, GL_LINK_STATUS, &status);
    if (status != GL_TRUE) {
        GLint length = 0;
        glGetProgramiv(id, GL_INFO_LOG_LENGTH, &length);
        std::string log(std::size_t(std::max(length, 1)), '\0');
        glGetProgramInfoLog(id, length, nullptr, log.data());
        while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
        return core::Error{vertex.files.empty() ? name : vertex.files.front().string(), 0, 0, "link",
                           "program '" + name + "' does not link: " + log};
    }
    if (glObjectLabel) glObjectLabel(GL_PROGRAM, id, -1, name.c_str());
    program.buildSerial_ = nextBuildSerial();
    return program;
}

std::optional<ShaderProgram> ShaderProgram::fromBinary(const ProgramBinary& binary, const std::string& name)
{
    if (!glProgramBinary || binary.bytes.empty()) return std::nullopt;
    ShaderProgram program;
    program.name_ = name;
    program.handle_ = ProgramHandle(glCreateProgram());
    const GLuint id = program.handle_.id();
    glProgramBinary(id, GLenum(binary.format), binary.bytes.data(), GLsizei(binary.bytes.size()));
    GLint status = GL_FALSE;
    glGetProgramiv(id, GL_LINK_STATUS, &status);
    if (status != GL_TRUE) return std::nullopt;  // the handle deletes the program
    if (glObjectLabel) glObjectLabel(GL_PROGRAM, id, -1, name.c_str());
    program.buildSerial_ = nextBuildSerial();
    return program;
}

std::optional<ProgramBinary> ShaderProgram::binary() const
{
    if (!glGetProgramBinary || !handle_) return std::nullopt;
    GLint length = 0;
    glGetProgramiv(handle_.id(), GL_PROGRAM_BINARY_LENGTH, &length);
    if (length <= 0) return std::nullopt;  // no binary format: nothing to keep
    ProgramBinary binary;
    binary.bytes.resize(std::size_t(length));
    GLsizei written = 0;
    GLenum format = 0;
    glGetProgramBinary(handle_.id(), length, &written, &format, binary.bytes.data());
    if (written <= 0) return std::nullopt;
    binary.bytes.resize(std::size_t(written));
    binary.format = format;
    return binary;
}

void ShaderProgram::use() const
{
    glUseProgram(handle_.id());
}

int ShaderProgram::uniformLocation(const char* name) const
{
    return glGetUniformLocation(handle_.id(), name);
}

void ShaderProgram::set(Uniform<int> uniform, int value) const { glUniform1i(uniform.location, value); }
void ShaderProgram::set(Uniform<float> uniform, float value) const { glUniform1f(uniform.location, value); }
void ShaderProgram::set(Uniform<glm::vec2> uniform, const glm::vec2& value) const
{
    glUniform2fv(uniform.location, 1, glm::value_ptr(value));
}
void ShaderProgram::set(Uniform<glm::vec3> uniform, const glm::vec3& value) const
{
    glUniform3fv(uniform.location, 1, glm::value_ptr(value));
}
void ShaderProgram::set(Uniform<glm::vec4> uniform, const glm::vec4& value) const
{
    glUniform4fv(uniform.location, 1, glm::value_ptr(value));
}
void ShaderProgram::set(Uniform<glm::mat3> uniform, const glm::mat3& value) const
{
    glUniformMatrix3fv(uniform.location, 1, GL_FALSE, glm::value_ptr(value));
}
void ShaderProgram::set(Uniform<glm::mat4> uniform, const glm::mat4& value) const
{
    glUniformMatrix4fv(uniform.location, 1, GL_FALSE, glm::value_ptr(value));
}
void ShaderProgram::set(Uniform<std::span<const glm::mat4>> uniform, std::span<const glm::mat4> values) const
{
    if (!values.empty()) glUniformMatrix4fv(uniform.location, GLsizei(values.size()), GL_FALSE, glm::value_ptr(values[0]));
}
void ShaderProgram::set(Uniform<std::span<const glm::vec4>> uniform, std::span<const glm::vec4> values) const
{
    if (!values.empty()) glUniform4fv(uniform.location, GLsizei(values.size()), glm::value_ptr(values[0]));
}

} // namespace gfx
