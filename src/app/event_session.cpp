#include "app/event_session.hpp"

#include "app/events_source.hpp"
#include "core/error.hpp"
#include "core/event_links.hpp"
#include "core/event_style.hpp"
#include "io/documents.hpp"
#include "io/gazetteer_io.hpp"
#include "ui/event_panels.hpp"
#include "ui/key_bindings.hpp"
#include "ui/review_panel.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_stdlib.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <set>
#include <utility>

namespace sitmap::app {

namespace fs = std::filesystem;

fs::path default_edits_path() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "sitmap" / "edits.gpkg";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".local" / "share" / "sitmap" / "edits.gpkg";
    return fs::path("sitmap-edits.gpkg");
}

namespace {

/// The document's source URL: its URL (or Link) header, else a URL in its Source.
std::string document_url(const core::Document& doc) {
    for (const char* key : {"url", "link"})
        if (const auto it = doc.header.find(key); it != doc.header.end())
            if (auto url = core::find_url(it->second)) return *url;
    return core::find_url(doc.source).value_or(std::string());
}

void collect_document_info(ui::AppState& state, const std::vector<std::string>& inputs, const DataPaths& paths) {
    core::Diagnostics quiet;  // problems with these files were reported when the events were loaded
    std::vector<std::string> sources = inputs;
    if (sources.empty()) sources.push_back(paths.documents().string());
    std::vector<std::string> documents;
    for (const auto& s : sources)
        if (!is_events_file(s)) documents.push_back(s);
    for (const auto& file : io::list_documents(documents, quiet)) {
        io::read_document(file, quiet, [&](core::Document&& doc) {
            auto& info = state.ev.documents[doc.name];
            if (info.title.empty()) info.title = doc.title;
            if (info.source.empty()) info.source = doc.source;
            if (info.url.empty()) info.url = document_url(doc);
            if (info.published.empty() && doc.publication_date)
                info.published = core::format_iso(*doc.publication_date);
        });
    }
}

}  // namespace

