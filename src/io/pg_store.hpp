// A team's shared event store in PostgreSQL/PostGIS, reached through libpq: events written by
// `sitmap extract -o PG:"..."`, read back by bbox and date window (pushed down to the database's
// GiST indexes, paged), and corrected by several analysts at once, each event carrying a version so
// that an update made from a stale copy is refused instead of overwriting another analyst's work.
// Part of sitmap_io (with GDAL, the only module that talks to storage); returns core types only.
#pragma once
#include "core/date.hpp"
#include "core/event.hpp"
#include "core/event_edits.hpp"
#include "core/geometry.hpp"
#include "core/review.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitmap::io {

/// True for a PostgreSQL source or target: text starting with "PG:" (GDAL's spelling), e.g.
/// PG:"dbname=sitmap host=/run/postgresql".
bool is_pg_source(std::string_view text);

/// What to fetch: events whose point lies in `bbox` (lon/lat, EPSG:4326; unset = anywhere) and
/// whose date range overlaps [from, to] (either end unset = open). Both are WHERE clauses the
/// database answers from its indexes. Rows come in id order, `limit` at a time after `after_id`.
struct PgQuery {
    std::optional<core::GeoBox> bbox;
    bool include_unplaced = false;  ///< also events without a position (they match any bbox)
    std::optional<core::Date> from, to;
    std::int64_t after_id = 0;
    std::size_t limit = 10000;  ///< rows per page; 0 = no limit
};

/// One stored event with what the database adds: its id, version and review/correction marks.
struct PgRow {
    std::int64_t id = 0;
    std::int32_t version = 1;  ///< 1 as extracted; +1 for every saved correction
    core::Event event;
    core::ReviewMark review;  ///< the decision in force, its author and time (ISO-8601 UTC)
    bool deleted = false;
    std::string edited_by, edited_at;  ///< the last correction's author and time (empty when none)
};

struct PgPage {
    std::vector<PgRow> rows;
    bool more = false;  ///< a full page: there may be more after rows.back().id
};

/// A correction of one event as an analyst saves it: the event as they now see it, made from the
/// row at `base_version`. For an event added by hand (`insert`), the key is taken as is or, when
/// another analyst has used it, a fresh "user#N".
struct PgCorrection {
    std::string key;
    std::int32_t base_version = 1;
    bool insert = false;
    core::Event event;
    core::ReviewState review = core::ReviewState::Unreviewed;
    bool deleted = false;
    std::string author;
    std::vector<core::EventEdit> edits;  ///< the edits that made it, logged in sitmap_edits
};

/// What saving one correction did. On a conflict nothing was written and `current` is the row as
/// the other analyst left it (its version is the base for keeping one's own values after all).
struct PgSaveResult {
    enum class Outcome { Saved, Conflict, Missing };
    Outcome outcome = Outcome::Saved;
    std::string key;  ///< the key the event is stored under (a fresh one for a re-keyed insert)
    std::int32_t version = 0;
    std::optional<PgRow> current;
};

/// One connection to the store. Every statement's values travel as bound parameters (PQexecParams),
/// never spliced into the SQL text. Throws sitmap::Error (naming the connection, never its
/// password, and the failing step with the server's message) when the server cannot be reached
/// or a statement fails. Not thread-safe: one per thread.
class PgEventStore {
public:
    /// Connects with a libpq connection string (the text after "PG:" is accepted too) and creates
    /// the tables and indexes when missing (CREATE EXTENSION postgis needs a role allowed to).
    explicit PgEventStore(std::string_view conninfo);
    ~PgEventStore();
    PgEventStore(const PgEventStore&) = delete;
    PgEventStore& operator=(const PgEventStore&) = delete;

    /// Starts a write transaction; add() then streams events (COPY), commit_writes() merges them
    /// into sitmap_events: new keys are inserted, events nobody corrected (version 1) are replaced
    /// by the new extraction, corrected ones are kept. Nothing is visible before the commit; a
    /// store destroyed mid-write rolls back.
    void begin_writes();
    void add(const core::Event& e);
    /// Returns the number of rows inserted or replaced.
    std::size_t commit_writes();

    /// One page of events matching `q`.
    PgPage read(const PgQuery& q);
    /// Every event matching `q`, paging through it (q.limit rows at a time).
    std::vector<PgRow> read_all(PgQuery q);
    /// How many events match `q` (limit and after_id ignored).
    std::size_t count(const PgQuery& q);
    /// The first and last start date of all events; nullopt when the store is empty.
    std::optional<std::pair<core::Date, core::Date>> date_span();
    /// The row stored under `key`, if any.
    std::optional<PgRow> fetch(const std::string& key);

    /// Saves one correction in its own transaction: the row is updated only if its version is
    /// still `c.base_version` (then it becomes base_version + 1 and the edits are logged with
    /// author and time); otherwise nothing changes and the result is a Conflict with the current row.
    PgSaveResult save(const PgCorrection& c);

    /// The logged corrections of one event, oldest first: (kind, author, ISO time, new version).
    struct LoggedEdit {
        std::string kind, author, made_at;
        std::int32_t version = 0;
    };
    std::vector<LoggedEdit> history(const std::string& key);

    /// Rows fetched from the server by read()/read_all()/fetch() since the connection opened (so
    /// tests and benchmarks can check that a bbox or date window was applied by the database).
    std::size_t rows_fetched() const { return rows_fetched_; }
    /// The connection string without any password, for messages.
    const std::string& name() const { return name_; }

private:
    struct Conn;
    std::unique_ptr<Conn> conn_;
    std::string name_;
    std::size_t rows_fetched_ = 0;
    std::int64_t written_ = 0;  ///< events add()ed, numbering them so the last of equal keys wins
    bool writing_ = false;
};

}  // namespace sitmap::io
