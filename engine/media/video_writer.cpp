#include "media/video_writer.h"

#include "core/module.h"

#include <algorithm>
#include <cctype>
#include <mutex>
#include <system_error>
#include <vector>

namespace media {
namespace {

constexpr const char* kModuleName = "ht_media_ffmpeg.so";

// Loads the module once and keeps it for the life of the process (its code runs until the
// last encoder is gone, and unloading FFmpeg's libraries buys nothing).
core::Expected<OpenEncoderFunction> encoderModule()
{
    static std::mutex mutex;
    static OpenEncoderFunction open = nullptr;
    const std::lock_guard<std::mutex> lock(mutex);
    if (open) return open;
#ifdef HT_MEDIA_MODULE_BUILD_PATH
    const std::string built = HT_MEDIA_MODULE_BUILD_PATH, tree = HT_MODULE_BUILD_TREE;
#else
    const std::string built, tree;
#endif
    auto symbol = core::loadModuleSymbol(core::moduleCandidates(kModuleName, built, tree), kOpenEncoderSymbol);
    if (!symbol) return core::makeError(std::string("lesson videos need the encoder module ") + kModuleName + "; tried " +
                                        symbol.error().message);
    open = reinterpret_cast<OpenEncoderFunction>(*symbol);
    return open;
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
