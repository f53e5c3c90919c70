#include "app/pg_session.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace sitmap::app {

namespace {

using Clock = std::chrono::steady_clock;

bool same_edit(const core::EventEdit& a, const core::EventEdit& b) {
    return a.kind == b.kind && a.key == b.key && a.timestamp == b.timestamp && a.author == b.author;
}

core::Date add_days(core::Date d, int days) {
    return core::Date(std::chrono::sys_days(d) + std::chrono::days(days));
}

bool contains(const core::GeoBox& outer, const core::GeoBox& inner) {
    return inner.min_x >= outer.min_x && inner.max_x <= outer.max_x && inner.min_y >= outer.min_y &&
           inner.max_y <= outer.max_y;
}

bool before(const std::optional<core::Date>& a, core::Date b) {
    return a && std::chrono::sys_days(*a) > std::chrono::sys_days(b);
}

// One field of the conflict table: its name, the other analyst's value and yours.
struct FieldPair {
    const char* name;
    std::string theirs, mine;
};

std::string position_text(const core::Event& e) {
    return e.has_position ? fmt::format("{:.4f}, {:.4f}", e.position.lat, e.position.lon) : "(none)";
}

std::string date_text(const core::Event& e) {
    return e.date.start == e.date.end ? core::format_iso(e.date.start)
                                      : core::format_iso(e.date.start) + " .. " + core::format_iso(e.date.end);
}

std::vector<FieldPair> compare(const io::PgRow& theirs, const io::PgCorrection& mine) {
    const core::Event &t = theirs.event, &m = mine.event;
    return {{"place", t.place, m.place},
            {"position", position_text(t), position_text(m)},
            {"date", date_text(t), date_text(m)},
            {"type", std::string(core::event_type_name(t.type)), std::string(core::event_type_name(m.type))},
            {"actor", t.actor, m.actor},
            {"target", t.target, m.target},
            {"summary", t.summary, m.summary},
            {"note", t.note, m.note},
            {"review", std::string(core::review_state_name(theirs.review.state)),
             std::string(core::review_state_name(mine.review))},
            {"deleted", theirs.deleted ? "yes" : "no", mine.deleted ? "yes" : "no"}};
}

}  // namespace

std::optional<std::string> pg_input(const std::vector<std::string>& inputs) {
    for (const auto& in : inputs)
        if (io::is_pg_source(in)) return in;
    return std::nullopt;
}

PgSession::PgSession(const std::string& source) : store_(std::make_unique<io::PgEventStore>(source)) {
    // SITMAP_PG_MAX_EVENTS caps the events held at once (default 200,000), for small machines and tests.
    if (const char* cap = std::getenv("SITMAP_PG_MAX_EVENTS"); cap && *cap)
        max_events_ = std::max<std::size_t>(1, std::strtoull(cap, nullptr, 10));
}

void PgSession::start(ui::AppState& state, std::vector<core::EventEdit> pending) {
    EventsWindow first;
    if (const auto span = store_->date_span()) first.from = add_days(span->second, -120);
    reload(state, first, pending);
}

std::vector<core::EventEdit> PgSession::pending(const ui::AppState& state) const {
    const auto& edits = state.ev.events.edits();
    std::size_t common = 0;
    while (common < edits.size() && common < base_.size() && same_edit(edits[common], base_[common])) ++common;
    std::vector<core::EventEdit> out(edits.begin() + static_cast<std::ptrdiff_t>(common), edits.end());
    // A stored decision undone: saving writes the event as it now is, so its key must be visited.
    for (std::size_t i = common; i < base_.size(); ++i) {
        core::EventEdit undone = base_[i];
        undone.kind = core::EventEdit::Kind::Unreview;
        if (base_[i].kind == core::EventEdit::Kind::Delete) undone.kind = core::EventEdit::Kind::Restore;
        undone.timestamp = core::utc_timestamp_now();
        undone.author = state.ev.review.reviewer;
        out.push_back(std::move(undone));
    }
    return out;
}

void PgSession::reload(ui::AppState& state, const EventsWindow& window, const std::vector<core::EventEdit>& pending) {
    auto& ev = state.ev;
    const std::optional<std::string> selected = ev.selected && *ev.selected < ev.events.events().size()
                                                    ? std::optional(core::event_key(ev.events.events()[*ev.selected]))
                                                    : std::nullopt;
    PgWindowEvents loaded = read_pg_window(*store_, window, max_events_);
    loaded_ = window;
    have_loaded_ = true;
    truncated_ = loaded.truncated;
    held_ = loaded.events.size();
    pages_ = loaded.pages;
    versions_ = std::move(loaded.versions);
    base_ = std::move(loaded.marks);
    std::set<std::string> docs(ev.document_names.begin(), ev.document_names.end());
    for (const auto& e : loaded.events) docs.insert(e.source.document);
    ev.document_names.assign(docs.begin(), docs.end());

    std::vector<core::EventEdit> edits = base_;
    edits.insert(edits.end(), pending.begin(), pending.end());
    ev.events.set_edits(std::move(edits));
    ev.events.set_extracted(std::move(loaded.events));
    ev.events.set_saved(base_);
    ev.selected = selected ? ev.events.find(*selected) : std::nullopt;
    ev.fanned.clear();
    ev.filter_changed = true;
    state.map_dirty = true;
    last_reload_ = Clock::now();
}

