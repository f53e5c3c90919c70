// Named views (built-in and saved), recent files and their JSON; what kind of file the window
// opens; links from an event to slides and to its source URL.
#include "core/user_views.hpp"
#include "core/base_map.hpp"
#include "core/error.hpp"
#include "core/event_links.hpp"
#include "core/open_kind.hpp"

#include <catch2/catch.hpp>

using namespace sitmap::core;

TEST_CASE("built-in named views frame the places they are named for", "[core][views]") {
    std::vector<std::string> names;
    for (const auto& v : builtin_views()) names.push_back(v.name);
    CHECK(names == std::vector<std::string>{"region", "karabakh", "lachin", "syunik", "nakhchivan"});
    const GeoBox region = *named_view("region");
    for (const auto& v : builtin_views()) {
        INFO(v.name);
        CHECK(named_view(v.name).has_value());
        CHECK(v.box.width() > 0.3);
        CHECK(v.box.height() > 0.3);
        CHECK(region.contains(v.box.min_x, v.box.min_y));
        CHECK(region.contains(v.box.max_x, v.box.max_y));
    }
    struct Inside {
        const char* view;
        double lat, lon;  // GeoNames coordinates
    };
    for (const Inside& p :
         {Inside{"karabakh", 39.8177, 46.7528}, Inside{"lachin", 39.5988, 46.5504}, Inside{"lachin", 39.8177, 46.7528},
          Inside{"lachin", 39.5111, 46.3417}, Inside{"syunik", 39.2076, 46.4058}, Inside{"syunik", 39.5111, 46.3417},
          Inside{"syunik", 38.9024, 46.2463}, Inside{"nakhchivan", 39.2089, 45.4122},
          Inside{"nakhchivan", 38.9094, 46.0227}}) {
        INFO(p.view << " " << p.lat << "," << p.lon);
        CHECK(named_view(p.view)->contains(p.lon, p.lat));
    }
    CHECK_FALSE(named_view("karabakh")->contains(45.41, 39.21));  // Nakhchivan city
    CHECK_FALSE(named_view("nowhere"));
    CHECK(builtin_view_names() == "region, karabakh, lachin, syunik, nakhchivan");
}

TEST_CASE("saved views and recent files round-trip through JSON", "[core][views]") {
    UserViews u;
    CHECK(save_view(u, {.name = "Hakari bridge", .title = "", .box = GeoBox{46.5, 39.4, 46.7, 39.55}}));
    CHECK(save_view(u, {.name = "north", .title = "North front", .box = GeoBox{46.0, 40.0, 47.0, 40.5}}));
    CHECK(save_view(u, {.name = "north", .title = "North", .box = GeoBox{46.1, 40.1, 47.1, 40.6}}));  // replaces
    CHECK_FALSE(save_view(u, {.name = "", .title = "", .box = GeoBox{0, 0, 1, 1}}));
    CHECK_FALSE(save_view(u, {.name = "empty", .title = "", .box = GeoBox{}}));
    REQUIRE(u.saved.size() == 2);
    CHECK(u.saved[0].title == "Hakari bridge");
    CHECK(find_saved_view(u, "north")->box.min_x == Approx(46.1));
    CHECK(find_saved_view(u, "North") == nullptr);
    for (int i = 0; i < 12; ++i) remember_recent(u, {.path = "/d/" + std::to_string(i), .kind = OpenedKind::Events});
    remember_recent(u, {.path = "/d/5", .kind = OpenedKind::Events});
    CHECK(u.recent.size() == kMaxRecentFiles);
    CHECK(u.recent.front().path == "/d/5");
    CHECK(std::count_if(u.recent.begin(), u.recent.end(), [](const RecentFile& r) { return r.path == "/d/5"; }) == 1);
    remember_recent(u, {.path = "/b.json", .kind = OpenedKind::Briefing});

    const UserViews back = user_views_from_json(user_views_to_json(u), "views.json");
    REQUIRE(back.saved.size() == 2);
    CHECK(back.saved[1].name == "north");
    CHECK(back.saved[1].title == "North");
    CHECK(back.saved[1].box.max_y == Approx(40.6));
    REQUIRE(back.recent.size() == u.recent.size());
    CHECK(back.recent.front().path == "/b.json");
    CHECK(back.recent.front().kind == OpenedKind::Briefing);
}

