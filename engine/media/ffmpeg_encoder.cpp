#include "media/encoder.h"

#include <memory>
#include <optional>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cassert>
#include <cctype>
#include <cstring>
#include <system_error>
#include <vector>

namespace media {

namespace {

// Two seconds between key frames: a learning platform's player can seek to any step quickly.
constexpr int kKeyFrameSeconds = 2;
constexpr std::int64_t kAacBitsPerS = 96'000;    // mono speech and tones
constexpr std::int64_t kOpusBitsPerS = 64'000;

std::string ffmpegMessage(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

struct Encoders {
    const AVCodec* video = nullptr;
    const AVCodec* audio = nullptr;
    std::string missing;   // what this FFmpeg lacks, when either is null
};

Encoders findEncoders(Container container)
{
    Encoders found;
    if (container == Container::Mp4) {
        found.video = avcodec_find_encoder_by_name("libx264");
        found.audio = avcodec_find_encoder_by_name("aac");
        if (!found.video) found.missing = "an H.264 encoder (libx264, in Debian's libavcodec59)";
        else if (!found.audio) found.missing = "an AAC encoder";
    } else {
        found.video = avcodec_find_encoder_by_name("libvpx-vp9");
        if (!found.video) found.video = avcodec_find_encoder_by_name("libvpx");   // VP8
        found.audio = avcodec_find_encoder_by_name("libopus");
        if (!found.video) found.missing = "a VP9 or VP8 encoder (libvpx)";
        else if (!found.audio) found.missing = "an Opus encoder (libopus)";
    }
    return found;
}

// Mono float samples are laid out the same planar or packed; the encoders here take one of them.
AVSampleFormat monoFloatFormat(const AVCodec* codec)
{
    for (const AVSampleFormat* format = codec->sample_fmts; format && *format != AV_SAMPLE_FMT_NONE; ++format)
        if (*format == AV_SAMPLE_FMT_FLTP || *format == AV_SAMPLE_FMT_FLT) return *format;
    return AV_SAMPLE_FMT_NONE;
}

} // namespace

// The encoder behind media::VideoWriter (video_writer.h), in the module that links FFmpeg.
class FfmpegEncoder final : public Encoder {
public:
    static core::Expected<std::unique_ptr<FfmpegEncoder>> open(const VideoDesc& desc, Container container);
    ~FfmpegEncoder() override;
    FfmpegEncoder(const FfmpegEncoder&) = delete;
    FfmpegEncoder& operator=(const FfmpegEncoder&) = delete;

    core::Status addFrame(const core::Image& frame) override;
    core::Status addAudio(std::span<const float> samples) override;
    core::Status finish() override;
    std::int64_t framesWritten() const override;
    std::string codecNames() const override;

