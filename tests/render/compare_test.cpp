// Issue 13, §1: the before/after view. Two composed frames of the same camera, each clipped to its
// side of the divider, make one image: left of the divider its pixels are those of the left date
// drawn alone, right of it those of the right date drawn alone (where the two dates differ), with
// the divider and both dates stamped.
#include "app/render_image.hpp"
#include "compose/layout.hpp"
#include "compose/split.hpp"
#include "core/base_map.hpp"
#include "gl_fixture.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <string>
#include <vector>

using namespace sitmap;
using namespace std::chrono;

namespace {

constexpr int kW = 800, kH = 500;

int delta(const io::RgbaImage& a, const io::RgbaImage& b, int x, int y) {
    const auto* p = a.at(x, y);
    const auto* q = b.at(x, y);
    int d = 0;
    for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(int(p[c]) - int(q[c])));
    return d;
}

/// Among the pixels of columns [x0, x1) where `a` and `b` differ clearly (the dates' control
/// differs there) and no label or furniture of any of the frames lies (`skip`: names move with
/// the event symbols, and the stamps cover the map), how many `split` takes from `a` and how many
/// from `b`.
struct Agreement {
    std::size_t differing = 0, like_a = 0, like_b = 0;
};
Agreement agreement(const io::RgbaImage& split, const io::RgbaImage& a, const io::RgbaImage& b, int x0, int x1,
                    const std::vector<core::PxBox>& skip) {
    Agreement r;
    for (int y = 0; y < kH; ++y)
        for (int x = std::max(0, x0); x < std::min(kW, x1); ++x) {
            if (delta(a, b, x, y) < 40) continue;
            const bool covered = std::any_of(skip.begin(), skip.end(), [&](const core::PxBox& q) {
                return x >= q.x0 - 2 && x <= q.x1 + 2 && y >= q.y0 - 2 && y <= q.y1 + 2;
            });
            if (covered) continue;
            ++r.differing;
            if (delta(split, a, x, y) <= 8) ++r.like_a;
            if (delta(split, b, x, y) <= 8) ++r.like_b;
        }
    return r;
}

compose::FrameRequest request_for(core::Date d) {
    return {.date = d, .furniture = {.ui_scale = 1}};
}

}  // namespace

TEST_CASE("left of the divider is the left date's map, right of it the right date's", "[gl][compare]") {
    auto& w = test::GlWorld::get();
    const core::Camera camera =
        core::Camera::fit(core::project_box(w.projector, *core::named_view("karabakh")), kW, kH);
    // Before the 2020 war and after its last handover (Lachin, 1 December): the whole south and
    // the districts around the former NKAO changed hands.
    const core::Date before = year{2020} / September / 26, after = year{2020} / December / 2;
    std::vector<core::PxBox> boxes;  // every label and piece of furniture drawn below
    auto keep_boxes = [&](const compose::FrameLayout& layout) {
        boxes.insert(boxes.end(), layout.label_boxes.begin(), layout.label_boxes.end());
    };
    auto alone = [&](core::Date d) {
        compose::FrameRequest r = request_for(d);
        r.metres_per_pixel = camera.metres_per_pixel();
        const auto frame = compose::compose_frame(w.scene, w.projector, r);
        auto image = app::render_image(*w.renderer, w.scene, camera, frame.options());
        keep_boxes(w.renderer->last_layout());
        return image;
    };
    const io::RgbaImage left_alone = alone(before), right_alone = alone(after);

    for (const double divider : {0.5, 0.62}) {
        DYNAMIC_SECTION("divider at " << divider) {
            compose::SplitRequest request{request_for(before), request_for(after), divider};
            request.left.metres_per_pixel = request.right.metres_per_pixel = camera.metres_per_pixel();
            const auto frames = compose::compose_split(w.scene, w.projector, request);
            const auto options = frames.options(kW, kH);
            const auto split = app::render_frames(*w.renderer, w.scene, camera, options);
            const std::vector<std::string> texts = [&] {
                std::vector<std::string> out;
                for (const auto* t : w.renderer->last_layout().furniture.texts()) out.push_back(t->text);
                return out;
            }();
            keep_boxes(w.renderer->last_layout());  // the right half's; the left half's laid out again:
            keep_boxes(compose::layout_frame(w.scene, camera, options[0], w.renderer->font_metrics()));
            const int x = compose::divider_column(divider, kW);
            // Away from the divider and its handle (a few pixels either side).
            const Agreement left = agreement(split, left_alone, right_alone, 0, x - 6, boxes);
            const Agreement right = agreement(split, left_alone, right_alone, x + 6, kW, boxes);
            INFO("left: " << left.differing << " differing, " << left.like_a << " as before, " << left.like_b
                          << " as after; right: " << right.differing << ", " << right.like_a << ", " << right.like_b);
            REQUIRE(left.differing > 2000);
            REQUIRE(right.differing > 2000);
            // (A date drawn alone keys its legend to that date, the split to all states: the box's
            // size differs, and a few names around the capital are placed differently: ~2 %.)
            CHECK(left.like_a > left.differing * 97 / 100);
            CHECK(left.like_b < left.differing / 100);
            CHECK(right.like_b > right.differing * 97 / 100);
            CHECK(right.like_a < right.differing / 100);

            // The divider: a white line down the middle of its column, between the panels' insets.
            for (const int y : {kH / 4, kH * 3 / 4}) {
                const auto* p = split.at(x, y);
                CHECK(int(p[0]) + int(p[1]) + int(p[2]) >= 3 * 235);
            }
            // Both dates are stamped, and the date box carries no single date.
            CHECK(std::count(texts.begin(), texts.end(), "26 September 2020") == 1);
            CHECK(std::count(texts.begin(), texts.end(), "2 December 2020") == 1);
        }
    }
}

TEST_CASE("a split's halves join: the same date on both sides is the frame drawn alone", "[gl][compare]") {
    auto& w = test::GlWorld::get();
    const core::Camera camera =
        core::Camera::fit(core::project_box(w.projector, *core::named_view("karabakh")), kW, kH);
    const core::Date day = year{2020} / November / 10;
    compose::SplitRequest request{request_for(day), request_for(day), 0.5};
    request.left.metres_per_pixel = request.right.metres_per_pixel = camera.metres_per_pixel();
    const auto frames = compose::compose_split(w.scene, w.projector, request);
    auto options = frames.options(kW, kH);
    // Without the divider and stamps, the two clipped draws are one unclipped frame, pixel for pixel.
    for (auto& o : options) o.split.reset();
    const auto joined = app::render_frames(*w.renderer, w.scene, camera, options);
    compose::FrameOptions whole = frames.right.options();
    whole.off_map = nullptr;
    const auto alone = app::render_image(*w.renderer, w.scene, camera, whole);
    std::size_t differing = 0;
    for (int y = 0; y < kH; ++y)
        for (int x = 0; x < kW; ++x)
            if (delta(joined, alone, x, y) > 2) ++differing;
    CHECK(differing == 0);
}
