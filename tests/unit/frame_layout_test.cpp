// compose::layout_frame without GL: which labels the frame places, where event symbols go, and the
// furniture's keys. Real fonts (assets/fonts), synthetic scenes.
#include "compose/layout.hpp"
#include "core/control_scene.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>

using namespace sitmap;

namespace {

const compose::FontMetrics& fonts() {
    static const compose::FontMetrics metrics(std::filesystem::path(SITMAP_SOURCE_DIR) / "assets" / "fonts");
    return metrics;
}

// The window's Karabakh zoom: 170 m per pixel, centred on the capital at world (0, 0).
constexpr double kMpp = 170;
const core::Camera kCamera({0, 0}, kMpp, 1600, 1000);

core::WorldXY px(double dx, double dy) {
    return {dx * kMpp, -dy * kMpp};
}  // screen offset from the centre

core::Place place(const std::string& name, const std::string& alt, core::WorldXY pos, int rank) {
    core::Place p;
    p.name = name;
    p.name_alt = alt;
    p.pos = pos;
    p.rank = rank;
    return p;
}

core::Scene places_scene() {
    core::Scene scene;
    core::SceneLayer layer{.id = "places", .title = "Places", .kind = core::LayerKind::Places};
    layer.places.push_back(place("Khankendi", "Stepanakert", px(0, 0), 1));
    layer.places.push_back(place("Karkijahan", "", px(-9, 8), 5));  // the suburb, 1.8 km south-west
    layer.places.push_back(place("Askeran", "", px(70, -60), 4));   // a district seat named by an event
    scene.layers.push_back(std::move(layer));
    return scene;
}

core::EventMarker marker(core::WorldXY pos, std::size_t id) {
    core::EventMarker m;
    m.pos = m.anchor = pos;
    m.type = core::EventType::Strike;
    m.id = id;
    return m;
}

/// A war day around the capital: a group on the town and groups all round it, 26 px out, as
/// event grouping leaves them (groups closer than a symbol merge).
std::vector<core::EventMarker> war_day() {
    std::vector<core::EventMarker> ms{marker(px(0, 0), 0)};
    for (int k = 0; k < 12; ++k) {
        const double a = 6.2831853 * k / 12;
        ms.push_back(marker(px(26 * std::cos(a), 26 * std::sin(a)), ms.size()));
    }
    for (int k = 0; k < 12; ++k) {  // a second ring, where the far candidates would go
        const double a = 6.2831853 * (k + 0.5) / 12;
        ms.push_back(marker(px(50 * std::cos(a), 50 * std::sin(a)), ms.size()));
    }
    ms.push_back(marker(px(70, -60), ms.size()));  // on Askeran
    return ms;
}

const compose::PlacedLabel* label_of(const compose::FrameLayout& layout, const std::string& name) {
    for (const auto& l : layout.place_labels)
        if (l.name == name) return &l;
    return nullptr;
}

core::PxBox symbol_box(const core::MarkerHit& m) {
    return {m.x - m.radius, m.y - m.radius, m.x + m.radius, m.y + m.radius};
}

}  // namespace

TEST_CASE("the capital keeps its name when event groups crowd round it; the symbols give way", "[core][layout]") {
    const core::Scene scene = places_scene();
    const auto markers = war_day();
    const std::vector<std::string> named{"Askeran"};
    const compose::FrameOptions options{.events = &markers, .named_places = &named};
    const auto layout = compose::layout_frame(scene, kCamera, options, fonts());

    const auto* capital = label_of(layout, "Khankendi");
    REQUIRE(capital != nullptr);
    // Every event is still drawn, and none sits on the capital's name.
    CHECK(layout.marker_hits.size() == markers.size());
    for (const auto& m : layout.marker_hits) {
        INFO("symbol " << m.id << " at " << m.x << "," << m.y);
        CHECK_FALSE(symbol_box(m).overlaps(capital->box));
    }
    // A place the shown events name is labelled too, even under its own symbol.
    CHECK(label_of(layout, "Askeran") != nullptr);
}

