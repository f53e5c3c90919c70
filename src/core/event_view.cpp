#include "core/event_view.hpp"

#include "core/error.hpp"
#include "core/event_day_index.hpp"
#include "core/text_tokens.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <unordered_map>

namespace sitmap::core {

namespace {

std::uint64_t mix(std::uint64_t h, std::string_view s) {
    // boost::hash_combine's constant; std::hash<string_view> is a 64-bit murmur on libstdc++.
    return h ^ (std::hash<std::string_view>{}(s) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2));
}

std::uint64_t text_hash(const Event& e) {
    std::uint64_t h = e.place.size();
    for (std::string_view s : {std::string_view(e.place), std::string_view(e.place_text), std::string_view(e.summary),
                               std::string_view(e.source.quote), std::string_view(e.actor), std::string_view(e.target)})
        h = mix(h, s);
    return h;
}

// Fields are folded one by one and joined with '\n': fold_for_match never emits '\n' and neither
// does a folded query, so a match cannot span two fields.
std::string folded_text(const Event& e) {
    std::string out;
    for (const std::string* s : {&e.place, &e.place_text, &e.summary, &e.source.quote, &e.actor}) {
        if (!out.empty()) out.push_back('\n');
        out += fold_for_match(*s);
    }
    return out;
}

std::string folded_actor(const Event& e) {
    return fold_for_match(e.actor) + "\n" + fold_for_match(e.target);
}

// One FoldedIndex per events vector the caller searches (the UI typically has one or two: the
// editable events and perhaps an events file), per thread. Keyed by the vector's data pointer only
// for speed: every search refreshes an entry (checks the event's text hash) before using it, so a
// vector reallocated at a reused address, or an event edited in place, is still handled correctly.
FoldedIndex& cached_index(const std::vector<Event>& events) {
    struct Slot {
        const Event* data = nullptr;
        std::uint64_t last_use = 0;
        FoldedIndex index;
    };
    thread_local std::array<Slot, 2> slots;
    thread_local std::uint64_t clock = 0;
    Slot* slot = nullptr;
    for (Slot& s : slots)
        if (s.data == events.data()) slot = &s;
    if (!slot) {
        slot = &*std::min_element(slots.begin(), slots.end(),
                                  [](const Slot& a, const Slot& b) { return a.last_use < b.last_use; });
        slot->data = events.data();
    }
    slot->last_use = ++clock;
    return slot->index;
}

// A filter made ready for many events: query strings folded once, and the per-thread folded index
// looked up once.
class PreparedFilter {
public:
    PreparedFilter(const EventFilter& f, const std::vector<Event>* events) : f_(f) {
        text_ = fold_for_match(f.text);
        actor_ = fold_for_match(f.actor);
        if (events && (!text_.empty() || !actor_.empty())) index_ = &cached_index(*events);
    }

    bool is_deleted(std::size_t i) const { return i < f_.deleted.size() && f_.deleted[i] != 0; }
    ReviewState review_state(std::size_t i) const {
        return i < f_.review_states.size() ? static_cast<ReviewState>(f_.review_states[i]) : ReviewState::Unreviewed;
    }

    // Everything but the text criteria: cheap, so checked first.
    bool passes_fields(const Event& e, bool deleted, ReviewState review = ReviewState::Unreviewed) const {
        if (deleted && !f_.include_deleted) return false;
        if (!review_passes(f_.review, review)) return false;
        if (!f_.types.empty() && !f_.types.contains(e.type)) return false;
        if (!f_.documents.empty() && !f_.documents.contains(e.source.document)) return false;
        if (e.confidence < f_.min_confidence) return false;
        return true;
    }

    bool passes_text(std::string_view folded_text, std::string_view folded_actor) const {
        if (!actor_.empty() && folded_actor.find(actor_) == std::string_view::npos) return false;
        // string_view::find (memchr for the first byte, then compare) measured as fast as glibc's
        // memmem here and 2-3x faster than std::boyer_moore_horspool_searcher on ~250-byte texts.
        if (!text_.empty() && folded_text.find(text_) == std::string_view::npos) return false;
        return true;
    }

