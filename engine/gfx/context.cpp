#include "gfx/context.h"

#include "core/enum_names.h"
#include "core/log.h"
#include "gfx/gl.h"

#include <algorithm>
#include <atomic>
#include <string_view>

namespace gfx {
namespace {

std::atomic<int> problemCount{0};

// Every value the GL specification gives a debug message's source and type.
constexpr auto kSourceNames = core::enumNames<GLenum>({
    {GL_DEBUG_SOURCE_API, "api"},
    {GL_DEBUG_SOURCE_WINDOW_SYSTEM, "window system"},
    {GL_DEBUG_SOURCE_SHADER_COMPILER, "shader compiler"},
    {GL_DEBUG_SOURCE_THIRD_PARTY, "third party"},
    {GL_DEBUG_SOURCE_APPLICATION, "application"},
    {GL_DEBUG_SOURCE_OTHER, "other"},
});
constexpr auto kTypeNames = core::enumNames<GLenum>({
    {GL_DEBUG_TYPE_ERROR, "error"},
    {GL_DEBUG_TYPE_DEPRECATED_BEHAVIOR, "deprecated"},
    {GL_DEBUG_TYPE_UNDEFINED_BEHAVIOR, "undefined behaviour"},
    {GL_DEBUG_TYPE_PORTABILITY, "portability"},
    {GL_DEBUG_TYPE_PERFORMANCE, "performance"},
    {GL_DEBUG_TYPE_MARKER, "marker"},
    {GL_DEBUG_TYPE_PUSH_GROUP, "push group"},
    {GL_DEBUG_TYPE_POP_GROUP, "pop group"},
    {GL_DEBUG_TYPE_OTHER, "other"},
});

// The name of a value the driver sent; one outside the specification reads as the table's
// "other" instead of tripping its assert (the driver, not this program, would be wrong).
template <std::size_t Count>
std::string_view driverValueName(const core::EnumNames<GLenum, Count>& names, GLenum value, GLenum other)
{
    const bool known = std::any_of(names.begin(), names.end(), [&](const auto& entry) { return entry.value == value; });
    return names.name(known ? value : other);
}

std::string_view sourceName(GLenum source)
{
    return driverValueName(kSourceNames, source, GL_DEBUG_SOURCE_OTHER);
}

std::string_view typeName(GLenum type)
{
    return driverValueName(kTypeNames, type, GL_DEBUG_TYPE_OTHER);
}

void GLAPIENTRY onDebugMessage(GLenum source, GLenum type, GLuint id, GLenum severity, GLsizei length,
                               const GLchar* message, const void*)
{
    std::string_view text(message, length >= 0 ? std::size_t(length) : std::char_traits<char>::length(message));
    if (type == GL_DEBUG_TYPE_PUSH_GROUP || type == GL_DEBUG_TYPE_POP_GROUP || type == GL_DEBUG_TYPE_MARKER) return;
    if (severity == GL_DEBUG_SEVERITY_NOTIFICATION) {
        core::logDebug("gl", sourceName(source), " ", typeName(type), " #", id, ": ", text);
        return;
    }
    const bool isError = type == GL_DEBUG_TYPE_ERROR || type == GL_DEBUG_TYPE_UNDEFINED_BEHAVIOR ||
                         severity == GL_DEBUG_SEVERITY_HIGH;
    ++problemCount;
    if (isError)
        core::logError("gl", sourceName(source), " ", typeName(type), " #", id, ": ", text);
    else
        core::logWarning("gl", sourceName(source), " ", typeName(type), " #", id, ": ", text);
}

} // namespace

core::Expected<ContextInfo> loadOpenGL(core::GLProcLoader loader)
{
    int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(loader));
    if (version == 0)
        return core::Error{"", 0, 0, "OpenGL 3.3 core", "could not load OpenGL functions from the driver"};
    ContextInfo info;
    info.major = GLAD_VERSION_MAJOR(version);
    info.minor = GLAD_VERSION_MINOR(version);
    info.renderer = glString(GL_RENDERER);
    info.vendor = glString(GL_VENDOR);
    info.version = glString(GL_VERSION);
    info.glslVersion = glString(GL_SHADING_LANGUAGE_VERSION);
    if (info.major * 10 + info.minor < 33)
        return core::Error{"", 0, 0, "OpenGL 3.3 core",
                           "this program needs OpenGL 3.3 or newer; the driver (" + info.renderer + ") offers " +
                               info.version};
    info.khrDebug = GLAD_GL_KHR_debug || info.major * 10 + info.minor >= 43;
    info.timerQueries = true; // core since 3.3
    glGetIntegerv(GL_MAX_SAMPLES, &info.maxSamples);
    if (GLAD_GL_KHR_robustness || GLAD_GL_ARB_robustness) {
        GLint strategy = 0;
        glGetIntegerv(GL_RESET_NOTIFICATION_STRATEGY, &strategy);  // same value as the ARB name
        info.resetNotification = strategy == GL_LOSE_CONTEXT_ON_RESET;
    }
    return info;
}

bool contextLost()
{
    GLenum status = GL_NO_ERROR;
    if (GLAD_GL_KHR_robustness && glGetGraphicsResetStatus)
        status = glGetGraphicsResetStatus();
    else if (GLAD_GL_ARB_robustness && glGetGraphicsResetStatusARB)
        status = glGetGraphicsResetStatusARB();
    return status != GL_NO_ERROR;
}

bool enableDebugOutput(bool synchronous)
{
    if (!glDebugMessageCallback) return false;
    GLint flags = 0;
    glGetIntegerv(GL_CONTEXT_FLAGS, &flags);
    glEnable(GL_DEBUG_OUTPUT);
    if (synchronous) glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
    glDebugMessageCallback(onDebugMessage, nullptr);
    glDebugMessageControl(GL_DONT_CARE, GL_DONT_CARE, GL_DONT_CARE, 0, nullptr, GL_TRUE);
    core::logDebug("gl", "debug output on", (flags & GL_CONTEXT_FLAG_DEBUG_BIT) ? " (debug context)" : "");
    return true;
}

int debugProblemCount()
{
    return problemCount.load();
}

int checkErrors(const char* where)
{
    int count = 0;
    for (GLenum error = glGetError(); error != GL_NO_ERROR && count < 16; error = glGetError()) {
        core::logError("gl", "error 0x", std::hex, error, std::dec, " at ", where);
        ++count;
    }
    problemCount += count;
    return count;
}

void finish()
{
    glFinish();
}

} // namespace gfx
