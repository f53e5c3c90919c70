// Runs a libFuzzer harness over its committed seeds without libFuzzer: a plain main() that calls
// the harness's LLVMFuzzerInitialize (when it has one) and then LLVMFuzzerTestOneInput once per
// file, so the normal test suite (any compiler, no -fsanitize=fuzzer) replays every seed and a
// seed that crashes or trips a harness check (std::abort) fails ctest. Usage: seeds_<harness>
// FILE_OR_DIR... (directories are read in name order). Exits 1 when no seed was found.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> seeds_in(const std::vector<std::string>& args) {
    std::vector<fs::path> out;
    for (const auto& a : args) {
        if (fs::is_directory(a)) {
            std::vector<fs::path> files;
            for (const auto& entry : fs::directory_iterator(a))
                if (entry.is_regular_file()) files.push_back(entry.path());
            std::sort(files.begin(), files.end());
            out.insert(out.end(), files.begin(), files.end());
        } else {
            out.emplace_back(a);
        }
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    if (LLVMFuzzerInitialize != nullptr) LLVMFuzzerInitialize(&argc, &argv);
    std::size_t ran = 0;
    for (const auto& seed : seeds_in(args)) {
        std::ifstream in(seed, std::ios::binary);
        if (!in) {
            std::fprintf(stderr, "%s: cannot read the seed\n", seed.c_str());
            return 1;
        }
        const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        // Named before it runs: a seed that crashes is the last one printed.
        std::fprintf(stderr, "seed %s (%zu bytes)\n", seed.c_str(), bytes.size());
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
        ++ran;
    }
    if (ran == 0) {
        std::fprintf(stderr, "no seeds found in the arguments\n");
        return 1;
    }
    std::fprintf(stderr, "%zu seeds ran without a crash\n", ran);
    return 0;
}
