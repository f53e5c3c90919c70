// The window's events when they live in a PostgreSQL store (sitmap PG:"..."): only the events of
// the view's bbox and date window are held (read a page at a time, capped), re-read when the view
// or the date leaves what was read; corrections are saved per event with its version, and a save
// that another analyst overtook is shown as a conflict (their values and yours) for the analyst to
// settle: keep theirs, or keep yours on top of theirs. Glue between ui state, io and ImGui.
#pragma once
#include "app/pg_events.hpp"
#include "core/camera.hpp"
#include "core/date.hpp"
#include "io/pg_store.hpp"
#include "ui/app_state.hpp"

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace sitmap::app {

/// The PostgreSQL source among `inputs` ("PG:..."), if any.
std::optional<std::string> pg_input(const std::vector<std::string>& inputs);

class PgSession {
public:
    /// Connects; throws sitmap::Error (naming the connection) when the store cannot be opened.
    explicit PgSession(const std::string& source);

    /// First load, before the window knows its view: the `max_events` events nearest the store's
    /// last date, with `pending` (corrections recovered from the journal) applied on top.
    void start(ui::AppState& state, std::vector<core::EventEdit> pending);
    /// Re-reads the events when the view (`state.camera`) or the shown date's window has left what
    /// was read, at most every 0.3 s; unsaved corrections and the selection survive it.
    void follow_view(ui::AppState& state, core::Date shown);
    /// Saves every unsaved correction, one event at a time. Events another analyst changed since
    /// they were read become conflicts (draw_conflicts). Returns true when everything was saved.
    bool save(ui::AppState& state);
    /// The conflict dialog, and a line saying how many events are held.
    void draw(ui::AppState& state, float bottom_inset);

    std::optional<std::pair<core::Date, core::Date>> date_span() { return store_->date_span(); }
    const std::string& name() const { return store_->name(); }
    std::size_t conflicts() const { return conflicts_.size(); }
    /// Settles the first conflict: `keep_mine` saves your corrections of the event again, made
    /// on top of the other analyst's version (fields only they changed keep their values; fields
    /// you both changed take yours); otherwise their version stays and your corrections of it are
    /// dropped. Both are in the store's log either way.
    void resolve_conflict(ui::AppState& state, bool keep_mine);

private:
    struct Conflict {
        io::PgCorrection mine;
        io::PgRow theirs;
    };
    /// Reads `window` and shows it; the unsaved corrections for which `keep` is true are kept.
    void reload(ui::AppState& state, const EventsWindow& window, const std::vector<core::EventEdit>& pending);
    /// The edits made since the last load or save (and the stored marks undone since).
    std::vector<core::EventEdit> pending(const ui::AppState& state) const;

    std::unique_ptr<io::PgEventStore> store_;
    EventsWindow loaded_;
    bool have_loaded_ = false;
    bool truncated_ = false;
    std::size_t held_ = 0, pages_ = 0;
    std::size_t max_events_ = 200000;
    std::vector<core::EventEdit> base_;  ///< the stored marks, as the saved edits of EditableEvents
    std::unordered_map<std::string, std::int32_t> versions_;
    std::vector<Conflict> conflicts_;
    bool open_conflict_ = false;
    std::chrono::steady_clock::time_point last_reload_{};
};

}  // namespace sitmap::app
