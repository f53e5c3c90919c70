#include "io/conflict_calendar_io.hpp"

#include "core/csv.hpp"
#include "core/parse.hpp"

#include <fmt/format.h>

#include <cctype>
#include <fstream>
#include <sstream>

namespace sitmap::io {

core::ConflictCalendar load_conflict_calendar(const std::filesystem::path& path, core::Diagnostics& diags) {
    core::ConflictCalendar calendar;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.add(core::Severity::Warning, core::DiagCode::FileMissing, path.string(), "",
                  "conflict calendar not found: undated mentions of wars and episodes keep the text's dates");
        return calendar;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const auto records = core::parse_csv(ss.str());
    const std::string file = path.string();
    auto bad = [&](const core::CsvRecord& r, const std::string& what) {
        diags.add(core::Severity::Warning, core::DiagCode::RecordInvalid, file, std::to_string(r.line), what);
    };
    for (std::size_t i = 1; i < records.size(); ++i) {  // row 0 is the header
        const auto& r = records[i];
        if (r.fields.size() < 10) {
            bad(r, fmt::format("expected 10 fields, found {}; row skipped", r.fields.size()));
            continue;
        }
        const auto& f = r.fields;
        core::ConflictSpan span;
        const auto kind = core::parse_span_kind(f[0]);
        const auto start = core::parse_iso_date(f[2]);
        const auto end = core::parse_iso_date(f[3]);
        const auto precision = core::parse_precision(f[4]);
        if (!kind) {
            bad(r, fmt::format("kind '{}' (expected war, ongoing, period or episode); row skipped", f[0]));
            continue;
        }
        if (!start || !end || std::chrono::sys_days(*end) < std::chrono::sys_days(*start)) {
            bad(r, fmt::format("dates '{}'..'{}' (expected YYYY-MM-DD, start <= end); row skipped", f[2], f[3]));
            continue;
        }
        if (!precision) {
            bad(r, fmt::format("precision '{}' (expected day, month, year or decade); row skipped", f[4]));
            continue;
        }
        span.kind = *kind;
        span.name = f[1];
        span.range = core::DateRange{*start, *end, *precision};
        std::string cue;
        for (char c : f[5] + "|") {
            if (c == '|') {
                if (!cue.empty()) span.cues.push_back(cue);
                cue.clear();
            } else {
                cue += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            }
        }
        if (!f[6].empty() || !f[7].empty()) {
            double lat = 0, lon = 0, radius = 0;
            if (!core::parse_double(f[6], lat) || !core::parse_double(f[7], lon) || !core::parse_double(f[8], radius) ||
                radius <= 0) {
                bad(r, fmt::format("place '{},{}' radius '{}' (expected degrees and km > 0); row skipped", f[6], f[7],
                                   f[8]));
                continue;
            }
            span.centre = core::LonLat{lon, lat};
            span.radius_km = radius;
        }
        span.source = f[9];
        if (span.kind != core::ConflictSpan::Kind::War && span.cues.empty()) {
            bad(r, "an ongoing, period or episode span needs cue words; row skipped");
            continue;
        }
        calendar.spans.push_back(std::move(span));
    }
    return calendar;
}

}  // namespace sitmap::io
