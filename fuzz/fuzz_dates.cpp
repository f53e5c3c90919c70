// Fuzzes the date grammar: find_dates over the input's tokens (with and without a publication date
// and narrative anchor), parse_first_date, and the command line's date readers. Checks that each
// mention's span lies in the text, in order, and that every range runs forward.
#include "core/briefing.hpp"
#include "core/date.hpp"
#include "core/date_extract.hpp"
#include "core/error.hpp"
#include "core/text_tokens.hpp"

#include <chrono>
#include <cstdlib>
#include <string_view>

namespace {

using namespace sitmap;

void check(const core::DateRange& r) {
    if (std::chrono::sys_days(r.start) > std::chrono::sys_days(r.end)) std::abort();
}

void check_mentions(std::string_view text, const core::DateContext& context) {
    const auto tokens = core::tokenize(text);
    std::size_t previous = 0;
    for (const auto& m : core::find_dates(text, tokens, context)) {
        if (m.begin > m.end || m.end > text.size() || m.begin < previous) std::abort();
        previous = m.begin;
        check(m.range);
    }
    if (const auto first = core::parse_first_date(text, context)) {
        if (first->begin > first->end || first->end > text.size()) std::abort();
        check(first->range);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    using namespace std::chrono;
    check_mentions(text, {});
    check_mentions(text, {.publication = core::Date{year{2023}, month{9}, day{20}},
                          .narrative = core::Date{year{2020}, month{10}, day{27}}});
    check_mentions(text, {.publication = core::Date{year{1}, month{1}, day{1}}, .year = 9999});
    if (const auto d = core::parse_iso_date(text)) {
        if (!d->ok() || core::parse_iso_date(core::format_iso(*d)) != d) std::abort();
    }
    try {
        (void)core::parse_date_arg(text, "--date");
    } catch (const Error&) {
    }
    (void)core::parse_slide_window(text);
    return 0;
}
