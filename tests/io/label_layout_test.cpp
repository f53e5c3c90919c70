// Place-name density on the shipped data (issue 10, 2.12), laid out without GL: the Karabakh view
// at 1600x1000 names as many places as fit (QGIS fits about 130 names from the same layers), and no
// two names ever overlap. The shipped scene is read through io, measured with the shipped fonts
// (compose::FontMetrics) and laid out by compose::layout_frame, exactly as every output lays it out.
#include "compose/layout.hpp"
#include "core/base_map.hpp"
#include "core/control_scene.hpp"
#include "core/date.hpp"
#include "io/control_io.hpp"
#include "io/geodata.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>

using namespace sitmap;

namespace {

struct ShippedMap {
    core::Projector projector;
    core::Diagnostics diags;
    core::Scene scene;
    compose::FontMetrics fonts{std::filesystem::path(SITMAP_SOURCE_DIR) / "assets" / "fonts"};

    static const ShippedMap& get() {
        static const ShippedMap map;
        return map;
    }

private:
    ShippedMap() {
        const std::filesystem::path geodata = std::filesystem::path(SITMAP_SOURCE_DIR) / "geodata";
        scene = core::build_base_scene(io::load_base_data(geodata, diags), projector, io::triangulate_polygon, diags);
        // The control layers too: their keys size the date box, which the names must leave free.
        const auto control = geodata / io::kControlFile;
        if (const auto timeline = io::load_control_timeline(control, diags)) {
            auto layers =
                core::build_control_layers(*timeline, projector, io::triangulate_polygon, control.string(), diags);
            scene.layers.insert(scene.layers.begin() + 2, std::make_move_iterator(layers.begin()),
                                std::make_move_iterator(layers.end()));
        }
    }
};

compose::FrameLayout layout_at(const core::Camera& camera) {
    const auto& map = ShippedMap::get();
    const compose::FrameOptions options{
        .day = core::day_number(core::Date(std::chrono::year(2023) / 9 / 27)),
        .date_label = "27 September 2023",
        .legend = true,
        .north_arrow = true,
        .locator = true,
    };
    return compose::layout_frame(map.scene, camera, options, map.fonts);
}

void check_no_overlaps(const compose::FrameLayout& layout) {
    const auto& labels = layout.place_labels;
    for (std::size_t i = 0; i < labels.size(); ++i)
        for (std::size_t j = i + 1; j < labels.size(); ++j) {
            INFO(labels[i].name << " and " << labels[j].name);
            CHECK_FALSE(labels[i].box.overlaps(labels[j].box));
        }
}

core::Camera karabakh_camera() {
    const auto& map = ShippedMap::get();
    return core::Camera::fit(core::project_box(map.projector, *core::named_view("karabakh")), 1600, 1000);
}

}  // namespace

