#include "core/event_links.hpp"

#include "core/base_map.hpp"
#include "core/camera.hpp"
#include "core/event_list_query.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

namespace sitmap::core {

namespace {

/// True when the slide's view takes in `p`.
bool slide_view_contains(const Slide& s, LonLat p, const Projector& projector, int w, int h) {
    const WorldXY xy = projector.forward(p);
    if (s.view.bbox) return project_box(projector, *s.view.bbox).contains(xy.x, xy.y);
    if (s.view.centre && s.view.metres_per_pixel > 0) {
        const Camera c(projector.forward(*s.view.centre), s.view.metres_per_pixel, w, h);
        return c.visible_box().contains(xy.x, xy.y);
    }
    return project_box(projector, *named_view("region")).contains(xy.x, xy.y);
}

/// True when the slide's date, window and filter would list `e` (text and actor filters are
/// left out: a slide rarely has them and they need the folded index).
bool slide_time_and_filter_pass(const Slide& s, const Event& e) {
    if (!s.events.show_events) return false;
    if (!s.events.types.empty() && !s.events.types.count(e.type)) return false;
    if (!s.events.documents.empty() && !s.events.documents.count(e.source.document)) return false;
    if (!s.date) return true;  // "latest": the slide shows the newest events; count the event in
    const auto window = parse_slide_window(s.events.window).value_or(TimeWindow{});
    const ListQuery q = window_bounds(window, *s.date, {});
    return in_date_range(e.date, q.from, q.to);
}

bool url_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           std::strchr("-._~:/?#[]@!$&'()*+,;=%", c) != nullptr;
}

}  // namespace

std::vector<SlideLink> slides_showing(const Briefing& briefing, const Event& event, std::string_view key,
                                      const Projector& projector, int viewport_w, int viewport_h) {
    std::vector<SlideLink> out;
    for (std::size_t i = 0; i < briefing.slides.size(); ++i) {
        const Slide& s = briefing.slides[i];
        const bool highlighted =
            std::find(s.highlighted_events.begin(), s.highlighted_events.end(), key) != s.highlighted_events.end();
        const bool shown = event.has_position && slide_time_and_filter_pass(s, event) &&
                           slide_view_contains(s, event.position, projector, viewport_w, viewport_h);
        if (highlighted || shown) out.push_back({i, highlighted});
    }
    return out;
}

std::string slide_links_sentence(const std::vector<SlideLink>& links) {
    if (links.empty()) return {};
    const bool all_highlighted =
        std::all_of(links.begin(), links.end(), [](const SlideLink& l) { return l.highlighted; });
    std::string out = all_highlighted ? "highlighted in slide" : "shown in slide";
    if (links.size() > 1) out += "s";
    for (std::size_t i = 0; i < links.size(); ++i) {
        out += i == 0 ? " " : (i + 1 == links.size() ? " and " : ", ");
        out += std::to_string(links[i].slide + 1);
    }
    return out;
}

std::optional<std::string> find_url(std::string_view text) {
    std::size_t at = std::string_view::npos;
    for (std::string_view scheme : {"https://", "http://"}) {
        const std::size_t p = text.find(scheme);
        if (p != std::string_view::npos && p < at) at = p;
    }
    if (at == std::string_view::npos) return std::nullopt;
    std::size_t end = at;
    while (end < text.size() && url_char(text[end])) ++end;
    std::string url(text.substr(at, end - at));
    // A sentence's closing punctuation is not part of the link; a ')' is, when the URL opened one.
    while (!url.empty()) {
        const char c = url.back();
        if (std::strchr(".,;:!?'", c) != nullptr) {
            url.pop_back();
        } else if (c == ')' && std::count(url.begin(), url.end(), '(') < std::count(url.begin(), url.end(), ')')) {
            url.pop_back();
        } else {
            break;
        }
    }
    const std::size_t scheme_len = url.starts_with("https://") ? 8 : 7;
    if (url.size() <= scheme_len) return std::nullopt;
    return url;
}

}  // namespace sitmap::core
