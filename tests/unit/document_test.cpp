// Documents: header, publication date forms, headings and page furniture.
#include "core/document.hpp"

#include <catch2/catch.hpp>

using namespace sitmap::core;
using namespace std::chrono;

namespace {

Date d(int y, unsigned m, unsigned dd) {
    return Date(year(y), month(m), day(dd));
}

std::string block_text(const Document& doc, BlockKind kind) {
    std::string out;
    for (const auto& b : doc.blocks)
        if (b.kind == kind) out += doc.text.substr(b.span.begin, b.span.end - b.span.begin) + "\n";
    return out;
}

}  // namespace

TEST_CASE("a Key: value header closed by --- gives title, source and date", "[core][document]") {
    Diagnostics diags;
    const auto doc =
        parse_document("a.txt",
                       "Title: Fighting near the river\nSource: Example Wire\nPublication date: 2020-10-17\n"
                       "---\nTroops clashed near the river on Friday.\n",
                       diags);
    CHECK(doc.title == "Fighting near the river");
    CHECK(doc.source == "Example Wire");
    REQUIRE(doc.publication_date.has_value());
    CHECK(*doc.publication_date == d(2020, 10, 17));
    CHECK(diags.empty());
    REQUIRE(doc.blocks.size() == 1);
    CHECK(doc.blocks[0].kind == BlockKind::Prose);
}

TEST_CASE("an unreadable header date is reported", "[core][document]") {
    Diagnostics diags;
    const auto doc = parse_document("b.txt", "Date: sometime soon\n---\nNothing happened.\n", diags);
    CHECK_FALSE(doc.publication_date.has_value());
    CHECK(diags.has(DiagCode::DateUnparsed));
    CHECK(diags.has(DiagCode::DocumentNoDate));
}

TEST_CASE("datelines in the forms the issue lists", "[core][document]") {
    Diagnostics diags;
    auto pub = [&](const std::string& text) { return parse_document("x.txt", text, diags).publication_date; };
    CHECK(pub("Some headline here\n\n    SECTION  20 September 2023 - 14:51\n\nBody text follows here.") ==
          d(2023, 9, 20));
    CHECK(pub(" date 2023-09-19 The army moved in today.") == d(2023, 9, 19));
    CHECK(pub("A headline\n\nTuesday 19 September 2023 - 13:04\n\nText.") == d(2023, 9, 19));
    CHECK(pub("A headline\n\nAuthor Name\n\nTue, 10/27/2020 \xE2\x80\x93 02:00\n\nText.") == d(2020, 10, 27));
}

TEST_CASE("a wire dateline 'City, date' is the publication date; link-list stamps are not", "[core][document]") {
    Diagnostics diags;
    const auto wire = parse_document("w.txt", "Baku, September 21, 2023, AZERTAG\n\nTroops withdrew.\n", diags);
    REQUIRE(wire.publication_date.has_value());
    CHECK(*wire.publication_date == d(2023, 9, 21));
    const auto listed = parse_document("l.txt",
                                       "Troops withdrew from the area on Sunday, officials said.\n\nRead also\n\n"
                                       "Talks resume in Brussels\n\n25.04.2023 12:10\n",
                                       diags);
    CHECK_FALSE(listed.publication_date.has_value());
}

TEST_CASE("a date inside running text is not a dateline; an undated text gets an estimate", "[core][document]") {
    Diagnostics diags;
    const auto doc = parse_document(
        "u.txt", "The ministry has reported findings. The operation, initiated on September 19, 2023, ended.\n", diags);
    CHECK_FALSE(doc.publication_date.has_value());
    CHECK(diags.has(DiagCode::DocumentNoDate));
    REQUIRE(doc.estimated_publication.has_value());
    CHECK(doc.estimated_publication->start == d(2023, 9, 20));
    CHECK(doc.estimated_publication->end == d(2023, 12, 31));  // written within the year it reviews
    Diagnostics d2;
    const auto late = parse_document("v.txt", "The talks, held on November 15, 2023, ended.\n", d2);
    REQUIRE(late.estimated_publication.has_value());
    CHECK(late.estimated_publication->end == d(2024, 2, 15));  // but at least three months
}

