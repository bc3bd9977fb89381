// Loading OpenGL through glad, checking the 3.3 requirement, and routing the driver's
// debug messages (KHR_debug) into the log.
#pragma once

#include "core/error.h"
#include "core/gl_proc_loader.h"

#include <string>

namespace gfx {

struct ContextInfo {
    std::string renderer;   // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"
    std::string vendor;
    std::string version;    // GL_VERSION string
    std::string glslVersion;
    int major = 0;
    int minor = 0;
    bool khrDebug = false;  // debug output available
    bool timerQueries = false;
    bool resetNotification = false;  // the context reports GPU resets (robustness)
    int maxSamples = 0;
};

// Loads GL entry points. Fails with a message naming the requirement when the context is
// below OpenGL 3.3.
core::Expected<ContextInfo> loadOpenGL(core::GLProcLoader loader);

// Sends driver messages to the log ("gl" tag): errors as errors, performance and portability
// notes as warnings. Returns false when the driver has no debug output.
bool enableDebugOutput(bool synchronous);

// True once the driver reports that the context was lost in a GPU reset; every GL object is
// gone then and the context must be replaced. Always false without robustness.
bool contextLost();

// Messages of warning severity or worse seen since start, for tests that demand none.
int debugProblemCount();

// glGetError drained; logs each error with `where` and returns how many there were.
int checkErrors(const char* where);

// Waits until the GPU has finished all submitted work (benchmarks only).
void finish();

} // namespace gfx
