// FlatStringMap (the extractor's word tables and per-word caches) against std::unordered_map on
// the same inserts; tokenize_remembered gives what tokenize gives, also when another text of the
// same length comes next.
#include "core/flat_string_map.hpp"
#include "core/text_tokens.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <unordered_map>
#include <vector>

using namespace sitmap::core;

TEST_CASE("FlatStringMap finds what was inserted and nothing else", "[flat_string_map]") {
    FlatStringMap<int> m;
    CHECK(m.empty());
    CHECK(m.find("shelled") == nullptr);
    auto [v, inserted] = m.try_emplace("shelled", 3);
    CHECK(inserted);
    CHECK(v == 3);
    auto [v2, again] = m.try_emplace("shelled", 9);  // the first value stands
    CHECK_FALSE(again);
    CHECK(v2 == 3);
    m["fled"] |= 4;
    m["fled"] |= 1;
    REQUIRE(m.find("fled") != nullptr);
    CHECK(*m.find("fled") == 5);
    CHECK(m.size() == 2);
    CHECK_FALSE(m.contains("fle"));
    CHECK_FALSE(m.contains(""));
    m[""] = 7;  // the empty key is a key like any other
    CHECK(*m.find("") == 7);
    m.clear();
    CHECK(m.size() == 0);
    CHECK_FALSE(m.contains("shelled"));
}

TEST_CASE("FlatStringMap keeps the first of repeated keys in its initializer list", "[flat_string_map]") {
    const FlatStringMap<std::string_view> irregular{{"fled", "flee"}, {"struck", "strike"}, {"fled", "fly"}};
    CHECK(irregular.size() == 2);
    REQUIRE(irregular.contains("fled"));
    CHECK(*irregular.find("fled") == "flee");
}

TEST_CASE("FlatStringMap agrees with std::unordered_map over many random words", "[flat_string_map]") {
    std::mt19937 rng(14);
    std::uniform_int_distribution<int> len(0, 20), letter('a', 'z');
    FlatStringMap<std::size_t> flat;
    std::unordered_map<std::string, std::size_t> ref;
    std::vector<std::string> words;
    for (std::size_t i = 0; i < 20000; ++i) {
        std::string w;
        for (int k = len(rng); k > 0; --k) w.push_back(static_cast<char>(letter(rng)));
        words.push_back(w);
        const auto [v, inserted] = flat.try_emplace(w, i);
        const auto [it, ref_inserted] = ref.try_emplace(w, i);
        CHECK(inserted == ref_inserted);
        CHECK(v == it->second);
    }
    CHECK(flat.size() == ref.size());
    for (const auto& w : words) {
        REQUIRE(flat.find(w) != nullptr);
        CHECK(*flat.find(w) == ref.at(w));
        std::string other = w + "q";  // absent unless inserted too
        CHECK(flat.contains(other) == (ref.count(other) > 0));
    }
}

TEST_CASE("tokenize_remembered gives tokenize's tokens", "[text_tokens]") {
    auto same = [](const std::vector<Token>& a, const std::vector<Token>& b) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (a[i].begin != b[i].begin || a[i].end != b[i].end || a[i].folded != b[i].folded ||
                a[i].capitalized != b[i].capitalized || a[i].numeric != b[i].numeric ||
                a[i].possessive != b[i].possessive)
                return false;
        return true;
    };
    const std::string a = "Azerbaijan’s forces shelled Şuşa on 12 May 1994.";
    std::string b = a;
    b[0] = 'X';  // same length, same address class: must not be answered from the memo
    CHECK(same(tokenize_remembered(a), tokenize(a)));
    CHECK(same(tokenize_remembered(a), tokenize(a)));  // the remembered answer
    CHECK(same(tokenize_remembered(b), tokenize(b)));
    CHECK(tokenize_remembered(b).front().folded == "xzerbaijan");
    std::string c = a;  // same text in another buffer: the same tokens
    CHECK(same(tokenize_remembered(c), tokenize(a)));
    c.replace(0, 10, "Stepanaker");  // the same buffer with other contents
    CHECK(tokenize_remembered(c).front().folded == "stepanaker");
    CHECK(tokenize_remembered("").empty());
}