TEST_CASE("the Karabakh view at 1600x1000 names as many places as fit, never overlapping", "[io][layout][labels]") {
    const auto& map = ShippedMap::get();
    const auto layout = layout_at(karabakh_camera());
    // 58 names before villages were candidates at this zoom, 111 with four positions per name and
    // names free to cover the dots of places placed later, 125 with eight positions per name and
    // the towns that matter kept off villages' dots. QGIS's "around point" placement fits about
    // 130 names of every kind on a canvas without furniture; 131 here with the furniture (154
    // places in the view, about a dozen of them under the date box, legend, locator and
    // credits or at the edge), with sixteen positions per village, 4 px between names, and each
    // name at the position that leaves the places after it room of their own.
    INFO(layout.place_labels.size() << " place names");
    CHECK(layout.place_labels.size() >= 130);
    check_no_overlaps(layout);
    // On a canvas without furniture, as QGIS's count was made: more than QGIS's 130.
    const compose::FrameOptions bare{.scale_bar = false, .attribution = false};
    const auto without = compose::layout_frame(map.scene, karabakh_camera(), bare, map.fonts);
    INFO(without.place_labels.size() << " place names without furniture");
    CHECK(without.place_labels.size() >= 136);
    check_no_overlaps(without);
    // Villages (rank 5) are among them, and the towns that matter keep their names: Khojavand
    // (Martuni), a district seat, lost its own under the capital's name before the capital's name
    // kept off other towns' dots; and the capital's name goes where it covers no village's dot
    // (Karkijahan, the suburb beside it, keeps its name).
    int villages = 0;
    bool khojavand = false;
    for (const auto& l : layout.place_labels) {
        khojavand = khojavand || l.name == "Khojavand";
        for (const auto& layer : map.scene.layers)
            for (const auto& p : layer.places) villages += p.name == l.name && p.rank == 5 ? 1 : 0;
    }
    INFO(villages << " villages named");
    CHECK(villages >= 40);
    CHECK(khojavand);
    bool karkijahan = false;
    for (const auto& l : layout.place_labels) karkijahan = karkijahan || l.name == "Karkijahan";
    CHECK(karkijahan);
    // Names never cover furniture or another name's dot: every reserved box is apart from the
    // others (LabelPlacer keeps them so; this checks the names' boxes against all of them).
    for (const auto& l : layout.place_labels) {
        int touching = 0;
        for (const auto& b : layout.label_boxes) touching += l.box.overlaps(b) ? 1 : 0;
        INFO(l.name);
        CHECK(touching <= 1);  // its own padded box only
    }
}

TEST_CASE("closer in, every village in the view is named, still without overlaps", "[io][layout][labels]") {
    const auto& map = ShippedMap::get();
    const core::Camera wide_camera = karabakh_camera();
    const auto wide = layout_at(wide_camera);
    // A quarter of the Karabakh view's width, around the capital, at the same size.
    const core::WorldXY capital = map.projector.forward({46.7525, 39.8153});
    const core::Camera close(capital, wide_camera.metres_per_pixel() / 4, 1600, 1000);
    const auto near = layout_at(close);
    check_no_overlaps(near);
    // The shipped places (GeoNames cities500) are sparse here: every one in the view, villages
    // included, has room and is named (before, rank 5 waited for 90 m/px and more).
    std::size_t in_view = 0;
    const auto seen = close.visible_box();
    for (const auto& layer : map.scene.layers)
        if (layer.kind == core::LayerKind::Places)
            for (const auto& p : layer.places) in_view += seen.contains(p.pos.x, p.pos.y) ? 1 : 0;
    INFO(near.place_labels.size() << " of " << in_view << " places in view named");
    CHECK(in_view >= 5);
    CHECK(near.place_labels.size() == in_view);
    // The share of the places in view that are named rises as the view closes in (per square
    // kilometre it cannot: the wide view names most of its places now, and closer in there are
    // no more places to name).
    std::size_t wide_in_view = 0;
    for (const auto& layer : map.scene.layers)
        if (layer.kind == core::LayerKind::Places)
            for (const auto& p : layer.places) wide_in_view += wide_camera.visible_box().contains(p.pos.x, p.pos.y);
    INFO(wide.place_labels.size() << " of " << wide_in_view << " places named in the wide view");
    CHECK(wide.place_labels.size() < wide_in_view);
    CHECK(static_cast<double>(near.place_labels.size()) / static_cast<double>(in_view) >
          static_cast<double>(wide.place_labels.size()) / static_cast<double>(wide_in_view));
}

namespace {

// The legend texts in a Karabakh view's date box on `date`, laid out as every output lays it out.
std::vector<std::string> legend_on(std::chrono::year_month_day date, const char* label) {
    const auto& map = ShippedMap::get();
    const compose::FrameOptions options{.day = core::day_number(core::Date(date)), .date_label = label};
    const auto layout = compose::layout_frame(map.scene, karabakh_camera(), options, map.fonts);
    std::vector<std::string> texts;
    for (const auto* t : layout.furniture.texts()) texts.push_back(t->text);
    return texts;
}

bool has_key(const std::vector<std::string>& texts, std::string_view start) {
    return std::any_of(texts.begin(), texts.end(), [&](const std::string& t) { return t.starts_with(start); });
}

}  // namespace