    bool passes(const std::vector<Event>& events, std::size_t i) const {
        const Event& e = events[i];
        if (!passes_fields(e, is_deleted(i), review_state(i))) return false;
        if (text_.empty() && actor_.empty()) return true;
        index_->refresh(events, i);
        return passes_text(index_->text(i), index_->actor(i));
    }

    bool passes_uncached(const Event& e, bool deleted) const {
        if (!passes_fields(e, deleted)) return false;
        if (text_.empty() && actor_.empty()) return true;
        return passes_text(text_.empty() ? std::string() : folded_text(e),
                           actor_.empty() ? std::string() : folded_actor(e));
    }

private:
    const EventFilter& f_;
    std::string text_, actor_;
    FoldedIndex* index_ = nullptr;
};

constexpr std::int32_t kNoDay = std::numeric_limits<std::int32_t>::min();

std::int32_t placed_day(const DateRange& d) {
    return day_number(placed_date(d));
}

}  // namespace

bool is_time_span(const DateRange& d) {
    if (d.precision != DatePrecision::Day) return true;
    return day_number(d.end) - day_number(d.start) + 1 > kMaxDatedSpanDays;
}

Date placed_date(const DateRange& d) {
    return is_time_span(d) ? d.end : d.start;
}

// ---------------------------------------------------------------------------------------------

std::optional<int> TimeWindow::days() const {
    switch (kind) {
        case WindowKind::Day:
            return 1;
        case WindowKind::Week:
            return 7;
        case WindowKind::Month:
            return 30;
        case WindowKind::Custom:
            return std::clamp(custom_days, 1, 3650);
        case WindowKind::All:
            return std::nullopt;
    }
    return std::nullopt;
}

bool EventFilter::matches(const Event& e) const {
    return matches(e, false);
}

bool EventFilter::matches(const Event& e, bool is_deleted) const {
    return PreparedFilter(*this, nullptr).passes_uncached(e, is_deleted);
}

void FoldedIndex::update(const std::vector<Event>& events) {
    for (std::size_t i = 0; i < events.size(); ++i) refresh(events, i);
}

void FoldedIndex::refresh(const std::vector<Event>& events, std::size_t i) {
    if (entries_.size() != events.size()) entries_.resize(events.size());
    if (i >= events.size()) return;
    Entry& en = entries_[i];
    const std::uint64_t h = text_hash(events[i]);
    if (en.valid && en.hash == h) return;
    en.hash = h;
    en.valid = true;
    en.text = folded_text(events[i]);
    en.actor = folded_actor(events[i]);
}

std::vector<VisibleEvent> select_events(const std::vector<Event>& events, const EventFilter& filter,
                                        const TimeWindow& window, Date date) {
    const PreparedFilter pf(filter, &events);
    const std::int32_t end = day_number(date);
    const std::optional<int> days = window.days();
    const std::int32_t start = days ? end - *days + 1 : kNoDay;
    const float age_span = days && *days > 1 ? static_cast<float>(*days - 1) : 0.0f;

    struct Item {
        std::int32_t day;
        VisibleEvent v;
    };
    std::vector<Item> items;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& e = events[i];
        // A span ("in September", "during the war") counts only on its last day (see placed_date);
        // a dated event over its whole (short) range.
        const bool span = is_time_span(e.date);
        const std::int32_t s = span ? day_number(e.date.end) : day_number(e.date.start);
        if (s > end) continue;
        const std::int32_t en = day_number(e.date.end);
        if (en < start) continue;
        if (!pf.passes(events, i)) continue;
        // Age from the event's last day inside the window: a two-day event that overlaps the
        // window's end is "current" (age 0), not as old as its first day.
        const float age = age_span > 0 ? static_cast<float>(end - std::min(en, end)) / age_span : 0.0f;
        items.push_back({s, {i, age}});
    }
    const auto by_date = [](const Item& a, const Item& b) {
        return a.day != b.day ? a.day < b.day : a.v.index < b.v.index;
    };
    if (!std::is_sorted(items.begin(), items.end(), by_date)) std::sort(items.begin(), items.end(), by_date);
    std::vector<VisibleEvent> out;
    out.reserve(items.size());
    for (const Item& it : items) out.push_back(it.v);
    return out;
}

