#include "core/gazetteer.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>

namespace sitmap::core {

std::string_view location_precision_name(LocationPrecision p) {
    switch (p) {
        case LocationPrecision::Point:
            return "point";
        case LocationPrecision::District:
            return "district";
        case LocationPrecision::Region:
            return "region";
        case LocationPrecision::Country:
            return "country";
    }
    return "point";
}

std::optional<LocationPrecision> parse_location_precision(std::string_view t) {
    if (t == "point") return LocationPrecision::Point;
    if (t == "district") return LocationPrecision::District;
    if (t == "region") return LocationPrecision::Region;
    if (t == "country") return LocationPrecision::Country;
    return std::nullopt;
}

namespace {

bool starts_upper(std::string_view s) {
    if (s.empty()) return false;
    const auto c = static_cast<unsigned char>(s[0]);
    if (c < 0x80) return std::isupper(c) != 0;
    const auto toks = tokenize(s);
    return !toks.empty() && toks.front().capitalized;
}

bool is_district_word(std::string_view w) {
    return w == "district" || w == "districts" || w == "region" || w == "regions" || w == "rayon" || w == "rayons" ||
           w == "raion";
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

void push_unique(std::vector<std::size_t>& v, std::size_t x) {
    if (std::find(v.begin(), v.end(), x) == v.end()) v.push_back(x);
}

}  // namespace

std::string place_skeleton(std::string_view f) {
    std::string out;
    out.reserve(f.size());
    for (std::size_t i = 0; i < f.size(); ++i) {
        const char c = f[i];
        const char n = i + 1 < f.size() ? f[i + 1] : '\0';
        char put = c;
        if ((c == 'k' || c == 'g' || c == 's' || c == 'z' || c == 'c' || c == 't') && n == 'h') {
            put = c == 'k' ? 'h' : c;  // kh -> h, gh -> g, sh -> s, zh -> z, ch -> c, th -> t
            ++i;
        } else if (c == 'd' && (n == 'z' || n == 'j')) {
            put = 'j';  // dzh, dj
            ++i;
            if (i + 1 < f.size() && f[i + 1] == 'h') ++i;
        } else if (c == 'x') {
            put = 'h';
        } else if (c == 'q') {
            put = 'g';
        } else if (c == 'y') {
            put = 'i';
        } else if (c == 'w') {
            put = 'v';
        } else if (c == 'c' && n != 'h') {
            put = 'j';  // Azerbaijani c is j ("Cəbrayıl" -> Jabrayil)
        }
        if (!out.empty() && out.back() == put && put != ' ') continue;  // doubled letters
        out.push_back(put);
    }
    return out;
}

std::size_t Gazetteer::add(NamedPlace place) {
    const std::size_t index = places_.size();
    std::vector<std::string> names{place.name};
    names.insert(names.end(), place.variants.begin(), place.variants.end());
    // "border with Karabakh (Iranian side)": the words before a parenthesis are a variant too.
    for (std::size_t k = 0, n = names.size(); k < n; ++k)
        if (auto paren = names[k].find('('); paren != std::string::npos && paren > 0)
            names.push_back(names[k].substr(0, paren));
    for (const auto& n : names) {
        const auto toks = tokenize(n);
        if (toks.empty()) continue;
        std::string key;
        for (const auto& t : toks) {
            if (!key.empty()) key.push_back(' ');
            key += t.folded;
        }
        auto& list = index_[key];
        const bool already = std::any_of(list.begin(), list.end(), [&](const Entry& e) { return e.place == index; });
        if (!already) list.push_back({index, starts_upper(n)});
        auto& m = first_words_[toks.front().folded];
        const std::size_t bit = FoldedHash{}(toks.front().folded) & 0x3FFFF;
        first_word_bits_[bit >> 6] |= std::uint64_t{1} << (bit & 63);
        m = std::max(m, toks.size());
        if (toks.size() <= 3 && key.size() >= 4) {
            const std::string sk = place_skeleton(key);
            push_unique(skeletons_[sk], index);
            if (sk.size() >= 6)
                for (std::size_t d = 0; d < sk.size(); ++d)
                    if (sk[d] != ' ') push_unique(deletions_[sk.substr(0, d) + sk.substr(d + 1)], index);
        }
    }
    places_.push_back(std::move(place));
    return index;
}

std::vector<std::size_t> Gazetteer::lookup(std::string_view name) const {
    std::vector<std::size_t> out;
    const auto* entries = index_.find(fold_for_match(name));
    if (!entries) return out;
    for (const auto& e : *entries) out.push_back(e.place);
    std::stable_sort(out.begin(), out.end(),
                     [&](std::size_t a, std::size_t b) { return places_[a].curated > places_[b].curated; });
    return out;
}

const NamedPlace* Gazetteer::find(std::string_view name) const {
    const std::string key = fold_for_match(name);
    const NamedPlace* best = nullptr;
    for (std::size_t i : lookup(name)) {
        const NamedPlace& p = places_[i];
        if (fold_for_match(p.name) == key && (!best || (p.curated && !best->curated))) best = &p;
    }
    if (!best) {
        auto l = lookup(name);
        if (!l.empty()) best = &places_[l.front()];
    }
    return best;
}

std::optional<std::size_t> Gazetteer::district_of(std::size_t town) const {
    const NamedPlace& p = places_.at(town);
    if (p.precision == LocationPrecision::District) return town;
    for (std::size_t i : lookup(p.name + " district"))
        if (places_[i].precision == LocationPrecision::District) return i;
    return std::nullopt;
}

std::optional<std::size_t> Gazetteer::tolerant_match(const std::vector<Token>& tokens, std::size_t i, std::size_t len,
                                                     std::string_view text) const {
    if (!tokens[i].capitalized || tokens[i].numeric || tokens[i].folded.size() < 4) return std::nullopt;
    // Names of peoples are not misspelt places ("mostly Azeris" is not GeoNames' "Aziris", Erzincan).
    static constexpr std::array<std::string_view, 18> peoples{
        "azeri",     "azeris",    "azerbaijanis", "armenians", "russians",   "turks",
        "kurds",     "georgians", "iranians",     "persians",  "ukrainians", "americans",
        "europeans", "turkish",   "russian",      "iranian",   "georgian",   "kurdish"};
    const bool people = len == 1 && std::find(peoples.begin(), peoples.end(), tokens[i].folded) != peoples.end();
    std::string key;
    for (std::size_t k = 0; k < len; ++k) {
        if (k > 0) {
            const std::string_view gap =
                text.substr(tokens[i + k - 1].end, tokens[i + k].begin - tokens[i + k - 1].end);
            if (tokens[i + k - 1].possessive || gap.find_first_of(",.;:()\"") != std::string_view::npos)
                return std::nullopt;
            key.push_back(' ');
        }
        key += tokens[i + k].folded;
    }
    // Most capitalised words that are no place (names, sentence starts) come back often: their
    // answer is remembered per thread and gazetteer.
    thread_local FlatStringMap<std::optional<std::size_t>> memo;
    thread_local const Gazetteer* memo_owner = nullptr;
    thread_local std::size_t memo_size = 0;
    if (memo_owner != this || memo_size != places_.size() || memo.size() > 100000) {
        memo.clear();
        memo_owner = this;
        memo_size = places_.size();
    }
    std::optional<std::size_t> answer;
    if (const auto* known = memo.find(key)) {
        answer = *known;
    } else {
        answer = tolerant_lookup(key);
        memo.try_emplace(key, answer);
    }
    // Names of peoples are their country ("Armenians"), not a misspelt town ("mostly Azeris" is not
    // GeoNames' "Aziris", Erzincan).
    if (answer && people && places_[*answer].precision != LocationPrecision::Country) return std::nullopt;
    return answer;
}

std::optional<std::size_t> Gazetteer::tolerant_lookup(const std::string& key) const {
    const std::string sk = place_skeleton(key);
    std::vector<std::size_t> cands;
    if (const auto* places = skeletons_.find(sk)) cands = *places;
    if (cands.empty() && sk.size() >= 6) {
        auto collect = [&](const auto& map, const std::string& k) {
            if (const auto* places = map.find(k))
                for (std::size_t c : *places) push_unique(cands, c);
        };
        collect(skeletons_, sk);
        collect(deletions_, sk);
        for (std::size_t d = 0; d < sk.size(); ++d) {
            const std::string del = sk.substr(0, d) + sk.substr(d + 1);
            collect(skeletons_, del);
            collect(deletions_, del);
        }
        // Keep those one edit away from one of their own names' skeletons (the deletion index
        // also pairs words two edits apart).
        std::erase_if(cands, [&](std::size_t c) {
            const NamedPlace& p = places_[c];
            auto near = [&](const std::string& n) {
                const std::string s2 = place_skeleton(fold_for_match(n));
                return s2.size() >= 5 && edit_distance(s2, sk) <= 1 && s2.front() == sk.front();
            };
            if (near(p.name)) return false;
            for (const auto& v : p.variants)
                if (near(v)) return false;
            return true;
        });
    }
    if (cands.empty()) return std::nullopt;
    std::stable_sort(cands.begin(), cands.end(), [&](std::size_t a, std::size_t b) {
        if (places_[a].curated != places_[b].curated) return places_[a].curated;
        return places_[a].has_position && !places_[b].has_position;
    });
    return cands.front();
}

double Gazetteer::distance_km(LonLat a, LonLat b) {
    constexpr double r = 6371.0;
    constexpr double rad = 3.14159265358979323846 / 180.0;
    const double p1 = a.lat * rad, p2 = b.lat * rad;
    const double dp = p2 - p1, dl = (b.lon - a.lon) * rad;
    const double h =
        std::sin(dp / 2) * std::sin(dp / 2) + std::cos(p1) * std::cos(p2) * std::sin(dl / 2) * std::sin(dl / 2);
    return 2 * r * std::asin(std::min(1.0, std::sqrt(h)));
}

std::vector<PlaceMention> Gazetteer::find_mentions(std::string_view text, const std::vector<Token>& tokens,
                                                   const std::vector<LonLat>& context) const {
    std::vector<PlaceMention> out;
    std::string key;
    // A tolerant match of one or two words at token i; returns how many tokens to move on.
    auto tolerant_at = [&](std::size_t i) -> std::size_t {
        for (std::size_t len = std::min<std::size_t>(2, tokens.size() - i); len >= 1; --len)
            if (const auto hit = tolerant_match(tokens, i, len, text)) {
                PlaceMention m;
                m.place = *hit;
                m.first_token = i;
                m.last_token = i + len;
                m.begin = tokens[i].begin;
                m.end = tokens[i + len - 1].end;
                m.tolerant = true;
                out.push_back(std::move(m));
                return len;
            }
        return 1;
    };
    for (std::size_t i = 0; i < tokens.size();) {
        if (!maybe_first_word(tokens[i].folded)) {
            i += tolerant_at(i);
            continue;
        }
        const std::size_t* fw = first_words_.find(tokens[i].folded);
        if (!fw) {
            i += tolerant_at(i);
            continue;
        }
        const std::size_t max_len = std::min(*fw, tokens.size() - i);
        bool matched = false;
        for (std::size_t len = max_len; len >= 1 && !matched; --len) {
            // A possessive ends a name ("Baku's Defense Ministry"), and so does a clause break.
            bool broken = false;
            key.clear();
            for (std::size_t k = 0; k < len; ++k) {
                if (k > 0) {
                    const std::string_view gap =
                        text.substr(tokens[i + k - 1].end, tokens[i + k].begin - tokens[i + k - 1].end);
                    if (tokens[i + k - 1].possessive || gap.find_first_of(",.;:()\"") != std::string_view::npos) {
                        broken = true;
                        break;
                    }
                    key.push_back(' ');
                }
                key += tokens[i + k].folded;
            }
            if (broken) continue;
            const auto* entries = index_.find(key);
            if (!entries) continue;
            std::vector<std::size_t> cands;
            for (const Entry& e : *entries)
                if (!e.needs_capital || tokens[i].capitalized) cands.push_back(e.place);
            if (cands.empty()) continue;
            // Resolve ambiguity: nearest to the context centroid, then curated entries.
            std::size_t best = cands.front();
            if (cands.size() > 1) {
                double best_score = std::numeric_limits<double>::infinity();
                for (std::size_t c : cands) {
                    const NamedPlace& p = places_[c];
                    // A curated entry wins ties, unless its point is only its district's seat (a
                    // village the reference list could not place): then its position says nothing.
                    const bool own_point = p.precision != LocationPrecision::District || p.kind == "district";
                    double score = p.curated && own_point ? 0.0 : 50.0;
                    if (!p.has_position) score += 1000.0;
                    if (!context.empty() && p.has_position) {
                        double d = std::numeric_limits<double>::infinity();
                        for (const LonLat& q : context) d = std::min(d, distance_km(p.position, q));
                        score += d;
                    }
                    if (score < best_score) {
                        best_score = score;
                        best = c;
                    }
                }
            }
            PlaceMention m;
            m.place = best;
            m.first_token = i;
            m.last_token = i + len;
            m.begin = tokens[i].begin;
            m.end = tokens[i + len - 1].end;
            for (std::size_t c : cands)
                if (c != best) m.alternatives.push_back(c);
            // "Aghdam district" / "Aghdam region" written after a town name selects the district.
            if (places_[best].precision == LocationPrecision::Point && m.last_token < tokens.size() &&
                is_district_word(tokens[m.last_token].folded)) {
                if (auto d = district_of(best)) {
                    m.place = *d;
                    m.end = tokens[m.last_token].end;
                    ++m.last_token;
                }
            }
            out.push_back(std::move(m));
            i += len;
            matched = true;
        }
        if (!matched) i += tolerant_at(i);
    }
    // "the (occupied) districts of Aghdam, Kalbajar and Lachin": a list after "districts of".
    // The list's first mention is carried forward from the previous mention's (issue 12 F1: walking
    // back over the whole list for each of its members made a 100,000-name list quadratic).
    std::size_t first = 0;  // the first mention of the list out[k] belongs to
    for (std::size_t k = 0; k < out.size(); ++k) {
        bool joined = false;
        if (k > 0) {
            const std::string_view gap = text.substr(out[k - 1].end, out[k].begin - out[k - 1].end);
            if (gap.size() <= 16) {  // list separators are short (", ", " and ", ", or ")
                std::string g;
                for (char c : gap)
                    if (!std::isspace(static_cast<unsigned char>(c)))
                        g.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
                joined = g == "," || g == "and" || g == ",and" || g == "or" || g == ",or";
            }
        }
        if (!joined) first = k;
        const std::size_t t = out[first].first_token;
        if (t >= 2 && tokens[t - 1].folded == "of" && is_district_word(tokens[t - 2].folded) &&
            places_[out[k].place].precision == LocationPrecision::Point) {
            if (auto d = district_of(out[k].place)) out[k].place = *d;
        }
    }
    return out;
}

}  // namespace sitmap::core
