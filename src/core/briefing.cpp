#include "core/briefing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace sitmap::core {

std::optional<TimeWindow> parse_slide_window(std::string_view text) {
    if (text == "day") return TimeWindow{.kind = WindowKind::Day};
    if (text == "week") return TimeWindow{.kind = WindowKind::Week};
    if (text == "month") return TimeWindow{.kind = WindowKind::Month};
    if (text == "all") return TimeWindow{.kind = WindowKind::All};
    // "<N>d": digits only (no sign, no spaces), so "14d" but not "+14d", " 14d" or "14.5d".
    if (text.size() < 2 || text.back() != 'd') return std::nullopt;
    const std::string_view digits = text.substr(0, text.size() - 1);
    int days = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), days);
    if (ec != std::errc{} || end != digits.data() + digits.size() || digits.front() == '-') return std::nullopt;
    if (days < 1 || days > 3650) return std::nullopt;
    return TimeWindow{.kind = WindowKind::Custom, .custom_days = days};
}

std::string slide_window_name(const TimeWindow& window) {
    switch (window.kind) {
        case WindowKind::Day:
            return "day";
        case WindowKind::Week:
            return "week";
        case WindowKind::Month:
            return "month";
        case WindowKind::All:
            return "all";
        case WindowKind::Custom:
            break;
    }
    return fmt::format("{}d", window.custom_days);
}

std::vector<std::string> unknown_layer_ids(const Briefing& briefing, const std::vector<std::string>& known_ids) {
    std::vector<std::string> out;
    std::vector<std::string> seen;
    for (std::size_t s = 0; s < briefing.slides.size(); ++s) {
        const auto& layers = briefing.slides[s].visible_layers;
        for (std::size_t i = 0; i < layers.size(); ++i) {
            const std::string& id = layers[i];
            if (std::find(known_ids.begin(), known_ids.end(), id) != known_ids.end()) continue;
            if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
            seen.push_back(id);
            out.push_back(fmt::format("slides[{}].layers[{}]: '{}'", s, i, id));
        }
    }
    return out;
}

}  // namespace sitmap::core
