#include "gfx/program_cache.h"

#include "core/file.h"
#include "core/hash.h"
#include "core/log.h"
#include "gfx/gl.h"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <system_error>
#include <vector>

namespace gfx {
namespace fs = std::filesystem;
namespace {

constexpr char kMagic[8] = {'H', 'T', 'P', 'R', 'O', 'G', '\0', '\0'};
constexpr std::uint32_t kVersion = 1;
// magic, version, binary format, key, payload hash
constexpr std::size_t kHeaderBytes = sizeof kMagic + 4 + 4 + 8 + 8;
// Each edit of a shader leaves a file behind; the oldest go beyond this many.
constexpr std::size_t kMaxFiles = 64;

template <class T>
void put(std::string& out, const T& value)
{
    out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <class T>
T take(std::string_view bytes, std::size_t at)
{
    T value{};
    std::memcpy(&value, bytes.data() + at, sizeof value);
    return value;
}

} // namespace

ProgramCache::ProgramCache(fs::path folder) : folder_(std::move(folder))
{
    GLint count = 0;
    if (glProgramBinary && glGetProgramBinary) glGetIntegerv(GL_NUM_PROGRAM_BINARY_FORMATS, &count);
    if (count <= 0) {
        if (!folder_.empty()) core::logDebug("gfx", "this driver keeps no program binaries; shaders are compiled at each start");
        folder_.clear();
        return;
    }
    formats_.resize(std::size_t(count));
    glGetIntegerv(GL_PROGRAM_BINARY_FORMATS, formats_.data());
    driver_ = glString(GL_VENDOR) + '\n' + glString(GL_RENDERER) + '\n' + glString(GL_VERSION) + '\n' +
              glString(GL_SHADING_LANGUAGE_VERSION);
}

std::uint64_t ProgramCache::keyFor(const ShaderSource& vertex, const ShaderSource& fragment) const
{
    std::string all = driver_;
    all += '\0';
    all += vertex.text;
    all += '\0';
    all += fragment.text;
    return core::hashBytes(all);
}

fs::path ProgramCache::fileFor(std::uint64_t key) const
{
    char name[32];
    std::snprintf(name, sizeof name, "%016llx.bin", static_cast<unsigned long long>(key));
    return folder_ / name;
}

std::optional<ShaderProgram> ProgramCache::load(const ShaderSource& vertex, const ShaderSource& fragment,
                                                const std::string& name)
{
    if (!enabled()) return std::nullopt;
    const std::uint64_t key = keyFor(vertex, fragment);
    const fs::path path = fileFor(key);
    std::error_code missing;
    if (!fs::exists(path, missing)) return std::nullopt;
    auto read = core::readBinaryFile(path);
    if (!read) return std::nullopt;
    const std::string_view bytes(reinterpret_cast<const char*>(read->data()), read->size());
    const bool whole = bytes.size() > kHeaderBytes && std::memcmp(bytes.data(), kMagic, sizeof kMagic) == 0 &&
                       take<std::uint32_t>(bytes, 8) == kVersion &&
                       take<std::uint64_t>(bytes, 16) == key &&
                       take<std::uint64_t>(bytes, 24) == core::hashBytes(bytes.substr(kHeaderBytes));
    // A damaged format field (outside the payload's hash) must not reach GL.
    const std::uint32_t format = whole ? take<std::uint32_t>(bytes, 12) : 0;
    const bool offered = std::find(formats_.begin(), formats_.end(), int(format)) != formats_.end();
    std::optional<ShaderProgram> program;
    if (whole && offered) program = ShaderProgram::fromBinary({format, std::string(bytes.substr(kHeaderBytes))}, name);
    if (!program) {
        core::logDebug("gfx", path.string(), ": ", whole ? "refused by the driver" : "damaged", "; compiling '", name, "' instead");
        fs::remove(path, missing);
        return std::nullopt;
    }
    fs::last_write_time(path, fs::file_time_type::clock::now(), missing);  // recently used: kept longest
    ++hits_;
    return program;
}

void ProgramCache::store(const ShaderSource& vertex, const ShaderSource& fragment, const ShaderProgram& program)
{
    if (!enabled()) return;
    const std::optional<ProgramBinary> binary = program.binary();
    if (!binary) return;
    const std::uint64_t key = keyFor(vertex, fragment);
    std::string out;
    out.reserve(kHeaderBytes + binary->bytes.size());
    out.append(kMagic, sizeof kMagic);
    put(out, kVersion);
    put(out, binary->format);
    put(out, key);
    put(out, core::hashBytes(binary->bytes));
    out += binary->bytes;
    const fs::path path = fileFor(key);
    if (core::Status written = core::writeFileAtomic(path, out, core::FileFlush::Skip); !written) {
        core::logDebug("gfx", "program '", program.name(), "' not kept: ", written.error().describe());
        return;
    }
    dropOldFiles();
}

void ProgramCache::dropOldFiles() const
{
    std::error_code failed;
    std::vector<std::pair<fs::file_time_type, fs::path>> files;
    const auto now = fs::file_time_type::clock::now();
    for (fs::directory_iterator at(folder_, failed), end; !failed && at != end; at.increment(failed)) {
        const fs::path& path = at->path();
        const fs::file_time_type written = at->last_write_time(failed);
        if (failed) break;
        if (path.extension() == ".bin")
            files.emplace_back(written, path);
        else if (path.filename().string().find(".bin.tmp-") != std::string::npos && now - written > std::chrono::minutes(10))
            fs::remove(path, failed);  // left by a run that stopped while writing
    }
    if (files.size() <= kMaxFiles) return;
    std::sort(files.begin(), files.end());
    for (std::size_t i = 0; i + kMaxFiles < files.size(); ++i) fs::remove(files[i].second, failed);
}

} // namespace gfx