EventSession::EventSession(ui::AppState& state, const std::vector<std::string>& inputs, const DataPaths& paths,
                           fs::path edits_path, io::EventFieldMap fields)
    : edits_path_(std::move(edits_path)), fields_(std::move(fields)) {
    auto& ev = state.ev;
    std::vector<core::Event> events;
    const auto pg_source = pg_input(inputs);
    try {
        if (pg_source)
            pg_ = std::make_unique<PgSession>(*pg_source);
        else
            events = load_events(inputs, paths, state.diagnostics, /*inputs_required=*/false, fields_);
    } catch (const Error& e) {
        state.diagnostics.add(core::Severity::Error, core::DiagCode::FileUnreadable,
                              pg_source ? std::string("PostgreSQL") : paths.geodata().string(), "", e.what());
    }
    collect_document_info(state, inputs, paths);
    std::set<std::string> docs;
    for (const auto& e : events) docs.insert(e.source.document);
    ev.document_names.assign(docs.begin(), docs.end());
    ev.events.set_extracted(std::move(events));

    // Corrections: the last save, plus what the journal holds (unsaved work of a crashed session).
    if (pg_) start_pg(state);
    ev.edits_path = edits_path_.string();
    const fs::path journal_path = edits_path_.string() + ".journal";
    std::vector<core::EventEdit> saved;
    std::error_code ec;
    if (!pg_ && fs::exists(edits_path_, ec)) {
        try {
            saved = io::load_edits(edits_path_, state.diagnostics);
        } catch (const Error& e) {
            state.diagnostics.add(core::Severity::Error, core::DiagCode::FileUnreadable, edits_path_.string(), "",
                                  e.what());
        }
    }
    std::vector<core::EventEdit> recovered = saved;
    try {
        recovered = io::recover_edits(saved, journal_path, state.diagnostics);
    } catch (const Error& e) {
        state.diagnostics.add(core::Severity::Error, core::DiagCode::FileUnreadable, journal_path.string(), "",
                              e.what());
    }
    if (pg_) {
        try {
            pg_->start(state, recovered);  // the store's events nearest its last date, then the view's
        } catch (const Error& e) {
            state.diagnostics.add(core::Severity::Error, core::DiagCode::FileUnreadable, "PostgreSQL", "", e.what());
        }
        ev.edits_path = fmt::format("PostgreSQL ({})", pg_->name());
    } else {
        ev.events.set_edits(recovered);
        ev.events.set_saved(saved);  // what the file holds; the journal's extra edits are unsaved
    }
    if (recovered.size() != saved.size() || fs::file_size(journal_path, ec) > 0) {
        if (!ec && recovered.size() != saved.size()) {
            ev.events.mark_dirty();
            ev.message = fmt::format("Recovered {} unsaved correction(s) from the last session ({}).",
                                     recovered.size() > saved.size() ? recovered.size() - saved.size() : 0,
                                     journal_path.string());
            state.notify(ev.message, 20.0);
            std::fprintf(stderr, "%s\n", ev.message.c_str());
        }
    }
    // (A store's window holds some events only: its orphans are merely elsewhere.)
    for (const auto& key : pg_ ? std::vector<std::string>{} : ev.events.orphaned())
        state.diagnostics.add(core::Severity::Warning, core::DiagCode::RecordInvalid, edits_path_.string(), key,
                              "correction kept, but its event is no longer extracted");
    open_journal(state);
    ev.on_edit = [this, &state](const core::EventEdit& edit) {
        journal(state, [&](io::RecoveryJournal& j) { j.append(edit); });
    };
    ev.on_undo = [this, &state] { journal(state, [](io::RecoveryJournal& j) { j.append_undo(); }); };

    // Review: who decides, and the gazetteer the place search runs over.
    ev.review.reviewer = core::current_user_name();
    try {
        auto gazetteer =
            std::make_shared<core::Gazetteer>(io::load_gazetteer(paths.geodata() / "gazetteer.csv", state.diagnostics));
        ev.review.places = std::make_shared<core::PlaceSearch>(*gazetteer);
        ev.review.gazetteer = std::move(gazetteer);
    } catch (const Error& e) {
        state.diagnostics.add(core::Severity::Warning, core::DiagCode::FileUnreadable,
                              (paths.geodata() / "gazetteer.csv").string(), "",
                              fmt::format("no place search in review mode: {}", e.what()));
    }

    // Other-side names from the places layer (Khankendi -> Stepanakert).
    if (const auto* places = state.scene.layer("places"))
        for (const auto& p : places->places)
            if (!p.name_alt.empty()) ev.alt_names.emplace(p.name, p.name_alt);

    update_date_span(state);
}

void EventSession::update_date_span(const ui::AppState& state) {
    const auto& all = state.ev.events.events();
    if (const auto span = pg_ ? pg_->date_span() : std::nullopt) {
        first_ = span->first;
        last_ = span->second;
    } else if (!all.empty()) {
        first_ = last_ = all.front().date.start;
        for (const auto& e : all) {
            first_ = std::min(first_, e.date.start,
                              [](auto a, auto b) { return std::chrono::sys_days(a) < std::chrono::sys_days(b); });
            last_ = std::max(last_, e.date.start,
                             [](auto a, auto b) { return std::chrono::sys_days(a) < std::chrono::sys_days(b); });
        }
    } else {
        first_ = last_ = core::Date{std::chrono::year(2020), std::chrono::September, std::chrono::day(27)};
    }
}

std::size_t EventSession::open_inputs(ui::AppState& state, const std::vector<std::string>& inputs,
                                      const DataPaths& paths) {
    core::Diagnostics diags;
    // Throws (naming the file) before anything is replaced: the current events stay.
    std::vector<core::Event> events = load_events(inputs, paths, diags, /*inputs_required=*/true, fields_);
    // Nothing to show is a failure too: replacing the map's events by none helps nobody.
    if (events.empty()) {
        const auto all = diags.all();
        throw fmt_error("{}: no events could be read from it{}", fmt::join(inputs, ", "),
                        all.empty() ? std::string() : " (" + all.front().format() + ")");
    }
    for (const auto& d : diags.all()) state.diagnostics.add(d);
    auto& ev = state.ev;
    ev.documents.clear();
    collect_document_info(state, inputs, paths);
    std::set<std::string> docs;
    for (const auto& e : events) docs.insert(e.source.document);
    ev.document_names.assign(docs.begin(), docs.end());
    ev.filter.documents.clear();  // the old documents' names mean nothing now
    const std::size_t n = events.size();
    ev.events.set_extracted(std::move(events));  // the corrections are re-applied by event key
    ev.selected.reset();
    ev.fanned.clear();
    ev.list_off_map.reset();
    ev.filter_changed = true;
    update_date_span(state);
    state.map_dirty = true;
    return n;
}

