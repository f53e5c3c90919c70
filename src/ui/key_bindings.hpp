// Every keyboard shortcut of the window in one table: the code that handles a key asks
// pressed(Action), and the F1 help lists the same table, so the two cannot disagree.
// Part of sitmap_ui: ImGui for reading keys; no GL calls, no map drawing.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace sitmap::ui {

enum class Action {
    // Map
    PanLeft,
    PanRight,
    PanUp,
    PanDown,
    ZoomIn,
    ZoomOut,
    HomeView,
    ToggleLayers,
    FindPlace,
    OpenFile,
    CompareView,
    MeasureTool,
    Quit,
    // Time
    NextChange,
    PreviousChange,
    PlayPause,
    DayForward,
    DayBack,
    NextEvent,
    PreviousEvent,
    // Events and corrections
    ToggleList,
    ToggleHelp,
    AddMode,
    ClearSelection,
    DeleteEvent,
    Undo,
    Redo,
    Save,
    SaveAs,
    // Briefings and output
    BriefingPanel,
    Present,
    ExportDialog,
    Screenshot,
    // Presenting (F5)
    SlideNext,
    SlidePrevious,
    SlideFirst,
    SlideLast,
    EndPresentation,
    PresenterNotes,
    DeleteAnnotation,
    // Review (R)
    Review,
    ReviewAccept,
    ReviewReject,
    ReviewUnreview,
    ReviewPlace,
    ReviewDate,
    ReviewNext,
    ReviewPrevious,
    ReviewClose,
    ReviewPickDown,
    ReviewPickUp,
    // Find a place (Ctrl+F)
    FindPickDown,
    FindPickUp,
    FindClose,
};

/// Which modifiers a key needs: Plain = neither Ctrl nor Shift; Any = whatever is held.
enum class Mods { Plain, Any, Ctrl, CtrlShift, Shift };

struct KeyChord {
    int key = 0;  ///< GLFW_KEY_* (ImGui 1.86 indexes keys by the backend's codes)
    Mods mods = Mods::Plain;
};

struct KeyBinding {
    Action action;
    std::vector<KeyChord> keys;
    const char* section;  ///< heading in the help ("Map", "Time", ...)
    const char* what;     ///< what it does, as the help says it
    bool repeat = true;   ///< held down, the key repeats
};

/// The table, in the help's order.
std::span<const KeyBinding> key_bindings();
/// The binding of `a` (every Action has one).
const KeyBinding& binding(Action a);
/// "Ctrl+E", "PageDown", "]": how the help writes a chord.
std::string chord_name(const KeyChord& c);
/// Every chord of `a`, joined by " / ".
std::string keys_text(Action a);
/// True when one of `a`'s chords was pressed this frame (with its modifiers).
bool pressed(Action a);

}  // namespace sitmap::ui