TEST_CASE("a symbol that gives way keeps a leader line to where its events happened", "[core][layout]") {
    const core::Scene scene = places_scene();
    const auto markers = war_day();
    const auto layout = compose::layout_frame(scene, kCamera, {.events = &markers}, fonts());
    REQUIRE(label_of(layout, "Khankendi") != nullptr);
    // Each symbol is drawn where its events are, or joined to that place by a line.
    std::size_t moved = 0;
    for (const auto& m : layout.marker_hits) {
        const auto home = kCamera.screen(markers[m.id].pos);
        if (std::hypot(home.x - m.x, home.y - m.y) < 0.5) continue;
        ++moved;
        bool joined = false;
        for (const auto& cmd : layout.map.commands())
            if (const auto* l = std::get_if<compose::LineCmd>(&cmd))
                joined = joined ||
                         (std::hypot(l->x0 - home.x, l->y0 - home.y) < 1 && std::hypot(l->x1 - m.x, l->y1 - m.y) < 1);
        CHECK(joined);
    }
    CHECK(moved > 0);
}

TEST_CASE("a village is not labelled under an event symbol unless the events name it", "[core][layout]") {
    const core::Scene scene = places_scene();
    const auto markers = war_day();
    const auto layout = compose::layout_frame(scene, kCamera, {.events = &markers}, fonts());
    CHECK(label_of(layout, "Karkijahan") == nullptr);  // under the capital's own group
}

TEST_CASE("a slide caption wraps inside the title block and reads from the back of the room at 1920x1080",
          "[core][layout]") {
    const core::Scene scene;  // furniture only
    const core::Camera camera({0, 0}, 170, 1920, 1080);
    const std::string caption =
        "Azerbaijani forces advance along the Araks towards Jabrayil and Fuzuli while Armenian units hold the "
        "line north of Hadrut; shelling reported in Stepanakert, Martuni and Askeran through the night, with "
        "civilians sheltering in basements. Supercalifragilisticexpialidociousandthensomemorelettersuntilitis"
        "widerthanawholelineofthecaptionatthissize.";
    // F5 at 1920x1080 lays slides out at ui_scale 1 (render --briefing: auto scale 1.0 at 1080 rows).
    const compose::FrameOptions options{
        .ui_scale = 1.0f, .scale_bar = false, .attribution = false, .title = "Day 20 of the war", .subtitle = caption};
    const auto layout = compose::layout_frame(scene, camera, options, fonts());
    const core::PxBox block = layout.title_box;
    REQUIRE(block.x1 > block.x0);
    // The block stays on the left ~55 % of the frame (plus its padding), clear of the date box.
    CHECK(block.x1 <= 1920 * 0.55 + 60);
    int caption_lines = 0;
    for (const auto* t : layout.furniture.texts()) {
        if (t->text == options.title) {
            CHECK(t->style.px >= 30.0f);
            continue;
        }
        ++caption_lines;
        INFO("caption line '" << t->text << "'");
        CHECK(t->style.px >= 20.0f);  // about 14 px before: unreadable on a projector
        const float w = fonts().measure(t->text, t->style);
        CHECK(t->x >= block.x0);
        CHECK(t->x + w <= block.x1);
        CHECK(t->y <= block.y1);
        CHECK(t->y - t->style.px >= block.y0);
    }
    CHECK(caption_lines >= 4);
    // Smaller frames keep the UI-scaled size (the window at 800x600: 13 px).
    const auto small = compose::layout_frame(scene, core::Camera({0, 0}, 170, 800, 600), options, fonts());
    for (const auto* t : small.furniture.texts())
        if (t->text != options.title) CHECK(t->style.px == Approx(13.0f));
}

TEST_CASE("a long slide title wraps inside the title block instead of running under the date box", "[core][layout]") {
    const core::Scene scene;  // furniture only
    const core::Camera camera({0, 0}, 170, 960, 600);
    const std::string title = "Fuzuli and the Khudafarin bridges on the Araks, 17-18 October 2020";
    const compose::FrameOptions options{.ui_scale = 1.0f,
                                        .scale_bar = false,
                                        .attribution = false,
                                        .date_label = "18 October 2020",
                                        .title = title,
                                        .subtitle = "A short caption."};
    const auto layout = compose::layout_frame(scene, camera, options, fonts());
    const core::PxBox block = layout.title_box;
    CHECK(block.x1 <= 960 * 0.55 + 40);  // it used to be as wide as the whole title
    int title_lines = 0;
    std::string joined;
    for (const auto* t : layout.furniture.texts()) {
        if (t->style.face != compose::Face::Bold || t->text == options.date_label) continue;
        ++title_lines;
        joined += (joined.empty() ? "" : " ") + t->text;
        CHECK(t->x + fonts().measure(t->text, t->style) <= block.x1);
    }
    CHECK(title_lines >= 2);
    CHECK(joined == title);
}