void PgSession::follow_view(ui::AppState& state, core::Date shown) {
    const core::GeoBox view = lonlat_box_of(state.projector, state.camera.visible_box(), 0.0);
    const auto days = state.ev.window.days();
    const std::optional<core::Date> need_from = days ? std::optional(add_days(shown, -*days - 1)) : std::nullopt;
    bool inside = have_loaded_ && (!loaded_.bbox || contains(*loaded_.bbox, view));
    if (inside) {
        if (!need_from)
            inside = !loaded_.from && !loaded_.to;
        else
            inside = !before(loaded_.from, *need_from) &&
                     !(loaded_.to && std::chrono::sys_days(*loaded_.to) < std::chrono::sys_days(shown));
    }
    // A capped read covers less than its box: a view zoomed in within it deserves its own read.
    if (inside && truncated_) {
        if (!loaded_.bbox) {
            inside = false;
        } else {
            const double loaded_area =
                (loaded_.bbox->max_x - loaded_.bbox->min_x) * (loaded_.bbox->max_y - loaded_.bbox->min_y);
            const double view_area = (view.max_x - view.min_x) * (view.max_y - view.min_y);
            inside = view_area > loaded_area * 0.25;
        }
    }
    if (inside) return;
    if (Clock::now() - last_reload_ < std::chrono::milliseconds(300)) {
        state.map_dirty = true;  // keep frames coming (an idle window waits for input) until the read
        return;
    }
    // Read a margin around what is needed, so small pans and date steps need no new read.
    EventsWindow next{.bbox = lonlat_box_of(state.projector, state.camera.visible_box(), 0.5)};
    if (need_from) {
        next.from = add_days(*need_from, -60);
        next.to = add_days(shown, 60);
    }
    try {
        reload(state, next, pending(state));
    } catch (const Error& e) {
        state.notify(fmt::format("Cannot read events: {}", e.what()), 15.0);
        last_reload_ = Clock::now() + std::chrono::seconds(5);  // do not retry every frame
    }
}

bool PgSession::save(ui::AppState& state) {
    auto& ev = state.ev;
    const std::vector<core::EventEdit> todo = pending(state);
    std::vector<std::string> keys;
    for (const auto& e : todo)
        if (std::find(keys.begin(), keys.end(), e.key) == keys.end()) keys.push_back(e.key);
    std::size_t saved = 0, missing = 0;
    std::set<std::string> unsettled;
    for (const auto& key : keys) {
        const auto at = ev.events.find(key);
        if (!at) {  // an edit recovered from the journal for an event outside the view: kept
            unsettled.insert(key);
            continue;
        }
        io::PgCorrection c{.key = key,
                           .insert = !versions_.contains(key),
                           .event = ev.events.events()[*at],
                           .review = ev.events.review_state(*at),
                           .deleted = ev.events.deleted(*at),
                           .author = ev.review.reviewer};
        if (!c.insert) c.base_version = versions_.at(key);
        for (const auto& e : todo)
            if (e.key == key) c.edits.push_back(e);
        const io::PgSaveResult r = store_->save(c);
        if (r.outcome == io::PgSaveResult::Outcome::Saved) {
            ++saved;
        } else if (r.outcome == io::PgSaveResult::Outcome::Conflict) {
            conflicts_.push_back({std::move(c), *r.current});
            unsettled.insert(key);
        } else {
            ++missing;  // removed from the store meanwhile: nothing to correct any more
        }
    }
    std::vector<core::EventEdit> keep;
    for (const auto& e : todo)
        if (unsettled.contains(e.key)) keep.push_back(e);
    reload(state, loaded_, keep);
    ev.message = fmt::format("Saved {} corrected event(s) to PostgreSQL ({})", saved, store_->name());
    if (!conflicts_.empty()) {
        ev.message +=
            fmt::format("; {} changed by another analyst meanwhile: settle them in the dialog", conflicts_.size());
        open_conflict_ = true;
    }
    if (missing > 0) ev.message += fmt::format("; {} no longer in the store", missing);
    state.notify(ev.message, conflicts_.empty() ? 5.0 : 15.0);
    return unsettled.empty();
}

