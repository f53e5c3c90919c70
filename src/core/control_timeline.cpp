#include "core/control_timeline.hpp"

#include <algorithm>

namespace sitmap::core {

namespace {

using std::chrono::sys_days;

bool in_ring(const Ring<LonLat>& r, LonLat p) {
    bool inside = false;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
        if ((r[i].lat > p.lat) != (r[j].lat > p.lat) &&
            p.lon < (r[j].lon - r[i].lon) * (p.lat - r[i].lat) / (r[j].lat - r[i].lat) + r[i].lon)
            inside = !inside;
    }
    return inside;
}

GeoBox bounds_of(const MultiPolygon<LonLat>& area) {
    GeoBox b;
    for (const auto& poly : area)
        for (const auto& q : poly.outer) b.extend(q.lon, q.lat);
    return b;
}

}  // namespace

std::string_view controller_name(Controller c) {
    switch (c) {
        case Controller::Azerbaijan:
            return "azerbaijan";
        case Controller::Armenian:
            return "armenian";
        case Controller::Other:
            return "other";
    }
    return "other";
}
std::string_view kind_name(ControlKind k) {
    switch (k) {
        case ControlKind::Control:
            return "control";
        case ControlKind::Peacekeeping:
            return "peacekeeping";
        case ControlKind::Corridor:
            return "corridor";
        case ControlKind::AzerbaijanInArmenia:
            return "azerbaijan_in_armenia";
    }
    return "control";
}
std::string_view confidence_name(Confidence c) {
    switch (c) {
        case Confidence::High:
            return "high";
        case Confidence::Medium:
            return "medium";
        case Confidence::Low:
            return "low";
    }
    return "low";
}
std::optional<Controller> parse_controller(std::string_view t) {
    if (t == "azerbaijan") return Controller::Azerbaijan;
    if (t == "armenian") return Controller::Armenian;
    return std::nullopt;
}
std::optional<ControlKind> parse_kind(std::string_view t) {
    if (t == "control") return ControlKind::Control;
    if (t == "peacekeeping") return ControlKind::Peacekeeping;
    if (t == "corridor") return ControlKind::Corridor;
    if (t == "azerbaijan_in_armenia") return ControlKind::AzerbaijanInArmenia;
    return std::nullopt;
}
std::optional<Confidence> parse_confidence(std::string_view t) {
    if (t == "high") return Confidence::High;
    if (t == "medium") return Confidence::Medium;
    if (t == "low") return Confidence::Low;
    return std::nullopt;
}

bool contains_lonlat(const MultiPolygon<LonLat>& area, LonLat p) {
    for (const auto& poly : area) {
        if (poly.outer.size() < 3 || !in_ring(poly.outer, p)) continue;
        const bool in_hole = std::any_of(poly.holes.begin(), poly.holes.end(),
                                         [&](const Ring<LonLat>& h) { return h.size() >= 3 && in_ring(h, p); });
        if (!in_hole) return true;
    }
    return false;
}

bool ControlPeriod::valid_on(Date d) const {
    return sys_days(d) >= sys_days(valid_from) && (!valid_to || sys_days(d) < sys_days(*valid_to));
}

bool ControlPeriod::contains(LonLat p) const {
    if (!box.empty() && !box.contains(p.lon, p.lat)) return false;
    return contains_lonlat(area, p);
}

ControlTimeline::ControlTimeline(std::vector<ControlPeriod> periods, std::vector<ControlChange> changes,
                                 std::vector<ControlBackground> background, std::optional<Date> first,
                                 std::optional<Date> last)
    : periods_(std::move(periods)), changes_(std::move(changes)), background_(std::move(background)) {
    std::stable_sort(periods_.begin(), periods_.end(), [](const ControlPeriod& a, const ControlPeriod& b) {
        return sys_days(a.valid_from) < sys_days(b.valid_from);
    });
    for (auto& p : periods_) p.box = bounds_of(p.area);
    for (auto& b : background_) b.box = bounds_of(b.area);
    std::vector<Date> dates;
    for (const auto& p : periods_) {
        dates.push_back(p.valid_from);
        if (p.valid_to) dates.push_back(*p.valid_to);
    }
    std::sort(dates.begin(), dates.end(), [](Date a, Date b) { return sys_days(a) < sys_days(b); });
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    first_ = first ? *first : (dates.empty() ? Date{} : dates.front());
    last_ = last ? *last : (dates.empty() ? Date{} : dates.back());
    for (Date d : dates)
        if (sys_days(d) > sys_days(first_)) change_dates_.push_back(d);
}

std::vector<const ControlPeriod*> ControlTimeline::periods_at(Date d, LonLat p) const {
    std::vector<const ControlPeriod*> out;
    for (const auto& period : periods_)
        if (period.valid_on(d) && period.contains(p)) out.push_back(&period);
    return out;
}

std::vector<const ControlPeriod*> ControlTimeline::periods_on(Date d) const {
    std::vector<const ControlPeriod*> out;
    for (const auto& period : periods_)
        if (period.valid_on(d)) out.push_back(&period);
    return out;
}

ControlAnswer ControlTimeline::control_at(Date d, LonLat p) const {
    for (const auto& period : periods_) {
        if (!period.valid_on(d) || !period.contains(p)) continue;
        return {.controller = period.controller,
                .peacekeeping = period.kind == ControlKind::Peacekeeping || period.kind == ControlKind::Corridor,
                .kind = period.kind,
                .place = period.place,
                .source = period.source,
                .confidence = period.confidence};
    }
    for (const auto& b : background_) {
        if (!b.box.contains(p.lon, p.lat) || !contains_lonlat(b.area, p)) continue;
        return {.controller = b.controller, .source = b.source, .confidence = Confidence::High};
    }
    return {.controller = Controller::Other,
            .source = "outside Azerbaijan, Armenia and the disputed area",
            .confidence = Confidence::High};
}

std::optional<Date> ControlTimeline::next_change(Date d) const {
    auto it = std::upper_bound(change_dates_.begin(), change_dates_.end(), d,
                               [](Date a, Date b) { return sys_days(a) < sys_days(b); });
    if (it == change_dates_.end()) return std::nullopt;
    return *it;
}

std::optional<Date> ControlTimeline::previous_change(Date d) const {
    auto it = std::lower_bound(change_dates_.begin(), change_dates_.end(), d,
                               [](Date a, Date b) { return sys_days(a) < sys_days(b); });
    if (it == change_dates_.begin()) return std::nullopt;
    return *std::prev(it);
}

bool ControlTimeline::covers(Date d) const {
    return sys_days(d) >= sys_days(first_) && sys_days(d) <= sys_days(last_);
}

}  // namespace sitmap::core