namespace {

struct Size {
    int w, h;
    float scale;  // F5 lays slides out at the window's UI scale (its monitor's content scale)
};
constexpr Size kSizes[] = {{800, 600, 1},   {1024, 768, 1},      {1280, 800, 1},  {1920, 1080, 1}, {1920, 1080, 1.5f},
                           {2560, 1440, 1}, {1920, 1200, 1.25f}, {3840, 2160, 1}, {3840, 2160, 2}};

}  // namespace

TEST_CASE("a slide's title block and the date box never cover each other, from 800x600 to 3840x2160",
          "[core][layout]") {
    const core::Scene scene;  // furniture only: every control key is listed, the widest date box
    const std::string title = "The September 2023 offensive: Azerbaijani forces take the last Armenian-held areas";
    const std::string caption =
        "On 19 September Azerbaijan launched what it called anti-terrorist measures; within a day the "
        "Nagorno-Karabakh authorities agreed to disarm, and by early October almost all of the area's "
        "Armenian population had left for Armenia through the Lachin corridor.";
    for (const Size& z : kSizes) {
        INFO(z.w << "x" << z.h << " at scale " << z.scale);
        const core::Camera camera({0, 0}, 170, z.w, z.h);
        const compose::FrameOptions options{.ui_scale = z.scale,
                                            .scale_bar = false,
                                            .attribution = false,
                                            .date_label = "19 September 2023",
                                            .title = title,
                                            .subtitle = caption};
        const auto layout = compose::layout_frame(scene, camera, options, fonts());
        const core::PxBox t = layout.title_box, d = layout.date_box;
        INFO("title block " << t.x0 << "," << t.y0 << " - " << t.x1 << "," << t.y1 << "; date box " << d.x0 << ","
                            << d.y0 << " - " << d.x1 << "," << d.y1);
        REQUIRE(t.x1 > t.x0);
        REQUIRE(d.x1 > d.x0);
        CHECK_FALSE(t.overlaps(d));
        CHECK(t.x1 <= z.w);
        CHECK(d.x1 <= z.w);
        // Every line of the title and caption lies inside its block.
        for (const auto* text : layout.furniture.texts()) {
            if (text->y < t.y0 || text->y > t.y1 || text->x < t.x0 || text->x > t.x1) continue;
            CHECK(text->x + fonts().measure(text->text, text->style) <= t.x1 + 0.5);
        }
    }
}

namespace {

/// The first furniture text that is exactly `text`.
const compose::TextCmd* furniture_text(const compose::FrameLayout& layout, const std::string& text) {
    for (const auto* t : layout.furniture.texts())
        if (t->text == text) return t;
    return nullptr;
}

}  // namespace