TEST_CASE("related-news lists, share boxes and headings are not prose", "[core][document]") {
    Diagnostics diags;
    const std::string text =
        "Forces advance in the south\n\n05 March 2021 - 10:00\n\n"
        "Forces advanced on the town of Alpha on Thursday, the ministry said in a statement that also described "
        "heavy shelling of positions around the town and losses among the defenders of the area.\n\n"
        "Share it:\n\nRead also\n\nMinister visits a neighbouring capital\n\n12 April 2021 - 11:34\n\n"
        "Latest news\n\n    Parliament debates budget\n\n    12 April 2021 - 10:17\n";
    const auto doc = parse_document("f.txt", text, diags);
    REQUIRE(doc.publication_date == d(2021, 3, 5));
    const std::string prose = block_text(doc, BlockKind::Prose);
    const std::string furniture = block_text(doc, BlockKind::Furniture);
    CHECK(prose.find("Forces advanced on the town") != std::string::npos);
    CHECK(prose.find("Minister visits") == std::string::npos);
    CHECK(furniture.find("Minister visits") != std::string::npos);
    CHECK(furniture.find("Parliament debates budget") != std::string::npos);
    CHECK(furniture.find("12 April 2021") != std::string::npos);
    CHECK(furniture.find("Share it") != std::string::npos);
    CHECK(block_text(doc, BlockKind::Heading).find("Forces advance in the south") != std::string::npos);
    CHECK(doc.in_furniture(text.find("Parliament")));
    CHECK_FALSE(doc.in_furniture(text.find("Forces advanced")));
}

TEST_CASE("a streamed continuation keeps the header dates and its offset", "[core][document]") {
    Diagnostics diags;
    const auto first = parse_document("big.txt", "Date: 2020-11-10\n---\nFirst part.\n", diags);
    const auto next = continue_document(first, "Second part of the text.\n", 1000);
    CHECK(next.base_offset == 1000);
    CHECK(next.publication_date == first.publication_date);
    CHECK(next.name == "big.txt");
    REQUIRE(next.blocks.size() == 1);
}

TEST_CASE("a dateline in a field of a byline ('A. Writer | Updated: 26.08.2022 16:20') dates the document",
          "[core][document]") {
    Diagnostics diags;
    const Document a =
        parse_document("a.txt",
                       "OUTLET\n\nHeadline of the day\n\nAyse Karaca and Rauf Mammadov | 26.08.2022 Friday "
                       "16:20 | Updated: 26.08.2022 18:05\n\nThe army entered the town on Friday.\n",
                       diags);
    REQUIRE(a.publication_date);
    CHECK(*a.publication_date == Date(std::chrono::year(2022), std::chrono::August, std::chrono::day(26)));
    const Document b = parse_document("b.txt",
                                      "OUTLET\n\nHeadline\n\nBy Anna Writer | Updated: 17 August 2023\n\nShortages "
                                      "worsened in the region, officials said on Tuesday.\n",
                                      diags);
    REQUIRE(b.publication_date);
    CHECK(*b.publication_date == Date(std::chrono::year(2023), std::chrono::August, std::chrono::day(17)));
}

TEST_CASE("captions, source notes and links to other articles are page furniture", "[core][document]") {
    Diagnostics diags;
    const std::string text =
        "Date: 2021-04-02\n---\nHeadline\n\nArmenian artillery shelled Fuzuli on Friday, the ministry said.\n\n"
        "Photo: Residents inspect the remains of a rocket on a Barda street. Photo: Agency\n\n"
        "Sources: statements of the defence ministries of Armenia and Azerbaijan\n\n"
        "\xC2\xB7 Why the Minsk Group fell silent \xE2\x80\x93 22 March 2021\n\n"
        "\xC2\xB7 Turkish, Azerbaijani defense ministers meet in Ankara  |  29.08.2023\n";
    const Document doc = parse_document("t.txt", text, diags);
    std::size_t prose = 0, furniture = 0;
    for (const auto& b : doc.blocks) {
        (b.kind == BlockKind::Furniture ? furniture : prose) += 1;
    }
    CHECK(furniture >= 4);
    CHECK(prose >= 1);
    for (const auto& b : doc.blocks) {
        const std::string_view s = std::string_view(doc.text).substr(b.span.begin, b.span.end - b.span.begin);
        if (s.starts_with("Armenian artillery")) CHECK(b.kind != BlockKind::Furniture);
    }
}

