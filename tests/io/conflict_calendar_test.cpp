#include "io/conflict_calendar_io.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

using namespace sitmap;
namespace fs = std::filesystem;

TEST_CASE("the shipped conflict calendar loads: two wars and two episodes with sources", "[io][calendar]") {
    core::Diagnostics diags;
    const auto c = io::load_conflict_calendar(fs::path(SITMAP_SOURCE_DIR) / "geodata" / "conflict_calendar.csv", diags);
    CHECK(diags.empty());
    CHECK(c.of_kind(core::ConflictSpan::Kind::War).size() == 2);
    CHECK(c.of_kind(core::ConflictSpan::Kind::Ongoing).size() == 1);
    CHECK(c.of_kind(core::ConflictSpan::Kind::Period).size() == 1);
    for (const auto& s : c.spans) {
        CHECK_FALSE(s.source.empty());
        CHECK(std::chrono::sys_days(s.range.start) <= std::chrono::sys_days(s.range.end));
        if (s.kind != core::ConflictSpan::Kind::War) CHECK_FALSE(s.cues.empty());
    }
}

TEST_CASE("bad calendar rows are reported with file:line and the rest load", "[io][calendar][errors]") {
    const fs::path p = fs::temp_directory_path() / ("sitmap_calendar_test_" + std::to_string(::getpid()) + ".csv");
    std::ofstream(p) << "kind,name,start,end,precision,cues,lat,lon,radius_km,source\n"
                        "war,ok,2020-01-01,2020-02-01,day,,,,,src\n"
                        "battle,bad kind,2020-01-01,2020-02-01,day,,,,,src\n"
                        "war,bad dates,2020-03-01,2020-02-01,day,,,,,src\n"
                        "ongoing,no cues,2020-01-01,2020-02-01,month,,40,46,50,src\n"
                        "period,bad place,2020-01-01,2020-02-01,day,x,north,46,50,src\n"
                        "period,ok too,2020-01-01,2020-02-01,day,Handed|RETURNED,40,46,50,src\n";
    core::Diagnostics diags;
    const auto c = io::load_conflict_calendar(p, diags);
    REQUIRE(c.spans.size() == 2);
    CHECK(c.spans[1].cues == std::vector<std::string>{"handed", "returned"});
    const auto all = diags.all();
    REQUIRE(all.size() == 4);
    CHECK(all[0].where == "3");
    CHECK_THAT(all[0].message, Catch::Contains("'battle'"));
    CHECK_THAT(all[1].format(), Catch::Contains(p.filename().string() + ":4:"));
    fs::remove(p);
    core::Diagnostics missing;
    CHECK(io::load_conflict_calendar(p, missing).spans.empty());
    CHECK(missing.has(core::DiagCode::FileMissing));
}
