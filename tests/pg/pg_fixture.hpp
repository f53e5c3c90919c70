// The PostgreSQL server the PG tests use: $SITMAP_PG_CONNINFO (CI's cluster), else
// $SITMAP_PG_LOCAL_CONNINFO (the one the ctest fixture starts with scripts/pg-cluster.sh). Each test gets its own empty
// schema on it. Without a reachable server the tests exit with 77 (skipped), except with SITMAP_REQUIRE_PG=1 (CI),
// where they fail.
#pragma once
#include <libpq-fe.h>

#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace sitmap::test {

/// The server's connection string; exits the test process when there is none (see above).
inline std::string pg_server() {
    const char* info = std::getenv("SITMAP_PG_CONNINFO");
    if (!info || !*info) info = std::getenv("SITMAP_PG_LOCAL_CONNINFO");  // the ctest fixture's cluster
    const char* require = std::getenv("SITMAP_REQUIRE_PG");
    const bool required = require && std::string(require) == "1";
    std::string why;
    if (!info || !*info) {
        why = "SITMAP_PG_CONNINFO is not set";
    } else {
        PGconn* c = PQconnectdb(info);
        if (PQstatus(c) != CONNECTION_OK) why = std::string("cannot connect to '") + info + "': " + PQerrorMessage(c);
        PQfinish(c);
    }
    if (!why.empty()) {
        std::fprintf(stderr, "no PostgreSQL server, %s PG tests: %s\n", required ? "failing" : "skipping", why.c_str());
        std::exit(required ? 1 : 77);
    }
    return info;
}

/// A connection string for a fresh, empty schema `name` on the test server (dropped first if it
/// exists), with PostGIS (in public) still on the search path.
inline std::string pg_fresh_schema(const std::string& name) {
    const std::string server = pg_server();
    PGconn* c = PQconnectdb(server.c_str());
    PQsetNoticeProcessor(
        c, [](void*, const char*) {}, nullptr);  // "schema ... does not exist, skipping"
    const std::string sql = "CREATE EXTENSION IF NOT EXISTS postgis; DROP SCHEMA IF EXISTS " + name +
                            " CASCADE; CREATE SCHEMA " + name;  // `name` is a test's constant
    PGresult* r = PQexec(c, sql.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    const std::string err = PQerrorMessage(c);
    PQclear(r);
    PQfinish(c);
    if (!ok) throw std::runtime_error("cannot create schema " + name + ": " + err);
    return server + " options='-csearch_path=" + name + ",public'";
}

}  // namespace sitmap::test
