// Saving edits to a GeoPackage (round trip, DATE fields, atomic replace) and the recovery journal
// (replay after a crash in a child process, torn last line) (io/event_store.hpp).
#include "io/event_store.hpp"
#include "core/error.hpp"
#include "io/events_io.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

using namespace sitmap;
using core::EventEdit;
using Kind = EventEdit::Kind;
namespace fs = std::filesystem;

namespace {

core::Date ymd(int y, unsigned m, unsigned d) {
    return core::Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

// A fresh directory per test, removed afterwards.
struct TempDir {
    fs::path path;
    TempDir() {
        static int n = 0;
        path = fs::temp_directory_path() /
               ("sitmap_event_store_" + std::to_string(::getpid()) + "_" + std::to_string(n++));
        fs::remove_all(path);
        fs::create_directories(path);
        fs::permissions(path, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path, ec);
    }
    std::vector<std::string> files() const {
        std::vector<std::string> out;
        for (const auto& e : fs::directory_iterator(path)) out.push_back(e.path().filename().string());
        std::sort(out.begin(), out.end());
        return out;
    }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string run(const std::string& cmd) {
    std::string out;
    FILE* pipe = ::popen(cmd.c_str(), "r");
    if (!pipe) return out;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
    ::pclose(pipe);
    return out;
}

std::vector<core::Event> extracted() {
    struct Row {
        const char* doc;
        const char* place;
        const char* quote;
    };
    const Row rows[] = {
        {"hy.txt", "Ստեփանակերտ", "Ստեփանակերտում լսվել են պայթյուններ։"},
        {"az.txt", "Xankəndi", "Xankəndi şəhərində atəşkəs elan edildi."},
        {"ru.txt", "Степанакерт", "В Степанакерте объявлено перемирие."},
        {"en.txt", "Shusha", "Shelling was reported near Shusha."},
    };
    std::vector<core::Event> out;
    int i = 0;
    for (const Row& r : rows) {
        core::Event e;
        e.id = "00" + std::to_string(i++);
        e.source.document = r.doc;
        e.source.quote = r.quote;
        e.place = r.place;
        e.place_text = r.place;
        e.date = {ymd(2023, 9, 19), ymd(2023, 9, 20), core::DatePrecision::Day};
        e.position = {46.7519, 39.8153};
        e.has_position = true;
        e.type = core::EventType::Ceasefire;
        e.actor = "Ադրբեջան";
        out.push_back(e);
    }
    return out;
}

// Every kind of edit, with Unicode text.
core::EditableEvents edited() {
    core::EditableEvents ee;
    ee.set_extracted(extracted());
    const auto day = [](int y, unsigned m, unsigned d, core::DatePrecision p = core::DatePrecision::Day) {
        return core::DateRange{ymd(y, m, d), ymd(y, m, d), p};
    };
    REQUIRE(ee.apply({.kind = Kind::Move,
                      .key = "hy.txt#000",
                      .position = {46.123456789012345, 39.98765432109876},
                      .location_precision = core::LocationPrecision::District}));
    REQUIRE(ee.apply({.kind = Kind::SetDate,
                      .key = "az.txt#001",
                      .date = core::DateRange{ymd(2023, 9, 1), ymd(2023, 9, 30), core::DatePrecision::Month}}));
    REQUIRE(ee.apply({.kind = Kind::SetType, .key = "ru.txt#002", .type = core::EventType::Statement}));
    REQUIRE(ee.apply({.kind = Kind::SetPlace, .key = "ru.txt#002", .place = "Ağdərə"}));
    REQUIRE(ee.apply({.kind = Kind::Delete, .key = "en.txt#003"}));
    REQUIRE(ee.apply({.kind = Kind::Add,
                      .position = {45.0, 40.5},
                      .date = day(2024, 2, 29),
                      .type = core::EventType::Humanitarian,
                      .place = "Գորիս",
                      .note = "Колонна с помощью; yardım karvanı; օգնության շարասյուն"}));
    REQUIRE(ee.apply({.kind = Kind::Restore, .key = "en.txt#003"}));
    REQUIRE(ee.apply({.kind = Kind::Delete, .key = "hy.txt#000"}));
    return ee;
}

void check_same(const EventEdit& a, const EventEdit& b) {
    INFO(a.key << " / " << core::edit_kind_name(a.kind));
    CHECK(a.kind == b.kind);
    CHECK(a.key == b.key);
    CHECK(a.quote_check == b.quote_check);
    if (a.kind == Kind::Move || a.kind == Kind::Add || a.kind == Kind::Relocate) {
        CHECK(a.position.lon == b.position.lon);  // exact: shortest round-trip formatting
        CHECK(a.position.lat == b.position.lat);
    }
    REQUIRE(a.date.has_value() == b.date.has_value());
    if (a.date) {
        CHECK(a.date->start == b.date->start);
        CHECK(a.date->end == b.date->end);
        CHECK(a.date->precision == b.date->precision);
    }
    CHECK(a.type == b.type);
    CHECK(a.place == b.place);
    CHECK(a.location_precision == b.location_precision);
    CHECK(a.note == b.note);
    CHECK(a.timestamp == b.timestamp);
    CHECK(a.author == b.author);
}

EventEdit move_edit(std::string key, double lon) {
    EventEdit e;
    e.kind = Kind::Move;
    e.key = std::move(key);
    e.position = {lon, 40.0};
    e.quote_check = "Ստեփանակերտում լսվել են պայթյուններ։";
    e.timestamp = "2024-05-01T12:00:00Z";
    return e;
}

}  // namespace

TEST_CASE("edits round-trip through a GeoPackage with Unicode intact", "[io][event_store]") {
    TempDir dir;
    const fs::path file = dir.path / "edits.gpkg";
    const core::EditableEvents ee = edited();
    io::save_edits(file, ee);
    CHECK(dir.files() == std::vector<std::string>{"edits.gpkg"});  // no temporary left behind

    core::Diagnostics diags;
    const auto loaded = io::load_edits(file, diags);
    CHECK(diags.empty());
    REQUIRE(loaded.size() == ee.edits().size());
    for (std::size_t i = 0; i < loaded.size(); ++i) check_same(loaded[i], ee.edits()[i]);

    // Re-applying the loaded edits gives the same view.
    core::EditableEvents again;
    again.set_extracted(extracted());
    again.set_edits(loaded);
    CHECK(again.orphaned().empty());
    REQUIRE(again.events().size() == ee.events().size());
    for (std::size_t i = 0; i < again.events().size(); ++i) {
        CHECK(again.events()[i].place == ee.events()[i].place);
        CHECK(again.deleted(i) == ee.deleted(i));
    }

    // The "events" layer holds the shown (not deleted) events, readable by events_io.
    const auto events = io::read_events(file, diags);
    CHECK(diags.empty());
    REQUIRE(events.size() == 4);  // 4 extracted + 1 added - 1 deleted
    std::vector<std::string> places;
    for (const auto& e : events) places.push_back(e.place);
    CHECK(places == std::vector<std::string>{"Xankəndi", "Ağdərə", "Shusha", "Գորիս"});
    CHECK(events[3].summary == "Колонна с помощью; yardım karvanı; օգնության շարասյուն");
    CHECK(events[0].date.start == ymd(2023, 9, 1));
    CHECK(events[0].date.precision == core::DatePrecision::Month);
}

TEST_CASE("ogrinfo sees layers edits and events with DATE fields", "[io][event_store]") {
    TempDir dir;
    const fs::path file = dir.path / "edits.gpkg";
    io::save_edits(file, edited());
    const std::string info = run("ogrinfo -ro -so -al '" + file.string() + "' 2>&1");
    INFO(info);
    CHECK(info.find("Layer name: edits") != std::string::npos);
    CHECK(info.find("Layer name: events") != std::string::npos);
    CHECK(info.find("Feature Count: 8") != std::string::npos);  // edits
    CHECK(info.find("Feature Count: 4") != std::string::npos);  // events
    // Both layers: date_start and date_end are GeoPackage DATE columns, not text.
    const auto occurrences = [&](const std::string& what) {
        std::size_t n = 0;
        for (std::size_t p = info.find(what); p != std::string::npos; p = info.find(what, p + 1)) ++n;
        return n;
    };
    CHECK(occurrences("date_start: Date") == 2);
    CHECK(occurrences("date_end: Date") == 2);
    CHECK(occurrences("date_start: String") == 0);
    const std::string rows = run("ogrinfo -ro -q '" + file.string() +
                                 "' -sql \"SELECT place, date_start FROM edits WHERE kind='add'\" 2>&1");
    CHECK(rows.find("place (String) = Գորիս") != std::string::npos);
    CHECK(rows.find("date_start (Date) = 2024/02/29") != std::string::npos);
}

TEST_CASE("a failed save leaves the old file intact and no temporary", "[io][event_store]") {
    TempDir dir;
    const fs::path file = dir.path / "edits.gpkg";
    io::save_edits(file, edited());
    const std::string before = slurp(file);
    REQUIRE(before.size() > 1000);

    core::EditableEvents fewer;
    fewer.set_extracted(extracted());
    fs::permissions(dir.path, fs::perms::owner_read | fs::perms::owner_exec | fs::perms::group_read |
                                  fs::perms::group_exec | fs::perms::others_read | fs::perms::others_exec);
    if (::geteuid() == 0) {
        // root writes anywhere: fail as an unprivileged user in a child process instead.
        const pid_t pid = ::fork();
        REQUIRE(pid >= 0);
        if (pid == 0) {
            if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(3);
            try {
                io::save_edits(file, fewer);
                ::_exit(1);
            } catch (const Error& e) {
                const bool names_path = std::string(e.what()).find(file.string()) != std::string::npos;
                ::_exit(names_path ? 0 : 4);
            } catch (...) {
                ::_exit(2);
            }
        }
        int status = 0;
        ::waitpid(pid, &status, 0);
        REQUIRE(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    } else {
        REQUIRE_THROWS_AS(io::save_edits(file, fewer), Error);
    }
    fs::permissions(dir.path, fs::perms::owner_all, fs::perm_options::add);
    CHECK(slurp(file) == before);
    CHECK(dir.files() == std::vector<std::string>{"edits.gpkg"});

    // And a successful save replaces it whole.
    io::save_edits(file, fewer);
    core::Diagnostics diags;
    CHECK(io::load_edits(file, diags).empty());
    CHECK(dir.files() == std::vector<std::string>{"edits.gpkg"});
}

TEST_CASE("load_edits reports bad rows and keeps the rest", "[io][event_store]") {
    TempDir dir;
    const fs::path file = dir.path / "edits.gpkg";
    io::save_edits(file, edited());
    run("ogrinfo -q '" + file.string() + "' -sql \"UPDATE edits SET kind='teleport' WHERE seq=2\" 2>&1");
    run("ogrinfo -q '" + file.string() + "' -sql \"UPDATE edits SET event_type='parade' WHERE seq=5\" 2>&1");
    core::Diagnostics diags;
    const auto loaded = io::load_edits(file, diags);
    CHECK(loaded.size() == 6);
    REQUIRE(diags.count() == 2);
    const auto all = diags.all();
    CHECK(all[0].code == core::DiagCode::RecordInvalid);
    CHECK(all[0].file == file.string());
    CHECK(all[0].where == "layer 'edits' feature 3");
    CHECK(all[0].message.find("'teleport'") != std::string::npos);
    CHECK(all[1].where == "layer 'edits' feature 6");
    CHECK(all[1].message.find("'parade'") != std::string::npos);

    CHECK_THROWS_AS(io::load_edits(dir.path / "missing.gpkg", diags), Error);
    CHECK_THROWS_WITH(io::load_edits(fs::path(SITMAP_TESTDATA_DIR) / "three_features.geojson", diags),
                      Catch::Contains("no layer 'edits'"));
}

TEST_CASE("the journal replays what a crashed process appended", "[io][event_store][journal]") {
    TempDir dir;
    const fs::path journal = dir.path / "edits.journal";
    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        // The "app": journal edits as they are made, then die without any cleanup.
        try {
            io::RecoveryJournal j(journal);
            j.append(move_edit("hy.txt#000", 46.1));
            j.append(move_edit("hy.txt#000", 46.2));
            j.append_undo();
            EventEdit add;
            add.kind = Kind::Add;
            add.key = "user#1";
            add.position = {45.0, 40.5};
            add.date = core::DateRange{ymd(2024, 2, 29), ymd(2024, 3, 2), core::DatePrecision::Day};
            add.place = "Xankəndi / Ստեփանակերտ / Степанакерт";
            j.append(add);
        } catch (...) {
            ::_exit(2);
        }
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);

    core::Diagnostics diags;
    const auto edits = io::replay_journal(journal, diags);
    CHECK(diags.empty());
    REQUIRE(edits.size() == 2);
    check_same(edits[0], move_edit("hy.txt#000", 46.1));
    CHECK(edits[1].kind == Kind::Add);
    CHECK(edits[1].place == "Xankəndi / Ստեփանակերտ / Степанакерт");
    CHECK(edits[1].date->end == ymd(2024, 3, 2));

    io::RecoveryJournal(journal).clear();
    CHECK(fs::file_size(journal) == 0);
    CHECK(io::replay_journal(journal, diags).empty());
}

TEST_CASE("a journal torn mid-line gives every complete edit", "[io][event_store][journal]") {
    TempDir dir;
    const fs::path journal = dir.path / "edits.journal";
    io::RecoveryJournal j(journal);
    j.append(move_edit("hy.txt#000", 46.1));
    j.append(move_edit("hy.txt#000", 46.2));
    const auto whole = fs::file_size(journal);
    j.append(move_edit("hy.txt#000", 46.3));
    fs::resize_file(journal, whole + 25);  // the crash came during the third write

    core::Diagnostics diags;
    auto edits = io::replay_journal(journal, diags);
    REQUIRE(edits.size() == 2);
    CHECK(edits[1].position.lon == 46.2);
    REQUIRE(diags.count() == 1);
    CHECK(diags.all()[0].code == core::DiagCode::RecordInvalid);
    CHECK(diags.all()[0].where == "3");
    CHECK(diags.all()[0].message.find("torn") != std::string::npos);

    SECTION("appending after the tear loses nothing new") {
        j.append(move_edit("hy.txt#000", 46.4));
        diags.clear();
        edits = io::replay_journal(journal, diags);
        REQUIRE(edits.size() == 3);
        CHECK(edits[2].position.lon == 46.4);
        REQUIRE(diags.count() == 1);  // the fragment, now a bad middle line
        CHECK(diags.all()[0].where == "3");
    }
    SECTION("bad middle lines are reported and skipped") {
        std::ofstream(journal, std::ios::app) << "\nnot json at all\n{\"kind\":\"move\"}\n";
        j.append(move_edit("hy.txt#000", 46.5));
        diags.clear();
        edits = io::replay_journal(journal, diags);
        REQUIRE(edits.size() == 3);
        CHECK(edits[2].position.lon == 46.5);
        CHECK(diags.count() == 3);  // the fragment, the non-JSON line, the edit without a key
    }
}

TEST_CASE("undos past the journal's start take back saved edits", "[io][event_store][journal]") {
    TempDir dir;
    const fs::path journal = dir.path / "edits.journal";
    io::RecoveryJournal j(journal);
    j.append_undo();
    j.append(move_edit("hy.txt#000", 46.9));
    core::Diagnostics diags;
    const auto edits = io::recover_edits({move_edit("a#1", 1.0), move_edit("a#2", 2.0)}, journal, diags);
    CHECK(diags.empty());
    REQUIRE(edits.size() == 2);
    CHECK(edits[0].key == "a#1");
    CHECK(edits[1].position.lon == 46.9);
    const auto alone = io::replay_journal(journal, diags);
    CHECK(alone.size() == 1);
    CHECK(diags.count() == 1);  // the undo it could not honour is reported
    diags.clear();
    CHECK(io::replay_journal(dir.path / "none.journal", diags).empty());
    CHECK(diags.empty());
}

// ---------------------------------------------------------------------------------------------
// Review decisions (accept, reject, unreview) and relocations are edits: saved, journalled and
// recovered like the others.

namespace {

core::EditableEvents reviewed() {
    core::EditableEvents ee;
    ee.set_extracted(extracted());
    REQUIRE(ee.apply({.kind = Kind::Accept, .key = "hy.txt#000", .author = "Անի Պետրոսյան"}));
    REQUIRE(ee.apply({.kind = Kind::Reject, .key = "az.txt#001", .author = "Ayşən"}));
    REQUIRE(ee.apply({.kind = Kind::Accept, .key = "ru.txt#002", .author = "olga"}));
    REQUIRE(ee.apply({.kind = Kind::Unreview, .key = "ru.txt#002", .author = "olga"}));
    REQUIRE(ee.apply({.kind = Kind::Relocate,
                      .key = "en.txt#003",
                      .position = {46.7528, 39.8177},
                      .place = "Khankendi",
                      .location_precision = core::LocationPrecision::Point,
                      .author = "olga"}));
    REQUIRE(ee.apply({.kind = Kind::Accept, .key = "en.txt#003", .author = "olga"}));
    return ee;
}

void check_same_review(const core::EditableEvents& a, const core::EditableEvents& b) {
    REQUIRE(a.events().size() == b.events().size());
    for (std::size_t i = 0; i < a.events().size(); ++i) {
        INFO(i);
        CHECK(a.review_state(i) == b.review_state(i));
        CHECK(a.review(i).author == b.review(i).author);
        CHECK(a.review(i).timestamp == b.review(i).timestamp);
        CHECK(a.events()[i].place == b.events()[i].place);
        CHECK(a.events()[i].position.lon == b.events()[i].position.lon);
    }
    CHECK(a.hidden_flags() == b.hidden_flags());
}

}  // namespace

TEST_CASE("review decisions round-trip through a GeoPackage with who and when", "[io][event_store][review]") {
    TempDir dir;
    const fs::path file = dir.path / "edits.gpkg";
    const core::EditableEvents ee = reviewed();
    io::save_edits(file, ee);
    CHECK(dir.files() == std::vector<std::string>{"edits.gpkg"});

    core::Diagnostics diags;
    const auto loaded = io::load_edits(file, diags);
    CHECK(diags.empty());
    REQUIRE(loaded.size() == 6);
    for (std::size_t i = 0; i < loaded.size(); ++i) check_same(loaded[i], ee.edits()[i]);
    CHECK(loaded[0].author == "Անի Պետրոսյան");
    CHECK(loaded[4].kind == Kind::Relocate);

    core::EditableEvents again;
    again.set_extracted(extracted());
    again.set_edits(loaded);
    CHECK(again.orphaned().empty());
    check_same_review(again, ee);
    CHECK(again.review_state(0) == core::ReviewState::Accepted);
    CHECK(again.review_state(1) == core::ReviewState::Rejected);
    CHECK(again.review_state(2) == core::ReviewState::Unreviewed);
    CHECK(again.events()[3].place == "Khankendi");

    // The "events" layer leaves the rejected event out, as it leaves deleted ones out.
    const auto events = io::read_events(file, diags);
    REQUIRE(events.size() == 3);
    for (const auto& e : events) CHECK(e.source.document != "az.txt");

    // Re-extraction that changed one sentence: its decision stays in the file but no longer applies.
    auto changed = extracted();
    changed[0].source.quote = "Another sentence.";
    again.set_extracted(changed);
    CHECK(again.review_state(0) == core::ReviewState::Unreviewed);
    CHECK(again.review_state(1) == core::ReviewState::Rejected);
    CHECK(again.orphaned() == std::vector<std::string>{"hy.txt#000"});
}

TEST_CASE("review decisions journalled before a crash are recovered over the last save",
          "[io][event_store][journal][review]") {
    TempDir dir;
    const fs::path file = dir.path / "edits.gpkg";
    const fs::path journal = dir.path / "edits.gpkg.journal";
    // The last save held one decision; the crashed session undid it, then decided three more.
    core::EditableEvents saved;
    saved.set_extracted(extracted());
    REQUIRE(saved.apply({.kind = Kind::Reject, .key = "en.txt#003", .author = "olga"}));
    io::save_edits(file, saved);

    const pid_t pid = ::fork();
    REQUIRE(pid >= 0);
    if (pid == 0) {
        try {
            core::EditableEvents live = saved;
            io::RecoveryJournal j(journal);
            live.undo();
            j.append_undo();
            for (auto [kind, key] : {std::pair{Kind::Accept, "hy.txt#000"}, std::pair{Kind::Reject, "az.txt#001"},
                                     std::pair{Kind::Accept, "ru.txt#002"}}) {
                if (!live.apply({.kind = kind, .key = key, .author = "olga"})) ::_exit(3);
                j.append(live.edits().back());
            }
            live.undo();  // the last accept taken back
            j.append_undo();
        } catch (...) {
            ::_exit(2);
        }
        ::_exit(0);  // no save, no destructors of the parent's state
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);

    core::Diagnostics diags;
    const auto edits = io::recover_edits(io::load_edits(file, diags), journal, diags);
    CHECK(diags.empty());
    REQUIRE(edits.size() == 2);
    core::EditableEvents recovered;
    recovered.set_extracted(extracted());
    recovered.set_edits(edits);
    CHECK(recovered.review_state(0) == core::ReviewState::Accepted);
    CHECK(recovered.review(0).author == "olga");
    CHECK_FALSE(recovered.review(0).timestamp.empty());
    CHECK(recovered.review_state(1) == core::ReviewState::Rejected);
    CHECK(recovered.review_state(2) == core::ReviewState::Unreviewed);  // undone before the crash
    CHECK(recovered.review_state(3) == core::ReviewState::Unreviewed);  // the saved reject, undone
    CHECK(recovered.hidden_flags() == std::vector<char>{0, 1, 0, 0});

    // A journal line from before review decisions had an author still loads.
    std::ofstream(journal, std::ios::app) << "{\"kind\":\"accept\",\"key\":\"ru.txt#002\"}\n";
    const auto more = io::recover_edits({}, journal, diags);
    CHECK(diags.empty());
    REQUIRE(more.size() == 3);
    CHECK(more.back().kind == Kind::Accept);
    CHECK(more.back().author.empty());
    // A relocation without its place is refused with the key named.
    std::ofstream(journal, std::ios::app) << "{\"kind\":\"relocate\",\"key\":\"ru.txt#002\",\"lon\":46,\"lat\":40}\n";
    diags.clear();
    CHECK(io::recover_edits({}, journal, diags).size() == 3);
    REQUIRE(diags.count() == 1);
    CHECK_THAT(diags.all()[0].message, Catch::Contains("relocate edit of 'ru.txt#002' without a place"));
}
