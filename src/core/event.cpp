#include "core/event.hpp"

namespace sitmap::core {

std::string_view event_type_name(EventType t) {
    switch (t) {
        case EventType::Strike:
            return "strike";
        case EventType::Capture:
            return "capture";
        case EventType::Clash:
            return "clash";
        case EventType::Ceasefire:
            return "ceasefire";
        case EventType::Agreement:
            return "agreement";
        case EventType::Statement:
            return "statement";
        case EventType::Casualty:
            return "casualty";
        case EventType::Deployment:
            return "deployment";
        case EventType::Negotiation:
            return "negotiation";
        case EventType::Blockade:
            return "blockade";
        case EventType::Humanitarian:
            return "humanitarian";
        case EventType::Other:
            return "other";
    }
    return "other";
}

std::optional<EventType> parse_event_type(std::string_view name) {
    for (EventType t : all_event_types)
        if (event_type_name(t) == name) return t;
    return std::nullopt;
}

}  // namespace sitmap::core
