#include "core/event_view.hpp"

#include "core/text_tokens.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>
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

std::string folded_actor(const Event& e) { return fold_for_match(e.actor) + "\n" + fold_for_match(e.target); }

// One FoldedIndex per events vector the caller searches (the UI typically has one or two: the
// editable events and perhaps an events file), per thread. Keyed by the vector's data pointer only
// for speed: update() checks every event's text hash, so a vector reallocated at a reused address
// is still handled correctly.
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
    slot->index.update(events);
    return slot->index;
}

// A filter made ready for many events: query strings folded once, the folded index brought up to
// date once, and the substring searchers built once.
class PreparedFilter {
public:
    PreparedFilter(const EventFilter& f, const std::vector<Event>* events) : f_(f) {
        text_ = fold_for_match(f.text);
        actor_ = fold_for_match(f.actor);
        if (text_.size() >= 3) searcher_.emplace(text_.data(), text_.data() + text_.size());
        if (events && (!text_.empty() || !actor_.empty())) index_ = &cached_index(*events);
    }

    PreparedFilter(const PreparedFilter&) = delete;  // searcher_ points into text_
    PreparedFilter& operator=(const PreparedFilter&) = delete;

    bool is_deleted(std::size_t i) const { return i < f_.deleted.size() && f_.deleted[i] != 0; }

    // Everything but the text criteria: cheap, so checked first.
    bool passes_fields(const Event& e, bool deleted) const {
        if (deleted && !f_.include_deleted) return false;
        if (!f_.types.empty() && !f_.types.contains(e.type)) return false;
        if (!f_.documents.empty() && !f_.documents.contains(e.source.document)) return false;
        return true;
    }

    bool passes_text(std::string_view folded_text, std::string_view folded_actor) const {
        if (!actor_.empty() && folded_actor.find(actor_) == std::string_view::npos) return false;
        if (!text_.empty() && !contains(folded_text, text_)) return false;
        return true;
    }

    bool passes(const std::vector<Event>& events, std::size_t i) const {
        const Event& e = events[i];
        if (!passes_fields(e, is_deleted(i))) return false;
        if (text_.empty() && actor_.empty()) return true;
        return passes_text(index_->text(i), index_->actor(i));
    }

    bool passes_uncached(const Event& e, bool deleted) const {
        if (!passes_fields(e, deleted)) return false;
        if (text_.empty() && actor_.empty()) return true;
        return passes_text(text_.empty() ? std::string() : folded_text(e),
                           actor_.empty() ? std::string() : folded_actor(e));
    }

private:
    // Boyer-Moore-Horspool: the first letter of a query ("s" of "susa") is common in folded text,
    // which makes string_view::find (memchr on the first byte, then compare) several times slower.
    bool contains(std::string_view hay, std::string_view needle) const {
        if (!searcher_) return hay.find(needle) != std::string_view::npos;
        return std::search(hay.data(), hay.data() + hay.size(), *searcher_) != hay.data() + hay.size();
    }

    const EventFilter& f_;
    std::string text_, actor_;
    const FoldedIndex* index_ = nullptr;
    std::optional<std::boyer_moore_horspool_searcher<const char*>> searcher_;
};

constexpr std::int32_t kNoDay = std::numeric_limits<std::int32_t>::min();

}  // namespace

// ---------------------------------------------------------------------------------------------

std::optional<int> TimeWindow::days() const {
    switch (kind) {
        case WindowKind::Day: return 1;
        case WindowKind::Week: return 7;
        case WindowKind::Month: return 30;
        case WindowKind::Custom: return std::clamp(custom_days, 1, 3650);
        case WindowKind::All: return std::nullopt;
    }
    return std::nullopt;
}

bool EventFilter::matches(const Event& e) const { return matches(e, false); }

bool EventFilter::matches(const Event& e, bool is_deleted) const {
    return PreparedFilter(*this, nullptr).passes_uncached(e, is_deleted);
}

