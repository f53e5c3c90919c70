// Small display rules: titles shortened at a word, and a problem reported twice listed once.
#include "core/diagnostics.hpp"
#include "core/utf8.hpp"

#include <catch2/catch.hpp>

using namespace sitmap::core;

TEST_CASE("long titles are shortened at a word, never mid-word or mid-character", "[core][text]") {
    CHECK(shorten_at_word("Shusha taken", 60) == "Shusha taken");
    const std::string title = "Azerbaijan's anti-terrorist campaign to ensure regional security";
    const std::string s = shorten_at_word(title, 40);
    CHECK(s == "Azerbaijan's anti-terrorist campaign\u2026");
    CHECK(s.size() <= 40);
    // A title its source already cut at exactly the limit ("...has been a") loses the broken word.
    const std::string cut = "The disputed area has been a";
    CHECK(shorten_at_word(cut, cut.size()) == "The disputed area has\u2026");  // fits, with the "…"
    // One long word in Armenian: cut on a character boundary.
    const std::string word = "\u054d\u057f\u0565\u0583\u0561\u0576\u0561\u056f\u0565\u0580\u057f";  // Ստեփանակերտ
    const std::string w = shorten_at_word(word, 12);
    CHECK(is_valid_utf8(w));
    CHECK(w.size() <= 12);
}

TEST_CASE("the same problem reported twice is listed once", "[core][diagnostics]") {
    Diagnostics d;
    for (int i = 0; i < 2; ++i)
        d.add(Severity::Warning, DiagCode::RecordInvalid, "002.txt", "", "no publication date found");
    d.add(Severity::Warning, DiagCode::RecordInvalid, "003.txt", "", "no publication date found");
    CHECK(d.all().size() == 2);
    CHECK(d.count() == 2);
    d.clear();
    d.add(Severity::Warning, DiagCode::RecordInvalid, "002.txt", "", "no publication date found");
    CHECK(d.all().size() == 1);
}
