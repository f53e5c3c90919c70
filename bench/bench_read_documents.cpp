// Reading many small documents (issue 12 F17): writes N small news texts (default 10,000, about
// 1 KB each) to a temporary folder, reads each with io::read_document as `extract` does, and
// reports the time per document and the total, without extraction (which would hide the reading
// cost). Usage: sitmap_bench_read_documents [N=10000] [--keep]
#include "core/diagnostics.hpp"
#include "io/documents.hpp"

#include "bench_util.hpp"

#include <fmt/format.h>

#include <unistd.h>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using namespace sitmap;

int main(int argc, char** argv) {
    std::size_t n = 10000;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--keep") == 0)
            keep = true;
        else
            n = std::stoul(argv[i]);
    }
    const fs::path dir = fs::temp_directory_path() / ("sitmap_bench_small_docs_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string body =
        "STEPANAKERT, 3 October 2020 (Wire) - Shelling hit the town overnight, officials said. Residents "
        "sheltered in basements as artillery fire continued near Martuni and Shushi.\n\n";
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < n; ++i) {
        std::string text = "Title: Report " + std::to_string(i) + "\nDate: 2020-10-03\n\n";
        while (text.size() < 1000) text += body;
        bytes += text.size();
        std::ofstream(dir / fmt::format("doc-{:05}.txt", i), std::ios::binary) << text;
    }
    core::Diagnostics diags;
    std::size_t parts = 0, text_bytes = 0;
    const auto t0 = bench::Clock::now();
    for (const auto& e : fs::directory_iterator(dir)) {
        io::read_document(e.path(), diags, [&](core::Document&& d) {
            ++parts;
            text_bytes += d.text.size();
        });
    }
    const double ms = bench::ms_since(t0);
    std::printf(
        "%zu documents (%.1f MB) read in %.0f ms: %.1f us per document; %zu parts, %zu text bytes; "
        "peak RSS %ld KB\n",
        n, static_cast<double>(bytes) / 1e6, ms, ms * 1000.0 / static_cast<double>(n), parts, text_bytes,
        bench::peak_rss_kb());
    if (!keep) fs::remove_all(dir);
    return parts == n ? 0 : 1;
}