void FoldedIndex::update(const std::vector<Event>& events) {
    entries_.resize(events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        Entry& en = entries_[i];
        const std::uint64_t h = text_hash(events[i]);
        if (en.valid && en.hash == h) continue;
        en.hash = h;
        en.valid = true;
        en.text = folded_text(events[i]);
        en.actor = folded_actor(events[i]);
    }
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
        const std::int32_t s = day_number(e.date.start);
        if (s > end) continue;
        const std::int32_t en = day_number(e.date.end);
        if (en < start) continue;
        if (!pf.passes(events, i)) continue;
        // Age from the event's last day inside the window: a month-precision event that overlaps
        // the window's end is "current" (age 0), not as old as its first day.
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

// A provisional group while clustering: weighted position sum, members as ordinals into `visible`
// (so the final member order is the visible order: date, then index).
struct Cluster {
    double sx = 0, sy = 0;
    std::size_t first = 0;  // smallest ordinal: a stable tie-breaker
    std::vector<std::uint32_t> members;
    LocationPrecision precision = LocationPrecision::Point;

    double x() const { return sx / static_cast<double>(members.size()); }
    double y() const { return sy / static_cast<double>(members.size()); }
    void absorb(Cluster&& o) {
        sx += o.sx;
        sy += o.sy;
        first = std::min(first, o.first);
        precision = std::max(precision, o.precision);
        members.insert(members.end(), o.members.begin(), o.members.end());
        o.members.clear();
    }
};

// One greedy pass: clusters taken largest first (ties by first ordinal) each absorb the unclaimed
// clusters whose centre lies within `r` of theirs, found through a grid of cell size `r`.
std::vector<Cluster> merge_pass(std::vector<Cluster> in, double r) {
    std::vector<std::uint32_t> order(in.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (in[a].members.size() != in[b].members.size()) return in[a].members.size() > in[b].members.size();
        return in[a].first < in[b].first;
    });
    const auto cell_of = [r](double v) { return static_cast<std::int64_t>(std::floor(v / r)); };
    const auto key = [](std::int64_t cx, std::int64_t cy) {
        return (static_cast<std::uint64_t>(cx) << 32) ^ (static_cast<std::uint64_t>(cy) & 0xffffffffULL);
    };
    std::vector<double> xs(in.size()), ys(in.size());
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> grid;
    grid.reserve(in.size());
    for (std::uint32_t k : order) {
        xs[k] = in[k].x();
        ys[k] = in[k].y();
        grid[key(cell_of(xs[k]), cell_of(ys[k]))].push_back(k);
    }
    std::vector<char> taken(in.size(), 0);
    std::vector<Cluster> out;
    const double r2 = r * r;
    for (std::uint32_t k : order) {
        if (taken[k]) continue;
        taken[k] = 1;
        Cluster c = std::move(in[k]);
        const std::int64_t cx = cell_of(xs[k]), cy = cell_of(ys[k]);
        for (std::int64_t dy = -1; dy <= 1; ++dy)
            for (std::int64_t dx = -1; dx <= 1; ++dx) {
                auto it = grid.find(key(cx + dx, cy + dy));
                if (it == grid.end()) continue;
                auto& cell = it->second;
                // Drop claimed entries as we go so dense cells are not rescanned by later clusters.
                std::size_t w = 0;
                for (std::uint32_t t : cell) {
                    if (taken[t]) continue;
                    const double ddx = xs[t] - xs[k], ddy = ys[t] - ys[k];
                    if (ddx * ddx + ddy * ddy <= r2) {
                        taken[t] = 1;
                        c.absorb(std::move(in[t]));
                    } else {
                        cell[w++] = t;
                    }
                }
                cell.resize(w);
            }
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

std::vector<EventGroup> group_events(const std::vector<Event>& events, const std::vector<VisibleEvent>& visible,
                                     const Projector& projector, double metres_per_pixel, double radius_px) {
    thread_local ProjectedCache projected;
    // Seeds: one per named place (whatever the members' exact positions: an edited position must
    // not split "Aghdam" in two), one per unnamed event.
    std::vector<Cluster> seeds;
    std::unordered_map<std::string_view, std::size_t> by_place;
    for (std::size_t k = 0; k < visible.size(); ++k) {
        const std::size_t i = visible[k].index;
        const Event& e = events[i];
        if (!e.has_position) continue;
        const WorldXY p = projected.at(events, i, projector);
        std::size_t s = seeds.size();
        if (!e.place.empty()) {
            auto [it, fresh] = by_place.try_emplace(e.place, seeds.size());
            s = it->second;
            if (fresh) seeds.emplace_back().first = k;
        } else {
            seeds.emplace_back().first = k;
        }
        Cluster& c = seeds[s];
        c.sx += p.x;
        c.sy += p.y;
        c.members.push_back(static_cast<std::uint32_t>(k));
        c.precision = std::max(c.precision, e.location_precision);
    }
    const double r = radius_px * metres_per_pixel;
    if (r > 0 && std::isfinite(r)) {
        // A greedy pass can leave two centres closer than r (a centre moves as it absorbs); a few
        // more passes over the clusters settle that. Each pass only ever merges, so this ends.
        for (int pass = 0; pass < 4; ++pass) {
            const std::size_t before = seeds.size();
            seeds = merge_pass(std::move(seeds), r);
            if (seeds.size() == before) break;
        }
    }
    std::sort(seeds.begin(), seeds.end(), [](const Cluster& a, const Cluster& b) { return a.first < b.first; });
    std::vector<EventGroup> out;
    out.reserve(seeds.size());
    for (Cluster& c : seeds) {
        std::sort(c.members.begin(), c.members.end());
        EventGroup g;
        g.centre = {c.x(), c.y()};
        g.precision = c.precision;
        g.members.reserve(c.members.size());
        for (std::uint32_t k : c.members) g.members.push_back(visible[k].index);
        out.push_back(std::move(g));
    }
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
        const std::int32_t s = day_number(events[i].date.start);
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
        const std::int32_t s = day_number(events[i].date.start);
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
        case LocationPrecision::Point: return 0.0;
        case LocationPrecision::District: return 15'000.0;
        case LocationPrecision::Region: return 40'000.0;
        case LocationPrecision::Country: return 120'000.0;
    }
    return 0.0;
}

}  // namespace sitmap::core
