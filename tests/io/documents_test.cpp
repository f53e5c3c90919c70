// Reading documents: empty, binary, Windows-1251, Latin-1, undecidable encodings, and a large file
// streamed in parts with bounded memory (generated at test time in the temp directory).
#include "io/documents.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>

using namespace sitmap;
namespace fs = std::filesystem;

namespace {

fs::path temp_file(const std::string& name, const std::string& bytes) {
    const fs::path dir = fs::temp_directory_path() / ("sitmap_docs_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path p = dir / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
    return p;
}

std::size_t vm_hwm_kb() {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stoul(line.substr(6));
    return 0;
}

}  // namespace

TEST_CASE("an empty file is reported and yields no document", "[io][documents]") {
    core::Diagnostics diags;
    const auto p = temp_file("empty.txt", "");
    int parts = 0;
    CHECK_FALSE(io::read_document(p, diags, [&](core::Document&&) { ++parts; }));
    CHECK(parts == 0);
    REQUIRE(diags.has(core::DiagCode::DocumentEmpty));
    CHECK(diags.all().front().file == p.string());
    core::Diagnostics d2;
    CHECK_FALSE(io::read_document(temp_file("blank.txt", "  \n\n \t\n"), d2, [&](core::Document&&) { ++parts; }));
    CHECK(d2.has(core::DiagCode::DocumentEmpty));
}

TEST_CASE("a binary file is reported as binary", "[io][documents]") {
    core::Diagnostics diags;
    std::string bytes = "\x89PNG\r\n\x1a\n";
    bytes.push_back('\0');
    bytes += std::string(200, '\x01');
    CHECK_FALSE(io::read_document(temp_file("image.txt", bytes), diags, [](core::Document&&) {}));
    CHECK(diags.has(core::DiagCode::DocumentBinary));
}

TEST_CASE("Windows-1251 Russian text is transcoded to UTF-8", "[io][documents]") {
    // "Вооружённые силы Азербайджана начали операцию в Карабахе 19 сентября 2023 года." repeated, in CP1251.
    const std::string sentence =
        "\xC2\xEE\xEE\xF0\xF3\xE6\xE5\xED\xED\xFB\xE5 \xF1\xE8\xEB\xFB "
        "\xC0\xE7\xE5\xF0\xE1\xE0\xE9\xE4\xE6\xE0\xED\xE0 "
        "\xED\xE0\xF7\xE0\xEB\xE8 \xEE\xEF\xE5\xF0\xE0\xF6\xE8\xFE \xE2 \xCA\xE0\xF0\xE0\xE1\xE0\xF5\xE5 19 "
        "\xF1\xE5\xED\xF2\xFF\xE1\xF0\xFF 2023 \xE3\xEE\xE4\xE0. ";
    std::string text;
    for (int i = 0; i < 20; ++i) text += sentence;
    core::Diagnostics diags;
    std::string got;
    const bool ok = io::read_document(temp_file("ru.txt", text), diags, [&](core::Document&& d) { got = d.text; });
    for (const auto& dg : diags.all()) INFO(dg.format());
    REQUIRE(ok);
    CHECK(diags.has(core::DiagCode::DocumentTranscoded));
    CHECK(got.find("Карабахе") != std::string::npos);
    CHECK(got.find("Азербайджана") != std::string::npos);
}

TEST_CASE("Latin-1 text is transcoded to UTF-8", "[io][documents]") {
    // French with accents in ISO-8859-1.
    std::string text;
    for (int i = 0; i < 20; ++i)
        text +=
            "Les forces arm\xE9"
            "es ont annonc\xE9 la prise de la ville; le minist\xE8re a d\xE9menti les "
            "r\xE9sultats et la d\xE9l\xE9gation fran\xE7"
            "aise a exprim\xE9 sa pr\xE9occupation. ";
    core::Diagnostics diags;
    const auto decoded = io::decode_text(text, "fr.txt", diags);
    REQUIRE(decoded.has_value());
    CHECK(decoded->transcoded);
    CHECK((decoded->charset == "ISO-8859-1" || decoded->charset == "windows-1252"));
    CHECK(decoded->text.find("arm\xC3\xA9"
                             "es") != std::string::npos);  // "armées" in UTF-8
    CHECK(diags.has(core::DiagCode::DocumentTranscoded));
}

TEST_CASE("bytes in no recognisable charset give a clear encoding error", "[io][documents]") {
    std::string text = "abc ";
    for (int i = 0; i < 64; ++i) text += static_cast<char>(0x80 + ((i * 37) % 0x7F));
    core::Diagnostics diags;
    CHECK_FALSE(io::decode_text(text, "weird.txt", diags).has_value());
    REQUIRE(diags.has(core::DiagCode::DocumentEncoding));
    CHECK(diags.all().front().message.find("UTF-8") != std::string::npos);
    CHECK(diags.all().front().file == "weird.txt");
}

TEST_CASE("UTF-8 with a BOM is read as is", "[io][documents]") {
    core::Diagnostics diags;
    const auto decoded = io::decode_text("\xEF\xBB\xBFŞuşa was shelled.", "bom.txt", diags);
    REQUIRE(decoded.has_value());
    CHECK_FALSE(decoded->transcoded);
    CHECK(decoded->text == "Şuşa was shelled.");
    CHECK(diags.empty());
}

TEST_CASE("directories are listed recursively and missing inputs reported", "[io][documents]") {
    const auto a = temp_file("list/b.txt", "x");
    temp_file("list/a.txt", "x");
    temp_file("list/.hidden", "x");
    core::Diagnostics diags;
    const auto files = io::list_documents({a.parent_path().string(), "/no/such/dir"}, diags);
    REQUIRE(files.size() == 2);
    CHECK(files[0].filename() == "a.txt");
    CHECK(files[1].filename() == "b.txt");
    CHECK(diags.has(core::DiagCode::FileMissing));
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

TEST_CASE("a 100 MB document is streamed in parts with bounded memory", "[io][documents][large]") {
    const fs::path p = fs::temp_directory_path() / ("sitmap_large_" + std::to_string(::getpid()) + ".txt");
    const std::string para = "Date: 2023-09-19\n---\n";
    {
        std::ofstream out(p, std::ios::binary);
        out << para;
        const std::string body =
            "Azerbaijani forces shelled positions near the town on Tuesday, the ministry said in a statement. "
            "Clashes continued along the line of contact, and two soldiers were wounded.\n\n";
        std::size_t written = para.size();
        while (written < 100u * 1024u * 1024u) {
            out << body;
            written += body.size();
        }
    }
    const auto size = fs::file_size(p);
    REQUIRE(size >= 100u * 1024u * 1024u);
    const std::size_t before_kb = vm_hwm_kb();
    core::Diagnostics diags;
    std::size_t parts = 0, bytes = 0, max_part = 0, last_offset = 0;
    bool dated = true;
    REQUIRE(io::read_document(
        p, diags,
        [&](core::Document&& d) {
            ++parts;
            bytes += d.text.size();
            max_part = std::max(max_part, d.text.size());
            dated &= d.publication_date.has_value();
            CHECK(d.base_offset >= last_offset);
            last_offset = d.base_offset;
        },
        io::ReadOptions{.part_bytes = 4u << 20}));
    fs::remove(p);
    CHECK(parts >= 25);
    CHECK(bytes == size);
    CHECK(max_part <= (4u << 20) + 4096);
    CHECK(dated);
    CHECK(diags.empty());
    // Peak memory grew by far less than the file (parts of 4 MB plus buffers). Not under
    // AddressSanitizer (scripts/sanitize.sh): its quarantine keeps freed parts resident on purpose.
    const std::size_t after_kb = vm_hwm_kb();
    if (before_kb > 0 && !kAddressSanitizer) CHECK(after_kb - before_kb < 40u * 1024u);
}

TEST_CASE("F17: a small document is read with a buffer of its own size, not the 8 MiB part size",
          "[io][documents][bad-input]") {
    const fs::path dir = fs::temp_directory_path() / ("sitmap_chunk_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const fs::path small = dir / "small.txt";
    const std::string text = "Date: 2020-10-03\n\nShelling hit Stepanakert overnight, officials said.\n";
    std::ofstream(small, std::ios::binary) << text;
    const std::size_t part = io::ReadOptions{}.part_bytes;
    CHECK(io::read_chunk_size(small, part) == text.size() + 1);
    CHECK(io::read_chunk_size(small, 16) == 16);  // large files still go in parts
    const fs::path fifo = dir / "pipe.txt";
    REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
    CHECK(io::read_chunk_size(fifo, part) == part);  // size unknown
    // The whole text still arrives in one part, with nothing cut off.
    core::Diagnostics diags;
    std::size_t parts = 0;
    std::string got;
    REQUIRE(io::read_document(small, diags, [&](core::Document&& d) {
        ++parts;
        got += d.text;
    }));
    CHECK(parts == 1);
    CHECK_THAT(got, Catch::Contains("officials said."));
    fs::remove_all(dir);
}