    struct State;

private:
    explicit FfmpegEncoder(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

struct FfmpegEncoder::State {
    VideoDesc desc;
    AVFormatContext* format = nullptr;
    AVCodecContext* video = nullptr;
    AVCodecContext* audio = nullptr;
    AVStream* videoStream = nullptr;
    AVStream* audioStream = nullptr;
    AVFrame* picture = nullptr;
    AVFrame* sound = nullptr;
    AVPacket* packet = nullptr;
    SwsContext* toYuv = nullptr;
    std::vector<float> pendingSamples;   // less than one audio frame, waiting for more
    std::int64_t videoPts = 0;
    std::int64_t audioPts = 0;
    int frameSamples = 1024;             // samples per audio frame (AAC 1024, Opus 960 at 48 kHz)
    bool fileOpen = false;
    bool finished = false;

    ~State()
    {
        if (format && fileOpen) avio_closep(&format->pb);
        if (!finished && fileOpen) {
            std::error_code ignored;
            std::filesystem::remove(desc.file, ignored);   // no half-written video is left behind
        }
        sws_freeContext(toYuv);
        av_packet_free(&packet);
        av_frame_free(&picture);
        av_frame_free(&sound);
        avcodec_free_context(&video);
        avcodec_free_context(&audio);
        avformat_free_context(format);
    }

    core::Error error(const std::string& message) const { return core::makeFileError(desc.file.string(), message); }

    // Everything the encoder has ready, into the file.
    core::Status drain(AVCodecContext* codec, AVStream* stream)
    {
        for (;;) {
            const int received = avcodec_receive_packet(codec, packet);
            if (received == AVERROR(EAGAIN) || received == AVERROR_EOF) return {};
            if (received < 0) return error(std::string("encoding failed: ") + ffmpegMessage(received));
            av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
            packet->stream_index = stream->index;
            const int written = av_interleaved_write_frame(format, packet);
            if (written < 0) return error("cannot write: " + ffmpegMessage(written));
        }
    }

    core::Status encode(AVCodecContext* codec, AVStream* stream, const AVFrame* frame)
    {
        const int sent = avcodec_send_frame(codec, frame);
        if (sent < 0) return error(std::string("encoding failed: ") + ffmpegMessage(sent));
        return drain(codec, stream);
    }

    core::Status encodeSamples(const float* samples, int count)
    {
        if (const int writable = av_frame_make_writable(sound); writable < 0) return error("out of memory: " + ffmpegMessage(writable));
        sound->nb_samples = count;
        std::memcpy(sound->data[0], samples, std::size_t(count) * sizeof(float));
        sound->pts = audioPts;
        audioPts += count;
        return encode(audio, audioStream, sound);
    }

    core::Status openVideo(const AVCodec* codec);
    core::Status openAudio(const AVCodec* codec);
    // Starts a configured encoder (options are freed) and adds its stream to the file.
    core::Status startStream(AVCodecContext* context, const AVCodec* codec, AVDictionary** options, AVStream*& stream);
};

core::Status FfmpegEncoder::State::openVideo(const AVCodec* codec)
{
    video = avcodec_alloc_context3(codec);
    if (!video) return error("out of memory");
    video->width = desc.widthPx;
    video->height = desc.heightPx;
    video->time_base = AVRational{1, desc.framesPerSecond};
    video->framerate = AVRational{desc.framesPerSecond, 1};
    video->pix_fmt = AV_PIX_FMT_YUV420P;   // what every player and learning platform decodes
    video->gop_size = kKeyFrameSeconds * desc.framesPerSecond;
    // The picture is converted with BT.709 (HD) coefficients into limited range; say so.
    video->colorspace = AVCOL_SPC_BT709;
    video->color_primaries = AVCOL_PRI_BT709;
    video->color_trc = AVCOL_TRC_BT709;
    video->color_range = AVCOL_RANGE_MPEG;
    if (format->oformat->flags & AVFMT_GLOBALHEADER) video->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    AVDictionary* options = nullptr;
    if (std::strcmp(codec->name, "libx264") == 0) {
        av_dict_set(&options, "preset", "veryfast", 0);
        av_dict_set(&options, "crf", "23", 0);
    } else if (std::strcmp(codec->name, "libvpx-vp9") == 0) {
        // Constant quality; "good" at speed 5 with row threading encodes in about real time here.
        video->bit_rate = 0;
        av_dict_set(&options, "crf", "33", 0);
        av_dict_set(&options, "deadline", "good", 0);
        av_dict_set(&options, "cpu-used", "5", 0);
        av_dict_set(&options, "row-mt", "1", 0);
    } else {
        video->bit_rate = 2'000'000;   // VP8 needs a ceiling for its constrained quality mode
        av_dict_set(&options, "crf", "10", 0);
        av_dict_set(&options, "deadline", "good", 0);
        av_dict_set(&options, "cpu-used", "4", 0);
    }
    if (core::Status started = startStream(video, codec, &options, videoStream); !started) return started;

    picture = av_frame_alloc();
    if (!picture) return error("out of memory");
    picture->format = video->pix_fmt;
    picture->width = video->width;
    picture->height = video->height;
    if (av_frame_get_buffer(picture, 0) < 0) return error("out of memory");
    toYuv = sws_getContext(desc.widthPx, desc.heightPx, AV_PIX_FMT_RGBA, desc.widthPx, desc.heightPx, AV_PIX_FMT_YUV420P,
                           SWS_BICUBIC, nullptr, nullptr, nullptr);
    if (!toYuv) return error("cannot convert RGBA to YUV 4:2:0 at this size");
    // Full-range RGB in, limited-range BT.709 out, to match what the stream says.
    sws_setColorspaceDetails(toYuv, sws_getCoefficients(SWS_CS_DEFAULT), 1, sws_getCoefficients(SWS_CS_ITU709), 0, 0,
                             1 << 16, 1 << 16);
    return {};
}

core::Status FfmpegEncoder::State::startStream(AVCodecContext* context, const AVCodec* codec, AVDictionary** options,
                                               AVStream*& stream)
{
    const int opened = avcodec_open2(context, codec, options);
    if (options) av_dict_free(options);
    if (opened < 0) return error(std::string("cannot start the ") + codec->name + " encoder: " + ffmpegMessage(opened));
    stream = avformat_new_stream(format, nullptr);
    if (!stream) return error("out of memory");
    stream->time_base = context->time_base;
    avcodec_parameters_from_context(stream->codecpar, context);
    return {};
}

core::Status FfmpegEncoder::State::openAudio(const AVCodec* codec)
{
    const AVSampleFormat sampleFormat = monoFloatFormat(codec);
    if (sampleFormat == AV_SAMPLE_FMT_NONE) return error(std::string("the ") + codec->name + " encoder takes no float samples");
    audio = avcodec_alloc_context3(codec);
    if (!audio) return error("out of memory");
    audio->sample_fmt = sampleFormat;
    audio->sample_rate = desc.audioSampleRateHz;
    av_channel_layout_default(&audio->ch_layout, 1);
    audio->bit_rate = std::strcmp(codec->name, "aac") == 0 ? kAacBitsPerS : kOpusBitsPerS;
    audio->time_base = AVRational{1, desc.audioSampleRateHz};
    if (format->oformat->flags & AVFMT_GLOBALHEADER) audio->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    if (core::Status started = startStream(audio, codec, nullptr, audioStream); !started) return started;

    sound = av_frame_alloc();
    if (!sound) return error("out of memory");
    sound->format = audio->sample_fmt;
    sound->sample_rate = audio->sample_rate;
    av_channel_layout_copy(&sound->ch_layout, &audio->ch_layout);
    if (audio->frame_size > 0) frameSamples = audio->frame_size;
    sound->nb_samples = frameSamples;
    if (av_frame_get_buffer(sound, 0) < 0) return error("out of memory");
    return {};
}

core::Expected<std::unique_ptr<FfmpegEncoder>> FfmpegEncoder::open(const VideoDesc& desc, Container container)
{
    // FFmpeg's encoders talk on stderr at "info" level (x264's statistics); errors still show.
    av_log_set_level(AV_LOG_ERROR);
    auto state = std::make_unique<State>();
    state->desc = desc;
    const Encoders encoders = findEncoders(container);
    if (!encoders.video || !encoders.audio) return state->error("this FFmpeg has no " + encoders.missing);
    const char* formatName = container == Container::Mp4 ? "mp4" : "webm";
    if (avformat_alloc_output_context2(&state->format, nullptr, formatName, desc.file.c_str()) < 0 || !state->format)
        return state->error(std::string("this FFmpeg cannot write ") + formatName);
    if (core::Status video = state->openVideo(encoders.video); !video) return video.error();
    if (core::Status audio = state->openAudio(encoders.audio); !audio) return audio.error();
    state->packet = av_packet_alloc();
    if (!state->packet) return state->error("out of memory");

    if (const int opened = avio_open(&state->format->pb, desc.file.c_str(), AVIO_FLAG_WRITE); opened < 0)
        return state->error("cannot write the video here: " + ffmpegMessage(opened));
    state->fileOpen = true;
    AVDictionary* options = nullptr;
    // The index goes to the front of an MP4, so a browser plays it while it downloads.
    if (container == Container::Mp4) av_dict_set(&options, "movflags", "+faststart", 0);
    const int header = avformat_write_header(state->format, &options);
    av_dict_free(&options);
    if (header < 0) return state->error("cannot write the header: " + ffmpegMessage(header));
    return std::unique_ptr<FfmpegEncoder>(new FfmpegEncoder(std::move(state)));
}

FfmpegEncoder::FfmpegEncoder(std::unique_ptr<State> state) : state_(std::move(state)) {}

FfmpegEncoder::~FfmpegEncoder() = default;

core::Status FfmpegEncoder::addFrame(const core::Image& frame)
{
    State& s = *state_;
    assert(!s.finished);
    if (frame.width != s.desc.widthPx || frame.height != s.desc.heightPx)
        return s.error("a frame of " + std::to_string(frame.width) + "x" + std::to_string(frame.height) + " in a video of " +
                       std::to_string(s.desc.widthPx) + "x" + std::to_string(s.desc.heightPx));
    if (const int writable = av_frame_make_writable(s.picture); writable < 0) return s.error("out of memory: " + ffmpegMessage(writable));
    const std::uint8_t* rows[1] = {frame.rgba.data()};
    const int strides[1] = {frame.width * 4};
    sws_scale(s.toYuv, rows, strides, 0, frame.height, s.picture->data, s.picture->linesize);
    s.picture->pts = s.videoPts++;
    return s.encode(s.video, s.videoStream, s.picture);
}

core::Status FfmpegEncoder::addAudio(std::span<const float> samples)
{
    State& s = *state_;
    assert(!s.finished);
    s.pendingSamples.insert(s.pendingSamples.end(), samples.begin(), samples.end());
    const int frameSamples = s.frameSamples;
    std::size_t used = 0;
    while (s.pendingSamples.size() - used >= std::size_t(frameSamples)) {
        if (core::Status encoded = s.encodeSamples(s.pendingSamples.data() + used, frameSamples); !encoded) return encoded;
        used += std::size_t(frameSamples);
    }
    s.pendingSamples.erase(s.pendingSamples.begin(), s.pendingSamples.begin() + std::ptrdiff_t(used));
    return {};
}

core::Status FfmpegEncoder::finish()
{
    State& s = *state_;
    assert(!s.finished);
    if (!s.pendingSamples.empty()) {
        // The last, short frame: padded with silence where the encoder wants whole frames.
        const bool variable = s.audio->codec->capabilities & AV_CODEC_CAP_VARIABLE_FRAME_SIZE;
        if (!variable) s.pendingSamples.resize(std::size_t(s.frameSamples), 0.0f);
        if (core::Status encoded = s.encodeSamples(s.pendingSamples.data(), int(s.pendingSamples.size())); !encoded) return encoded;
        s.pendingSamples.clear();
    }
    if (core::Status flushed = s.encode(s.video, s.videoStream, nullptr); !flushed) return flushed;
    if (core::Status flushed = s.encode(s.audio, s.audioStream, nullptr); !flushed) return flushed;
    if (const int trailer = av_write_trailer(s.format); trailer < 0) return s.error("cannot finish the file: " + ffmpegMessage(trailer));
    if (const int closed = avio_closep(&s.format->pb); closed < 0) return s.error("cannot close the file: " + ffmpegMessage(closed));
    s.fileOpen = false;
    s.finished = true;
    return {};
}

std::int64_t FfmpegEncoder::framesWritten() const
{
    return state_->videoPts;
}

std::string FfmpegEncoder::codecNames() const
{
    return std::string(state_->video->codec->name) + " + " + state_->audio->codec->name;
}

} // namespace media

// The module's entry point (encoder.h): found with dlsym by VideoWriter::open.
extern "C" __attribute__((visibility("default"))) media::Encoder* ht_media_open_encoder(const media::VideoDesc* desc,
                                                                                         media::Container container,
                                                                                         core::Error* error)
{
    auto encoder = media::FfmpegEncoder::open(*desc, container);
    if (!encoder) {
        *error = encoder.error();
        return nullptr;
    }
    return encoder->release();
}
