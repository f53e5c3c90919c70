// Fuzzes the events reader for CSV (RFC-4180 quoting, the fixed column list): the input is written to a .csv file and
// read by io::read_events. A file that cannot be opened at all throws sitmap::Error (allowed); bad
// rows become diagnostics. Checks that every event read has its date range in order and a
// confidence in 0..1.
#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "io/events_io.hpp"

#include <chrono>
#include <cmath>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace sitmap;
    static fuzz::ScratchFile file(".csv");
    const auto& path = file.write(data, size);
    core::Diagnostics diags;
    try {
        for (const auto& e : io::read_events(path, diags)) {
            if (std::chrono::sys_days(e.date.start) > std::chrono::sys_days(e.date.end)) std::abort();
            if (!(e.confidence >= 0.0 && e.confidence <= 1.0)) std::abort();
        }
    } catch (const Error&) {
    }
    return 0;
}