core::Date EventSession::shown_date(const ui::AppState& state) const {
    return state.date.value_or(last_);
}

void EventSession::start_pg(ui::AppState& state) {
    // The journal of unsaved corrections lives apart from the file mode's (same folder).
    if (edits_path_ == default_edits_path()) edits_path_ = edits_path_.parent_path() / "postgresql-corrections";
    (void)state;
}

void EventSession::update(ui::AppState& state, const compose::FrameRequest& request) {
    auto& ev = state.ev;
    if (pg_) pg_->follow_view(state, shown_date(state));
    const core::Date date = request.date.value_or(shown_date(state));
    std::size_t key = std::hash<std::int32_t>{}(core::day_number(date));
    auto mix = [&key](std::size_t v) { key ^= v + 0x9e3779b97f4a7c15ULL + (key << 6) + (key >> 2); };
    mix(ev.events.revision());
    mix(std::hash<double>{}(request.metres_per_pixel));
    mix(std::hash<float>{}(request.furniture.ui_scale));
    mix(request.events.selected ? *request.events.selected + 1 : 0);
    mix(request.events.events ? 1 : 0);
    mix(state.brief.presenting ? static_cast<std::size_t>(state.brief.current + 2) : 0);
    for (auto i : request.events.fanned) mix(i + 7);
    if (!ev.filter_changed && key == frame_key_) return;
    frame_ = compose::compose_frame(state.scene, state.projector, request);
    ev.visible = frame_.visible;
    ev.off_map = frame_.off_map;
    ev.marker_members = frame_.events.members;
    ev.filter_changed = false;
    frame_key_ = key;
    state.map_dirty = true;
}

