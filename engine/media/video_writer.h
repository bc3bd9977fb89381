// Writes a lesson video: RGBA frames and mono sound in, an MP4 (H.264 + AAC) or WebM (VP9 +
// Opus) file out, through Debian's FFmpeg libraries, which live in a module loaded on the first
// open (encoder.h). The file is written under its own name as it goes; a writer destroyed
// before finish() (an error, a cancelled export) removes it.
#pragma once

#include "core/error.h"
#include "core/image.h"
#include "media/encoder.h"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace media {

// The container a file name asks for, by its extension (any case); empty for any other.
std::optional<Container> containerFor(const std::filesystem::path& file);
inline constexpr const char* kVideoExtensions = ".mp4 (H.264 + AAC) or .webm (VP9 + Opus)";


class VideoWriter {
public:
    // Finds the encoders, creates the file and writes its header; errors name the file and
    // what is missing (an encoder this FFmpeg lacks, a folder that cannot be written).
    static core::Expected<std::unique_ptr<VideoWriter>> open(const VideoDesc& desc);
    ~VideoWriter();
    VideoWriter(const VideoWriter&) = delete;
    VideoWriter& operator=(const VideoWriter&) = delete;

    // The next frame, `desc.widthPx` x `desc.heightPx`, rows top to bottom.
    core::Status addFrame(const core::Image& frame);
    // The next stretch of sound, at the desc's rate; any length.
    core::Status addAudio(std::span<const float> samples);
    // Drains the encoders and writes the trailer (the moov atom moved to the front for MP4).
    core::Status finish();

    std::int64_t framesWritten() const;
    std::string codecNames() const;   // "h264 + aac", for messages

private:
    explicit VideoWriter(std::unique_ptr<Encoder> encoder) : encoder_(std::move(encoder)) {}
    std::unique_ptr<Encoder> encoder_;
};

} // namespace media
