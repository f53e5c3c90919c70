// Video files through Debian's FFmpeg libraries (libavformat, libavcodec, libswscale, libavutil),
// in process: an MP4 (H.264, yuv420p) or an animated GIF written frame by frame, and a reader
// that decodes either back to RGBA (tests, checking an export by eye). The only module that
// includes FFmpeg headers; core and render never see them. Pixels are RGBA8, top row first.
#pragma once
#include "io/image.hpp"

#include <filesystem>
#include <memory>
#include <vector>

namespace sitmap::io {

enum class VideoFormat { Mp4, Gif };

/// True when `path` ends in .mp4 or .gif (any case).
bool is_video_path(const std::filesystem::path& path);
/// The format for `path`; throws sitmap::UsageError naming the path for any other extension.
VideoFormat video_format_for(const std::filesystem::path& path);

/// The size a frame of `width` x `height` is encoded at: H.264 in yuv420p needs even sides, so an
/// MP4 adds one column or row (a copy of the last) to an odd side; a GIF keeps the size.
struct VideoSize {
    int width = 0, height = 0;
};
VideoSize encoded_size(VideoFormat format, int width, int height);

/// Writes an MP4 or a GIF (by the extension of `path`) frame by frame. The file is written to
/// `path.part` and renamed over `path` by finish(); destroying the writer before finish() (an
/// error, a cancelled export) removes the partial file and leaves any previous `path` as it was.
/// Every failure throws sitmap::Error naming the file and the failing step ("war.mp4: cannot open
/// the H.264 encoder (libx264): ...").
class VideoWriter {
public:
    /// Frames are `width` x `height` (2..16384), shown `fps` (1..60) per second.
    VideoWriter(const std::filesystem::path& path, int width, int height, int fps);
    ~VideoWriter();
    VideoWriter(const VideoWriter&) = delete;
    VideoWriter& operator=(const VideoWriter&) = delete;

    /// Encodes one frame; it must be width x height.
    void add_frame(const RgbaImage& frame);
    /// Flushes the encoder, writes the container's index and renames the file into place.
    /// At least one frame must have been added.
    void finish();

    int frames() const;
    VideoFormat format() const;
    VideoSize size() const;  ///< as encoded (encoded_size)

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

/// What a video file holds, as decoded.
struct DecodedVideo {
    int width = 0, height = 0;
    double fps = 0;                 ///< the stream's average frame rate
    std::vector<RgbaImage> frames;  ///< every frame (or the first `max_frames`), in order
    std::vector<double> seconds;    ///< each frame's presentation time
};

/// Decodes every frame of `path` (any format FFmpeg reads) to RGBA, at most `max_frames` of them
/// (0 = all). Throws sitmap::Error naming the file and the failing step.
DecodedVideo read_video(const std::filesystem::path& path, int max_frames = 0);

}  // namespace sitmap::io