std::vector<VisibleEvent> select_events(const std::vector<Event>& events, const EventDayIndex& index,
                                        const EventFilter& filter, const TimeWindow& window, Date date) {
    SITMAP_ASSERT(index.size() == events.size(), "EventDayIndex built from another events vector");
    const PreparedFilter pf(filter, &events);
    const std::int32_t end = day_number(date);
    const std::optional<int> days = window.days();
    const std::int32_t start = days ? end - *days + 1 : kNoDay;
    const float age_span = days && *days > 1 ? static_cast<float>(*days - 1) : 0.0f;
    // An event overlaps the window when it is placed on or before its end and its last day is on
    // or after its start; its last day is at most max_lead() after the day it is placed on.
    const auto run = days ? index.placed_between(start - index.max_lead(), end) : index.placed_until(end);
    std::vector<VisibleEvent> out;
    for (const EventDayIndex::Entry& e : run) {
        if (e.last < start || !pf.passes(events, e.index)) continue;
        const float age = age_span > 0 ? static_cast<float>(end - std::min(e.last, end)) / age_span : 0.0f;
        out.push_back({e.index, age});
    }
    return out;
}

namespace {

// Projected positions per events vector, re-projected only where lon/lat (or the projection)
// changed: Projector::forward costs ~100 ns (pow, tan, sin, cos), a third of group_events' budget.
class ProjectedCache {
public:
    const WorldXY& at(const std::vector<Event>& events, std::size_t i, const Projector& p) {
        if (events.data() != data_ || events.size() != pos_.size() || !same_params(p.params())) {
            data_ = events.data();
            params_ = p.params();
            pos_.assign(events.size(), Entry{});
        }
        Entry& en = pos_[i];
        const LonLat ll = events[i].position;
        if (!en.valid || en.ll.lon != ll.lon || en.ll.lat != ll.lat) {
            en.ll = ll;
            en.xy = p.forward(ll);
            en.valid = true;
        }
        return en.xy;
    }

private:
    struct Entry {
        LonLat ll;
        WorldXY xy;
        bool valid = false;
    };
    bool same_params(const LccParams& o) const {
        return o.lat_1 == params_.lat_1 && o.lat_2 == params_.lat_2 && o.lat_0 == params_.lat_0 &&
               o.lon_0 == params_.lon_0;
    }
    const Event* data_ = nullptr;
    LccParams params_;
    std::vector<Entry> pos_;
};

// Clustering state, in flat arrays: 100,000 visible events must group in well under 10 ms, which
// rules out a std::vector per provisional group and a node-based hash map for the grid.
struct Clusters {
    // Per cluster: weighted position sum, member count, smallest member ordinal (a stable
    // tie-breaker), coarsest precision, and the head/tail of its member list.
    std::vector<double> sx, sy;
    std::vector<std::uint32_t> count, first, head, tail;
    std::vector<LocationPrecision> precision;
    // Per visible ordinal: the next member of the same cluster (kEnd ends the list), so a merge
    // is O(1); and scratch space mapping a cluster's first ordinal back to the cluster.
    std::vector<std::uint32_t> next, cluster_of_first;

    static constexpr std::uint32_t kEnd = 0xffffffffu;

    std::size_t size() const { return count.size(); }
    double x(std::size_t c) const { return sx[c] / count[c]; }
    double y(std::size_t c) const { return sy[c] / count[c]; }

