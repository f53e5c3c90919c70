#include "io/pg_store.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>
#include <nlohmann/json.hpp>

#include <charconv>
#include <cstdlib>
#include <cstring>
#include <regex>

namespace sitmap::io {

namespace {

// The tables and indexes, created once per database (serialised by an advisory lock so two
// analysts opening a fresh database at once do not race). A constant: no user text in it.
constexpr const char* kSchema = R"sql(
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE TABLE IF NOT EXISTS sitmap_events (
    id bigserial PRIMARY KEY,
    key text NOT NULL UNIQUE,
    doc text NOT NULL,
    event_id text NOT NULL,
    date_start date NOT NULL,
    date_end date NOT NULL,
    date_precision text NOT NULL,
    place text NOT NULL DEFAULT '',
    place_text text NOT NULL DEFAULT '',
    geom geometry(Point, 4326),
    location_precision text NOT NULL,
    event_type text NOT NULL,
    actor text NOT NULL DEFAULT '',
    target text NOT NULL DEFAULT '',
    summary text NOT NULL DEFAULT '',
    note text NOT NULL DEFAULT '',
    quote text NOT NULL DEFAULT '',
    src_begin bigint NOT NULL DEFAULT 0,
    src_end bigint NOT NULL DEFAULT 0,
    confidence double precision NOT NULL,
    review text NOT NULL DEFAULT 'unreviewed',
    reviewed_by text NOT NULL DEFAULT '',
    reviewed_at timestamptz,
    deleted boolean NOT NULL DEFAULT false,
    version integer NOT NULL DEFAULT 1,
    edited_by text NOT NULL DEFAULT '',
    edited_at timestamptz
);
CREATE INDEX IF NOT EXISTS sitmap_events_geom_idx ON sitmap_events USING gist (geom);
CREATE INDEX IF NOT EXISTS sitmap_events_dates_idx ON sitmap_events
    USING gist (daterange(date_start, date_end, '[]'));
CREATE TABLE IF NOT EXISTS sitmap_edits (
    id bigserial PRIMARY KEY,
    event_key text NOT NULL,
    kind text NOT NULL,
    detail jsonb NOT NULL,
    author text NOT NULL,
    made_at timestamptz NOT NULL DEFAULT now(),
    version integer NOT NULL
);
CREATE INDEX IF NOT EXISTS sitmap_edits_key_idx ON sitmap_edits (event_key);
)sql";

// The columns read_row() expects, in order.
constexpr const char* kColumns =
    "id, version, doc, event_id, date_start::text, date_end::text, date_precision, place, place_text, ST_X(geom), "
    "ST_Y(geom), location_precision, event_type, actor, target, summary, note, quote, src_begin, src_end, confidence, "
    "review, reviewed_by, to_char(reviewed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), deleted, "
    "edited_by, to_char(edited_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')";

// The bbox and date window as bound parameters $1..$7 (NULL bounds: open).
constexpr const char* kWhere =
    " WHERE ((geom IS NOT NULL AND ($1::float8 IS NULL OR geom && ST_MakeEnvelope($1, $2::float8, $3::float8,"
    " $4::float8, 4326))) OR ($5::boolean AND geom IS NULL))"
    " AND daterange(date_start, date_end, '[]') && daterange($6::date, $7::date, '[]')";

struct ResultDeleter {
    void operator()(PGresult* r) const { PQclear(r); }
};
using Result = std::unique_ptr<PGresult, ResultDeleter>;

using Param = std::optional<std::string>;

// The connection string with any password's value hidden.
std::string without_password(std::string_view conninfo) {
    static const std::regex pw(R"((password\s*=\s*)('([^'\\]|\\.)*'|\S+))", std::regex::icase);
    return std::regex_replace(std::string(conninfo), pw, "$1***");
}

std::string_view strip_prefix(std::string_view s) {
    if (is_pg_source(s)) s.remove_prefix(3);
    if (s.size() >= 2 && s.front() == '"' && s.back() == '"') s = s.substr(1, s.size() - 2);
    return s;
}

std::string fmt_double(double v) {
    return fmt::format("{:.17g}", v);
}

std::string iso(core::Date d) {
    return core::format_iso(d);
}

core::Date parse_date_field(const char* text, const std::string& store) {
    if (auto d = core::parse_iso_date(text ? text : "")) return *d;
    throw fmt_error("{}: a date in sitmap_events cannot be read: '{}'", store, text ? text : "");
}

std::int64_t to_int(const char* s) {
    std::int64_t v = 0;
    if (s) std::from_chars(s, s + std::strlen(s), v);
    return v;
}

// Escapes one value for COPY's text format (backslash, tab, line ends).
void append_copy_field(std::string& out, std::string_view v) {
    for (char c : v) {
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                out += c;
        }
    }
}