void EventSession::handle_input(ui::AppState& state, core::ScreenPx pointer, const std::vector<core::MarkerHit>& hits,
                                bool mouse_over_map, bool keyboard_free) {
    auto& ev = state.ev;
    ImGuiIO& io = ImGui::GetIO();
    hovered_marker_.reset();
    if (mouse_over_map) {
        for (auto it = hits.rbegin(); it != hits.rend(); ++it) {
            const double dx = pointer.x - it->x, dy = pointer.y - it->y;
            if (dx * dx + dy * dy <= (it->radius + 2) * (it->radius + 2)) {
                hovered_marker_ = it->id;
                break;
            }
        }
        if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
            press_at_ = pointer;
            pressed_on_selected_ = false;
            if (hovered_marker_ && *hovered_marker_ < ev.marker_members.size() && ev.selected) {
                const auto& members = ev.marker_members[*hovered_marker_];
                pressed_on_selected_ = members.size() == 1 && members.front() == *ev.selected;
            }
        }
        const double moved = std::hypot(pointer.x - press_at_.x, pointer.y - press_at_.y);
        if (pressed_on_selected_ && ImGui::IsMouseDown(ImGuiMouseButton_Left) && moved > 3) dragging_ = true;
        state.ev_dragging = dragging_;
        if (dragging_) {
            ImGui::GetForegroundDrawList()->AddCircle(
                ImVec2(static_cast<float>(pointer.x / (io.DisplayFramebufferScale.x)),
                       static_cast<float>(pointer.y / (io.DisplayFramebufferScale.y))),
                11, IM_COL32(255, 176, 0, 255), 24, 2.5f);
        }
        if (ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
            if (dragging_ && ev.selected) {
                const auto& e = ev.events.events()[*ev.selected];
                core::EventEdit edit{.kind = core::EventEdit::Kind::Move, .key = core::event_key(e)};
                edit.position = state.projector.inverse(state.camera.world(pointer));
                ui::apply_edit(state, edit);
                ev.message = fmt::format("Moved {} to {:.4f}, {:.4f}", e.id, edit.position.lat, edit.position.lon);
            } else if (moved <= 3) {
                if (ev.add_mode) {
                    core::EventEdit edit{.kind = core::EventEdit::Kind::Add};
                    edit.position = state.projector.inverse(state.camera.world(pointer));
                    const core::Date d = shown_date(state);
                    edit.date = core::DateRange{d, d, core::DatePrecision::Day};
                    edit.type = core::EventType::Other;
                    edit.note = "Added by hand";
                    edit.key = ev.events.next_user_key();
                    const std::string key = edit.key;
                    if (ui::apply_edit(state, edit)) {
                        ev.selected = ev.events.find(key);
                        ev.show_details = true;
                        ev.message = "Added an event; set its date, type and place in the Event panel.";
                    }
                    ev.add_mode = false;
                } else if (hovered_marker_ && *hovered_marker_ < ev.marker_members.size()) {
                    const auto& members = ev.marker_members[*hovered_marker_];
                    if (members.size() > 1) {
                        ev.fanned = members;  // spread the group; click a member to select it
                    } else {
                        ev.selected = members.front();
                        ev.show_details = true;
                    }
                    ev.filter_changed = true;
                } else {
                    ev.fanned.clear();
                    ev.filter_changed = true;
                }
            }
            dragging_ = false;
            pressed_on_selected_ = false;
            state.ev_dragging = false;
        }
        if (ev.add_mode) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    }
    if (hovered_marker_ && !dragging_ && *hovered_marker_ < ev.marker_members.size()) {
        const auto& members = ev.marker_members[*hovered_marker_];
        const auto& events = ev.events.events();
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(440);
        for (std::size_t k = 0; k < members.size() && k < 8; ++k) {
            const auto& e = events[members[k]];
            const auto& st = core::event_type_style(e.type);
            ImGui::TextColored(ImVec4(st.color.r, st.color.g, st.color.b, 1), "%s",
                               core::event_symbol_utf8(e.type).c_str());
            ImGui::SameLine();
            ImGui::Text("%s  %s", core::format_iso(e.date.start).c_str(), e.summary.c_str());
        }
        if (members.size() > 8)
            ImGui::TextDisabled("... and %zu more (click to spread)", members.size() - 8);
        else if (members.size() > 1)
            ImGui::TextDisabled("click to spread the group");
        else
            ImGui::TextDisabled("click for the source sentence");
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
    if (!keyboard_free) return;
    core::Date date = shown_date(state);
    const core::EventFilter filter = ev.drawn_filter();
    // ImGui 1.86 indexes keys by GLFW key codes.
    if (ui::pressed(ui::Action::NextEvent)) {
        if (auto d = core::next_event_date(ev.events.events(), filter, date)) state.date = *d, ev.filter_changed = true;
    }
    if (ui::pressed(ui::Action::PreviousEvent)) {
        if (auto d = core::previous_event_date(ev.events.events(), filter, date))
            state.date = *d, ev.filter_changed = true;
    }
    {
        // Review mode's keys first: R, and while reviewing Enter/Y X/N U P D Space arrows Esc.
        const bool was_reviewing = ev.review.active;
        core::Date d = date;
        ui::handle_review_keys(state, d);
        if (was_reviewing || ev.review.active) {
            if (ui::pressed(ui::Action::Undo))
                ui::review_undo(state, d);
            else if (ui::pressed(ui::Action::Redo))
                ui::redo_edit(state);
            if (ui::pressed(ui::Action::Save)) save(state);
            if (ui::pressed(ui::Action::SaveAs)) save_as_prompt_ = true;
            if (ui::pressed(ui::Action::ToggleList)) ev.show_list = !ev.show_list;
            if (ui::pressed(ui::Action::ToggleHelp)) ev.show_help = !ev.show_help;
        }
        if (d != date) state.date = d;
        // The other event keys (A, Delete, Esc, comma/period) wait until review ends.
        if (was_reviewing || ev.review.active) return;
    }
    if (ui::pressed(ui::Action::Undo)) ui::undo_edit(state);
    if (ui::pressed(ui::Action::Redo)) ui::redo_edit(state);
    if (ui::pressed(ui::Action::Save)) save(state);
    if (ui::pressed(ui::Action::AddMode)) ev.add_mode = !ev.add_mode;
    if (ui::pressed(ui::Action::ToggleList)) ev.show_list = !ev.show_list;
    if (ui::pressed(ui::Action::ToggleHelp)) ev.show_help = !ev.show_help;
    if (ui::pressed(ui::Action::ClearSelection)) {
        ev.selected.reset();
        ev.fanned.clear();
        ev.add_mode = false;
        ev.filter_changed = true;
    }
    if (ui::pressed(ui::Action::DeleteEvent) && ev.selected) {
        const auto& e = ev.events.events()[*ev.selected];
        ui::apply_edit(state, {.kind = ev.events.deleted(*ev.selected) ? core::EventEdit::Kind::Restore
                                                                       : core::EventEdit::Kind::Delete,
                               .key = core::event_key(e)});
    }
}

