// How each event type looks: a symbol (a glyph of the map font) and a colour, shared by the
// renderer, the legend and the UI so they always agree. Shapes differ as well as colours, so the
// legend works for colour-blind readers and in greyscale. Part of sitmap_core.
#pragma once
#include "core/event.hpp"
#include "core/scene.hpp"

#include <string>

namespace sitmap::core {

struct EventTypeStyle {
    char32_t symbol;  ///< glyph drawn inside the marker (DejaVu Sans has all of them)
    Rgba color;
    const char* label;  ///< legend text ("Strike / shelling")
};

const EventTypeStyle& event_type_style(EventType type);
/// The symbol as UTF-8 (for ImGui text).
std::string event_symbol_utf8(EventType type);

}  // namespace sitmap::core
