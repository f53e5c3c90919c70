#include "io/json_read.hpp"

#include <fmt/format.h>

#include <vector>

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

/// Where the parser is, as a JSON path ("slides[0].view.bbox[1]"), kept up to date by the parse
/// callback so that an error the parser raises between callbacks (a number overflow) can be located.
class PathTracker {
public:
    bool on_event(nlohmann::json::parse_event_t event, const nlohmann::json& parsed) {
        using E = nlohmann::json::parse_event_t;
        switch (event) {
            case E::object_start:
                frames_.push_back({false, 0, {}});
                break;
            case E::array_start:
                frames_.push_back({true, 0, {}});
                break;
            case E::key:
                if (!frames_.empty()) frames_.back().key = parsed.get<std::string>();
                break;
            case E::object_end:
            case E::array_end:
                if (!frames_.empty()) frames_.pop_back();
                element_done();
                break;
            case E::value:
                element_done();
                break;
        }
        return true;
    }

    std::string path() const {
        std::string out;
        for (const Frame& f : frames_) {
            if (f.array)
                out += fmt::format("[{}]", f.index);
            else
                out += (out.empty() ? "" : ".") + f.key;
        }
        return out.empty() ? std::string("top level") : out;
    }

private:
    struct Frame {
        bool array;
        std::size_t index;
        std::string key;
    };
    void element_done() {
        if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
    }
    std::vector<Frame> frames_;
};

}  // namespace

std::optional<nlohmann::json> parse_json(const std::string& text, const std::string& source, std::string& problem,
                                         std::size_t max_depth) {
    if (const std::size_t at = too_deep_at(text, max_depth); at != std::string::npos) {
        const TextPosition p = position_of(text, at);
        problem = fmt::format("{}:{}:{}: nesting deeper than {} levels of arrays and objects (not read)", source,
                              p.line, p.column, max_depth);
        return std::nullopt;
    }
    PathTracker tracker;
    try {
        return nlohmann::json::parse(text, [&](int, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
            return tracker.on_event(event, parsed);
        });
    } catch (const nlohmann::json::parse_error& e) {
        // Report line:column (compiler style) rather than nlohmann's byte offset.
        const TextPosition p = position_of(text, e.byte == 0 ? 0 : e.byte - 1);
        std::string why = e.what();
        if (const auto colon = why.find(": ", why.find("column")); colon != std::string::npos)
            why = why.substr(colon + 2);
        problem = fmt::format("{}:{}:{}: invalid JSON: {}", source, p.line, p.column, why);
    } catch (const nlohmann::json::out_of_range& e) {
        // 406 "number overflow parsing '-1e400'": nlohmann gives no position, the tracker a path.
        const std::string why = e.what();
        const auto first = why.find('\''), last = why.rfind('\'');
        const std::string token = first < last ? why.substr(first, last - first + 1) : std::string("'?'");
        problem =
            fmt::format("{}: {}: number {} is out of range (expected a finite number)", source, tracker.path(), token);
    } catch (const nlohmann::json::exception& e) {
        problem = fmt::format("{}: {}: invalid JSON: {}", source, tracker.path(), e.what());
    }
    return std::nullopt;
}

}  // namespace sitmap::io