std::string review_name(core::ReviewState s) {
    return std::string(core::review_state_name(s));
}

core::ReviewState parse_review(std::string_view s) {
    if (s == "accepted") return core::ReviewState::Accepted;
    if (s == "rejected") return core::ReviewState::Rejected;
    return core::ReviewState::Unreviewed;
}

// The event's stored values as parameters, in the order of the columns doc .. confidence
// (lon/lat as two parameters: NULL when it has no position).
std::vector<Param> event_params(const core::Event& e) {
    return {e.source.document,
            e.id,
            iso(e.date.start),
            iso(e.date.end),
            std::string(core::precision_name(e.date.precision)),
            e.place,
            e.place_text,
            e.has_position ? Param(fmt_double(e.position.lon)) : std::nullopt,
            e.has_position ? Param(fmt_double(e.position.lat)) : std::nullopt,
            std::string(core::location_precision_name(e.location_precision)),
            std::string(core::event_type_name(e.type)),
            e.actor,
            e.target,
            e.summary,
            e.note,
            e.source.quote,
            std::to_string(e.source.begin),
            std::to_string(e.source.end),
            fmt_double(e.confidence)};
}

std::string edit_detail(const core::EventEdit& edit) {
    nlohmann::ordered_json j;
    j["kind"] = std::string(core::edit_kind_name(edit.kind));
    if (edit.kind == core::EventEdit::Kind::Move || edit.kind == core::EventEdit::Kind::Add ||
        edit.kind == core::EventEdit::Kind::Relocate) {
        j["lat"] = edit.position.lat;
        j["lon"] = edit.position.lon;
    }
    if (edit.date) {
        j["date_start"] = iso(edit.date->start);
        j["date_end"] = iso(edit.date->end);
        j["date_precision"] = std::string(core::precision_name(edit.date->precision));
    }
    if (edit.type) j["event_type"] = std::string(core::event_type_name(*edit.type));
    if (!edit.place.empty()) j["place"] = edit.place;
    if (!edit.note.empty()) j["text"] = edit.note;
    if (!edit.timestamp.empty()) j["made"] = edit.timestamp;
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

bool is_pg_source(std::string_view text) {
    return text.size() >= 3 && (text[0] == 'P' || text[0] == 'p') && (text[1] == 'G' || text[1] == 'g') &&
           text[2] == ':';
}

struct PgEventStore::Conn {
    PGconn* pg = nullptr;
    std::string name;
    ~Conn() {
        if (pg) PQfinish(pg);
    }

    [[noreturn]] void fail(std::string_view step) const {
        std::string msg = PQerrorMessage(pg);
        while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
        throw fmt_error("PostgreSQL ({}): {}: {}", name, step, msg);
    }

    /// Runs one statement with bound parameters (text format); throws naming `step` unless it
    /// succeeds (PGRES_COMMAND_OK, PGRES_TUPLES_OK or `expect`).
    Result exec(std::string_view step, const std::string& sql, const std::vector<Param>& params = {},
                ExecStatusType expect = PGRES_COMMAND_OK) const {
        std::vector<const char*> values;
        values.reserve(params.size());
        for (const auto& p : params) values.push_back(p ? p->c_str() : nullptr);
        Result r(PQexecParams(pg, sql.c_str(), static_cast<int>(values.size()), nullptr, values.data(), nullptr,
                              nullptr, 0));
        const ExecStatusType st = r ? PQresultStatus(r.get()) : PGRES_FATAL_ERROR;
        if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != expect) fail(step);
        return r;
    }
};

