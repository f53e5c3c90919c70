// The window's event session: loads events (documents or an events file), the user's saved
// corrections and any unsaved ones recovered from the crash journal; keeps the visible markers up
// to date; turns pointer and key input into selection, fan-out, drags, additions and edits; saves
// atomically and asks before quitting with unsaved corrections. Glue between ui, io and render.
#pragma once
#include "app/data_paths.hpp"
#include "app/pg_session.hpp"
#include "compose/compose.hpp"
#include "core/date.hpp"
#include "io/event_field_map.hpp"
#include "io/event_store.hpp"
#include "render/renderer.hpp"
#include "ui/app_state.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace sitmap::app {

/// Default place for corrections: $XDG_DATA_HOME/sitmap/edits.gpkg (~/.local/share/...).
std::filesystem::path default_edits_path();

class EventSession {
public:
    /// Loads events from `inputs` (empty = the shipped documents) and the corrections in
    /// `edits_path` plus its journal ("<edits_path>.journal"). Problems go to state.diagnostics.
    /// With a PostgreSQL store among the inputs (PG:"..."), only its events in the view are held
    /// (PgSession), corrections are saved there and `edits_path` only places the journal.
    /// `fields` (--fields) maps sitmap's columns to those of foreign events files, here and in
    /// open_inputs.
    EventSession(ui::AppState& state, const std::vector<std::string>& inputs, const DataPaths& paths,
                 std::filesystem::path edits_path, io::EventFieldMap fields = {});

    /// The date events are shown for: the slider's date, or the latest event's when unset.
    core::Date shown_date(const ui::AppState& state) const;
    /// Composes the frame `request` asks for (compose::compose_frame) when the date, filter, edits,
    /// zoom, selection or slide changed; state.ev.visible and off_map follow it.
    void update(ui::AppState& state, const compose::FrameRequest& request);
    /// The frame composed by the last update(): what the window draws.
    const compose::ComposedFrame& frame() const { return frame_; }

    /// Pointer and keys over the map (call when ImGui does not want them). `pointer` is in
    /// framebuffer pixels; `hits` are the renderer's marker positions from the last draw.
    void handle_input(ui::AppState& state, core::ScreenPx pointer, const std::vector<core::MarkerHit>& hits,
                      bool mouse_over_map, bool keyboard_free);
    /// Event panels, help, the hover tooltip, and the save / quit dialogs.
    void draw_ui(ui::AppState& state, float bottom_inset);
    /// True when the app may close now; otherwise opens the "unsaved corrections" prompt.
    bool may_quit(ui::AppState& state);
    /// Saves corrections atomically; returns false (with a message) on failure.
    bool save(ui::AppState& state);
    /// Saves to `path` instead and, when that works, makes it the corrections file: later saves
    /// go there and the journal moves beside it ("<path>.journal"), if that one can be written.
    bool save_as(ui::AppState& state, const std::filesystem::path& path);
    /// Why corrections are not journalled this session (empty when they are): the journal's
    /// directory is read-only or its disk full. The window warns and offers Save As meanwhile.
    const std::string& journal_problem() const { return journal_problem_; }

    /// Replaces the events with those of `inputs` (documents, folders, events files: File > Open
    /// and drops), re-applying the corrections by event key; returns how many were loaded. Throws
    /// sitmap::Error naming the file when an input cannot be read, leaving the current events.
    std::size_t open_inputs(ui::AppState& state, const std::vector<std::string>& inputs, const DataPaths& paths);

    /// Events' first and last dates (for the timeline when there is no control data).
    core::Date first_date() const { return first_; }
    core::Date last_date() const { return last_; }

private:
    /// Opens the journal beside edits_path_ and checks it can be written; on failure records the
    /// problem (journal_problem_, a warning diagnostic, a notice) and leaves journal_ empty.
    void open_journal(ui::AppState& state);
    /// Runs one journal write; a failure (disk full) ends journalling for the session with a
    /// warning instead of ending the window: the correction itself is already applied in memory.
    void journal(ui::AppState& state, const std::function<void(io::RecoveryJournal&)>& write);
    void journal_failed(ui::AppState& state, const std::string& why);
    void draw_journal_warning(ui::AppState& state);
    void draw_save_as(ui::AppState& state);
    void update_date_span(const ui::AppState& state);

    /// Recovers the journal's corrections on top of the store's (PostgreSQL mode).
    void start_pg(ui::AppState& state);

    std::filesystem::path edits_path_;
    io::EventFieldMap fields_;       ///< --fields, for the inputs and File > Open
    std::unique_ptr<PgSession> pg_;  ///< set when the events live in PostgreSQL
    std::unique_ptr<io::RecoveryJournal> journal_;
    std::string journal_problem_;
    bool save_as_prompt_ = false;
    std::string save_as_path_;
    std::string save_as_error_;
    compose::ComposedFrame frame_;
    std::size_t frame_key_ = 0;
    bool dragging_ = false;
    bool pressed_on_selected_ = false;
    core::ScreenPx press_at_{};
    std::optional<std::size_t> hovered_marker_;
    bool quit_prompt_ = false;
    bool quit_confirmed_ = false;
    core::Date first_{}, last_{};
};

}  // namespace sitmap::app