    std::uint32_t add(std::uint32_t ordinal) {
        sx.push_back(0);
        sy.push_back(0);
        count.push_back(0);
        first.push_back(ordinal);
        head.push_back(kEnd);
        tail.push_back(kEnd);
        precision.push_back(LocationPrecision::Point);
        return static_cast<std::uint32_t>(count.size() - 1);
    }
    void add_member(std::uint32_t c, std::uint32_t ordinal, WorldXY p, LocationPrecision prec) {
        sx[c] += p.x;
        sy[c] += p.y;
        ++count[c];
        first[c] = std::min(first[c], ordinal);
        precision[c] = std::max(precision[c], prec);
        next[ordinal] = kEnd;
        if (head[c] == kEnd)
            head[c] = ordinal;
        else
            next[tail[c]] = ordinal;
        tail[c] = ordinal;
    }
    // Moves cluster `o`'s members into `c` (o is left empty).
    void absorb(std::uint32_t c, std::uint32_t o) {
        sx[c] += sx[o];
        sy[c] += sy[o];
        count[c] += count[o];
        first[c] = std::min(first[c], first[o]);
        precision[c] = std::max(precision[c], precision[o]);
        if (head[o] == kEnd) return;
        if (head[c] == kEnd)
            head[c] = head[o];
        else
            next[tail[c]] = head[o];
        tail[c] = tail[o];
        count[o] = 0;
        head[o] = tail[o] = kEnd;
    }
    // Keeps only the clusters listed, in that order.
    void keep(const std::vector<std::uint32_t>& ids) {
        auto pick = [&](auto& v) {
            std::remove_reference_t<decltype(v)> out;
            out.reserve(ids.size());
            for (std::uint32_t c : ids) out.push_back(v[c]);
            v = std::move(out);
        };
        pick(sx);
        pick(sy);
        pick(count);
        pick(first);
        pick(head);
        pick(tail);
        pick(precision);
    }
};

// Grid cells (cell size = the grouping radius) -> head of an intrusive list of the clusters in each
// cell. A dense array over the cells' bounding box when that is not much larger than the number of
// clusters (a row's three neighbour cells then share a cache line); otherwise an open-addressing
// hash table.
class CellGrid {
public:
    CellGrid(std::size_t n, std::int64_t min_x, std::int64_t min_y, std::int64_t max_x, std::int64_t max_y) {
        next_.assign(n, Clusters::kEnd);
        // No clusters: the bounds are still their empty sentinels (max < min); subtracting them
        // would overflow, so nothing is computed from them.
        const bool empty = n == 0 || max_x < min_x || max_y < min_y;
        const std::int64_t w = empty ? 0 : max_x - min_x + 1, h = empty ? 0 : max_y - min_y + 1;
        if (!empty && w > 0 && h > 0 && w <= (1 << 24) && h <= (1 << 24) &&
            w * h <= std::max<std::int64_t>(16 * static_cast<std::int64_t>(n), 1 << 16)) {
            dense_ = true;
            min_x_ = min_x;
            min_y_ = min_y;
            width_ = w;
            height_ = h;
            heads_.assign(static_cast<std::size_t>(w * h), Clusters::kEnd);
            return;
        }
        std::size_t cap = 16;
        int bits = 4;
        for (; cap < 2 * n; cap *= 2) ++bits;
        mask_ = cap - 1;
        shift_ = 64 - bits;
        slots_.assign(cap, Slot{});
    }
    void insert(std::int64_t cx, std::int64_t cy, std::uint32_t c) {
        std::uint32_t* head = nullptr;
        if (dense_) {
            head = &heads_[static_cast<std::size_t>((cy - min_y_) * width_ + (cx - min_x_))];
        } else {
            Slot& s = slots_[slot(key(cx, cy))];
            s.key = key(cx, cy);
            head = &s.head;
        }
        next_[c] = *head;
        *head = c;
    }
    // Head of the cell's list (nullptr or kEnd when empty); unlinking is done through next().
    std::uint32_t* find(std::int64_t cx, std::int64_t cy) {
        if (dense_) {
            if (cx < min_x_ || cy < min_y_ || cx - min_x_ >= width_ || cy - min_y_ >= height_) return nullptr;
            return &heads_[static_cast<std::size_t>((cy - min_y_) * width_ + (cx - min_x_))];
        }
        const std::uint64_t k = key(cx, cy);
        Slot& s = slots_[slot(k)];
        return s.key == k ? &s.head : nullptr;
    }
    std::uint32_t& next(std::uint32_t c) { return next_[c]; }

private:
    static constexpr std::uint64_t kEmpty = 0x8000000080000000ULL;  // cell (-2^31, -2^31): never used
    static std::uint64_t key(std::int64_t cx, std::int64_t cy) {
        return (static_cast<std::uint64_t>(cx) << 32) ^ (static_cast<std::uint64_t>(cy) & 0xffffffffULL);
    }
    // Key and list head side by side: one cache miss per probe.
    struct Slot {
        std::uint64_t key = kEmpty;
        std::uint32_t head = Clusters::kEnd;
    };
    std::size_t slot(std::uint64_t k) const {
        // Fibonacci hashing: the top bits of the product depend on every bit of the key (both cell
        // coordinates); lower bits would see only one of them and cluster.
        std::size_t s = static_cast<std::size_t>((k * 0x9e3779b97f4a7c15ULL) >> shift_);
        while (slots_[s].key != k && slots_[s].key != kEmpty) s = (s + 1) & mask_;
        return s;
    }
    bool dense_ = false;
    std::int64_t min_x_ = 0, min_y_ = 0, width_ = 0, height_ = 0;
    std::vector<std::uint32_t> heads_;
    std::size_t mask_ = 0;
    int shift_ = 60;
    std::vector<Slot> slots_;
    std::vector<std::uint32_t> next_;
};

// One greedy pass: clusters taken largest first (ties by first ordinal) each absorb the unclaimed
// clusters whose centre lies within `r` of theirs, found in the 3x3 grid cells around them.
// Only clusters with `moved` set start a search: after the first pass (all set), two clusters that
// did not change in a pass are already more than r apart, so only those that grew need looking at.
// Sets `moved` anew for the next pass; returns true if anything merged.
bool merge_pass(Clusters& cl, double r, std::vector<char>& moved) {
    const std::size_t n = cl.size();
    // Order: largest first, ties by first ordinal. Sorted as packed 64-bit keys (first ordinals
    // are unique, so they lead back to the cluster): several times faster than an indirect sort.
    std::vector<std::uint64_t> keys(n);
    for (std::uint32_t k = 0; k < n; ++k) keys[k] = (static_cast<std::uint64_t>(~cl.count[k]) << 32) | cl.first[k];
    std::sort(keys.begin(), keys.end());
    std::vector<std::uint32_t> order(n);
    for (std::uint32_t k = 0; k < n; ++k) cl.cluster_of_first[cl.first[k]] = k;
    for (std::size_t j = 0; j < n; ++j) order[j] = cl.cluster_of_first[static_cast<std::uint32_t>(keys[j])];
    const auto cell_of = [r](double v) { return static_cast<std::int64_t>(std::floor(v / r)); };
    std::vector<double> xs(n), ys(n);
    std::int64_t min_x = std::numeric_limits<std::int64_t>::max(), min_y = min_x;
    std::int64_t max_x = std::numeric_limits<std::int64_t>::min(), max_y = max_x;
    for (std::uint32_t k = 0; k < n; ++k) {
        xs[k] = cl.x(k);
        ys[k] = cl.y(k);
        min_x = std::min(min_x, cell_of(xs[k]));
        max_x = std::max(max_x, cell_of(xs[k]));
        min_y = std::min(min_y, cell_of(ys[k]));
        max_y = std::max(max_y, cell_of(ys[k]));
    }
    CellGrid grid(n, min_x, min_y, max_x, max_y);
    // Inserted in reverse order so each cell's list runs largest first, like `order`.
    for (auto it = order.rbegin(); it != order.rend(); ++it) grid.insert(cell_of(xs[*it]), cell_of(ys[*it]), *it);
    std::vector<char> absorbed(n, 0), grew(n, 0);
    const double r2 = r * r;
    bool merged = false;
    for (std::uint32_t k : order) {
        if (absorbed[k] || !moved[k]) continue;
        const std::int64_t cx = cell_of(xs[k]), cy = cell_of(ys[k]);
        for (std::int64_t dy = -1; dy <= 1; ++dy)
            for (std::int64_t dx = -1; dx <= 1; ++dx) {
                std::uint32_t* link = grid.find(cx + dx, cy + dy);
                // Absorbed clusters are unlinked as we go, so dense cells are not rescanned.
                while (link && *link != Clusters::kEnd) {
                    const std::uint32_t t = *link;
                    if (absorbed[t]) {
                        *link = grid.next(t);
                        continue;
                    }
                    const double ddx = xs[t] - xs[k], ddy = ys[t] - ys[k];
                    if (t != k && ddx * ddx + ddy * ddy <= r2) {
                        absorbed[t] = 1;
                        grew[k] = 1;
                        merged = true;
                        cl.absorb(k, t);
                        *link = grid.next(t);
                    } else {
                        link = &grid.next(t);
                    }
                }
            }
    }
    if (merged) {
        std::vector<std::uint32_t> survivors;
        moved.clear();
        for (std::uint32_t k : order)
            if (!absorbed[k]) {
                survivors.push_back(k);
                moved.push_back(grew[k]);
            }
        cl.keep(survivors);
    }
    return merged;
}

}  // namespace

