#include "io/video.hpp"

#include "core/error.hpp"
#include "io/atomic_file.hpp"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <numeric>
#include <string>

namespace sitmap::io {

namespace fs = std::filesystem;

namespace {

// ---- RAII for the FFmpeg objects ----
struct OutputFormatDeleter {
    void operator()(AVFormatContext* c) const {
        if (c->pb && !(c->oformat->flags & AVFMT_NOFILE)) avio_closep(&c->pb);
        avformat_free_context(c);
    }
};
struct InputFormatDeleter {
    void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct CodecDeleter {
    void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameDeleter {
    void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
    void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsDeleter {
    void operator()(SwsContext* s) const { sws_freeContext(s); }
};
using OutputFormatPtr = std::unique_ptr<AVFormatContext, OutputFormatDeleter>;
using InputFormatPtr = std::unique_ptr<AVFormatContext, InputFormatDeleter>;
using CodecPtr = std::unique_ptr<AVCodecContext, CodecDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;

/// FFmpeg's own log (libx264's settings, the muxer's second pass) stays quiet: sitmap reports
/// what happened itself, and every failure becomes an exception naming the file and the step.
void quiet_ffmpeg_log() {
    av_log_set_level(AV_LOG_FATAL);
}

std::string av_error_text(int code) {
    std::array<char, AV_ERROR_MAX_STRING_SIZE> buf{};
    av_strerror(code, buf.data(), buf.size());
    return buf.data();
}

/// Throws "path: step (FFmpeg's reason)" when `ret` is an FFmpeg error code.
int check(int ret, const fs::path& path, std::string_view step) {
    if (ret < 0) throw fmt_error("{}: {} ({})", path.string(), step, av_error_text(ret));
    return ret;
}
template <typename T>
T* check_ptr(T* p, const fs::path& path, std::string_view step) {
    if (!p) throw fmt_error("{}: {} (out of memory)", path.string(), step);
    return p;
}

FramePtr alloc_frame(int width, int height, AVPixelFormat format, const fs::path& path) {
    FramePtr f(check_ptr(av_frame_alloc(), path, "cannot allocate a video frame"));
    f->format = format;
    f->width = width;
    f->height = height;
    check(av_frame_get_buffer(f.get(), 0), path, "cannot allocate a video frame");
    return f;
}

std::string lower_extension(const fs::path& path) {
    std::string ext = path.extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// ---- GIF palettes ----
// A GIF frame has at most 256 colours. Colours are binned to 5 bits per channel and the occupied
// bins split by median cut (the box with the largest squared extent times pixel count is halved
// at its weighted median along its longest axis) into at most 256 boxes, each the mean colour of
// its pixels. A map's flat fills each keep an exact colour; gradients (relief) are spread over the
// rest. One palette per frame: a marker appearing later gets its own colour.
struct Palette {
    std::array<std::uint32_t, 256> argb{};  ///< FFmpeg's PAL8 layout: 0xAARRGGBB
    std::array<std::array<int, 3>, 256> rgb{};
    int size = 0;
};

int bin_of(const std::uint8_t* p) {
    return (p[0] >> 3) << 10 | (p[1] >> 3) << 5 | (p[2] >> 3);
}
int bin_channel(int bin, int c) {
    return (bin >> (10 - 5 * c)) & 31;
}

struct ColourBox {
    std::vector<int> bins;  ///< occupied bins in the box
    std::uint64_t pixels = 0;
    int axis = 0, extent = 0;  ///< longest channel and its range in bins
    double score() const { return bins.size() < 2 ? -1 : double(extent) * extent * double(pixels); }
};

ColourBox make_box(std::vector<int> bins, const std::vector<std::uint64_t>& count) {
    ColourBox b;
    b.bins = std::move(bins);
    std::array<int, 3> lo{31, 31, 31}, hi{0, 0, 0};
    for (const int bin : b.bins) {
        b.pixels += count[static_cast<std::size_t>(bin)];
        for (int c = 0; c < 3; ++c) {
            lo[static_cast<std::size_t>(c)] = std::min(lo[static_cast<std::size_t>(c)], bin_channel(bin, c));
            hi[static_cast<std::size_t>(c)] = std::max(hi[static_cast<std::size_t>(c)], bin_channel(bin, c));
        }
    }
    for (int c = 0; c < 3; ++c) {
        const int e = hi[static_cast<std::size_t>(c)] - lo[static_cast<std::size_t>(c)];
        if (e > b.extent) b.extent = e, b.axis = c;
    }
    return b;
}

Palette build_palette(const std::vector<std::uint8_t>& rgba) {
    constexpr int kBins = 1 << 15;
    std::vector<std::uint64_t> count(kBins);
    std::vector<std::array<std::uint64_t, 3>> sum(kBins);
    for (std::size_t i = 0; i + 3 < rgba.size(); i += 4) {
        const auto b = static_cast<std::size_t>(bin_of(&rgba[i]));
        ++count[b];
        for (std::size_t c = 0; c < 3; ++c) sum[b][c] += rgba[i + c];
    }
    std::vector<int> occupied;
    for (int b = 0; b < kBins; ++b)
        if (count[static_cast<std::size_t>(b)] > 0) occupied.push_back(b);
    std::vector<ColourBox> boxes;
    boxes.push_back(make_box(std::move(occupied), count));
    while (boxes.size() < 256) {
        const auto it = std::max_element(boxes.begin(), boxes.end(),
                                         [](const ColourBox& a, const ColourBox& b) { return a.score() < b.score(); });
        if (it->score() < 0) break;  // every box is one bin
        ColourBox box = std::move(*it);
        boxes.erase(it);
        const int axis = box.axis;
        std::sort(box.bins.begin(), box.bins.end(),
                  [axis](int a, int b) { return bin_channel(a, axis) < bin_channel(b, axis); });
        // The weighted median, but never an empty half.
        std::uint64_t acc = 0;
        std::size_t cut = 1;
        for (; cut < box.bins.size() - 1; ++cut) {
            acc += count[static_cast<std::size_t>(box.bins[cut - 1])];
            if (acc * 2 >= box.pixels) break;
        }
        std::vector<int> left(box.bins.begin(), box.bins.begin() + static_cast<std::ptrdiff_t>(cut));
        std::vector<int> right(box.bins.begin() + static_cast<std::ptrdiff_t>(cut), box.bins.end());
        boxes.push_back(make_box(std::move(left), count));
        boxes.push_back(make_box(std::move(right), count));
    }
    Palette pal;
    for (const auto& box : boxes) {
        if (box.pixels == 0) continue;
        std::array<std::uint64_t, 3> s{};
        for (const int bin : box.bins)
            for (std::size_t c = 0; c < 3; ++c) s[c] += sum[static_cast<std::size_t>(bin)][c];
        auto& rgb = pal.rgb[static_cast<std::size_t>(pal.size)];
        for (std::size_t c = 0; c < 3; ++c) rgb[c] = static_cast<int>((s[c] + box.pixels / 2) / box.pixels);
        pal.argb[static_cast<std::size_t>(pal.size)] = 0xff000000u | static_cast<std::uint32_t>(rgb[0]) << 16 |
                                                       static_cast<std::uint32_t>(rgb[1]) << 8 |
                                                       static_cast<std::uint32_t>(rgb[2]);
        ++pal.size;
    }
    return pal;
}

/// Palette indices of `rgba` (width x height) into `out` (rows `linesize` apart).
void map_to_palette(const std::vector<std::uint8_t>& rgba, int width, int height, const Palette& pal, std::uint8_t* out,
                    int linesize) {
    std::vector<std::int16_t> nearest(1 << 15, -1);  // per 5-bit bin: the closest entry to its centre
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            const std::uint8_t* p =
                &rgba[(static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)) *
                      4];
            auto& slot = nearest[static_cast<std::size_t>(bin_of(p))];
            if (slot < 0) {
                int best = 0, best_d = 1 << 30;
                for (int i = 0; i < pal.size; ++i) {
                    const auto& c = pal.rgb[static_cast<std::size_t>(i)];
                    const int dr = c[0] - p[0], dg = c[1] - p[1], db = c[2] - p[2];
                    const int d = 2 * dr * dr + 4 * dg * dg + 3 * db * db;
                    if (d < best_d) best_d = d, best = i;
                }
                slot = static_cast<std::int16_t>(best);
            }
            out[static_cast<std::size_t>(y) * static_cast<std::size_t>(linesize) + static_cast<std::size_t>(x)] =
                static_cast<std::uint8_t>(slot);
        }
    }
}

}  // namespace

bool is_video_path(const fs::path& path) {
    const std::string ext = lower_extension(path);
    return ext == ".mp4" || ext == ".gif";
}

VideoFormat video_format_for(const fs::path& path) {
    const std::string ext = lower_extension(path);
    if (ext == ".mp4") return VideoFormat::Mp4;
    if (ext == ".gif") return VideoFormat::Gif;
    throw usage_error("{}: unknown video format '{}' (expected .mp4 or .gif)", path.string(), ext);
}

VideoSize encoded_size(VideoFormat format, int width, int height) {
    if (format == VideoFormat::Gif) return {width, height};
    return {width + (width & 1), height + (height & 1)};
}

// ---- writer ----

struct VideoWriter::Impl {
    fs::path path, target, tmp;
    VideoFormat format = VideoFormat::Mp4;
    int width = 0, height = 0, fps = 0;
    VideoSize size;
    OutputFormatPtr container;
    CodecPtr codec;
    AVStream* stream = nullptr;  // owned by container
    FramePtr frame;
    PacketPtr packet;
    SwsPtr sws;
    std::vector<std::uint8_t> staging;  // the frame padded to the encoded size
    int frames = 0;
    bool header_written = false;
    bool finished = false;

