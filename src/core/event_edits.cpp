#include "core/event_edits.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdlib>

namespace sitmap::core {

namespace {

constexpr std::string_view kUserDocument = "user";
constexpr std::string_view kUserPrefix = "user#";

// N of "user#N", or nullopt for any other key.
std::optional<unsigned long> user_number(std::string_view key) {
    if (!key.starts_with(kUserPrefix)) return std::nullopt;
    const std::string_view digits = key.substr(kUserPrefix.size());
    unsigned long n = 0;
    auto [p, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc{} || p != digits.data() + digits.size() || digits.empty()) return std::nullopt;
    return n;
}

}  // namespace

std::string event_key(const Event& e) {
    return e.source.document + "#" + e.id;
}

std::string_view edit_kind_name(EventEdit::Kind k) {
    switch (k) {
        case EventEdit::Kind::Move:
            return "move";
        case EventEdit::Kind::SetDate:
            return "set_date";
        case EventEdit::Kind::SetType:
            return "set_type";
        case EventEdit::Kind::SetPlace:
            return "set_place";
        case EventEdit::Kind::Delete:
            return "delete";
        case EventEdit::Kind::Restore:
            return "restore";
        case EventEdit::Kind::Add:
            return "add";
        case EventEdit::Kind::Relocate:
            return "relocate";
        case EventEdit::Kind::SetActor:
            return "set_actor";
        case EventEdit::Kind::SetTarget:
            return "set_target";
        case EventEdit::Kind::SetSummary:
            return "set_summary";
        case EventEdit::Kind::SetNote:
            return "set_note";
        case EventEdit::Kind::Accept:
            return "accept";
        case EventEdit::Kind::Reject:
            return "reject";
        case EventEdit::Kind::Unreview:
            return "unreview";
    }
    return "move";
}

std::optional<EventEdit::Kind> parse_edit_kind(std::string_view name) {
    for (auto k :
         {EventEdit::Kind::Move, EventEdit::Kind::SetDate, EventEdit::Kind::SetType, EventEdit::Kind::SetPlace,
          EventEdit::Kind::Delete, EventEdit::Kind::Restore, EventEdit::Kind::Add, EventEdit::Kind::Relocate,
          EventEdit::Kind::Accept, EventEdit::Kind::Reject, EventEdit::Kind::Unreview, EventEdit::Kind::SetActor,
          EventEdit::Kind::SetTarget, EventEdit::Kind::SetSummary, EventEdit::Kind::SetNote})
        if (edit_kind_name(k) == name) return k;
    return std::nullopt;
}

std::string current_user_name() {
    for (const char* var : {"SITMAP_USER", "USER", "LOGNAME"})
        if (const char* v = std::getenv(var); v && *v) return v;
    return {};
}

std::string utc_timestamp_now() {
    using namespace std::chrono;
    const auto now = floor<seconds>(system_clock::now());
    const auto day = floor<days>(now);
    const hh_mm_ss<seconds> t{now - day};
    return fmt::format("{}T{:02d}:{:02d}:{:02d}Z", format_iso(year_month_day{day}), t.hours().count(),
                       t.minutes().count(), t.seconds().count());
}

// ---------------------------------------------------------------------------------------------

void EditableEvents::set_extracted(std::vector<Event> events) {
    merged_ = std::move(events);
    extracted_count_ = merged_.size();
    originals_.clear();
    rebuild();
    ++revision_;
}

void EditableEvents::set_edits(std::vector<EventEdit> edits) {
    edits_ = std::move(edits);
    saved_ = edits_;
    redo_.clear();
    rebuild();
    ++revision_;
}

const EventDayIndex& EditableEvents::day_index() const {
    if (!day_index_ || day_index_revision_ != revision_ || day_index_->size() != merged_.size()) {
        day_index_ = std::make_shared<const EventDayIndex>(merged_);
        day_index_revision_ = revision_;
    }
    return *day_index_;
}

void EditableEvents::changed() {
    ++revision_;
}

std::size_t EditableEvents::unsaved_changes() const {
    auto same = [](const EventEdit& a, const EventEdit& b) {
        return a.kind == b.kind && a.key == b.key && a.timestamp == b.timestamp && a.author == b.author;
    };
    std::size_t common = 0;
    while (common < edits_.size() && common < saved_.size() && same(edits_[common], saved_[common])) ++common;
    return (edits_.size() - common) + (saved_.size() - common);
}

bool EditableEvents::apply(EventEdit edit) {
    if (edit.kind == EventEdit::Kind::Add) {
        if (edit.key.empty()) edit.key = next_user_key();
    } else {
        const auto at = find(edit.key);
        if (!at) return false;
        if (edit.quote_check.empty()) edit.quote_check = merged_[*at].source.quote;
    }
    if (edit.timestamp.empty()) edit.timestamp = utc_timestamp_now();
    if (!apply_to_merged(edit, edits_.size())) return false;
    edits_.push_back(std::move(edit));
    redo_.clear();
    changed();
    return true;
}

bool EditableEvents::can_undo() const {
    return !edits_.empty();
}
bool EditableEvents::can_redo() const {
    return !redo_.empty();
}

void EditableEvents::undo() {
    if (edits_.empty()) return;
    redo_.push_back(std::move(edits_.back()));
    edits_.pop_back();
    // Edits do not compose into inverses (a Move forgets where the event was), so undo replays the
    // remaining edits over the extracted events: linear, but edits are human-paced.
    rebuild();
    changed();
}

void EditableEvents::redo() {
    if (redo_.empty()) return;
    EventEdit e = std::move(redo_.back());
    redo_.pop_back();
    // The target may have vanished through set_extracted since the undo: keep and report it.
    if (!apply_to_merged(e, edits_.size())) orphaned_.push_back(e.key);
    edits_.push_back(std::move(e));
    changed();
}

bool EditableEvents::deleted(std::size_t index) const {
    return index < deleted_.size() && deleted_[index] != 0;
}
bool EditableEvents::edited(std::size_t index) const {
    return index < edited_.size() && edited_[index] != 0;
}
std::vector<std::string> EditableEvents::orphaned() const {
    return orphaned_;
}

ReviewState EditableEvents::review_state(std::size_t index) const {
    return index < review_.size() ? static_cast<ReviewState>(review_[index]) : ReviewState::Unreviewed;
}

ReviewMark EditableEvents::review(std::size_t index) const {
    ReviewMark m{.state = review_state(index)};
    if (m.state != ReviewState::Unreviewed && index < review_edit_.size() && review_edit_[index] < edits_.size()) {
        const EventEdit& e = edits_[review_edit_[index]];
        m.author = e.author;
        m.timestamp = e.timestamp;
    }
    return m;
}

std::array<std::size_t, 3> EditableEvents::review_counts() const {
    std::array<std::size_t, 3> n{};
    for (std::size_t i = 0; i < merged_.size(); ++i)
        if (!deleted_[i]) ++n[static_cast<std::size_t>(review_[i])];
    return n;
}

std::optional<std::size_t> EditableEvents::find(const std::string& key) const {
    auto it = index_.find(key);
    if (it == index_.end()) return std::nullopt;
    return it->second;
}

std::string EditableEvents::next_user_key() const {
    unsigned long max = 0;
    for (const EventEdit& e : edits_)
        if (auto n = user_number(e.key)) max = std::max(max, *n);
    for (const Event& e : merged_)
        if (e.source.document == kUserDocument)
            if (auto n = user_number(event_key(e))) max = std::max(max, *n);
    return fmt::format("{}{}", kUserPrefix, max + 1);
}

void EditableEvents::rebuild() {
    // Back to the extracted events: the changed ones restored, the added ones dropped.
    for (auto& [i, original] : originals_) merged_[i] = std::move(original);
    originals_.clear();
    merged_.resize(extracted_count_);
    deleted_.assign(merged_.size(), 0);
    edited_.assign(merged_.size(), 0);
    hidden_.assign(merged_.size(), 0);
    review_.assign(merged_.size(), static_cast<char>(ReviewState::Unreviewed));
    review_edit_.assign(merged_.size(), static_cast<std::size_t>(-1));
    orphaned_.clear();
    index_.clear();
    index_.reserve(merged_.size() + edits_.size());
    for (std::size_t i = 0; i < merged_.size(); ++i) index_.try_emplace(event_key(merged_[i]), i);  // first wins
    for (std::size_t k = 0; k < edits_.size(); ++k)
        if (!apply_to_merged(edits_[k], k)) orphaned_.push_back(edits_[k].key);
}

bool EditableEvents::apply_to_merged(const EventEdit& edit, std::size_t edit_index) {
    using Kind = EventEdit::Kind;
    if (edit.kind == Kind::Add) {
        const auto n = user_number(edit.key);
        if (!n || !edit.date || index_.contains(edit.key)) return false;
        Event ev;
        ev.id = std::to_string(*n);
        ev.source.document = std::string(kUserDocument);
        ev.date = *edit.date;
        ev.place = edit.place;
        ev.place_text = edit.place;
        ev.position = edit.position;
        ev.has_position = true;
        ev.location_precision = edit.location_precision.value_or(LocationPrecision::Point);
        ev.type = edit.type.value_or(EventType::Other);
        ev.summary = edit.note;
        ev.confidence = 1.0;  // the user's own word
        index_.emplace(edit.key, merged_.size());
        merged_.push_back(std::move(ev));
        deleted_.push_back(0);
        edited_.push_back(1);
        hidden_.push_back(0);
        review_.push_back(static_cast<char>(ReviewState::Unreviewed));
        review_edit_.push_back(static_cast<std::size_t>(-1));
        return true;
    }
    const auto at = find(edit.key);
    if (!at) return false;
    Event& ev = merged_[*at];
    // The quote is what identifies the sentence: if re-extraction gave this key to a different
    // sentence (a document was edited and ids shifted), the edit must not land on it.
    if (!edit.quote_check.empty() && edit.quote_check != ev.source.quote) return false;
    // The event as extracted, for rebuild(): saved by the first edit of its content since the
    // last rebuild (deleting, restoring and review decisions leave the event itself alone).
    const bool content = edit.kind != Kind::Delete && edit.kind != Kind::Restore && edit.kind != Kind::Accept &&
                         edit.kind != Kind::Reject && edit.kind != Kind::Unreview;
    if (content && *at < extracted_count_) originals_.try_emplace(*at, ev);
    switch (edit.kind) {
        case Kind::Move:
            ev.position = edit.position;
            ev.has_position = true;
            if (edit.location_precision) ev.location_precision = *edit.location_precision;
            break;
        case Kind::SetDate:
            if (!edit.date) return false;
            ev.date = *edit.date;
            break;
        case Kind::SetType:
            if (!edit.type) return false;
            ev.type = *edit.type;
            break;
        case Kind::SetPlace:
            ev.place = edit.place;
            if (edit.location_precision) ev.location_precision = *edit.location_precision;
            break;
        case Kind::SetActor:
            ev.actor = edit.note;
            break;
        case Kind::SetTarget:
            ev.target = edit.note;
            break;
        case Kind::SetSummary:
            ev.summary = edit.note;
            break;
        case Kind::SetNote:
            ev.note = edit.note;
            break;
        case Kind::Relocate:
            if (edit.place.empty()) return false;
            ev.place = edit.place;
            ev.position = edit.position;
            ev.has_position = true;
            if (edit.location_precision) ev.location_precision = *edit.location_precision;
            break;
        case Kind::Delete:
            deleted_[*at] = 1;
            break;
        case Kind::Restore:
            deleted_[*at] = 0;
            break;
        case Kind::Accept:
        case Kind::Reject:
        case Kind::Unreview: {
            // A decision is not a correction of the event's content: it leaves edited() alone.
            const ReviewState s = edit.kind == Kind::Accept   ? ReviewState::Accepted
                                  : edit.kind == Kind::Reject ? ReviewState::Rejected
                                                              : ReviewState::Unreviewed;
            review_[*at] = static_cast<char>(s);
            review_edit_[*at] = edit_index;
            hidden_[*at] = deleted_[*at] || s == ReviewState::Rejected;
            return true;
        }
        case Kind::Add:
            break;  // handled above
    }
    hidden_[*at] = deleted_[*at] || review_[*at] == static_cast<char>(ReviewState::Rejected);
    edited_[*at] = 1;
    return true;
}

}  // namespace sitmap::core
