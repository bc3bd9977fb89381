#include "media/video_writer.h"

#include <dlfcn.h>

#include <algorithm>
#include <cctype>
#include <mutex>
#include <system_error>
#include <vector>

namespace media {
namespace {

constexpr const char* kModuleName = "ht_media_ffmpeg.so";

// Where the encoder module may be: installed beside the program's own libraries
// (<prefix>/bin/hamstring-trainer and <prefix>/lib/hamstring-trainer/), or where this build
// made it.
std::vector<std::filesystem::path> moduleCandidates()
{
    std::vector<std::filesystem::path> candidates;
    std::error_code error;
    const std::filesystem::path executable = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) candidates.push_back(executable.parent_path().parent_path() / "lib" / "hamstring-trainer" / kModuleName);
#ifdef HT_MEDIA_MODULE_BUILD_PATH
    candidates.emplace_back(HT_MEDIA_MODULE_BUILD_PATH);
#endif
    return candidates;
}

// Loads the module once and keeps it for the life of the process (its code runs until the
// last encoder is gone, and unloading FFmpeg's libraries buys nothing).
core::Expected<OpenEncoderFunction> encoderModule()
{
    static std::mutex mutex;
    static OpenEncoderFunction open = nullptr;
    const std::lock_guard<std::mutex> lock(mutex);
    if (open) return open;
    std::string tried;
    for (const std::filesystem::path& candidate : moduleCandidates()) {
        std::error_code missing;
        if (!std::filesystem::exists(candidate, missing)) {
            tried += (tried.empty() ? "" : ", ") + candidate.string() + " (not there)";
            continue;
        }
        void* module = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!module) {
            const char* why = dlerror();
            tried += (tried.empty() ? "" : ", ") + candidate.string() + " (" + (why ? why : "cannot be loaded") + ")";
            continue;
        }
        open = reinterpret_cast<OpenEncoderFunction>(dlsym(module, kOpenEncoderSymbol));
        if (open) return open;
        tried += (tried.empty() ? "" : ", ") + candidate.string() + " (no " + kOpenEncoderSymbol + ")";
    }
    return core::makeError(std::string("lesson videos need the encoder module ") + kModuleName + "; tried " + tried);
}

} // namespace

std::optional<Container> containerFor(const std::filesystem::path& file)
{
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (extension == ".mp4") return Container::Mp4;
    if (extension == ".webm") return Container::WebM;
    return std::nullopt;
}

core::Expected<std::unique_ptr<VideoWriter>> VideoWriter::open(const VideoDesc& desc)
{
    const std::optional<Container> container = containerFor(desc.file);
    if (!container)
        return core::makeFileError(desc.file.string(), std::string("unknown video type; the name must end in ") + kVideoExtensions);
    if (desc.widthPx < 16 || desc.heightPx < 16 || desc.widthPx % 2 != 0 || desc.heightPx % 2 != 0)
        return core::makeFileError(desc.file.string(), "a video's width and height must be even and at least 16 pixels, got " +
                                                           std::to_string(desc.widthPx) + "x" + std::to_string(desc.heightPx));
    auto openEncoder = encoderModule();
    if (!openEncoder) return core::makeFileError(desc.file.string(), openEncoder.error().message);
    core::Error error;
    Encoder* encoder = (*openEncoder)(&desc, *container, &error);
    if (!encoder) return error;
    return std::unique_ptr<VideoWriter>(new VideoWriter(std::unique_ptr<Encoder>(encoder)));
}

VideoWriter::~VideoWriter() = default;

core::Status VideoWriter::addFrame(const core::Image& frame)
{
    return encoder_->addFrame(frame);
}

core::Status VideoWriter::addAudio(std::span<const float> samples)
{
    return encoder_->addAudio(samples);
}

core::Status VideoWriter::finish()
{
    return encoder_->finish();
}

std::int64_t VideoWriter::framesWritten() const
{
    return encoder_->framesWritten();
}

std::string VideoWriter::codecNames() const
{
    return encoder_->codecNames();
}

} // namespace media