std::vector<EventGroup> group_events(const std::vector<Event>& events, const std::vector<VisibleEvent>& visible,
                                     const Projector& projector, double metres_per_pixel, double radius_px) {
    thread_local ProjectedCache projected;
    // Seeds: one per named place (whatever the members' exact positions: an edited position must
    // not split "Aghdam" in two), one per unnamed event.
    Clusters cl;
    cl.next.assign(visible.size(), Clusters::kEnd);
    cl.cluster_of_first.assign(visible.size(), Clusters::kEnd);
    std::unordered_map<std::string_view, std::uint32_t> by_place;
    // Visible events come in date order, i.e. at random places in `events`; reading 100,000 Events
    // (~350 bytes each) in that order costs a cache miss each, most of the budget. When many are
    // visible, walk `events` in memory order instead. The result does not depend on the order:
    // clusters are ranked by (size, smallest ordinal) below.
    const auto seed = [&](std::size_t i, std::uint32_t ordinal) {
        SITMAP_ASSERT(i < events.size(), "visible event index out of range of events");
        const Event& e = events[i];
        if (!e.has_position) return;
        std::uint32_t c = 0;
        if (e.place.empty()) {
            c = cl.add(ordinal);
        } else {
            auto [it, fresh] = by_place.try_emplace(e.place, 0);
            if (fresh) it->second = cl.add(ordinal);
            c = it->second;
        }
        cl.add_member(c, ordinal, projected.at(events, i, projector), e.location_precision);
    };
    if (visible.size() * 8 >= events.size()) {
        std::vector<std::uint32_t> ordinal_of(events.size(), Clusters::kEnd);
        for (std::size_t k = 0; k < visible.size(); ++k) {
            SITMAP_ASSERT(visible[k].index < events.size(), "visible event index out of range of events");
            ordinal_of[visible[k].index] = static_cast<std::uint32_t>(k);
        }
        for (std::size_t i = 0; i < ordinal_of.size(); ++i)
            if (ordinal_of[i] != Clusters::kEnd) seed(i, ordinal_of[i]);
    } else {
        for (std::size_t k = 0; k < visible.size(); ++k) seed(visible[k].index, static_cast<std::uint32_t>(k));
    }
    const double r = radius_px * metres_per_pixel;
    if (r > 1e-3 && std::isfinite(r)) {  // below a millimetre cell keys could reach the empty-slot key
        // A greedy pass can leave two centres closer than r (a centre moves as it absorbs); a few
        // more passes over the clusters settle that. Each pass only ever merges, so this ends.
        std::vector<char> moved(cl.size(), 1);
        for (int pass = 0; pass < 4 && merge_pass(cl, r, moved); ++pass) {
        }
    }
    // Groups in order of their first member; members in visible order (date, then index). Both
    // come from one walk over the ordinals, without sorting.
    std::fill(cl.cluster_of_first.begin(), cl.cluster_of_first.end(), Clusters::kEnd);
    for (std::uint32_t c = 0; c < cl.size(); ++c) cl.cluster_of_first[cl.first[c]] = c;
    std::vector<std::uint32_t> group_of(visible.size(), Clusters::kEnd);  // ordinal -> output group
    std::vector<EventGroup> out;
    out.reserve(cl.size());
    for (std::uint32_t c : cl.cluster_of_first) {
        if (c == Clusters::kEnd) continue;
        const auto g = static_cast<std::uint32_t>(out.size());
        EventGroup& group = out.emplace_back();
        group.centre = {cl.x(c), cl.y(c)};
        group.precision = cl.precision[c];
        group.members.reserve(cl.count[c]);
        for (std::uint32_t m = cl.head[c]; m != Clusters::kEnd; m = cl.next[m]) group_of[m] = g;
    }
    for (std::size_t k = 0; k < visible.size(); ++k)
        if (group_of[k] != Clusters::kEnd) out[group_of[k]].members.push_back(visible[k].index);
    return out;
}

