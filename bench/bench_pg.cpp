// The PostgreSQL event store: writing N synthetic events (COPY into one transaction, then the
// merge into sitmap_events), and reading back a view's events with the bbox and date window applied
// by the database, against reading every event (what a file-backed store must do).
//   build/sitmap_bench_pg CONNINFO [N]     e.g. build/sitmap_bench_pg "host=/tmp/pg port=54330 dbname=sitmap" 1000000
// The tables go into a schema "bench" (dropped first), so a real sitmap_events is left alone.
#include "io/pg_store.hpp"
#include "synthetic_events.hpp"

#include <libpq-fe.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

using namespace sitmap;
using Clock = std::chrono::steady_clock;

namespace {

double since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

void time_read(io::PgEventStore& store, const char* what, const io::PgQuery& q) {
    const std::size_t before = store.rows_fetched();
    const auto t = Clock::now();
    const auto rows = store.read_all(q);
    const double s = since(t);
    std::printf("read %-44s %8zu rows in %7.1f ms (%zu fetched)\n", what, rows.size(), s * 1000,
                store.rows_fetched() - before);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CONNINFO [N]\n", argv[0]);
        return 2;
    }
    const std::string server = argv[1];
    const std::size_t n = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 1000000;
    {
        PGconn* c = PQconnectdb(server.c_str());
        PQclear(PQexec(c,
                       "CREATE EXTENSION IF NOT EXISTS postgis; DROP SCHEMA IF EXISTS bench CASCADE; "
                       "CREATE SCHEMA bench"));
        PQfinish(c);
    }
    const std::string info = server + " options='-csearch_path=bench,public'";
    try {
        const auto events = bench::synthetic_events(n, 7);
        io::PgEventStore store(info);
        auto t = Clock::now();
        store.begin_writes();
        for (const auto& e : events) store.add(e);
        const std::size_t written = store.commit_writes();
        double s = since(t);
        std::printf("write %zu events: %.2f s, %.0f events/s\n", written, s, static_cast<double>(written) / s);
        // Again: every key exists, uncorrected rows are replaced in place.
        t = Clock::now();
        store.begin_writes();
        for (const auto& e : events) store.add(e);
        store.commit_writes();
        s = since(t);
        std::printf("rewrite (re-extraction, same keys): %.2f s, %.0f events/s\n", s, static_cast<double>(n) / s);

        const core::GeoBox karabakh{46.4, 39.3, 47.3, 40.3};
        const core::Date from = bench::iso("2020-10-01"), to = bench::iso("2020-10-07");
        time_read(store, "Karabakh bbox, one week", {.bbox = karabakh, .from = from, .to = to, .limit = 20000});
        time_read(store, "Karabakh bbox, all dates", {.bbox = karabakh, .limit = 20000});
        time_read(store, "region, one week", {.from = from, .to = to, .limit = 20000});
        time_read(store, "Shusha 0.1 deg box, one month",
                  {.bbox = core::GeoBox{46.70, 39.71, 46.80, 39.81},
                   .from = bench::iso("2020-10-01"),
                   .to = bench::iso("2020-10-31"),
                   .limit = 20000});
        time_read(store, "everything (what a file store reads)", {.include_unplaced = true, .limit = 20000});
    } catch (const std::exception& e) {
        std::fprintf(stderr, "sitmap_bench_pg: %s\n", e.what());
        return 1;
    }
    return 0;
}