void EventSession::open_journal(ui::AppState& state) {
    const fs::path journal_path = edits_path_.string() + ".journal";
    try {
        std::error_code ec;
        fs::create_directories(edits_path_.parent_path().empty() ? fs::path(".") : edits_path_.parent_path(), ec);
        auto j = std::make_unique<io::RecoveryJournal>(journal_path);
        j->check_writable();
        journal_ = std::move(j);
        journal_problem_.clear();
    } catch (const std::exception& e) {
        journal_.reset();
        journal_failed(state, e.what());
    }
}

void EventSession::journal_failed(ui::AppState& state, const std::string& why) {
    journal_.reset();
    journal_problem_ = why;
    const fs::path journal_path = edits_path_.string() + ".journal";
    state.diagnostics.add(core::Severity::Warning, core::DiagCode::FileUnreadable, journal_path.string(), "",
                          fmt::format("corrections are not journalled (no crash recovery): {}; they are kept in "
                                      "memory until saved (Ctrl+S, or Save as with Ctrl+Shift+S)",
                                      why));
    std::fprintf(stderr, "warning: %s: corrections are not journalled, so a crash would lose them (%s)\n",
                 journal_path.c_str(), why.c_str());
    state.notify(fmt::format("Corrections cannot be journalled: {}", why), 15.0);
}

void EventSession::journal(ui::AppState& state, const std::function<void(io::RecoveryJournal&)>& write) {
    if (!journal_) return;
    try {
        write(*journal_);
    } catch (const std::exception& e) {
        journal_failed(state, e.what());
    }
}

bool EventSession::save(ui::AppState& state) {
    auto& ev = state.ev;
    if (pg_) {
        bool all = false;
        try {
            all = pg_->save(state);
        } catch (const std::exception& e) {
            ev.message = fmt::format("Could not save: {}. Your corrections are kept in {}.journal.", e.what(),
                                     edits_path_.string());
            state.notify(ev.message, 15.0);
            return false;
        }
        // Conflicts still to settle keep the journal (their corrections are not in the store yet).
        if (all) journal(state, [](io::RecoveryJournal& j) { j.clear(); });
        return all;
    }
    try {
        fs::create_directories(edits_path_.parent_path().empty() ? fs::path(".") : edits_path_.parent_path());
        io::save_edits(edits_path_, ev.events);
        ev.events.mark_saved();
        ev.message = fmt::format("Saved {} correction(s) to {}", ev.events.edits().size(), edits_path_.string());
        state.notify(ev.message);
    } catch (const std::exception& e) {
        ev.message = journal_ ? fmt::format("Could not save: {}. Your corrections are kept in {}.journal.", e.what(),
                                            edits_path_.string())
                              : fmt::format(
                                    "Could not save: {}. Your corrections are only in memory: save them "
                                    "elsewhere with Save as (Ctrl+Shift+S).",
                                    e.what());
        state.notify(ev.message, 15.0);
        return false;
    }
    // Saved: the journal's records are in the file now.
    journal(state, [](io::RecoveryJournal& j) { j.clear(); });
    return true;
}

bool EventSession::save_as(ui::AppState& state, const fs::path& path) {
    const fs::path previous = edits_path_;
    edits_path_ = path;
    if (!save(state)) {
        edits_path_ = previous;
        return false;
    }
    state.ev.edits_path = edits_path_.string();
    // Everything is saved in the new file, so its journal starts empty.
    journal_.reset();
    open_journal(state);
    journal(state, [](io::RecoveryJournal& j) { j.clear(); });
    return true;
}

