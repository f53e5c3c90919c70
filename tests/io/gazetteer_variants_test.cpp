// The shipped gazetteer's variants from geodata/gazetteer_variants.csv reach the extractor.
#include "core/document.hpp"
#include "core/extractor.hpp"
#include "io/gazetteer_io.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace sitmap;
namespace fs = std::filesystem;

TEST_CASE("the corridor's road under either side's name is the Lachin corridor", "[io][gazetteer]") {
    core::Diagnostics diags;
    const core::Gazetteer g = io::load_gazetteer(fs::path(SITMAP_SOURCE_DIR) / "geodata" / "gazetteer.csv", diags);
    // An Azerbaijani agency's wording and an Armenian outlet's.
    for (const char* text :
         {"Published 13 December 2022\n\nActivists blocked the Lachin-Khankendi road on Monday.\n",
          "Published 13 December 2022\n\nProtesters closed the Stepanakert-Goris road on Monday.\n"}) {
        INFO(text);
        const core::Document doc = core::parse_document("t.txt", text, diags);
        const auto ev = core::Extractor(g, {}).extract(doc, diags);
        REQUIRE(ev.size() == 1);
        CHECK(ev[0].place == "Lachin corridor");
    }
}
