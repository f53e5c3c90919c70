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

struct BriefingUiState {
    core::Briefing briefing;
    std::string path;  ///< file it was loaded from / is saved to
    int current = -1;  ///< slide shown or being edited (-1 = none)
    bool show_panel = false;
    bool presenting = false;  ///< full screen, panels hidden, arrows step slides
    bool dirty = false;

    // requests for the app loop
    bool load_requested = false;
    bool save_requested = false;
    bool add_slide_requested = false;
    bool update_view_requested = false;  ///< replace the current slide's view with the map's
    std::optional<int> go_to;            ///< show this slide (with a transition)

    bool show_export = false;
    ExportSettings export_settings;
    bool export_requested = false;
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
