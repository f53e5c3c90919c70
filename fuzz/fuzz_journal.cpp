// Fuzzes the edits recovery journal: the input is written as a journal file and read by
// io::read_journal (checksummed JSON lines, undos, torn last lines) and io::recover_edits. A
// damaged record is a diagnostic, never a crash; read_journal throws only when the file cannot be
// read at all.
#include "core/error.hpp"
#include "fuzz_support.hpp"
#include "io/event_store.hpp"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace sitmap;
    static fuzz::ScratchFile file(".journal");
    const auto& path = file.write(data, size);
    core::Diagnostics diags;
    try {
        const auto replay = io::read_journal(path, diags);
        if (replay.damaged > 0 && diags.empty()) std::abort();  // damage is always reported
        (void)io::recover_edits({}, path, diags);
    } catch (const Error&) {
    }
    return 0;
}