    void open();
    void open_encoder();
    void convert(const RgbaImage& image);
    void send(AVFrame* f);
    void discard() noexcept {
        // The trailer releases packets the muxer still holds (the GIF muxer keeps the last one
        // until then); what it writes is removed with the file.
        if (container && header_written) av_write_trailer(container.get());
        codec.reset();
        container.reset();  // closes the file
        std::error_code ec;
        fs::remove(tmp, ec);
    }
};

void VideoWriter::Impl::open_encoder() {
    const AVCodec* encoder = nullptr;
    if (format == VideoFormat::Mp4) {
        encoder = avcodec_find_encoder_by_name("libx264");
        if (!encoder) encoder = avcodec_find_encoder(AV_CODEC_ID_H264);
        if (!encoder)
            throw fmt_error("{}: this libavcodec has no H.264 encoder (Debian's libavcodec59 comes with libx264)",
                            path.string());
    } else {
        encoder = avcodec_find_encoder(AV_CODEC_ID_GIF);
        if (!encoder) throw fmt_error("{}: this libavcodec has no GIF encoder", path.string());
    }
    const char* what = format == VideoFormat::Mp4 ? "H.264" : "GIF";
    codec.reset(check_ptr(avcodec_alloc_context3(encoder), path, "cannot allocate the encoder"));
    AVCodecContext* c = codec.get();
    c->width = size.width;
    c->height = size.height;
    c->time_base = AVRational{1, fps};
    c->framerate = AVRational{fps, 1};
    AVDictionary* options = nullptr;
    if (format == VideoFormat::Mp4) {
        c->pix_fmt = AV_PIX_FMT_YUV420P;
        c->gop_size = 2 * fps;
        c->max_b_frames = 2;
        c->color_range = AVCOL_RANGE_MPEG;
        c->colorspace = AVCOL_SPC_BT709;
        c->color_primaries = AVCOL_PRI_BT709;
        c->color_trc = AVCOL_TRC_BT709;
        av_dict_set(&options, "preset", "fast", 0);
        av_dict_set(&options, "crf", "18", 0);          // visually lossless for flat map colours
        av_dict_set(&options, "tune", "animation", 0);  // flat areas, sharp edges
    } else {
        c->pix_fmt = AV_PIX_FMT_PAL8;
    }
    if (container->oformat->flags & AVFMT_GLOBALHEADER) c->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
    const int ret = avcodec_open2(c, encoder, &options);
    av_dict_free(&options);
    check(ret, path, fmt::format("cannot open the {} encoder ({})", what, encoder->name));
}

void VideoWriter::Impl::open() {
    quiet_ffmpeg_log();
    if (width < 2 || height < 2 || width > 16384 || height > 16384)
        throw usage_error("{}: cannot encode {}x{} frames (each side must be 2..16384)", path.string(), width, height);
    if (fps < 1 || fps > 60) throw usage_error("{}: invalid frame rate {} (expected 1..60)", path.string(), fps);
    format = video_format_for(path);
    size = encoded_size(format, width, height);
    target = replaceable_target(path, "video");
    tmp = target;
    tmp += ".part";
    const char* muxer = format == VideoFormat::Mp4 ? "mp4" : "gif";
    AVFormatContext* raw = nullptr;
    check(avformat_alloc_output_context2(&raw, nullptr, muxer, tmp.c_str()), path,
          fmt::format("cannot set up the {} container", muxer));
    container.reset(raw);
    open_encoder();
    stream = check_ptr(avformat_new_stream(container.get(), nullptr), path, "cannot add the video stream");
    check(avcodec_parameters_from_context(stream->codecpar, codec.get()), path, "cannot describe the video stream");
    stream->time_base = codec->time_base;
    stream->avg_frame_rate = AVRational{fps, 1};
    check(avio_open(&container->pb, tmp.c_str(), AVIO_FLAG_WRITE), path,
          fmt::format("cannot create {}", tmp.filename().string()));
    AVDictionary* mux = nullptr;
    if (format == VideoFormat::Mp4) av_dict_set(&mux, "movflags", "+faststart", 0);  // index first: plays while loading
    const int ret = avformat_write_header(container.get(), &mux);
    av_dict_free(&mux);
    check(ret, path, "cannot write the file header");
    header_written = true;
    frame = alloc_frame(size.width, size.height, codec->pix_fmt, path);
    if (format == VideoFormat::Gif && !frame->data[1])
        throw fmt_error("{}: cannot allocate the GIF palette", path.string());
    packet.reset(check_ptr(av_packet_alloc(), path, "cannot allocate a packet"));
    if (format == VideoFormat::Mp4) {
        sws.reset(sws_getContext(size.width, size.height, AV_PIX_FMT_RGBA, size.width, size.height, AV_PIX_FMT_YUV420P,
                                 SWS_BICUBIC | SWS_ACCURATE_RND, nullptr, nullptr, nullptr));
        if (!sws) throw fmt_error("{}: cannot set up the RGBA to YUV 4:2:0 conversion (libswscale)", path.string());
        // BT.709, limited range, as the stream is tagged.
        const int* rgb = sws_getCoefficients(SWS_CS_DEFAULT);
        const int* yuv = sws_getCoefficients(SWS_CS_ITU709);
        sws_setColorspaceDetails(sws.get(), rgb, 1, yuv, 0, 0, 1 << 16, 1 << 16);
    }
    staging.resize(static_cast<std::size_t>(size.width) * static_cast<std::size_t>(size.height) * 4);
}

void VideoWriter::Impl::convert(const RgbaImage& image) {
    // Pad an odd side by repeating the last column / row (MP4 only; a GIF has the image's size).
    const auto W = static_cast<std::size_t>(size.width), w = static_cast<std::size_t>(width);
    for (int y = 0; y < size.height; ++y) {
        const std::uint8_t* src = image.at(0, std::min(y, height - 1));
        std::uint8_t* dst = staging.data() + static_cast<std::size_t>(y) * W * 4;
        std::memcpy(dst, src, w * 4);
        for (std::size_t x = w; x < W; ++x) std::memcpy(dst + x * 4, src + (w - 1) * 4, 4);
    }
    check(av_frame_make_writable(frame.get()), path, "cannot reuse the video frame");
    if (format == VideoFormat::Mp4) {
        const std::uint8_t* src[1] = {staging.data()};
        const int stride[1] = {size.width * 4};
        sws_scale(sws.get(), src, stride, 0, size.height, frame->data, frame->linesize);
    } else {
        const Palette pal = build_palette(staging);
        map_to_palette(staging, size.width, size.height, pal, frame->data[0], frame->linesize[0]);
        std::memcpy(frame->data[1], pal.argb.data(), sizeof pal.argb);
    }
}

void VideoWriter::Impl::send(AVFrame* f) {
    check(avcodec_send_frame(codec.get(), f), path, f ? "cannot encode a frame" : "cannot flush the encoder");
    for (;;) {
        const int ret = avcodec_receive_packet(codec.get(), packet.get());
        if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF) return;
        check(ret, path, "cannot encode a frame");
        av_packet_rescale_ts(packet.get(), codec->time_base, stream->time_base);
        packet->stream_index = stream->index;
        check(av_interleaved_write_frame(container.get(), packet.get()), path, "cannot write a frame");
    }
}

VideoWriter::VideoWriter(const fs::path& path, int width, int height, int fps) : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    impl_->width = width;
    impl_->height = height;
    impl_->fps = fps;
    try {
        impl_->open();
    } catch (...) {
        impl_->discard();
        throw;
    }
}