TEST_CASE("the furniture scales as one with the title, from 800x600 to 3840x2160", "[core][layout]") {
    core::Scene scene;  // the attribution line is furniture too
    scene.attribution = "Natural Earth; GeoNames";
    const std::string title = "Day 20 of the war";
    for (const Size& z : kSizes) {
        INFO(z.w << "x" << z.h << " at scale " << z.scale);
        const core::Camera camera({0, 0}, 170, z.w, z.h);
        const compose::FrameOptions options{.ui_scale = z.scale, .date_label = "19 September 2023", .title = title};
        const auto layout = compose::layout_frame(scene, camera, options, fonts());
        const auto* t = furniture_text(layout, title);
        const auto* d = furniture_text(layout, "19 September 2023");
        const auto* a = furniture_text(layout, scene.attribution);
        REQUIRE(t);
        REQUIRE(d);
        REQUIRE(a);
        // The date stands beside the title as it does at 1920x1080 (26 px beside 31): at 3840x2160
        // at scale 1 it stayed 26 px beside a 63 px title.
        INFO("title " << t->style.px << " px, date " << d->style.px << " px, credits " << a->style.px << " px");
        CHECK(d->style.px >= 0.8f * t->style.px);
        CHECK(d->style.px <= 1.5f * t->style.px);
        // The rest of the furniture keeps its proportions to the date box at every size.
        CHECK(a->style.px / d->style.px == Approx(10.5 / 26).epsilon(1e-3));
        CHECK(layout.furniture_scale == Approx(d->style.px / 26).epsilon(1e-3));
        CHECK(layout.furniture_scale >= z.scale);
        // Frames up to 1080 rows keep the UI scale (the goldens, the window).
        if (z.h <= 1080) CHECK(layout.furniture_scale == Approx(z.scale));
        // The date box stays inside the frame, clear of the title block.
        CHECK(layout.date_box.x0 >= 0);
        CHECK(layout.date_box.y1 <= z.h);
        CHECK_FALSE(layout.title_box.overlaps(layout.date_box));
    }
}

TEST_CASE("a compare view's date stamps keep clear of the date box and the title, at every size and divider",
          "[core][layout]") {
    const core::Scene scene;  // every control key: the tallest date box
    for (const Size& z : kSizes)
        for (const double at : {0.1, 0.3, 0.5, 0.7, 0.8, 0.9}) {
            INFO(z.w << "x" << z.h << " at scale " << z.scale << ", divider at " << at);
            const core::Camera camera({0, 0}, 170, z.w, z.h);
            compose::FrameOptions options{
                .ui_scale = z.scale, .date_label = "26 September 2020", .title = "Before and after the 2020 war"};
            options.split = compose::SplitMarks{static_cast<float>(z.w * at), "26 September 2020", "10 November 2020"};
            const auto layout = compose::layout_frame(scene, camera, options, fonts());
            REQUIRE(layout.stamp_boxes.size() == 2);
            const core::PxBox d = layout.date_box, t = layout.title_box;
            REQUIRE(d.x1 > d.x0);
            const double margin = 4 * layout.furniture_scale;  // not touching: a visible gap
            for (const auto& b : layout.stamp_boxes) {
                INFO("stamp " << b.x0 << "," << b.y0 << " - " << b.x1 << "," << b.y1 << "; date box " << d.x0 << ","
                              << d.y0 << " - " << d.x1 << "," << d.y1);
                const core::PxBox grown{b.x0 - margin, b.y0 - margin, b.x1 + margin, b.y1 + margin};
                CHECK_FALSE(grown.overlaps(d));
                CHECK_FALSE(grown.overlaps(t));
                CHECK(b.x0 >= 0);
                CHECK(b.x1 <= z.w);
                CHECK(b.y1 <= z.h);
            }
            // The divider goes under the date box and the title block, which stay whole over it:
            // the first rectangle drawn is its dark edge, before the date box's ground.
            const auto& cmds = layout.furniture.commands();
            std::ptrdiff_t divider = -1, date_ground = -1;
            for (std::size_t k = 0; k < cmds.size(); ++k)
                if (const auto* r = std::get_if<compose::RectCmd>(&cmds[k])) {
                    const auto i = static_cast<std::ptrdiff_t>(k);
                    if (divider < 0 && r->x0 < options.split->divider_x && r->x1 > options.split->divider_x &&
                        r->y1 - r->y0 > z.h / 2.0)
                        divider = i;
                    if (date_ground < 0 && r->x0 == Approx(d.x0) && r->y0 == Approx(d.y0)) date_ground = i;
                }
            CHECK(divider >= 0);
            CHECK(date_ground >= 0);
            CHECK(divider < date_ground);
            // Both on one row, on either side of the divider, at the furniture's scale.
            CHECK(layout.stamp_boxes[0].y0 == layout.stamp_boxes[1].y0);
            CHECK(layout.stamp_boxes[1].y1 - layout.stamp_boxes[1].y0 ==
                  Approx(36 * layout.furniture_scale).epsilon(1e-3));
        }
}
