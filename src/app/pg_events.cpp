#include "app/pg_events.hpp"

namespace sitmap::app {

namespace {

void add_marks(const io::PgRow& row, std::vector<core::EventEdit>& marks) {
    const std::string key = core::event_key(row.event);
    if (row.deleted)
        marks.push_back({.kind = core::EventEdit::Kind::Delete,
                         .key = key,
                         .quote_check = row.event.source.quote,
                         .timestamp = row.edited_at,
                         .author = row.edited_by});
    if (row.review.state == core::ReviewState::Unreviewed) return;
    marks.push_back({.kind = row.review.state == core::ReviewState::Accepted ? core::EventEdit::Kind::Accept
                                                                             : core::EventEdit::Kind::Reject,
                     .key = key,
                     .quote_check = row.event.source.quote,
                     .timestamp = row.review.timestamp,
                     .author = row.review.author});
}

}  // namespace

std::vector<core::EventEdit> marks_of(const io::PgRow& row) {
    std::vector<core::EventEdit> marks;
    add_marks(row, marks);
    return marks;
}

PgWindowEvents read_pg_window(io::PgEventStore& store, const EventsWindow& window, std::size_t max_events,
                              std::size_t page) {
    PgWindowEvents out;
    io::PgQuery q{.bbox = window.bbox,
                  .include_unplaced = window.include_unplaced,
                  .from = window.from,
                  .to = window.to,
                  .limit = page};
    for (;;) {
        if (max_events > 0) q.limit = std::min(page, max_events - out.events.size());
        io::PgPage p = store.read(q);
        ++out.pages;
        for (auto& row : p.rows) {
            add_marks(row, out.marks);
            out.versions[core::event_key(row.event)] = row.version;
            out.events.push_back(std::move(row.event));
        }
        if (!p.more) break;
        q.after_id = p.rows.back().id;
        if (max_events > 0 && out.events.size() >= max_events) {
            // A full last page: there is more only if one more row matches.
            q.limit = 1;
            out.truncated = !store.read(q).rows.empty();
            break;
        }
    }
    return out;
}

core::GeoBox lonlat_box_of(const core::Projector& projector, const core::WorldBox& box, double margin) {
    core::GeoBox out;
    constexpr int steps = 16;
    for (int i = 0; i <= steps; ++i) {
        const double t = static_cast<double>(i) / steps;
        const double x = box.min_x + t * (box.max_x - box.min_x), y = box.min_y + t * (box.max_y - box.min_y);
        for (const core::WorldXY p : {core::WorldXY{x, box.min_y}, core::WorldXY{x, box.max_y},
                                      core::WorldXY{box.min_x, y}, core::WorldXY{box.max_x, y}}) {
            const core::LonLat ll = projector.inverse(p);
            out.extend(ll.lon, ll.lat);
        }
    }
    const double dx = (out.max_x - out.min_x) * margin, dy = (out.max_y - out.min_y) * margin;
    return {out.min_x - dx, out.min_y - dy, out.max_x + dx, out.max_y + dy};
}

}  // namespace sitmap::app
