// app::VideoJob (issue 13, video): the frames of a date range and of a briefing, rendered offscreen
// and encoded, decode (io::read_video) to the composed frames rendered directly, frame for frame:
// count, size and pixels within what H.264 and YUV 4:2:0 lose. The window's export dialog and
// `sitmap render -o war.mp4` both run this job.
#include "app/video_export.hpp"
#include "app/render_image.hpp"
#include "compose/slides.hpp"
#include "compose/video_plan.hpp"
#include "core/base_map.hpp"
#include "gl_fixture.hpp"
#include "io/briefing_io.hpp"
#include "io/video.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <cmath>
#include <filesystem>

using namespace sitmap;
namespace fs = std::filesystem;

namespace {

double mean_abs_error(const io::RgbaImage& video_frame, const io::RgbaImage& expected) {
    double sum = 0;
    for (int y = 0; y < expected.height; ++y)
        for (int x = 0; x < expected.width; ++x)
            for (int c = 0; c < 3; ++c) sum += std::abs(int(video_frame.at(x, y)[c]) - int(expected.at(x, y)[c]));
    return sum / (3.0 * expected.width * expected.height);
}

/// The shot rendered directly: composed and drawn as an image export draws it.
io::RgbaImage render_directly(test::GlWorld& w, app::VideoShot shot) {
    std::vector<bool> before;
    if (shot.slide) before = compose::apply_slide_layers(w.scene, *shot.slide);
    shot.request.metres_per_pixel = shot.camera.metres_per_pixel();
    const compose::ComposedFrame frame = compose::compose_frame(w.scene, w.projector, shot.request);
    auto image = app::render_image(*w.renderer, w.scene, shot.camera, frame.options());
    if (shot.slide) compose::restore_layers(w.scene, before);
    return image;
}

fs::path temp_path(const std::string& name) {
    return fs::temp_directory_path() / (std::to_string(::getpid()) + "_" + name);
}

}  // namespace

TEST_CASE("a date-range video decodes to the composed frames, frame for frame", "[gl][video]") {
    auto& w = test::GlWorld::get();
    const core::Camera camera =
        core::Camera::fit(core::project_box(w.projector, *core::named_view("karabakh")), 320, 200);
    const compose::FrameRequest base{.furniture = {.title = "Video test", .legend = true}};
    // The 2020 war at two-week steps: the control areas change between frames.
    const auto dates =
        compose::frame_dates(core::Date{std::chrono::year(2020), std::chrono::September, std::chrono::day(27)},
                             core::Date{std::chrono::year(2020), std::chrono::November, std::chrono::day(10)},
                             compose::parse_frame_step("2w"));
    REQUIRE(dates.size() == 4);
    const auto shots = app::range_shots(camera, base, dates);
    for (const char* ext : {".mp4", ".gif"}) {
        const fs::path path = temp_path(std::string("range") + ext);
        {
            app::VideoJob job(path, 4, shots);
            while (!job.done()) job.render_next(*w.renderer, w.scene, w.projector);
            CHECK(job.frames_done() == 4);
            job.finish();
        }
        const io::DecodedVideo v = io::read_video(path);
        INFO(path.string());
        CHECK(v.width == 320);
        CHECK(v.height == 200);
        REQUIRE(v.frames.size() == 4);
        const io::RgbaImage last = render_directly(w, shots[3]);
        const double same = mean_abs_error(v.frames[3], last), first = mean_abs_error(v.frames[0], last);
        INFO("frame 4 against itself rendered directly " << same << ", frame 1 against it " << first);
        CHECK(same < (std::string(ext) == ".mp4" ? 2.5 : 3.5));
        CHECK(first > same);
        fs::remove(path);
    }
}

TEST_CASE("a briefing video holds each slide as render --briefing draws it and eases between them",
          "[gl][video][briefing]") {
    auto& w = test::GlWorld::get();
    core::Briefing briefing =
        io::load_briefing(fs::path(SITMAP_SOURCE_DIR) / "assets" / "briefings" / "karabakh_2020_2023.json");
    REQUIRE(briefing.slides.size() >= 3);
    briefing.slides.resize(3);
    const auto shots = app::briefing_shots(briefing, w.projector, 320, 200, nullptr, 1.0f, 0, 5, 0.4);
    REQUIRE(shots.size() == 3 * 2 + 2 * 5);
    // Halfway through the first transition the view is between the slides' views.
    const core::Camera a = compose::slide_camera(briefing.slides[0], w.projector, 320, 200);
    const core::Camera b = compose::slide_camera(briefing.slides[1], w.projector, 320, 200);
    const auto& mid = shots[2 + 2].camera;
    CHECK(mid.centre().x ==
          Approx((a.centre().x + b.centre().x) / 2).margin(std::abs(a.centre().x - b.centre().x) * 0.25 + 1));
    const fs::path path = temp_path("talk.mp4");
    std::vector<bool> layers_before;
    for (const auto& layer : w.scene.layers) layers_before.push_back(layer.visible);
    {
        app::VideoJob job(path, 5, shots);
        while (!job.done()) job.render_next(*w.renderer, w.scene, w.projector);
        job.finish();
    }
    const io::DecodedVideo v = io::read_video(path);
    REQUIRE(v.frames.size() == shots.size());
    for (std::size_t s = 0; s < 3; ++s) {
        // The slide as `render --briefing` draws it: compose::slide_frame with its layers.
        auto [camera, request] = compose::slide_frame(briefing.slides[s], w.projector, 320, 200, nullptr, 1.0f);
        const io::RgbaImage direct = render_directly(w, {camera, request, &briefing.slides[s]});
        const std::size_t held = s * 7 + 1;  // 2 held frames, then 5 moving to the next slide
        const double e = mean_abs_error(v.frames[held], direct);
        INFO("slide " << s + 1 << " (frame " << held << "): mean abs error " << e);
        CHECK(e < 2.5);
    }
    // Layers are the scene's again after the job (each slide's applied only while drawn).
    std::vector<bool> after;
    for (const auto& layer : w.scene.layers) after.push_back(layer.visible);
    CHECK(after == layers_before);
    fs::remove(path);
}