VideoWriter::~VideoWriter() {
    if (impl_ && !impl_->finished) impl_->discard();
}

void VideoWriter::add_frame(const RgbaImage& image) {
    auto& m = *impl_;
    if (m.finished) throw fmt_error("{}: frame added after the video was finished", m.path.string());
    if (image.width != m.width || image.height != m.height ||
        image.pixels.size() != static_cast<std::size_t>(m.width) * static_cast<std::size_t>(m.height) * 4)
        throw fmt_error("{}: frame {} is {}x{}, the video is {}x{}", m.path.string(), m.frames + 1, image.width,
                        image.height, m.width, m.height);
    m.convert(image);
    m.frame->pts = m.frames;
    m.send(m.frame.get());
    ++m.frames;
}

void VideoWriter::finish() {
    auto& m = *impl_;
    if (m.finished) return;
    if (m.frames == 0) throw fmt_error("{}: no frames to write", m.path.string());
    m.send(nullptr);
    check(av_write_trailer(m.container.get()), m.path, "cannot write the file index");
    check(avio_closep(&m.container->pb), m.path, "cannot close the file");
    m.container.reset();
    m.codec.reset();
    replace_durably(m.tmp, m.target, m.path, "video");
    m.finished = true;
}

int VideoWriter::frames() const {
    return impl_->frames;
}
VideoFormat VideoWriter::format() const {
    return impl_->format;
}
VideoSize VideoWriter::size() const {
    return impl_->size;
}

