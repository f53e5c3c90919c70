// The shipped control data (geodata/control.gpkg) against the project's own check set
// (tests/data/control_checks.csv): place/date facts from public sources, one source per row, in strata.
// Reports the share right per stratum and fails when a stratum falls below its floor. A date outside
// the control data's span counts as wrong (that is what `sitmap query` answers: a refusal).
#include "core/csv.hpp"
#include "core/date.hpp"
#include "io/control_io.hpp"

#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

using namespace sitmap;

namespace {

struct Check {
    std::string stratum, place, date, controller, peacekeeping;
    std::string kind;  ///< optional column: empty = not checked
    double lat = 0, lon = 0;
    std::size_t line = 0;
};

std::vector<Check> load_checks(const std::string& path) {
    std::ifstream in(path);
    REQUIRE(in);
    std::stringstream text;
    for (std::string line; std::getline(in, line);) text << (line.rfind('#', 0) == 0 ? "" : line) << '\n';
    const auto records = core::parse_csv(text.str());
    REQUIRE(records.size() > 1);
    std::map<std::string, std::size_t> col;
    for (std::size_t i = 0; i < records[0].fields.size(); ++i) col[records[0].fields[i]] = i;
    for (const char* c : {"stratum", "place", "lat", "lon", "date", "controller", "peacekeeping", "source"})
        REQUIRE(col.count(c) == 1);
    std::vector<Check> out;
    for (std::size_t r = 1; r < records.size(); ++r) {
        const auto& f = records[r].fields;
        INFO(path << " line " << records[r].line);
        REQUIRE(f.size() == records[0].fields.size());
        REQUIRE_FALSE(f[col["source"]].empty());  // one source per row
        out.push_back({f[col["stratum"]], f[col["place"]], f[col["date"]], f[col["controller"]], f[col["peacekeeping"]],
                       "", std::stod(f[col["lat"]]), std::stod(f[col["lon"]]), records[r].line});
        if (col.count("kind")) out.back().kind = f[col["kind"]];
    }
    return out;
}

struct Tally {
    int right = 0, total = 0;
    std::vector<std::string> wrong;
};

}  // namespace

TEST_CASE("control.gpkg answers the check set: share right per stratum above its floor", "[io][control]") {
    core::Diagnostics diags;
    const auto t = io::load_control_timeline(std::string(SITMAP_SOURCE_DIR) + "/geodata/control.gpkg", diags);
    REQUIRE(t);
    const auto checks = load_checks(std::string(SITMAP_TESTDATA_DIR) + "/control_checks.csv");
    CHECK(checks.size() >= 200);

    std::map<std::string, Tally> tally;
    for (const Check& c : checks) {
        const auto date = core::parse_iso_date(c.date);
        REQUIRE(date);
        Tally& s = tally[c.stratum];
        ++s.total;
        std::string got = "outside the data";
        bool ok = false;
        if (t->covers(*date)) {
            const auto a = t->control_at(*date, {c.lon, c.lat});
            const std::string pk = a.peacekeeping ? "true" : "false";
            const std::string kind(core::kind_name(a.kind));
            got = std::string(core::controller_name(a.controller)) + " pk " + pk + " kind " + kind;
            ok = core::controller_name(a.controller) == c.controller &&
                 (c.peacekeeping.empty() || c.peacekeeping == pk) && (c.kind.empty() || c.kind == kind);
        }
        if (ok)
            ++s.right;
        else
            s.wrong.push_back(c.place + " " + c.date + ": want " + c.controller + " pk " + c.peacekeeping + ", got " +
                              got + " (line " + std::to_string(c.line) + ")");
    }
    // Floors: the figures of the settlement model (geodata/SOURCES.md) less a margin for small revisions.
    const std::map<std::string, double> floor{
        {"2020_front", 0.95},     {"2020_handovers", 0.95},       {"corridor_peacekeeping", 0.95},
        {"line_1994_2020", 0.95}, {"armenia_exclaves", 0.95},     {"2022_2023", 0.95},
        {"1992_1994", 0.95},      {"azerbaijan_in_armenia", 0.95}};
    int right = 0, total = 0;
    for (const auto& [name, s] : tally) {
        right += s.right;
        total += s.total;
        std::printf("control checks %-22s %3d/%3d (%5.1f %%)\n", name.c_str(), s.right, s.total,
                    100.0 * s.right / s.total);
        for (const auto& w : s.wrong) std::printf("    wrong: %s\n", w.c_str());
    }
    std::printf("control checks %-22s %3d/%3d (%5.1f %%)\n", "all", right, total, 100.0 * right / total);
    for (const auto& [name, s] : tally) {
        INFO(name << ": " << s.right << "/" << s.total);
        REQUIRE(floor.count(name) == 1);
        CHECK(static_cast<double>(s.right) / s.total >= floor.at(name));
    }
    CHECK(tally.size() == floor.size());
}