namespace {

PgRow read_row(const PGresult* r, int i, const std::string& store) {
    auto text = [&](int c) -> std::string { return PQgetisnull(r, i, c) ? std::string() : PQgetvalue(r, i, c); };
    PgRow row;
    row.id = to_int(PQgetvalue(r, i, 0));
    row.version = static_cast<std::int32_t>(to_int(PQgetvalue(r, i, 1)));
    core::Event& e = row.event;
    e.source.document = text(2);
    e.id = text(3);
    e.date.start = parse_date_field(PQgetvalue(r, i, 4), store);
    e.date.end = parse_date_field(PQgetvalue(r, i, 5), store);
    e.date.precision = core::parse_precision(text(6)).value_or(core::DatePrecision::Day);
    e.place = text(7);
    e.place_text = text(8);
    e.has_position = !PQgetisnull(r, i, 9);
    if (e.has_position) {
        e.position.lon = std::strtod(PQgetvalue(r, i, 9), nullptr);
        e.position.lat = std::strtod(PQgetvalue(r, i, 10), nullptr);
    }
    e.location_precision = core::parse_location_precision(text(11)).value_or(core::LocationPrecision::Point);
    e.type = core::parse_event_type(text(12)).value_or(core::EventType::Other);
    e.actor = text(13);
    e.target = text(14);
    e.summary = text(15);
    e.note = text(16);
    e.source.quote = text(17);
    e.source.begin = static_cast<std::size_t>(to_int(PQgetvalue(r, i, 18)));
    e.source.end = static_cast<std::size_t>(to_int(PQgetvalue(r, i, 19)));
    e.confidence = std::strtod(PQgetvalue(r, i, 20), nullptr);
    row.review.state = parse_review(text(21));
    row.review.author = text(22);
    row.review.timestamp = text(23);
    row.deleted = text(24) == "t";
    row.edited_by = text(25);
    row.edited_at = text(26);
    return row;
}

std::vector<Param> query_params(const PgQuery& q) {
    std::vector<Param> p;
    if (q.bbox && !q.bbox->empty()) {
        p = {fmt_double(q.bbox->min_x), fmt_double(q.bbox->min_y), fmt_double(q.bbox->max_x),
             fmt_double(q.bbox->max_y)};
    } else {
        p = {std::nullopt, std::nullopt, std::nullopt, std::nullopt};
    }
    p.emplace_back(q.include_unplaced ? "true" : "false");
    p.push_back(q.from ? Param(iso(*q.from)) : std::nullopt);
    p.push_back(q.to ? Param(iso(*q.to)) : std::nullopt);
    return p;
}

}  // namespace