void EventSession::draw_journal_warning(ui::AppState& state) {
    if (journal_problem_.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float below_add_banner = state.ev.add_mode ? ImGui::GetFrameHeightWithSpacing() * 1.6f : 0.0f;
    ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + state.ui_inset_top + 6 + below_add_banner),
                            ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::SetNextWindowBgAlpha(0.95f);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(0.98f, 0.82f, 0.78f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.25f, 0.05f, 0.02f, 1.0f));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoMove;
    if (ImGui::Begin("##journal_warning", nullptr, flags)) {
        ImGui::Text("Corrections are not journalled: %s", journal_problem_.c_str());
        ImGui::Text("%zu unsaved correction(s) are kept in memory only; a crash would lose them.",
                    state.ev.events.unsaved_changes());
        if (ImGui::SmallButton("Save (Ctrl+S)")) save(state);
        ImGui::SameLine();
        if (ImGui::SmallButton("Save as... (Ctrl+Shift+S)")) save_as_prompt_ = true;
    }
    ImGui::End();
    ImGui::PopStyleColor(2);
}

void EventSession::draw_save_as(ui::AppState& state) {
    if (save_as_prompt_) {
        if (save_as_path_.empty()) save_as_path_ = edits_path_.string();
        save_as_error_.clear();
        ImGui::OpenPopup("Save corrections as");
        save_as_prompt_ = false;
    }
    if (!ImGui::BeginPopupModal("Save corrections as", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::TextUnformatted("GeoPackage to save the corrections to (later saves and the journal go there):");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(520);
    const bool enter = ImGui::InputText("##save_as_path", &save_as_path_, ImGuiInputTextFlags_EnterReturnsTrue);
    if (!save_as_error_.empty()) ImGui::TextColored(ImVec4(0.8f, 0.1f, 0.1f, 1), "%s", save_as_error_.c_str());
    if (ImGui::Button("Save") || enter) {
        if (save_as(state, save_as_path_))
            ImGui::CloseCurrentPopup();
        else
            save_as_error_ = state.ev.message;
    }
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ui::pressed(ui::Action::ClearSelection)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void EventSession::draw_ui(ui::AppState& state, float bottom_inset) {
    auto& ev = state.ev;
    core::Date date = shown_date(state);
    const core::Date before = date;
    ui::draw_event_list(state, date);
    ui::draw_event_details(state, date);
    ui::draw_review_panel(state, date, bottom_inset);
    ui::draw_help_overlay(state);
    ui::draw_add_mode_banner(state);
    draw_journal_warning(state);
    draw_save_as(state);
    if (pg_) pg_->draw(state, bottom_inset);
    ui::draw_off_map_strip(state, bottom_inset);
    if (ev.undo_requested) ui::undo_edit(state);
    if (ev.redo_requested) ui::redo_edit(state);
    ev.undo_requested = ev.redo_requested = false;
    if (ev.save_requested) {
        ev.save_requested = false;
        save(state);
    }
    if (!ev.save_as_requested.empty()) {
        const fs::path path = std::exchange(ev.save_as_requested, std::string());
        save_as(state, path);
    }
    if (date != before) {
        state.date = date;
        ev.filter_changed = true;
        state.map_dirty = true;
    }
    if (quit_prompt_) {
        ImGui::OpenPopup("Unsaved corrections");
        quit_prompt_ = false;
    }
    if (ImGui::BeginPopupModal("Unsaved corrections", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("%zu correction(s) are not saved to %s.", ev.events.unsaved_changes(),
                    edits_path_.string().c_str());
        if (journal_)
            ImGui::TextDisabled("(They are also kept in the recovery journal until you save or discard them.)");
        else
            ImGui::TextDisabled("(They are NOT journalled: quitting without saving loses them.)");
        if (ImGui::Button("Save and quit")) {
            if (save(state)) {
                quit_confirmed_ = true;
                state.quit = true;
            }
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Quit without saving")) {
            journal(state, [](io::RecoveryJournal& j) { j.clear(); });
            quit_confirmed_ = true;
            state.quit = true;
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Cancel")) {
            state.quit = false;
            ImGui::CloseCurrentPopup();
        }
        ImGui::EndPopup();
    }
}

bool EventSession::may_quit(ui::AppState& state) {
    if (quit_confirmed_ || !state.ev.events.dirty()) return true;
    quit_prompt_ = true;
    state.quit = false;
    return false;
}

}  // namespace sitmap::app