// ---- reader ----

namespace {

struct Decoder {
    fs::path path;
    InputFormatPtr input;
    CodecPtr codec;
    int stream = -1;
    FramePtr frame;
    PacketPtr packet;
    SwsPtr sws;
    int sws_format = -1, sws_w = 0, sws_h = 0;

    RgbaImage to_rgba(const AVFrame& f) {
        if (!sws || sws_format != f.format || sws_w != f.width || sws_h != f.height) {
            sws.reset(sws_getContext(f.width, f.height, static_cast<AVPixelFormat>(f.format), f.width, f.height,
                                     AV_PIX_FMT_RGBA, SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, nullptr,
                                     nullptr, nullptr));
            if (!sws) throw fmt_error("{}: cannot convert decoded frames to RGBA (libswscale)", path.string());
            const int space = f.colorspace == AVCOL_SPC_BT709 ? SWS_CS_ITU709 : SWS_CS_DEFAULT;
            sws_setColorspaceDetails(sws.get(), sws_getCoefficients(space), f.color_range == AVCOL_RANGE_JPEG,
                                     sws_getCoefficients(SWS_CS_DEFAULT), 1, 0, 1 << 16, 1 << 16);
            sws_format = f.format, sws_w = f.width, sws_h = f.height;
        }
        RgbaImage image{f.width, f.height, {}};
        image.pixels.resize(static_cast<std::size_t>(f.width) * static_cast<std::size_t>(f.height) * 4);
        std::uint8_t* dst[1] = {image.pixels.data()};
        const int stride[1] = {f.width * 4};
        sws_scale(sws.get(), f.data, f.linesize, 0, f.height, dst, stride);
        return image;
    }
};

}  // namespace

