#include <doctest/doctest.h>

#include <pie/format/page.hpp>
#include <pie/format/svg.hpp>

#include <tinyxml2.h>

#include <string>

// Unit tests of the HTML page frame (§13): the head every page shares, empty elements written so
// HTML reads them, legend rows with the slice's swatch, user text as text.

TEST_CASE("new_page and print_page: the head, the style, and empty elements closed for HTML") {
    tinyxml2::XMLDocument document;
    tinyxml2::XMLElement* main = pie::new_page(document, "<b>title</b>", ".own{color:red}\n");
    pie::add_page_header(main, "Trend by week, ", "2026-W46 to 2026-W48", {"3 weeks.", "more"});
    tinyxml2::XMLElement* table = pie::add_html(main, "table");
    pie::add_legend_head(table, {"total"});
    pie::add_legend_row(table, 9, "career", "<i>Career</i>", {"3h"});
    std::string html = pie::print_page(document);
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    CHECK(html.find("<title>&lt;b&gt;title&lt;/b&gt;</title>") != std::string::npos);
    CHECK(html.find("<meta charset=\"utf-8\"/>") != std::string::npos);
    CHECK(html.find("<meta name=\"color-scheme\" content=\"light dark\"/>") != std::string::npos);
    CHECK(html.find("prefers-color-scheme:dark") < html.find(".own{color:red}"));  // the page's own rules last
    CHECK(html.find("<th></th>") != std::string::npos);
    CHECK(html.find("<th/>") == std::string::npos);
    CHECK(html.find("<h1>Trend by week, <span class=\"nowrap\">2026-W46 to 2026-W48</span>") != std::string::npos);
    CHECK(html.find("<p class=\"muted\">3 weeks.</p>") != std::string::npos);
    CHECK(html.find("<p>more</p>") != std::string::npos);
    CHECK(html.find("title=\"&lt;i&gt;Career&lt;/i&gt;\"") != std::string::npos);
    // The ninth slice's swatch: its colour, striped.
    CHECK(html.find(std::string("fill=\"") + std::string(pie::slice_colour(9)) + "\"") != std::string::npos);
    CHECK(html.find("<line") != std::string::npos);
    tinyxml2::XMLDocument parsed;
    CHECK(parsed.Parse(html.c_str()) == tinyxml2::XML_SUCCESS);
}
