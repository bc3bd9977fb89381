// The line between the app and the video encoder. The encoder links Debian's FFmpeg, which
// brings some 150 shared libraries with it (about 17 MB resident once loaded), so it is built
// as its own module (ht_media_ffmpeg, ffmpeg_encoder.cpp) that VideoWriter loads only when a
// video is exported; the trainer itself never maps FFmpeg.
#pragma once

#include "core/error.h"
#include "core/image.h"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

namespace media {

enum class Container { Mp4, WebM };

struct VideoDesc {
    std::filesystem::path file;
    int widthPx = 1280;              // even: 4:2:0 colour halves both sides
    int heightPx = 720;
    int framesPerSecond = 30;
    int audioSampleRateHz = 48000;   // mono float samples
};

// What VideoWriter asks of the module (the same calls, see video_writer.h).
class Encoder {
public:
    virtual ~Encoder() = default;
    virtual core::Status addFrame(const core::Image& frame) = 0;
    virtual core::Status addAudio(std::span<const float> samples) = 0;
    virtual core::Status finish() = 0;
    virtual std::int64_t framesWritten() const = 0;
    virtual std::string codecNames() const = 0;
};

// The module's one entry point: an encoder writing `desc`'s file in `container`, or null with
// `error` filled in. Built with the same compiler and library as the app, so C++ types cross.
inline constexpr const char* kOpenEncoderSymbol = "ht_media_open_encoder";
using OpenEncoderFunction = Encoder* (*)(const VideoDesc* desc, Container container, core::Error* error);

} // namespace media