PgEventStore::PgEventStore(std::string_view conninfo)
    : conn_(std::make_unique<Conn>()), name_(without_password(strip_prefix(conninfo))) {
    conn_->name = name_;
    const std::string info(strip_prefix(conninfo));
    conn_->pg = PQconnectdb(info.c_str());
    if (!conn_->pg || PQstatus(conn_->pg) != CONNECTION_OK) conn_->fail("cannot connect");
    if (PQsetClientEncoding(conn_->pg, "UTF8") != 0) conn_->fail("cannot use UTF-8");
    // The server's NOTICEs ("extension postgis already exists, skipping") are not the user's business.
    PQsetNoticeProcessor(
        conn_->pg, [](void*, const char*) {}, nullptr);
    conn_->exec("creating the tables", "BEGIN");
    conn_->exec("creating the tables", "SELECT pg_advisory_xact_lock(7472617069)", {}, PGRES_TUPLES_OK);
    Result r(PQexec(conn_->pg, kSchema));
    if (!r || PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
        const std::string why = PQerrorMessage(conn_->pg);
        PQclear(PQexec(conn_->pg, "ROLLBACK"));
        throw fmt_error(
            "PostgreSQL ({}): creating the tables: {}(PostGIS must be installed: CREATE EXTENSION postgis "
            "as a superuser, see the README)",
            name_, why);
    }
    conn_->exec("creating the tables", "COMMIT");
}

PgEventStore::~PgEventStore() = default;

void PgEventStore::begin_writes() {
    conn_->exec("starting the write", "BEGIN");
    conn_->exec("starting the write",
                "CREATE TEMP TABLE sitmap_import (n bigint, key text, doc text, event_id text, date_start date, "
                "date_end date, date_precision text, place text, place_text text, lon float8, lat float8, "
                "location_precision text, event_type text, actor text, target text, summary text, note text, quote "
                "text, src_begin bigint, src_end bigint, confidence float8) ON COMMIT DROP");
    conn_->exec("starting the write", "COPY sitmap_import FROM STDIN", {}, PGRES_COPY_IN);
    writing_ = true;
}

void PgEventStore::add(const core::Event& e) {
    SITMAP_ASSERT(writing_, "add() outside begin_writes()/commit_writes()");
    static thread_local std::string line;
    line.clear();
    line += std::to_string(++written_);
    line += '\t';
    append_copy_field(line, core::event_key(e));
    for (const auto& p : event_params(e)) {
        line += '\t';
        if (p)
            append_copy_field(line, *p);
        else
            line += "\\N";
    }
    line += '\n';
    if (PQputCopyData(conn_->pg, line.data(), static_cast<int>(line.size())) != 1) conn_->fail("writing events");
}

std::size_t PgEventStore::commit_writes() {
    SITMAP_ASSERT(writing_, "commit_writes() without begin_writes()");
    writing_ = false;
    if (PQputCopyEnd(conn_->pg, nullptr) != 1) conn_->fail("writing events");
    for (Result r(PQgetResult(conn_->pg)); r; r.reset(PQgetResult(conn_->pg)))
        if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) conn_->fail("writing events");
    // The last of several events with one key wins; new rows get ids in the documents' order (so
    // pages come in that order); an event an analyst corrected (version > 1) keeps their work when
    // the documents are extracted again.
    const Result r = conn_->exec(
        "merging the events",
        "INSERT INTO sitmap_events (key, doc, event_id, date_start, date_end, date_precision, place, place_text, geom, "
        "location_precision, event_type, actor, target, summary, note, quote, src_begin, src_end, confidence) "
        "SELECT key, doc, event_id, date_start, date_end, date_precision, place, place_text, CASE WHEN lon IS NULL "
        "THEN NULL ELSE ST_SetSRID(ST_MakePoint(lon, lat), 4326) END, location_precision, event_type, actor, "
        "target, summary, note, quote, src_begin, src_end, confidence FROM (SELECT DISTINCT ON (key) * FROM "
        "sitmap_import ORDER BY key, n DESC) latest ORDER BY n "
        "ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc, event_id = EXCLUDED.event_id, date_start = "
        "EXCLUDED.date_start, date_end = EXCLUDED.date_end, date_precision = EXCLUDED.date_precision, place = "
        "EXCLUDED.place, place_text = EXCLUDED.place_text, geom = EXCLUDED.geom, location_precision = "
        "EXCLUDED.location_precision, event_type = EXCLUDED.event_type, actor = EXCLUDED.actor, target = "
        "EXCLUDED.target, summary = EXCLUDED.summary, quote = EXCLUDED.quote, src_begin = EXCLUDED.src_begin, "
        "src_end = EXCLUDED.src_end, confidence = EXCLUDED.confidence WHERE sitmap_events.version = 1");
    const std::size_t n = static_cast<std::size_t>(to_int(PQcmdTuples(r.get())));
    conn_->exec("committing the events", "COMMIT");
    return n;
}