std::vector<int> event_histogram(const std::vector<Event>& events, const EventFilter& filter, Date from, Date to,
                                 int bin_days) {
    const int bin = std::max(bin_days, 1);
    const std::int32_t first = day_number(from), last = day_number(to);
    if (last < first) return {};
    std::vector<int> bins(static_cast<std::size_t>((last - first) / bin + 1), 0);
    const PreparedFilter pf(filter, &events);
    for (std::size_t i = 0; i < events.size(); ++i) {
        const std::int32_t s = placed_day(events[i].date);
        if (s < first || s > last || !pf.passes(events, i)) continue;
        ++bins[static_cast<std::size_t>((s - first) / bin)];
    }
    return bins;
}

namespace {

// The nearest start date strictly after (dir > 0) or before (dir < 0) `date`.
std::optional<Date> adjacent_event_date(const std::vector<Event>& events, const EventFilter& filter, Date date,
                                        int dir) {
    const PreparedFilter pf(filter, &events);
    const std::int32_t d = day_number(date);
    std::optional<std::int32_t> best;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const std::int32_t s = placed_day(events[i].date);
        const bool beyond = dir > 0 ? s > d : s < d;
        const bool closer = !best || (dir > 0 ? s < *best : s > *best);
        if (beyond && closer && pf.passes(events, i)) best = s;
    }
    if (!best) return std::nullopt;
    return date_from_day_number(*best);
}

}  // namespace