void PgSession::resolve_conflict(ui::AppState& state, bool keep_mine) {
    Conflict c = std::move(conflicts_.front());
    conflicts_.erase(conflicts_.begin());
    std::vector<core::EventEdit> keep;
    for (const auto& e : pending(state))
        if (e.key != c.mine.key) keep.push_back(e);
    if (keep_mine) {
        // Your edits replayed on their version: what only they changed survives.
        core::EditableEvents rebased;
        rebased.set_extracted({c.theirs.event});
        std::vector<core::EventEdit> edits = marks_of(c.theirs);
        edits.insert(edits.end(), c.mine.edits.begin(), c.mine.edits.end());
        rebased.set_edits(std::move(edits));
        if (!rebased.events().empty()) {
            c.mine.event = rebased.events().front();
            c.mine.review = rebased.review_state(0);
            c.mine.deleted = rebased.deleted(0);
        }
        c.mine.base_version = c.theirs.version;
        const io::PgSaveResult r = store_->save(c.mine);
        if (r.outcome == io::PgSaveResult::Outcome::Conflict) {
            conflicts_.insert(conflicts_.begin(), {c.mine, *r.current});  // overtaken again: show it again
            return;
        }
        state.ev.message = fmt::format("Kept your correction of {} (over {}'s)", c.mine.key, c.theirs.edited_by);
    } else {
        state.ev.message = fmt::format("Took {}'s version of {}", c.theirs.edited_by, c.mine.key);
    }
    state.notify(state.ev.message);
    reload(state, loaded_, keep);
}

void PgSession::draw(ui::AppState& state, float bottom_inset) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + 8, vp->Pos.y + vp->Size.y - bottom_inset - 8), ImGuiCond_Always,
                            ImVec2(0, 1));
    ImGui::SetNextWindowBgAlpha(0.8f);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoNav;
    if (ImGui::Begin("##pg_status", nullptr, flags)) {
        ImGui::Text("PostgreSQL: %zu events of this view and dates held (%zu page(s))%s", held_, pages_,
                    truncated_ ? fmt::format(", first {} only: zoom in for the rest", max_events_).c_str() : "");
    }
    ImGui::End();

    if (conflicts_.empty()) return;
    if (open_conflict_ || !ImGui::IsPopupOpen("Correction conflict")) {
        ImGui::OpenPopup("Correction conflict");
        open_conflict_ = false;
    }
    if (!ImGui::BeginPopupModal("Correction conflict", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const Conflict& c = conflicts_.front();
    const std::string who = c.theirs.edited_by.empty() ? "Another analyst" : c.theirs.edited_by;
    ImGui::Text("%s saved a correction of %s at %s while you were editing it (version %d, yours was made from %d).",
                who.c_str(), c.mine.key.c_str(), c.theirs.edited_at.c_str(), c.theirs.version, c.mine.base_version);
    ImGui::TextDisabled("Nothing of either is lost: both corrections are logged in the store.");
    if (ImGui::BeginTable("##conflict", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
        ImGui::TableSetupColumn("field");
        ImGui::TableSetupColumn(fmt::format("theirs ({})", who).c_str(), ImGuiTableColumnFlags_WidthFixed, 300);
        ImGui::TableSetupColumn("yours", ImGuiTableColumnFlags_WidthFixed, 300);
        ImGui::TableHeadersRow();
        for (const auto& f : compare(c.theirs, c.mine)) {
            const bool differs = f.theirs != f.mine;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(f.name);
            const ImVec4 colour = differs ? ImVec4(0.95f, 0.55f, 0.1f, 1) : ImGui::GetStyleColorVec4(ImGuiCol_Text);
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0);
            ImGui::TextColored(colour, "%s", f.theirs.c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(colour, "%s", f.mine.c_str());
            ImGui::PopTextWrapPos();
        }
        ImGui::EndTable();
    }
    if (conflicts_.size() > 1) ImGui::TextDisabled("%zu more conflict(s) after this one", conflicts_.size() - 1);
    bool settle_now = false, keep_mine = false;
    if (ImGui::Button("Keep mine (my changes on top of theirs)")) settle_now = keep_mine = true;
    ImGui::SameLine();
    if (ImGui::Button(fmt::format("Take {}'s", who).c_str())) settle_now = true;
    if (settle_now) {
        try {
            resolve_conflict(state, keep_mine);
        } catch (const Error& e) {
            state.notify(fmt::format("Could not save: {}", e.what()), 15.0);
        }
        if (conflicts_.empty()) ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

}  // namespace sitmap::app