TEST_CASE("a page's last-update stamp gives way to the article's own byline or dateline", "[core][document]") {
    Diagnostics diags;
    auto pub = [&](const std::string& text) { return parse_document("x.txt", text, diags).publication_date; };
    // A news site that stamps the page on every edit, and a portal with a "Modified" line.
    CHECK(pub("Last update: June 16, 2024 13:35\n\nTroops pull back in Karabakh\n\n"
              "By Leyla Mammadova September 20, 2023\n\nThe ministry announced on Wednesday ...\n") == d(2023, 9, 20));
    CHECK(pub("Modified 02.05.2024 10:12\n\nBorder talks\n\nYEREVAN, 19 April 2024 - The commissions met on "
              "Friday.\n") == d(2024, 4, 19));
    // Without any other date the update stamp is still the best there is.
    CHECK(pub("Updated: 3 March 2023 09:00\n\nThe road stayed closed.\n") == d(2023, 3, 3));
}

TEST_CASE("a month written in capitals is the date, not a section label", "[core][document]") {
    Diagnostics diags;
    auto pub = [&](const std::string& text) { return parse_document("x.txt", text, diags).publication_date; };
    // A news site's byline block and a wire's header line.
    CHECK(pub("Clashes on the border\n\nBy A. WRITER\nPublished: SEPTEMBER 13, 2022 00:34\n\nText follows.\n") ==
          d(2022, 9, 13));
    CHECK(pub("WORLD\n\nNOVEMBER 10, 2020 / 6:15 AM\n\nText follows.\n") == d(2020, 11, 10));
}

TEST_CASE("an undated page is estimated from the latest full date, embedded posts' signatures included",
          "[core][document]") {
    Diagnostics diags;
    // A regional outlet's page with an embedded post, and a blog with a stamp line, neither dated.
    const auto page = parse_document("p.txt",
                                     "Thousands rally as the road stays closed\n"
                                     "The road has been closed since 12 December.\n"
                                     "\xE2\x80\x94 Some Agency (@some_agency) December 26, 2022\n"
                                     "Thousands gathered in the square to protest.\n",
                                     diags);
    REQUIRE(page.estimated_publication.has_value());
    CHECK(page.estimated_publication->start == d(2022, 12, 27));
    const auto blog =
        parse_document("b.txt", "Notes from the border\n\nseen 3 May 2024\n\nThe post was quiet.\n", diags);
    REQUIRE(blog.estimated_publication.has_value());
    CHECK(blog.estimated_publication->start == d(2024, 5, 4));
}

TEST_CASE("a site header's day of viewing gives way to the article's own stamp", "[core][document]") {
    Diagnostics diags;
    auto pub = [&](const std::string& text) { return parse_document("x.txt", text, diags).publication_date; };
    // An Azerbaijani English daily and a regional portal, both showing today's date above the story.
    CHECK(pub("Saturday July 27 2024\n\nArmy takes the district centre\n\n4 October 2020 16:53 (UTC+04:00)\n\n"
              "The army took the town on 4 October.\n") == d(2020, 10, 4));
    CHECK(pub("Monday, 2 December 2024\n\nNews\n\nTalks resume\n\n12.05.2023 09:10\n\nThe talks resumed.\n") ==
          d(2023, 5, 12));
    // Alone, such a line is still the best date there is; with a time it is a stamp.
    CHECK(pub("Monday, 2 December 2024\n\nTalks resume in Brussels.\n") == d(2024, 12, 2));
    CHECK(pub("Tuesday 19 September 2023 - 13:04\n\nText.\n") == d(2023, 9, 19));
}

TEST_CASE("an agency's dateline 'CITY, MONTH DAY, AGENCY.' is found without a year", "[core][document]") {
    Diagnostics diags;
    // An Armenian and an Azerbaijani agency's house style.
    const auto a = parse_document("a.txt", "YEREVAN, MAY 17, ARMENPRESS. The governor visited the village.\n", diags);
    REQUIRE(a.yearless_dateline.has_value());
    CHECK(a.yearless_dateline->month == 5);
    CHECK(a.yearless_dateline->day == 17);
    const auto b = parse_document("b.txt", "Baku, October 4, AZERTAC. The army entered the town.\n", diags);
    REQUIRE(b.yearless_dateline.has_value());
    CHECK(b.yearless_dateline->month == 10);
    CHECK(b.yearless_dateline->day == 4);
}
