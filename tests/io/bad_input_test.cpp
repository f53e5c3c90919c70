// Regressions for issue 12's bad-input findings (reproducers in tests/data/reliability, copied from
// ../shared/reliability; the deep-nesting ones are generated here instead of shipping 200 KB of
// brackets): each input once crashed sitmap or lost data silently.
#include "core/csv.hpp"
#include "core/error.hpp"
#include "io/briefing_io.hpp"
#include "io/documents.hpp"
#include "io/event_store.hpp"
#include "io/events_io.hpp"
#include "io/geodata.hpp"
#include "io/json_read.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

using namespace sitmap;
namespace fs = std::filesystem;

namespace {

const fs::path kData = fs::path(SITMAP_TESTDATA_DIR) / "reliability";

fs::path temp_file(const std::string& name, const std::string& bytes) {
    const fs::path dir = fs::temp_directory_path() / ("sitmap_bad_input_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path p = dir / name;
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
}

/// `depth` nested arrays: "[[[...]]]".
std::string nested(std::size_t depth) {
    return std::string(depth, '[') + std::string(depth, ']');
}

std::string error_of(const auto& call) {
    try {
        call();
    } catch (const Error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("F4: a GeoJSON events file nested 100,000 deep is refused with file and position",
          "[io][events][bad-input]") {
    // The reproducer's shape: one feature whose property "x" is 100,000 nested arrays.
    const fs::path p = temp_file(
        "deep.geojson", R"({"type":"FeatureCollection","features":[{"properties":{"x":)" + nested(100000) + "}}]}\n");
    core::Diagnostics diags;
    const std::string err = error_of([&] { io::read_events(p, diags); });
    CHECK(err == p.string() + ":1:312: nesting deeper than 256 levels of arrays and objects (not read)");
}

TEST_CASE("F5: a briefing nested 100,000 deep is a usage error naming the file and depth",
          "[io][briefing][bad-input]") {
    const fs::path p = temp_file("deep_briefing.json", "{\"title\":" + nested(100000) + ",\"slides\":[]}");
    CHECK_THROWS_AS(io::load_briefing(p), UsageError);
    CHECK(error_of([&] { io::load_briefing(p); }) ==
          p.string() + ":1:265: nesting deeper than 256 levels of arrays and objects (not read)");
}

TEST_CASE("JSON nesting up to the bound is read, brackets inside strings do not count", "[io][json][bad-input]") {
    std::string problem;
    CHECK(io::parse_json(nested(256), "n.json", problem));
    CHECK_FALSE(io::parse_json(nested(257), "n.json", problem));
    CHECK(problem == "n.json:1:257: nesting deeper than 256 levels of arrays and objects (not read)");
    const auto j = io::parse_json("{\"a\":\"" + std::string(1000, '[') + "\\\"[\"}", "s.json", problem);
    REQUIRE(j);
    CHECK((*j)["a"].get<std::string>().size() == 1002);
}

TEST_CASE("F6: a briefing number too large for a double names its field", "[io][briefing][bad-input]") {
    const fs::path p = kData / "F6_briefing_1e400_internal_error.json";
    CHECK_THROWS_AS(io::load_briefing(p), UsageError);
    CHECK(error_of([&] { io::load_briefing(p); }) ==
          p.string() + ": slides[0].view.bbox[0]: number '-1e400' is out of range (expected a finite number)");
    std::string problem;
    CHECK_FALSE(io::parse_json(R"({"a":[1,{"b":[2,3e999]}]})", "a.json", problem));
    CHECK(problem == "a.json: a[1].b[1]: number '3e999' is out of range (expected a finite number)");
}

TEST_CASE("F2: one invalid byte in UTF-8 text is replaced and named, not a reason to guess a charset",
          "[io][documents][bad-input]") {
    const fs::path p = kData / "F2_one_invalid_byte_mojibake.txt";
    core::Diagnostics diags;
    std::string text;
    REQUIRE(io::read_document(p, diags, [&](core::Document&& d) { text += d.text; }));
    for (const auto& d : diags.all()) INFO(d.format());
    CHECK_FALSE(diags.has(core::DiagCode::DocumentTranscoded));
    // The curly quotes survive as UTF-8 (read as Windows-1252 they became "â€œ").
    CHECK(text.find("\xE2\x80\x9Clocal anti-terrorist\xE2\x80\x9D") != std::string::npos);
    CHECK(text.find("\xC3\xA2\xE2\x82\xAC") == std::string::npos);
    CHECK(text.find("\xEF\xBF\xBD") != std::string::npos);
    const auto all = diags.all();
    const auto warning = std::find_if(all.begin(), all.end(), [](const core::Diagnostic& d) {
        return d.code == core::DiagCode::DocumentEncoding && d.severity == core::Severity::Warning;
    });
    REQUIRE(warning != all.end());
    CHECK(warning->file == p.string());
    CHECK(warning->where == "byte 1869");
    CHECK(warning->message == "invalid UTF-8 byte 0xFF at byte offset 1869 replaced by U+FFFD");
}

TEST_CASE("F2: the offset of a bad byte counts the BOM, and Latin-1 text still goes to detection",
          "[io][documents][bad-input]") {
    core::Diagnostics diags;
    const auto decoded = io::decode_text("\xEF\xBB\xBF\xE2\x80\x9CQuoted\xE2\x80\x9D \xFF end", "bom.txt", diags);
    REQUIRE(decoded);
    CHECK(decoded->text == "\xE2\x80\x9CQuoted\xE2\x80\x9D \xEF\xBF\xBD end");
    REQUIRE(diags.all().size() == 1);
    CHECK(diags.all().front().where == "byte 16");
    // No well-formed multi-byte sequence at all: a legacy charset, as before.
    std::string latin;
    for (int i = 0; i < 20; ++i)
        latin +=
            "Les forces arm\xE9"
            "es ont annonc\xE9 la prise de la ville. ";
    core::Diagnostics d2;
    const auto fr = io::decode_text(latin, "fr.txt", d2);
    REQUIRE(fr);
    CHECK(fr->transcoded);
}

TEST_CASE("F3: UTF-16 text is read, with or without a byte-order mark", "[io][documents][bad-input]") {
    SECTION("the reproducer: UTF-16LE with a BOM") {
        const fs::path p = kData / "F3_utf16le_reported_as_binary.txt";
        core::Diagnostics diags;
        std::string text;
        REQUIRE(io::read_document(p, diags, [&](core::Document&& d) { text += d.text; }));
        CHECK_FALSE(diags.has(core::DiagCode::DocumentBinary));
        REQUIRE(diags.has(core::DiagCode::DocumentTranscoded));
        CHECK(diags.all().front().message == "not UTF-8: read as UTF-16LE (byte-order mark)");
        CHECK(text.find("Azerbaijan claimed it was carrying out") != std::string::npos);
        CHECK(text.find('\0') == std::string::npos);
    }
    SECTION("UTF-16BE without a BOM, streamed in parts that stay aligned") {
        std::string utf8;
        for (int i = 0; i < 300; ++i)
            utf8 +=
                "On 19 September 2023 Azerbaijan shelled \xC5\x9Eu\xC5\x9F"
                "a.\n\n";
        std::string be;  // every character here is in the BMP: one code unit each
        for (std::size_t i = 0; i < utf8.size();) {
            const auto c = static_cast<unsigned char>(utf8[i]);
            char32_t cp = c;
            if (c >= 0xC0) {
                cp = static_cast<char32_t>(((c & 0x1F) << 6) | (static_cast<unsigned char>(utf8[i + 1]) & 0x3F));
                i += 2;
            } else {
                ++i;
            }
            be += static_cast<char>(cp >> 8);
            be += static_cast<char>(cp & 0xFF);
        }
        core::Diagnostics diags;
        std::string text;
        int parts = 0;
        REQUIRE(io::read_document(temp_file("be.txt", be), diags,
                                  [&](core::Document&& d) {
                                      text += d.text;
                                      ++parts;
                                  },
                                  {.part_bytes = 4096}));
        CHECK(parts > 2);
        CHECK(diags.all().front().message == "not UTF-8: read as UTF-16BE (NUL pattern)");
        CHECK(text == utf8);
    }
}

namespace {

/// The Error diagnostics of `diags` naming `layer`, formatted.
std::vector<std::string> errors_about(const core::Diagnostics& diags, const std::string& layer) {
    std::vector<std::string> out;
    for (const auto& d : diags.all())
        if (d.severity == core::Severity::Error && d.where == "layer '" + layer + "'") out.push_back(d.format());
    return out;
}

}  // namespace

TEST_CASE("F8: geodata whose file ends short of its features is reported with file and layer",
          "[io][geodata][bad-input]") {
    // admin.gpkg with one zeroed page: GDAL gives 5 of 89 admin regions and no error at all.
    const fs::path p = kData / "F8_admin_zeropage_silent_truncation.gpkg";
    core::Diagnostics diags;
    const auto layer = io::load_vector_layer(p, "admin1", core::GeometryKind::Polygon, diags);
    REQUIRE(layer);
    const auto errors = errors_about(diags, "admin1");
    REQUIRE(errors.size() == 1);
    // GDAL's own words follow in brackets: "(GDAL: ... database disk image is malformed)".
    CHECK_THAT(
        errors.front(),
        Catch::StartsWith(fmt::format("{}: layer 'admin1': error: read {} of 89 features: the file is damaged",
                                      p.string(), layer->features.size())) &&
            Catch::EndsWith(fmt::format("; the other {} are missing [file-unreadable]", 89 - layer->features.size())));
    CHECK(layer->features.size() < 89);
}

TEST_CASE("F9: an events GeoPackage read short is reported", "[io][events][bad-input]") {
    const fs::path p = kData / "F9_events_gpkg_silent_partial_read_15_of_109.gpkg";
    core::Diagnostics diags;
    const auto events = io::read_events(p, diags);
    CHECK(events.size() == 15);
    const auto errors = errors_about(diags, "events");
    REQUIRE(errors.size() == 1);
    CHECK_THAT(
        errors.front(),
        Catch::StartsWith(p.string() + ": layer 'events': error: read 15 of 109 features: the file is damaged") &&
            Catch::EndsWith("; the other 94 are missing [file-unreadable]"));
}

TEST_CASE("intact GeoPackages read without a damage report", "[io][geodata][bad-input]") {
    core::Diagnostics diags;
    const auto layer = io::load_vector_layer(fs::path(SITMAP_SOURCE_DIR) / "geodata" / "admin.gpkg", "admin1",
                                             core::GeometryKind::Polygon, diags);
    REQUIRE(layer);
    CHECK(layer->features.size() == 89);
    CHECK(diags.empty());
}

TEST_CASE("F10: an events CSV without a required column is refused once, naming the column",
          "[io][events][bad-input]") {
    const fs::path p = kData / "F10_events_csv_all_rows_rejected_silently_in_render.csv";
    core::Diagnostics diags;
    const std::string err = error_of([&] { io::read_events(p, diags); });
    CHECK(err.starts_with(p.string() + ":1: no 'date_start' column in the header (an events CSV needs date_start, "
                                       "date_end, date_precision and event_type; map other names with --fields, "
                                       "e.g. --fields date=COLUMN; found: doc,event_id,date_end,"));
}

TEST_CASE("F10: an unbalanced quote in an events CSV costs one row, reported, not the rest of the file",
          "[io][events][bad-input]") {
    const fs::path p = kData / "F10b_events_csv_unbalanced_quote_104_rows_swallowed.csv";
    core::Diagnostics diags;
    const auto events = io::read_events(p, diags);
    CHECK(events.size() == 108);  // 109 rows, the one with the stray quote skipped
    const auto all = diags.all();
    REQUIRE(all.size() == 1);
    CHECK(all[0].format() == p.string() +
                                 ":7: warning: a quote opened on this line is never closed; the line is skipped and "
                                 "reading goes on with the next one [record-invalid]");
}

TEST_CASE("F10: many rejected rows are listed up to ten, then counted", "[io][events][bad-input]") {
    std::string csv = "doc,event_id,date_start,date_end,date_precision,event_type\n";
    csv += "a.txt,1,2020-10-01,2020-10-01,day,strike\n";
    for (int i = 0; i < 25; ++i) csv += "a.txt,x,2020-13-01,2020-13-01,day,strike\n";
    csv += "a.txt,2,2020-10-02,2020-10-02,day,strike\n";
    const fs::path p = temp_file("many_bad.csv", csv);
    core::Diagnostics diags;
    CHECK(io::read_events(p, diags).size() == 2);
    const auto all = diags.all();
    REQUIRE(all.size() == 11);
    CHECK(all[0].where == "3");
    CHECK(all[9].where == "12");
    CHECK(all[10].format() == p.string() +
                                  ": warning: 25 of 27 rows rejected in all (the first 10 are listed) "
                                  "[record-invalid]");
}

TEST_CASE("a CSV quote left open resumes on the next line", "[core][csv][bad-input]") {
    const auto records = core::parse_csv("a,b\n1,\"x\n2,y\n3,z\n");
    REQUIRE(records.size() == 4);
    CHECK(records[1].unterminated_quote);
    CHECK(records[1].line == 2);
    CHECK(records[1].fields == std::vector<std::string>{"1"});
    CHECK(records[2].fields == std::vector<std::string>{"2", "y"});
    CHECK(records[3].line == 4);
    CHECK_FALSE(records[3].unterminated_quote);
    // A quoted field spanning lines and closed is still one field.
    const auto ok = core::parse_csv("a\n\"x\ny\"\n");
    REQUIRE(ok.size() == 2);
    CHECK(ok[1].fields.front() == "x\ny");
}

TEST_CASE("F12: an edits file that lost its saved corrections says so", "[io][edits][bad-input]") {
    const fs::path p = kData / "F12_edits_gpkg_zeropage40_all_9_saved_edits_silently_lost.gpkg";
    core::Diagnostics diags;
    const auto edits = io::load_edits(p, diags);
    CHECK(edits.empty());
    const auto errors = errors_about(diags, "edits");
    REQUIRE(errors.size() == 1);
    CHECK_THAT(errors.front(),
               Catch::StartsWith(p.string() + ": layer 'edits': error: read 0 of 9 features: the file is damaged") &&
                   Catch::EndsWith("; the other 9 are missing [file-unreadable]"));
    // The intact file it was damaged from loads all nine, with nothing to report.
    core::Diagnostics clean;
    CHECK(io::load_edits(kData / "edits_base_9_saved.gpkg", clean).size() == 9);
    CHECK(clean.empty());
}

namespace {

core::EventEdit move_of(std::string key, double lon) {
    core::EventEdit e;
    e.kind = core::EventEdit::Kind::Move;
    e.key = std::move(key);
    e.position = {lon, 40.0};
    e.timestamp = "2026-12-01T09:44:09Z";
    return e;
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("F19: a journal record damaged on disk is reported and never replayed", "[io][journal][bad-input]") {
    const fs::path journal = temp_file("f19.journal", "");
    fs::remove(journal);
    io::RecoveryJournal j(journal);
    j.append(move_of("a.txt#000-010", 46.1));
    j.append(move_of("a.txt#000-011", 46.2));
    j.append(move_of("a.txt#000-012", 46.3));
    std::string bytes = read_all(journal);
    CHECK(bytes.find("\"crc32\":\"") != std::string::npos);
    core::Diagnostics clean;
    REQUIRE(io::replay_journal(journal, clean).size() == 3);
    CHECK(clean.empty());

    SECTION("a flipped byte in a key") {
        // As in the reproducer: the second record's key changed on disk, so without a checksum it
        // would be replayed against another event.
        const std::size_t at = bytes.find("a.txt#000-011");
        REQUIRE(at != std::string::npos);
        bytes[at] = 'A';
        std::ofstream(journal, std::ios::binary | std::ios::trunc) << bytes;
        core::Diagnostics diags;
        const auto edits = io::replay_journal(journal, diags);
        REQUIRE(edits.size() == 2);
        CHECK(edits[0].key == "a.txt#000-010");
        CHECK(edits[1].key == "a.txt#000-012");
        const auto all = diags.all();
        REQUIRE(all.size() == 2);
        CHECK(all[0].format() == journal.string() +
                                     ":2: warning: damaged record (checksum mismatch) not replayed: the "
                                     "move edit of 'A.txt#000-011' is lost [record-invalid]");
        CHECK(all[1].message == "1 damaged journal record(s) not replayed; the edits listed above must be made again");
    }
    SECTION("a flipped checksum digit, then an undo that takes back the damaged record, not the one before") {
        const std::size_t at = bytes.find("\"crc32\":\"", bytes.find("a.txt#000-012"));
        bytes[at + 9] = bytes[at + 9] == '0' ? '1' : '0';
        std::ofstream(journal, std::ios::binary | std::ios::trunc) << bytes;
        j.append_undo();
        core::Diagnostics diags;
        const auto edits = io::replay_journal(journal, diags);
        REQUIRE(edits.size() == 2);
        CHECK(edits[1].key == "a.txt#000-011");
        CHECK(diags.all().front().where == "3");
    }
}

TEST_CASE("F19: journals written before checksums still replay", "[io][journal][bad-input]") {
    // The reproducer journal is in the old format (no checksums); its damaged key cannot be caught,
    // but its three records are still recovered as before.
    core::Diagnostics diags;
    const auto edits = io::replay_journal(kData / "F19_journal_bitflip_key.journal", diags);
    REQUIRE(edits.size() == 3);
    CHECK(edits[0].key == "000_85cc955a52804482.txt#000-010");
    CHECK(diags.empty());
}