PgPage PgEventStore::read(const PgQuery& q) {
    auto params = query_params(q);
    params.push_back(std::to_string(q.after_id));
    params.push_back(q.limit > 0 ? Param(std::to_string(q.limit)) : std::nullopt);
    const Result r =
        conn_->exec("reading events",
                    fmt::format("SELECT {} FROM sitmap_events{} AND id > $8::bigint ORDER BY id LIMIT $9::bigint",
                                kColumns, kWhere),
                    params);
    PgPage page;
    const int n = PQntuples(r.get());
    page.rows.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) page.rows.push_back(read_row(r.get(), i, name_));
    rows_fetched_ += static_cast<std::size_t>(n);
    page.more = q.limit > 0 && static_cast<std::size_t>(n) == q.limit;
    return page;
}

std::vector<PgRow> PgEventStore::read_all(PgQuery q) {
    std::vector<PgRow> all;
    for (;;) {
        PgPage page = read(q);
        if (!page.rows.empty()) q.after_id = page.rows.back().id;
        all.insert(all.end(), std::make_move_iterator(page.rows.begin()), std::make_move_iterator(page.rows.end()));
        if (!page.more) return all;
    }
}

std::size_t PgEventStore::count(const PgQuery& q) {
    const Result r =
        conn_->exec("counting events", fmt::format("SELECT count(*) FROM sitmap_events{}", kWhere), query_params(q));
    return static_cast<std::size_t>(to_int(PQgetvalue(r.get(), 0, 0)));
}

std::optional<std::pair<core::Date, core::Date>> PgEventStore::date_span() {
    const Result r =
        conn_->exec("reading the date span", "SELECT min(date_start)::text, max(date_start)::text FROM sitmap_events");
    if (PQgetisnull(r.get(), 0, 0)) return std::nullopt;
    return std::pair{parse_date_field(PQgetvalue(r.get(), 0, 0), name_),
                     parse_date_field(PQgetvalue(r.get(), 0, 1), name_)};
}

std::optional<PgRow> PgEventStore::fetch(const std::string& key) {
    const Result r =
        conn_->exec("reading an event", fmt::format("SELECT {} FROM sitmap_events WHERE key = $1", kColumns), {key});
    if (PQntuples(r.get()) == 0) return std::nullopt;
    ++rows_fetched_;
    return read_row(r.get(), 0, name_);
}