std::optional<Date> next_event_date(const std::vector<Event>& events, const EventFilter& filter, Date date) {
    return adjacent_event_date(events, filter, date, +1);
}

std::optional<Date> previous_event_date(const std::vector<Event>& events, const EventFilter& filter, Date date) {
    return adjacent_event_date(events, filter, date, -1);
}

double precision_radius_m(LocationPrecision p) {
    switch (p) {
        case LocationPrecision::Point:
            return 0.0;
        case LocationPrecision::District:
            return 15'000.0;
        case LocationPrecision::Region:
            return 40'000.0;
        case LocationPrecision::Country:
            return 120'000.0;
    }
    return 0.0;
}

float confidence_alpha(double confidence) {
    const double c = std::isfinite(confidence) ? std::clamp(confidence, 0.0, 1.0) : 0.0;
    return static_cast<float>(0.35 + 0.65 * std::clamp((c - 0.15) / 0.45, 0.0, 1.0));
}

// ---------------------------------------------------------------------------------------------

std::optional<OffMapReason> off_map_reason(const Event& e) {
    if (!e.has_position) return OffMapReason::NoPosition;
    switch (e.location_precision) {
        case LocationPrecision::Point:
        case LocationPrecision::District:
            return std::nullopt;
        case LocationPrecision::Region:
            return OffMapReason::Region;
        case LocationPrecision::Country:
            return OffMapReason::Country;
    }
    return std::nullopt;
}

