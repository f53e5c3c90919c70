// Fuzzes the briefing JSON reader: io::briefing_from_json either returns a briefing or throws
// sitmap::Error (a UsageError naming the field). A briefing it accepts must survive a round trip:
// briefing_to_json and back gives the same JSON again.
#include "core/error.hpp"
#include "io/briefing_io.hpp"

#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace sitmap;
    const std::string text(reinterpret_cast<const char*>(data), size);
    core::Briefing briefing;
    try {
        briefing = io::briefing_from_json(text, "fuzz.json");
    } catch (const Error&) {
        return 0;
    }
    const std::string json = io::briefing_to_json(briefing);
    try {
        if (io::briefing_to_json(io::briefing_from_json(json, "roundtrip.json")) != json) std::abort();
    } catch (const Error&) {
        std::abort();  // what sitmap writes, sitmap must read
    }
    return 0;
}