TEST_CASE("a malformed views file names the file and the field", "[core][views]") {
    const auto message = [](const char* text) {
        try {
            user_views_from_json(text, "views.json");
        } catch (const sitmap::Error& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK_THAT(message("{\"views\": [{\"name\": \"a\", \"bbox\": [47, 39, 46, 40]}]}"),
               Catch::Contains("views.json") && Catch::Contains("views[0].bbox"));
    CHECK_THAT(message("{\"views\": [{\"bbox\": [46, 39, 47, 40]}]}"), Catch::Contains("views[0].name"));
    CHECK_THAT(message("{\"recent\": [{\"path\": \"x\", \"kind\": \"movie\"}]}"),
               Catch::Contains("recent[0].kind") && Catch::Contains("'movie'"));
    CHECK_THAT(message("{\"views\": "), Catch::Contains("views.json") && Catch::Contains("not valid JSON"));
    CHECK(user_views_from_json("{}", "views.json").saved.empty());
}

TEST_CASE("opened_kind_for tells documents, events files and briefings apart", "[core][open]") {
    CHECK(opened_kind_for("/some/folder", true, "") == OpenedKind::Documents);
    CHECK(opened_kind_for("a/b/article.TXT", false, "") == OpenedKind::Documents);
    CHECK(opened_kind_for("notes.md", false, "") == OpenedKind::Documents);
    for (const char* f : {"e.gpkg", "e.geojson", "e.csv", "e.fgb", "e.shp", "e.kml", "e.gml", "e.sqlite", "e.gpx"})
        CHECK(opened_kind_for(f, false, "") == OpenedKind::Events);
    CHECK(opened_kind_for("b.json", false, "{\"title\": \"x\", \"slides\": []}") == OpenedKind::Briefing);
    CHECK(opened_kind_for("e.json", false, "{\"type\": \"FeatureCollection\", \"features\": []}") ==
          OpenedKind::Events);
    CHECK_FALSE(opened_kind_for("photo.png", false, ""));
    CHECK_FALSE(opened_kind_for("Makefile", false, ""));
    CHECK_FALSE(opened_kind_for(".csv", false, ""));
}

TEST_CASE("find_url takes the first http(s) link without a sentence's punctuation", "[core][links]") {
    CHECK(find_url("https://www.azatutyun.am/a/30862236.html") == "https://www.azatutyun.am/a/30862236.html");
    CHECK(find_url("Source: Reuters (https://reut.rs/3kXyZ).") == "https://reut.rs/3kXyZ");
    CHECK(find_url("see http://example.org/x?a=1&b=2, then") == "http://example.org/x?a=1&b=2");
    CHECK(find_url("https://en.wikipedia.org/wiki/Lachin_(city)") == "https://en.wikipedia.org/wiki/Lachin_(city)");
    CHECK(find_url("url: https://x.org/a b") == "https://x.org/a");
    CHECK_FALSE(find_url("Caliber.Az"));
    CHECK_FALSE(find_url("ftp://x.org/file"));
    CHECK_FALSE(find_url("https://"));
    CHECK_FALSE(find_url(""));
}

TEST_CASE("slides_showing links an event to the slides that highlight it or take it in", "[core][links]") {
    Event e;
    e.id = "01";
    e.source.document = "a.txt";
    e.date = {Date{std::chrono::year(2020), std::chrono::October, std::chrono::day(4)},
              Date{std::chrono::year(2020), std::chrono::October, std::chrono::day(4)}, DatePrecision::Day};
    e.position = {47.028, 39.399};  // Jabrayil
    e.has_position = true;
    e.type = EventType::Capture;
    Briefing b;
    auto slide = [](int month, int day, GeoBox box) {
        Slide s;
        s.date = Date{std::chrono::year(2020), std::chrono::month(static_cast<unsigned>(month)),
                      std::chrono::day(static_cast<unsigned>(day))};
        s.view.bbox = box;
        return s;
    };
    b.slides.push_back(slide(9, 26, GeoBox{45.6, 38.85, 47.4, 40.45}));   // 1: before the event
    b.slides.push_back(slide(10, 4, GeoBox{46.4, 39.0, 47.6, 39.9}));     // 2: shows it
    b.slides.push_back(slide(10, 6, GeoBox{44.0, 40.5, 45.0, 41.0}));     // 3: right week, elsewhere
    b.slides.push_back(slide(11, 10, GeoBox{45.6, 38.85, 47.4, 40.45}));  // 4: later, but highlights it
    b.slides.back().highlighted_events = {"a.txt#01"};
    b.slides.push_back(slide(10, 5, GeoBox{46.4, 39.0, 47.6, 39.9}));  // 5: only strikes
    b.slides.back().events.types = {EventType::Strike};
    const Projector projector;
    const auto links = slides_showing(b, e, "a.txt#01", projector);
    REQUIRE(links.size() == 2);
    CHECK(links[0].slide == 1);
    CHECK_FALSE(links[0].highlighted);
    CHECK(links[1].slide == 3);
    CHECK(links[1].highlighted);
    CHECK(slide_links_sentence(links) == "shown in slides 2 and 4");
    CHECK(slide_links_sentence({{.slide = 3, .highlighted = true}}) == "highlighted in slide 4");
    CHECK(slide_links_sentence({{.slide = 0}, {.slide = 2}, {.slide = 8}}) == "shown in slides 1, 3 and 9");
    CHECK(slide_links_sentence({}).empty());
}
