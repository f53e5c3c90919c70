#include "io/json_read.hpp"

#include <fmt/format.h>

namespace sitmap::io {

namespace {

struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
};

TextPosition position_of(const std::string& text, std::size_t byte) {
    TextPosition p;
    const std::size_t end = std::min(byte, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++p.line;
            p.column = 1;
        } else {
            ++p.column;
        }
    }
    return p;
}

/// The byte offset where nesting first exceeds `max_depth`, or npos. Brackets inside strings do
/// not count; the scan is linear and needs no stack.
std::size_t too_deep_at(const std::string& text, std::size_t max_depth) {
    std::size_t depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::string::npos;
}

}  // namespace

std::optional<nlohmann::json> parse_json(const std::string& text, std::string& problem, std::size_t max_depth) {
    if (const std::size_t at = too_deep_at(text, max_depth); at != std::string::npos) {
        const TextPosition p = position_of(text, at);
        problem = fmt::format("{}:{}: nesting deeper than {} levels of arrays and objects (not read)", p.line, p.column,
                              max_depth);
        return std::nullopt;
    }
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // Report line:column (compiler style) rather than nlohmann's byte offset.
        const TextPosition p = position_of(text, e.byte == 0 ? 0 : e.byte - 1);
        std::string why = e.what();
        if (const auto colon = why.find(": ", why.find("column")); colon != std::string::npos)
            why = why.substr(colon + 2);
        problem = fmt::format("{}:{}: invalid JSON: {}", p.line, p.column, why);
    } catch (const nlohmann::json::exception& e) {
        problem = fmt::format("invalid JSON: {}", e.what());
    }
    return std::nullopt;
}

}  // namespace sitmap::io