PgSaveResult PgEventStore::save(const PgCorrection& c) {
    PgSaveResult out{.key = c.key};
    auto p = event_params(c.event);                // $1..$19
    p.push_back(review_name(c.review));            // $20
    p.emplace_back(c.deleted ? "true" : "false");  // $21
    p.push_back(c.author);                         // $22
    conn_->exec("saving a correction", "BEGIN");
    Result r;
    if (c.insert) {
        // An added event's key ("user#N") may already be another analyst's: take the next free one.
        for (int attempt = 0; attempt < 50; ++attempt) {
            auto q = p;
            q.push_back(out.key);  // $23
            r = conn_->exec("saving an added event",
                            "INSERT INTO sitmap_events (doc, event_id, date_start, date_end, date_precision, place, "
                            "place_text, geom, location_precision, event_type, actor, target, summary, note, quote, "
                            "src_begin, src_end, confidence, review, deleted, edited_by, edited_at, key) VALUES ($1, "
                            "$2, $3::date, $4::date, $5, $6, $7, CASE WHEN $8::float8 IS NULL THEN NULL ELSE "
                            "ST_SetSRID(ST_MakePoint($8::float8, $9::float8), 4326) END, $10, $11, $12, $13, $14, "
                            "$15, $16, $17::bigint, $18::bigint, $19::float8, $20, $21::boolean, $22, now(), $23) ON "
                            "CONFLICT (key) DO NOTHING RETURNING version",
                            q);
            if (PQntuples(r.get()) == 1) break;
            const Result next =
                conn_->exec("choosing a key for an added event",
                            "SELECT 'user#' || (coalesce(max(substring(key from '^user#([0-9]+)$')::bigint), 0) + 1) "
                            "FROM sitmap_events WHERE key ~ '^user#[0-9]+$'",
                            {}, PGRES_TUPLES_OK);
            out.key = PQgetvalue(next.get(), 0, 0);
            const auto hash = out.key.find('#');
            p[0] = out.key.substr(0, hash);
            p[1] = out.key.substr(hash + 1);
        }
    } else {
        std::vector<Param> u(p.begin() + 2, p.begin() + 15);  // $1..$13: date_start .. note
        u.insert(u.end(), {p[19], p[20], p[21], c.key, std::to_string(c.base_version)});
        r = conn_->exec(
            "saving a correction",
            "UPDATE sitmap_events SET date_start = $1::date, date_end = $2::date, date_precision = $3, place = $4, "
            "place_text = $5, geom = CASE WHEN $6::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint($6::float8, "
            "$7::float8), 4326) END, location_precision = $8, event_type = $9, actor = $10, target = $11, summary "
            "= $12, note = $13, reviewed_by = CASE WHEN review IS DISTINCT FROM $14 THEN $16 ELSE reviewed_by END, "
            "reviewed_at = CASE WHEN review IS DISTINCT FROM $14 THEN now() ELSE reviewed_at END, review = $14, "
            "deleted = $15::boolean, version = version + 1, edited_by = $16, edited_at = now() "
            "WHERE key = $17 AND version = $18::integer RETURNING version",
            u);
    }
    if (PQntuples(r.get()) != 1) {
        conn_->exec("saving a correction", "ROLLBACK");
        out.current = fetch(c.key);
        out.outcome = out.current ? PgSaveResult::Outcome::Conflict : PgSaveResult::Outcome::Missing;
        if (out.current) out.version = out.current->version;
        return out;
    }
    out.version = static_cast<std::int32_t>(to_int(PQgetvalue(r.get(), 0, 0)));
    for (const auto& edit : c.edits) {
        conn_->exec("logging a correction",
                    "INSERT INTO sitmap_edits (event_key, kind, detail, author, made_at, version) VALUES ($1, $2, "
                    "$3::jsonb, $4, coalesce($5::timestamptz, now()), $6::integer)",
                    {out.key, std::string(core::edit_kind_name(edit.kind)), edit_detail(edit),
                     edit.author.empty() ? c.author : edit.author,
                     edit.timestamp.empty() ? std::nullopt : Param(edit.timestamp), std::to_string(out.version)});
    }
    conn_->exec("saving a correction", "COMMIT");
    return out;
}

std::vector<PgEventStore::LoggedEdit> PgEventStore::history(const std::string& key) {
    const Result r = conn_->exec("reading the corrections",
                                 "SELECT kind, author, to_char(made_at AT TIME ZONE 'UTC', "
                                 "'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), version FROM sitmap_edits WHERE event_key = $1 "
                                 "ORDER BY id",
                                 {key});
    std::vector<LoggedEdit> out;
    for (int i = 0; i < PQntuples(r.get()); ++i)
        out.push_back({PQgetvalue(r.get(), i, 0), PQgetvalue(r.get(), i, 1), PQgetvalue(r.get(), i, 2),
                       static_cast<std::int32_t>(to_int(PQgetvalue(r.get(), i, 3)))});
    return out;
}

}  // namespace sitmap::io