DecodedVideo read_video(const fs::path& path, int max_frames) {
    quiet_ffmpeg_log();
    Decoder d{.path = path};
    AVFormatContext* raw = nullptr;
    check(avformat_open_input(&raw, path.c_str(), nullptr, nullptr), path, "cannot open the video");
    d.input.reset(raw);
    check(avformat_find_stream_info(raw, nullptr), path, "cannot read the stream information");
    const AVCodec* decoder = nullptr;
    d.stream = check(av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, &decoder, 0), path, "no video stream");
    const AVStream* st = raw->streams[d.stream];
    d.codec.reset(check_ptr(avcodec_alloc_context3(decoder), path, "cannot allocate the decoder"));
    check(avcodec_parameters_to_context(d.codec.get(), st->codecpar), path, "cannot set up the decoder");
    check(avcodec_open2(d.codec.get(), decoder, nullptr), path,
          fmt::format("cannot open the {} decoder", decoder->name));
    d.frame.reset(check_ptr(av_frame_alloc(), path, "cannot allocate a frame"));
    d.packet.reset(check_ptr(av_packet_alloc(), path, "cannot allocate a packet"));

    DecodedVideo out;
    out.width = d.codec->width;
    out.height = d.codec->height;
    out.fps = st->avg_frame_rate.den ? av_q2d(st->avg_frame_rate) : 0;
    auto full = [&] { return max_frames > 0 && static_cast<int>(out.frames.size()) >= max_frames; };
    auto drain = [&] {
        for (;;) {
            const int ret = avcodec_receive_frame(d.codec.get(), d.frame.get());
            if (ret == AVERROR(EAGAIN) || ret == AVERROR_EOF) return;
            check(ret, path, fmt::format("cannot decode frame {}", out.frames.size() + 1));
            if (!full()) {
                out.frames.push_back(d.to_rgba(*d.frame));
                out.seconds.push_back(static_cast<double>(d.frame->best_effort_timestamp) * av_q2d(st->time_base));
            }
            av_frame_unref(d.frame.get());
        }
    };
    while (!full()) {
        const int ret = av_read_frame(raw, d.packet.get());
        if (ret == AVERROR_EOF) break;
        check(ret, path, "cannot read a packet");
        if (d.packet->stream_index == d.stream) {
            const int sent = avcodec_send_packet(d.codec.get(), d.packet.get());
            av_packet_unref(d.packet.get());
            check(sent, path, fmt::format("cannot decode frame {}", out.frames.size() + 1));
            drain();
        } else {
            av_packet_unref(d.packet.get());
        }
    }
    check(avcodec_send_packet(d.codec.get(), nullptr), path, "cannot flush the decoder");
    drain();
    return out;
}

}  // namespace sitmap::io
