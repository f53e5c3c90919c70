// Fuzzes document reading and extraction: the input is a file's bytes, read by io::read_document
// (encoding detection, UTF-16, transcoding, streaming in small parts) and each part given to the
// extractor with the shipped gazetteer, conflict calendar and place model. Checks that every event
// has a date range in order, a confidence in 0..1 and a source span in order.
#include "core/error.hpp"
#include "core/extractor.hpp"
#include "fuzz_support.hpp"
#include "io/conflict_calendar_io.hpp"
#include "io/documents.hpp"
#include "io/gazetteer_io.hpp"
#include "io/place_model_io.hpp"

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <memory>

namespace {

using namespace sitmap;

struct Shipped {
    core::Gazetteer gazetteer;
    std::unique_ptr<core::Extractor> extractor;
};

Shipped* shipped = nullptr;

void check(const core::Event& e) {
    const bool ok = std::chrono::sys_days(e.date.start) <= std::chrono::sys_days(e.date.end) &&
                    std::isfinite(e.confidence) && e.confidence >= 0.0 && e.confidence <= 1.0 &&
                    e.source.begin <= e.source.end;
    if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    core::Diagnostics diags;
    const auto geodata = fuzz::data_dir() / "geodata";
    shipped = new Shipped{io::load_gazetteer(geodata / "gazetteer.csv", diags), nullptr};
    shipped->extractor = std::make_unique<core::Extractor>(
        shipped->gazetteer,
        core::ExtractorOptions{.calendar = io::load_conflict_calendar(geodata / "conflict_calendar.csv", diags),
                               .place_model = io::load_place_model_if_present(geodata / "place_model.csv", diags)});
    if (diags.count(core::Severity::Error) > 0) std::abort();  // the shipped data must load
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static fuzz::ScratchFile file(".txt");
    const auto& path = file.write(data, size);
    core::Diagnostics diags;
    // Small parts so that inputs of a few KiB already take the streaming path.
    io::read_document(
        path, diags,
        [&](core::Document&& doc) { shipped->extractor->extract(doc, diags, [](core::Event&& e) { check(e); }); },
        {.part_bytes = 1024});
    return 0;
}
