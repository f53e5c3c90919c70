#include "core/event_style.hpp"

#include "core/utf8.hpp"

namespace sitmap::core {

const EventTypeStyle& event_type_style(EventType type) {
    static const EventTypeStyle styles[] = {
        {0x2739, rgb(0xd7301f), "Strike / shelling"},      // ✹
        {0x2691, rgb(0x7a0177), "Capture / advance"},      // ⚑
        {0x2694, rgb(0xe66101), "Clash / fighting"},       // ⚔
        {0x262E, rgb(0x1a9850), "Ceasefire"},              // ☮
        {0x2714, rgb(0x2166ac), "Agreement"},              // ✔
        {0x275D, rgb(0x525252), "Statement / claim"},      // ❝
        {0x271A, rgb(0x67001f), "Casualties"},             // ✚
        {0x25B2, rgb(0x8c510a), "Deployment / troops"},    // ▲
        {0x21C4, rgb(0x4393c3), "Negotiation / talks"},    // ⇄
        {0x2298, rgb(0xb35806), "Blockade / checkpoint"},  // ⊘
        {0x2665, rgb(0x01665e), "Humanitarian"},           // ♥
        {0x25C6, rgb(0x737373), "Other"},                  // ◆
    };
    const auto i = static_cast<std::size_t>(type);
    return styles[i < std::size(styles) ? i : std::size(styles) - 1];
}

std::string event_symbol_utf8(EventType type) {
    std::string s;
    append_utf8(s, event_type_style(type).symbol);
    return s;
}

}  // namespace sitmap::core