TEST_CASE("the legend keys only the states the map shows on its date", "[io][layout][legend]") {
    using namespace std::chrono;
    // Before the 10 Nov 2020 statement: no corridor, no peacekeepers, no positions inside Armenia.
    const auto war = legend_on(year(2020) / 10 / 20, "20 October 2020");
    CHECK(has_key(war, "Azerbaijan"));
    CHECK(has_key(war, "Armenian forces"));
    CHECK(has_key(war, "white stripes"));  // Jabrayil and the Aras valley changed hands that week
    CHECK_FALSE(has_key(war, "Lachin corridor"));
    CHECK_FALSE(has_key(war, "grey hatching"));
    CHECK_FALSE(has_key(war, "red hatching"));
    // Mid-2022: corridor, peacekeepers and positions inside Armenia; nothing changed hands lately.
    const auto mid = legend_on(year(2022) / 6 / 1, "1 June 2022");
    CHECK(has_key(mid, "Lachin corridor"));
    CHECK(has_key(mid, "grey hatching"));
    CHECK(has_key(mid, "red hatching"));
    CHECK_FALSE(has_key(mid, "white stripes"));
    // After the peacekeepers left (June 2024): neither they nor the corridor nor the Armenian-held area.
    const auto after = legend_on(year(2024) / 7 / 1, "1 July 2024");
    CHECK(has_key(after, "Azerbaijan"));
    CHECK_FALSE(has_key(after, "grey hatching"));
    CHECK_FALSE(has_key(after, "Lachin corridor"));
    CHECK_FALSE(has_key(after, "Armenian forces"));
    CHECK(has_key(after, "lines approximate"));
}

TEST_CASE("on a war day the capital and the towns the events name keep their names, and no name lies under a symbol",
          "[io][layout][labels]") {
    const auto& map = ShippedMap::get();
    // Event groups on the capital, Shusha, Aghdam, Fuzuli and Hadrut, and one beside Karkijahan,
    // as a day of the 2020 war or of September 2023 puts them.
    std::vector<core::EventMarker> markers;
    for (const core::LonLat at :
         {core::LonLat{46.7525, 39.8153}, core::LonLat{46.7500, 39.7600}, core::LonLat{46.9320, 39.9930},
          core::LonLat{47.1450, 39.6000}, core::LonLat{46.9500, 39.5200}, core::LonLat{46.7300, 39.8000}}) {
        core::EventMarker m;
        m.pos = m.anchor = map.projector.forward(at);
        m.type = core::EventType::Strike;
        m.id = markers.size();
        markers.push_back(m);
    }
    const std::vector<std::string> named{"Hadrut"};
    const compose::FrameOptions options{.day = core::day_number(core::Date(std::chrono::year(2020) / 10 / 20)),
                                        .date_label = "20 October 2020",
                                        .events = &markers,
                                        .named_places = &named,
                                        .legend = true,
                                        .north_arrow = true,
                                        .locator = true};
    const auto layout = compose::layout_frame(map.scene, karabakh_camera(), options, map.fonts);
    INFO(layout.place_labels.size() << " place names");
    CHECK(layout.place_labels.size() >= 125);
    check_no_overlaps(layout);
    REQUIRE(layout.marker_hits.size() == markers.size());
    for (const auto& l : layout.place_labels)
        for (const auto& m : layout.marker_hits) {
            INFO(l.name << " and the symbol at " << m.x << "," << m.y);
            CHECK_FALSE(l.box.overlaps({m.x - m.radius, m.y - m.radius, m.x + m.radius, m.y + m.radius}));
        }
    for (const char* town : {"Khankendi", "Shusha", "Aghdam", "Fuzuli", "Hadrut"}) {
        bool found = false;
        for (const auto& l : layout.place_labels) found = found || l.name == town;
        INFO(town);
        CHECK(found);
    }
}
