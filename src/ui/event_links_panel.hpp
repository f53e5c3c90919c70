// Links in the event's panel: the briefing slides that show the event ("shown in slide 4"; a
// click goes to that slide) and its document's source URL, clickable (opened by the app with
// xdg-open through state.files.open_url_requested). Part of sitmap_ui.
#pragma once
#include "core/event.hpp"
#include "ui/app_state.hpp"

namespace sitmap::ui {

/// Draws the links of event `e` (an entry of state.ev.events) inside the Event panel.
void draw_event_links(AppState& state, const core::Event& e);

}  // namespace sitmap::ui
