// Extraction throughput: builds a corpus of at least 50 MB from the shipped documents in /tmp
// (each document repeated into files of about 1 MB; the largest single file is 8 MB), extracts it on
// one thread, and reports MB/s and peak RSS (VmHWM), which should track the largest document, not
// the corpus. Usage: sitmap_bench_extract [MB=64] [--keep]
#include "core/extractor.hpp"
#include "io/conflict_calendar_io.hpp"
#include "io/documents.hpp"
#include "io/gazetteer_io.hpp"
#include "io/place_model_io.hpp"

#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace fs = std::filesystem;
using namespace sitmap;

namespace {

std::size_t vm_kb(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(key, 0) == 0) return std::stoul(line.substr(std::string(key).size()));
    return 0;
}

double cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t target_mb = argc > 1 && argv[1][0] != '-' ? std::stoul(argv[1]) : 64;
    const fs::path root = SITMAP_SOURCE_DIR;
    const fs::path corpus = fs::temp_directory_path() / ("sitmap_bench_corpus_" + std::to_string(::getpid()));
    fs::create_directories(corpus);
    std::vector<std::string> seeds;
    for (const auto& e : fs::directory_iterator(root / "assets" / "documents")) {
        std::ifstream in(e.path(), std::ios::binary);
        std::ostringstream ss;
        ss << in.rdbuf();
        seeds.push_back(ss.str());
    }
    if (seeds.empty()) {
        std::fprintf(stderr, "no documents in %s\n", (root / "assets" / "documents").c_str());
        return 1;
    }
    std::size_t total = 0, n = 0, largest = 0;
    while (total < target_mb * 1024 * 1024) {
        // Mostly ~1 MB files; every 16th file is 8 MB, so the largest document is known.
        const std::size_t size = (n % 16 == 15) ? (8u << 20) : (1u << 20);
        std::string text;
        while (text.size() < size) text += seeds[(n + text.size()) % seeds.size()] + "\n\n";
        std::ofstream(corpus / ("doc_" + std::to_string(n) + ".txt"), std::ios::binary) << text;
        total += text.size();
        largest = std::max(largest, text.size());
        ++n;
    }
    core::Diagnostics diags;
    const core::Gazetteer gaz = io::load_gazetteer(root / "geodata" / "gazetteer.csv", diags);
    const core::Extractor extractor(
        gaz, {.calendar = io::load_conflict_calendar(root / "geodata" / "conflict_calendar.csv", diags),
              .place_model = io::load_place_model_if_present(root / "geodata" / "place_model.csv", diags)});
    const std::size_t rss_before = vm_kb("VmRSS:");
    std::size_t events = 0, bytes = 0;
    const auto t0 = std::chrono::steady_clock::now();
    const double cpu0 = cpu_seconds();
    for (const auto& f : io::list_documents({corpus.string()}, diags)) {
        io::read_document(f, diags, [&](core::Document&& d) {
            bytes += d.text.size();
            extractor.extract(d, diags, [&](core::Event&&) { ++events; });
        });
    }
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double cpu = cpu_seconds() - cpu0;
    std::printf("corpus: %zu files, %.1f MB (largest %.1f MB)\n", n, static_cast<double>(total) / 1048576.0,
                static_cast<double>(largest) / 1048576.0);
    std::printf("extract: %.1f MB in %.2f s = %.1f MB/s on one thread, %zu events\n",
                static_cast<double>(bytes) / 1048576.0, s, static_cast<double>(bytes) / 1048576.0 / s, events);
    // CPU time of this thread: the figure that does not depend on what else the machine is running.
    std::printf("cpu: %.2f s = %.1f MB/s of CPU time\n", cpu, static_cast<double>(bytes) / 1048576.0 / cpu);
    std::printf("memory: RSS before extraction %.1f MB, peak (VmHWM) %.1f MB\n",
                static_cast<double>(rss_before) / 1024.0, static_cast<double>(vm_kb("VmHWM:")) / 1024.0);
    bool keep = false;
    for (int i = 1; i < argc; ++i) keep |= std::string(argv[i]) == "--keep";
    if (!keep) fs::remove_all(corpus);
    return 0;
}
