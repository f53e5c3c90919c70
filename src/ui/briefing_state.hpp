// The briefing part of AppState: the loaded briefing, the slide being edited or shown,
// presentation mode, and the export dialog's settings. Panels raise requests (load, save, export,
// screenshot) that the app loop fulfils, since the UI does no file I/O itself.
#pragma once
#include "core/annotation.hpp"
#include "core/briefing.hpp"

#include <optional>
#include <string>

namespace sitmap::ui {

struct ExportSettings {
    int width = 3840;
    int height = 2160;
    float scale = 0;  ///< 0 = automatic (grows with the image)
    std::string title;
    std::string subtitle;
    bool legend = true;
    bool north_arrow = true;
    bool locator = true;
    bool world_file = false;
    bool reviewed_only = false;              ///< only events accepted in review (rejected ones are never drawn)
    std::string path = "sitmap-export.png";  ///< .png or .tif (GeoTIFF)
};

/// The export dialog's video: a date range at a step, or the loaded briefing as F5 plays it.
struct VideoExportSettings {
    bool briefing = false;            ///< the briefing's slides, transitions and captions instead of a range
    int width = 1920, height = 1080;  ///< an odd side is padded by one pixel in an MP4
    std::string from = "2020-09-27", to = "2020-11-10";  ///< YYYY-MM-DD, inclusive
    std::string step = "1d";                             ///< Nd, Nw or Nm
    int fps = 10;
    float hold = 3;                         ///< seconds each slide is held (briefing)
    std::string path = "sitmap-video.mp4";  ///< .mp4 (H.264) or .gif
};

/// A video being written, as the app loop reports it to the dialog.
struct VideoExportProgress {
    bool running = false;
    int done = 0, total = 0;
    double seconds = 0;  ///< since it started
};

struct BriefingUiState {
    core::Briefing briefing;
    std::string path;  ///< file it was loaded from / is saved to
    int current = -1;  ///< slide shown or being edited (-1 = none)
    bool show_panel = false;
    bool presenting = false;  ///< full screen, panels hidden, arrows step slides
    bool dirty = false;
    // The presenter's hint bar ("3 / 14 <- -> slides Esc ends") shows on a new slide or when the
    // mouse moves, then leaves the audience's view after kHintSeconds.
    int hint_slide = -1;
    double hint_since = 0;   ///< ImGui time it was last shown anew
    bool hint_hides = true;  ///< false for scripted runs: their frames must not depend on timing

    // requests for the app loop
    bool load_requested = false;
    bool save_requested = false;
    bool add_slide_requested = false;
    bool update_view_requested = false;  ///< replace the current slide's view with the map's
    std::optional<int> go_to;            ///< show this slide (with a transition)

    bool show_export = false;
    ExportSettings export_settings;
    bool export_requested = false;
    bool export_video = false;  ///< the dialog shows the video settings
    VideoExportSettings video;
    bool video_requested = false;         ///< start writing the video
    bool video_cancel_requested = false;  ///< stop it and remove the partial file
    VideoExportProgress video_progress;
    bool screenshot_requested = false;
    std::string message;

    // The slide editor's annotation mode (ui/slide_editor, app/annotation_editor).
    bool annotate = false;                           ///< the map shows the slide's annotations; clicks edit them
    std::optional<core::AnnotationKind> add_kind;    ///< the next click on the map adds one of these
    std::optional<std::size_t> selected_annotation;  ///< in the current slide's annotations
    bool annotation_drag = false;                    ///< an annotation (or one of its points) is being dragged
    bool show_notes = true;                          ///< the presenter notes panel during F5 (N)
};

}  // namespace sitmap::ui
