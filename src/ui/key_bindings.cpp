#include "ui/key_bindings.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>

namespace sitmap::ui {

namespace {

using A = Action;
using M = Mods;

const std::vector<KeyBinding>& table() {
    static const std::vector<KeyBinding> t = {
        {A::PanLeft, {{GLFW_KEY_LEFT}}, "Map", "pan left"},
        {A::PanRight, {{GLFW_KEY_RIGHT}}, "Map", "pan right"},
        {A::PanUp, {{GLFW_KEY_UP}}, "Map", "pan up"},
        {A::PanDown, {{GLFW_KEY_DOWN}}, "Map", "pan down"},
        {A::ZoomIn, {{GLFW_KEY_EQUAL, M::Any}, {GLFW_KEY_KP_ADD, M::Any}}, "Map", "zoom in"},
        {A::ZoomOut, {{GLFW_KEY_MINUS, M::Any}, {GLFW_KEY_KP_SUBTRACT, M::Any}}, "Map", "zoom out"},
        {A::HomeView, {{GLFW_KEY_HOME, M::Any}}, "Map", "back to the view the window started on"},
        {A::ToggleLayers, {{GLFW_KEY_L}}, "Map", "layers panel"},
        {A::FindPlace, {{GLFW_KEY_F, M::Ctrl}}, "Map", "find a place by any of its names and fly there"},
        {A::OpenFile, {{GLFW_KEY_O, M::Ctrl}}, "Map", "open documents, an events file or a briefing"},
        {A::CompareView,
         {{GLFW_KEY_C}},
         "Map",
         "before/after: a pinned date left of a divider, the slider's right",
         false},
        {A::MeasureTool, {{GLFW_KEY_M}}, "Map", "measure: click points for km; Esc or right click ends", false},
        {A::Quit, {{GLFW_KEY_Q, M::Ctrl}}, "Map", "quit (asks when corrections are unsaved)"},
        {A::NextChange, {{GLFW_KEY_PAGE_DOWN, M::Any}, {GLFW_KEY_RIGHT_BRACKET}}, "Time", "next change of control"},
        {A::PreviousChange,
         {{GLFW_KEY_PAGE_UP, M::Any}, {GLFW_KEY_LEFT_BRACKET}},
         "Time",
         "previous change of control"},
        {A::PlayPause, {{GLFW_KEY_SPACE}}, "Time", "play / pause (loops when Loop is on)"},
        {A::DayForward, {{GLFW_KEY_RIGHT, M::Shift}}, "Time", "one day later"},
        {A::DayBack, {{GLFW_KEY_LEFT, M::Shift}}, "Time", "one day earlier"},
        {A::NextEvent, {{GLFW_KEY_PERIOD}}, "Time", "next event"},
        {A::PreviousEvent, {{GLFW_KEY_COMMA}}, "Time", "previous event"},
        {A::ToggleList, {{GLFW_KEY_E}}, "Events", "events list"},
        {A::ToggleHelp, {{GLFW_KEY_F1, M::Any}}, "Events", "this help"},
        {A::AddMode, {{GLFW_KEY_A}}, "Events", "add mode: the next click on the map adds an event"},
        {A::ClearSelection, {{GLFW_KEY_ESCAPE, M::Any}}, "Events", "clear the selection, leave add mode"},
        {A::DeleteEvent, {{GLFW_KEY_DELETE, M::Any}}, "Events", "delete the selected event (Restore in its panel)"},
        {A::Undo, {{GLFW_KEY_Z, M::Ctrl}}, "Events", "undo"},
        {A::Redo, {{GLFW_KEY_Y, M::Ctrl}, {GLFW_KEY_Z, M::CtrlShift}}, "Events", "redo"},
        {A::Save, {{GLFW_KEY_S, M::Ctrl}}, "Events", "save corrections and review decisions (GeoPackage, atomic)"},
        {A::SaveAs, {{GLFW_KEY_S, M::CtrlShift}}, "Events", "save corrections to another file (and journal there)"},
        {A::BriefingPanel, {{GLFW_KEY_B}}, "Briefing", "briefing panel (slides)"},
        {A::Present, {{GLFW_KEY_F5, M::Any}}, "Briefing", "present the briefing full screen"},
        {A::ExportDialog,
         {{GLFW_KEY_E, M::Ctrl}},
         "Briefing",
         "export an image (PNG / GeoTIFF, up to 8K) or a video (MP4 / GIF)"},
        {A::Screenshot, {{GLFW_KEY_F12, M::Any}}, "Briefing", "screenshot of the map as shown"},
        {A::SlideNext,
         {{GLFW_KEY_RIGHT, M::Any}, {GLFW_KEY_PAGE_DOWN, M::Any}, {GLFW_KEY_SPACE, M::Any}},
         "Presenting (F5)",
         "next slide"},
        {A::SlidePrevious, {{GLFW_KEY_LEFT, M::Any}, {GLFW_KEY_PAGE_UP, M::Any}}, "Presenting (F5)", "previous slide"},
        {A::SlideFirst, {{GLFW_KEY_HOME, M::Any}}, "Presenting (F5)", "first slide"},
        {A::SlideLast, {{GLFW_KEY_END, M::Any}}, "Presenting (F5)", "last slide"},
        {A::EndPresentation, {{GLFW_KEY_ESCAPE, M::Any}}, "Presenting (F5)", "end the presentation"},
        {A::PresenterNotes,
         {{GLFW_KEY_N}},
         "Presenting (F5)",
         "presenter notes window (the slide's notes, the next slide, the time; never on the map or in exports)",
         false},
        {A::DeleteAnnotation,
         {{GLFW_KEY_DELETE, M::Any}},
         "Briefing",
         "annotate mode: delete the selected annotation",
         false},
        {A::Review, {{GLFW_KEY_R}}, "Review (R)", "review mode: step through events, one key per decision", false},
        {A::ReviewAccept,
         {{GLFW_KEY_ENTER}, {GLFW_KEY_KP_ENTER}, {GLFW_KEY_Y}},
         "Review (R)",
         "accept the event",
         false},
        {A::ReviewReject,
         {{GLFW_KEY_X}, {GLFW_KEY_N}},
         "Review (R)",
         "reject it (never drawn, like a deleted one)",
         false},
        {A::ReviewUnreview, {{GLFW_KEY_U}}, "Review (R)", "back to not reviewed", false},
        {A::ReviewPlace, {{GLFW_KEY_P}}, "Review (R)", "fix the place (search the gazetteer, any language)", false},
        {A::ReviewDate, {{GLFW_KEY_D}}, "Review (R)", "fix the date (YYYY-MM-DD, YYYY-MM, YYYY or START..END)", false},
        {A::ReviewNext, {{GLFW_KEY_SPACE}, {GLFW_KEY_RIGHT}}, "Review (R)", "next event"},
        {A::ReviewPrevious, {{GLFW_KEY_LEFT}}, "Review (R)", "previous event"},
        {A::ReviewClose,
         {{GLFW_KEY_ESCAPE, M::Any}},
         "Review (R)",
         "close the place/date field, then leave review",
         false},
        {A::ReviewPickDown, {{GLFW_KEY_DOWN, M::Any}}, "Review (R)", "place search: next hit"},
        {A::ReviewPickUp, {{GLFW_KEY_UP, M::Any}}, "Review (R)", "place search: previous hit"},
        {A::FindPickDown, {{GLFW_KEY_DOWN, M::Any}}, "Find a place (Ctrl+F)", "next place (Enter flies there)"},
        {A::FindPickUp, {{GLFW_KEY_UP, M::Any}}, "Find a place (Ctrl+F)", "previous place"},
        {A::FindClose, {{GLFW_KEY_ESCAPE, M::Any}}, "Find a place (Ctrl+F)", "close the box", false},
    };
    return t;
}

const char* key_name(int key) {
    switch (key) {
        case GLFW_KEY_LEFT:
            return "\u2190";
        case GLFW_KEY_RIGHT:
            return "\u2192";
        case GLFW_KEY_UP:
            return "\u2191";
        case GLFW_KEY_DOWN:
            return "\u2193";
        case GLFW_KEY_EQUAL:
            return "+";
        case GLFW_KEY_KP_ADD:
            return "keypad +";
        case GLFW_KEY_MINUS:
            return "-";
        case GLFW_KEY_KP_SUBTRACT:
            return "keypad -";
        case GLFW_KEY_HOME:
            return "Home";
        case GLFW_KEY_END:
            return "End";
        case GLFW_KEY_PAGE_UP:
            return "PageUp";
        case GLFW_KEY_PAGE_DOWN:
            return "PageDown";
        case GLFW_KEY_LEFT_BRACKET:
            return "[";
        case GLFW_KEY_RIGHT_BRACKET:
            return "]";
        case GLFW_KEY_SPACE:
            return "Space";
        case GLFW_KEY_PERIOD:
            return ".";
        case GLFW_KEY_COMMA:
            return ",";
        case GLFW_KEY_ESCAPE:
            return "Esc";
        case GLFW_KEY_DELETE:
            return "Delete";
        case GLFW_KEY_ENTER:
            return "Enter";
        case GLFW_KEY_KP_ENTER:
            return "keypad Enter";
        case GLFW_KEY_F1:
            return "F1";
        case GLFW_KEY_F5:
            return "F5";
        case GLFW_KEY_F12:
            return "F12";
        default:
            return nullptr;
    }
}

}  // namespace

std::span<const KeyBinding> key_bindings() {
    return table();
}

const KeyBinding& binding(Action a) {
    const auto& t = table();
    const auto it = std::find_if(t.begin(), t.end(), [&](const KeyBinding& b) { return b.action == a; });
    return it != t.end() ? *it : t.front();
}

std::string chord_name(const KeyChord& c) {
    std::string name;
    if (c.mods == Mods::Ctrl || c.mods == Mods::CtrlShift) name += "Ctrl+";
    if (c.mods == Mods::Shift || c.mods == Mods::CtrlShift) name += "Shift+";
    if (const char* n = key_name(c.key))
        name += n;
    else if (c.key >= GLFW_KEY_A && c.key <= GLFW_KEY_Z)
        name += static_cast<char>('A' + (c.key - GLFW_KEY_A));
    else
        name += "key " + std::to_string(c.key);
    return name;
}

std::string keys_text(Action a) {
    std::string out;
    for (const auto& c : binding(a).keys) out += (out.empty() ? "" : " / ") + chord_name(c);
    return out;
}

bool pressed(Action a) {
    const ImGuiIO& io = ImGui::GetIO();
    const KeyBinding& b = binding(a);
    for (const auto& c : b.keys) {
        bool mods_ok = true;
        switch (c.mods) {
            case Mods::Plain:
                mods_ok = !io.KeyCtrl && !io.KeyShift;
                break;
            case Mods::Any:
                break;
            case Mods::Ctrl:
                mods_ok = io.KeyCtrl && !io.KeyShift;
                break;
            case Mods::CtrlShift:
                mods_ok = io.KeyCtrl && io.KeyShift;
                break;
            case Mods::Shift:
                mods_ok = !io.KeyCtrl && io.KeyShift;
                break;
        }
        if (mods_ok && ImGui::IsKeyPressed(c.key, b.repeat)) return true;
    }
    return false;
}

}  // namespace sitmap::ui
