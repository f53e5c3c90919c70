#include "core/csv.hpp"

namespace sitmap::core {

std::vector<CsvRecord> parse_csv(std::string_view text) {
    std::vector<CsvRecord> out;
    CsvRecord rec;
    std::string field;
    std::size_t line = 1;
    bool in_quotes = false;
    bool field_started = false;  // distinguishes an empty line from a record with one empty field
    rec.line = 1;
    auto end_record = [&] {
        if (field_started || !rec.fields.empty()) {
            rec.fields.push_back(std::move(field));
            out.push_back(std::move(rec));
        }
        rec = CsvRecord{};
        field.clear();
        field_started = false;
    };
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // UTF-8 BOM
    std::size_t record_start = 0;  // offset of the current record's first character
    std::size_t quote_fields = 0;  // fields complete when its last quote opened
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size()) {
            if (!in_quotes) break;
            // A quote never closed: keep what came before it, flag the record, and read on from the
            // line after the record's first line (a stray quote shifts the pairing of every quote
            // after it, so the last open quote says nothing about where the damage is).
            rec.fields.resize(quote_fields);
            rec.unterminated_quote = true;
            out.push_back(std::move(rec));
            rec = CsvRecord{};
            field.clear();
            field_started = false;
            in_quotes = false;
            const std::size_t nl = text.find('\n', record_start);
            line = out.back().line + 1;
            if (nl == std::string_view::npos) return out;
            i = nl;  // the loop's ++i moves past it
            continue;
        }
        const char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    in_quotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field.push_back(c);
            }
            continue;
        }
        if (!field_started && rec.fields.empty()) {
            rec.line = line;
            record_start = i;
        }
        if (c == '"') {
            quote_fields = rec.fields.size();
            in_quotes = true;
            field_started = true;
        } else if (c == ',') {
            rec.fields.push_back(std::move(field));
            field.clear();
            field_started = true;
        } else if (c == '\r') {
            continue;
        } else if (c == '\n') {
            end_record();
            ++line;
        } else {
            field.push_back(c);
            field_started = true;
        }
    }
    end_record();
    return out;
}

std::string csv_quote(std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string csv_line(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out.push_back(',');
        out += csv_quote(fields[i]);
    }
    return out;
}

}  // namespace sitmap::core