OffMapSummary summarize_off_map(const std::vector<Event>& events, const std::vector<VisibleEvent>& visible,
                                std::vector<VisibleEvent>* on_map) {
    OffMapSummary out;
    if (on_map) on_map->clear();
    std::map<std::pair<OffMapReason, std::string>, std::size_t> group_of;
    for (const VisibleEvent& v : visible) {
        SITMAP_ASSERT(v.index < events.size(), "visible event index out of range of events");
        const Event& e = events[v.index];
        const auto reason = off_map_reason(e);
        if (!reason) {
            if (on_map) on_map->push_back(v);
            continue;
        }
        std::string place;
        if (*reason != OffMapReason::NoPosition) place = !e.place.empty() ? e.place : e.place_text;
        auto [it, fresh] = group_of.try_emplace({*reason, place}, out.groups.size());
        if (fresh) out.groups.push_back({*reason, std::move(place), {}});
        out.groups[it->second].members.push_back(v.index);
        (*reason == OffMapReason::NoPosition ? out.no_position : out.region_or_country) += 1;
    }
    // Unlocated events last; otherwise the biggest place first, ties by label for a stable order.
    std::stable_sort(out.groups.begin(), out.groups.end(), [](const OffMapGroup& a, const OffMapGroup& b) {
        const bool an = a.reason == OffMapReason::NoPosition, bn = b.reason == OffMapReason::NoPosition;
        if (an != bn) return bn;
        if (a.members.size() != b.members.size()) return a.members.size() > b.members.size();
        return off_map_label(a) < off_map_label(b);
    });
    return out;
}

std::string off_map_label(const OffMapGroup& g) {
    switch (g.reason) {
        case OffMapReason::Region: {
            if (g.place.empty()) return "somewhere in an unnamed region";
            // Linear features read "along": "somewhere along the Lachin corridor", "... the Aras river".
            for (std::string_view end : {"corridor", "river", "line", "border", "road"})
                if (g.place.size() >= end.size() && g.place.ends_with(end)) return "somewhere along the " + g.place;
            if (g.place.starts_with("line of") || g.place.starts_with("border"))
                return "somewhere along the " + g.place;
            return "somewhere in " + g.place;
        }
        case OffMapReason::Country:
            return (g.place.empty() ? std::string("an unnamed country") : g.place) + " (country)";
        case OffMapReason::NoPosition:
            return "place not located";
    }
    return {};
}

std::string off_map_sentence(const OffMapSummary& s) {
    auto events_word = [](std::size_t n) { return std::to_string(n) + (n == 1 ? " event" : " events"); };
    if (s.total() == 0) return {};
    if (s.no_position == 0)
        return events_word(s.region_or_country) + " known only to a region or country " +
               (s.region_or_country == 1 ? "is" : "are") + " not drawn";
    if (s.region_or_country == 0)
        return events_word(s.no_position) + " without a located place " + (s.no_position == 1 ? "is" : "are") +
               " not drawn";
    return events_word(s.region_or_country) + " known only to a region or country and " +
           std::to_string(s.no_position) + " without a located place are not drawn";
}

}  // namespace sitmap::core
