// The control layers built from a small history shaped like the real one: which fills are shown on a
// day, in whose colour, hatched or not, and which are striped as a recent change of hands.
#include "core/control_scene.hpp"
#include "core/base_map.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace sitmap::core;

namespace {

Date ymd(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
}

Polygon<LonLat> rect(double x0, double y0, double x1, double y1) {
    return Polygon<LonLat>{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, {}};
}

// Convex rings only: a fan is enough for these rectangles.
bool fan(const Polygon<WorldXY>& p, Mesh& out) {
    for (const auto& v : p.outer) out.vertices.emplace_back(static_cast<float>(v.x), static_cast<float>(v.y));
    for (std::uint32_t i = 1; i + 1 < p.outer.size(); ++i) out.indices.insert(out.indices.end(), {0, i, i + 1});
    return true;
}

// West (46.0-46.5): Armenian, then Azerbaijani from 2020-10-04; on 2023-04-23 a checkpoint period
// starts over 46.4-46.55, Azerbaijani land except 46.5-46.55, a corridor strip until then.
// A corridor strip east of that (47.0-47.1) from 2020-11-10 to 2022-08-26.
// East (46.55-47.0): Armenian; peacekeepers from 2020-11-10; Azerbaijani (peacekeepers still there)
// from 2023-09-20; peacekeepers withdrawing from 2024-04-17; gone from 2024-06-12.
ControlTimeline sample() {
    std::vector<ControlPeriod> p;
    auto add = [&](Date from, std::optional<Date> to, Controller c, ControlKind k, MultiPolygon<LonLat> area) {
        p.push_back({.valid_from = from, .valid_to = to, .controller = c, .kind = k, .area = std::move(area)});
    };
    using C = Controller;
    using K = ControlKind;
    add(ymd(1994, 5, 12), ymd(2020, 10, 4), C::Armenian, K::Control, {rect(46.0, 39.5, 46.5, 40.0)});
    add(ymd(2020, 10, 4), {}, C::Azerbaijan, K::Control, {rect(46.0, 39.5, 46.5, 40.0)});
    add(ymd(1994, 5, 12), ymd(2020, 11, 10), C::Armenian, K::Control, {rect(46.5, 39.5, 46.55, 40.0)});
    add(ymd(2020, 11, 10), ymd(2023, 4, 23), C::Armenian, K::Corridor, {rect(46.5, 39.5, 46.55, 40.0)});
    add(ymd(2023, 4, 23), {}, C::Azerbaijan, K::Control, {rect(46.4, 39.5, 46.5, 40.0), rect(46.5, 39.5, 46.55, 40.0)});
    add(ymd(1994, 5, 12), ymd(2020, 11, 10), C::Armenian, K::Control, {rect(46.55, 39.5, 47.0, 40.0)});
    add(ymd(2020, 11, 10), ymd(2023, 9, 20), C::Armenian, K::Peacekeeping, {rect(46.55, 39.5, 47.0, 40.0)});
    add(ymd(2023, 9, 20), ymd(2024, 4, 17), C::Azerbaijan, K::Peacekeeping, {rect(46.55, 39.5, 47.0, 40.0)});
    add(ymd(2024, 4, 17), ymd(2024, 6, 12), C::Azerbaijan, K::Peacekeeping, {rect(46.55, 39.5, 47.0, 40.0)});
    add(ymd(2024, 6, 12), {}, C::Azerbaijan, K::Control, {rect(46.55, 39.5, 47.0, 40.0)});
    // A period that ends with nothing after it (the background answers again): its end is a change.
    add(ymd(2020, 11, 10), ymd(2022, 8, 26), C::Armenian, K::Corridor, {rect(47.0, 39.5, 47.1, 40.0)});
    std::vector<ControlBackground> bg{{.controller = C::Azerbaijan, .area = {rect(44, 38, 50, 42)}}};
    return ControlTimeline(std::move(p), {}, std::move(bg), ymd(1994, 5, 12), ymd(2024, 12, 31));
}

struct Built {
    Projector projector;
    SceneLayer fills;
};

Built build() {
    Built b;
    Diagnostics diags;
    auto layers = build_control_layers(sample(), b.projector, fan, "control.gpkg", diags);
    REQUIRE(layers.size() == 2);
    b.fills = std::move(layers[0]);
    return b;
}

/// True when the triangle of `part` contains `p` (projected).
bool covers(const FillPart& part, WorldXY p) {
    const auto& v = part.mesh.vertices;
    for (std::size_t t = 0; t + 2 < part.mesh.indices.size(); t += 3) {
        const glm::vec2 a = v[part.mesh.indices[t]], b = v[part.mesh.indices[t + 1]], c = v[part.mesh.indices[t + 2]];
        auto side = [&](glm::vec2 u, glm::vec2 w) {
            return (w.x - u.x) * (static_cast<float>(p.y) - u.y) - (w.y - u.y) * (static_cast<float>(p.x) - u.x);
        };
        const float s1 = side(a, b), s2 = side(b, c), s3 = side(c, a);
        if ((s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0)) return true;
    }
    return false;
}

/// The parts drawn at `where` on `d`.
std::vector<const FillPart*> drawn(const Built& b, Date d, LonLat where) {
    std::vector<const FillPart*> out;
    for (const auto& part : b.fills.fills)
        if (part.valid.contains(day_number(d)) && covers(part, b.projector.forward(where))) out.push_back(&part);
    return out;
}

bool same_colour(Rgba a, Rgba b) {
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

/// A solid (unhatched) fill in `c`'s colour is drawn at `where` on `d`.
bool solid_fill_of(const Built& b, Date d, LonLat where, Controller c) {
    const auto parts = drawn(b, d, where);
    return std::any_of(parts.begin(), parts.end(), [&](const FillPart* p) {
        return !p->hatched && same_colour(p->color, control_color(c, ControlKind::Control));
    });
}

bool hatched_at(const Built& b, Date d, LonLat where) {
    const auto parts = drawn(b, d, where);
    return std::any_of(parts.begin(), parts.end(), [](const FillPart* p) { return p->hatched; });
}

/// "Changed hands in the last days" stripes are drawn at `where` on `d`.
bool striped_at(const Built& b, Date d, LonLat where) {
    const auto parts = drawn(b, d, where);
    return std::any_of(parts.begin(), parts.end(), [&](const FillPart* p) {
        return recent_change_strength(b.fills, *p, day_number(d)).has_value();
    });
}

const LonLat kEast{46.8, 39.75};
const LonLat kWest{46.2, 39.75};
const LonLat kCheckpointOnOldLand{46.45, 39.75};
const LonLat kCheckpointOnCorridor{46.52, 39.75};

}  // namespace

TEST_CASE("a peacekeeping zone wears its controller's fill under the hatching", "[core][control][scene]") {
    const Built b = build();
    // Before 20 Sep 2023 the Armenian side's fill, hatched.
    CHECK(solid_fill_of(b, ymd(2022, 1, 1), kEast, Controller::Armenian));
    CHECK(hatched_at(b, ymd(2022, 1, 1), kEast));
    // After it Azerbaijan's fill (as `query` answers), still hatched until the peacekeepers leave.
    CHECK(sample().control_at(ymd(2023, 9, 21), kEast).controller == Controller::Azerbaijan);
    CHECK(solid_fill_of(b, ymd(2023, 9, 21), kEast, Controller::Azerbaijan));
    CHECK_FALSE(solid_fill_of(b, ymd(2023, 9, 21), kEast, Controller::Armenian));
    CHECK(hatched_at(b, ymd(2024, 5, 1), kEast));
    CHECK(solid_fill_of(b, ymd(2024, 7, 1), kEast, Controller::Azerbaijan));
    CHECK_FALSE(hatched_at(b, ymd(2024, 7, 1), kEast));
}

TEST_CASE("only land that changed hands is striped as a recent change", "[core][control][scene]") {
    const Built b = build();
    // Real changes of hands: striped for ten days, then not.
    CHECK(striped_at(b, ymd(2020, 10, 4), kWest));
    CHECK(striped_at(b, ymd(2020, 10, 13), kWest));
    CHECK_FALSE(striped_at(b, ymd(2020, 10, 14), kWest));
    CHECK(striped_at(b, ymd(2023, 9, 20), kEast));
    CHECK(striped_at(b, ymd(2023, 9, 25), kEast));
    // Armenian control to Armenian control under peacekeepers: no change of hands.
    CHECK_FALSE(striped_at(b, ymd(2020, 11, 12), kEast));
    // Peacekeepers withdrawing and gone: Azerbaijan held the area before and after.
    CHECK_FALSE(striped_at(b, ymd(2024, 4, 17), kEast));
    CHECK_FALSE(striped_at(b, ymd(2024, 6, 12), kEast));
    CHECK_FALSE(striped_at(b, ymd(2024, 6, 15), kEast));
    // The checkpoint period: only its piece of the former corridor changed hands.
    CHECK(striped_at(b, ymd(2023, 4, 23), kCheckpointOnCorridor));
    CHECK_FALSE(striped_at(b, ymd(2023, 4, 23), kCheckpointOnOldLand));
    // Nothing changed anywhere in the ten days before 19 Sep 2023.
    for (const LonLat p : {kWest, kEast, kCheckpointOnOldLand, kCheckpointOnCorridor})
        CHECK_FALSE(striped_at(b, ymd(2023, 9, 19), p));
}

TEST_CASE("the stripes fade out over the highlight window", "[core][control][scene]") {
    const Built b = build();
    REQUIRE(b.fills.highlight_recent_days == 10);
    for (const auto& part : b.fills.fills) {
        if (!part.changed_hands || part.valid.from_day != day_number(ymd(2023, 9, 20))) continue;
        CHECK(recent_change_strength(b.fills, part, day_number(ymd(2023, 9, 20))) == Approx(1.0f));
        CHECK(recent_change_strength(b.fills, part, day_number(ymd(2023, 9, 25))) == Approx(0.5f));
        CHECK_FALSE(recent_change_strength(b.fills, part, day_number(ymd(2023, 9, 19))));
        CHECK_FALSE(recent_change_strength(b.fills, part, day_number(ymd(2023, 9, 30))));
    }
}

TEST_CASE("the slider steps through every day a control period starts or ends", "[core][control][scene]") {
    const ControlTimeline timeline = sample();
    Diagnostics diags;
    Scene scene;
    scene.layers = build_control_layers(timeline, Projector{}, fan, "control.gpkg", diags);
    std::vector<std::int32_t> expected;
    for (const Date d : timeline.change_dates()) expected.push_back(day_number(d));
    // Starts and ends both count: 2022-08-26 is only an end, 2023-04-23 both.
    REQUIRE(expected.size() == 7);
    CHECK(control_change_days(scene) == expected);
    CHECK(latest_control_day(scene) == day_number(ymd(2024, 6, 12)));
}

TEST_CASE("positions held by Azerbaijani forces inside Armenia: Azerbaijan's fill under red hatching, outlined",
          "[core][control][scene]") {
    const LonLat inside{45.55, 39.55}, beside{45.8, 39.55};
    std::vector<ControlPeriod> p{{.valid_from = ymd(2021, 5, 12),
                                  .controller = Controller::Azerbaijan,
                                  .kind = ControlKind::AzerbaijanInArmenia,
                                  .area = {rect(45.5, 39.5, 45.6, 39.6)}}};
    std::vector<ControlBackground> bg{{.controller = Controller::Armenian, .area = {rect(44, 38, 46, 42)}}};
    const ControlTimeline t(std::move(p), {}, std::move(bg), ymd(1994, 5, 12), ymd(2024, 12, 31));

    // `query` answers Azerbaijan there, as its own kind and not as the peacekeeping zone; Armenia around it.
    const ControlAnswer a = t.control_at(ymd(2022, 1, 1), inside);
    CHECK(a.controller == Controller::Azerbaijan);
    CHECK(a.kind == ControlKind::AzerbaijanInArmenia);
    CHECK_FALSE(a.peacekeeping);
    CHECK(kind_name(a.kind) == "azerbaijan_in_armenia");
    CHECK(parse_kind("azerbaijan_in_armenia") == ControlKind::AzerbaijanInArmenia);
    CHECK(t.control_at(ymd(2021, 5, 1), inside).controller == Controller::Armenian);
    CHECK(t.control_at(ymd(2022, 1, 1), beside).controller == Controller::Armenian);

    Built b;
    Diagnostics diags;
    auto layers = build_control_layers(t, b.projector, fan, "control.gpkg", diags);
    REQUIRE(layers.size() == 2);
    b.fills = std::move(layers[0]);
    auto red_hatched = [&](Date d) {
        const auto parts = drawn(b, d, inside);
        return std::any_of(parts.begin(), parts.end(), [](const FillPart* f) {
            return f->hatched && same_colour(f->color, azerbaijan_in_armenia_hatch_color());
        });
    };
    CHECK(solid_fill_of(b, ymd(2022, 1, 1), inside, Controller::Azerbaijan));
    CHECK(red_hatched(ymd(2022, 1, 1)));
    CHECK_FALSE(red_hatched(ymd(2021, 5, 1)));
    CHECK_FALSE(same_colour(azerbaijan_in_armenia_hatch_color(), peacekeeping_hatch_color()));
    CHECK(layers[1].lines.size() == 1);  // outlined like the zone and the corridor
}
