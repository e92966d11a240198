#include <doctest/doctest.h>

#include "support.hpp"

#include <pie/format/svg.hpp>
#include <pie/format/trend_pictures.hpp>
#include <pie/format/xml.hpp>

#include <tinyxml2.h>

#include <string>
#include <vector>

// Unit tests of the trend as SVG and HTML (§10, §13): the words and numbers the charts get from a
// Trend, each slice in the colour the report gives it, a page with everything the text trend
// shows, and hostile labels as text, never markup.

namespace {

const std::string k_hostile = "<script>alert(\"x\")</script> & ]]> 'q' \x01\x1b[2J \u202e\u200fevil";

pie::TrendSlice slice(std::string name, std::vector<double> share, std::vector<std::optional<int>> rating, int colour) {
    pie::TrendSlice s;
    s.name = std::move(name);
    s.label = k_hostile;
    s.entries = {1, 2, 1};
    s.minutes = {60, 120, 0};
    s.share = std::move(share);
    s.rating = std::move(rating);
    s.colour = colour;
    return s;
}

pie::Trend sample() {
    using pie::test::utc_time;
    pie::Trend trend;
    trend.unit = pie::PeriodKind::week;
    const char* labels[] = {"2026-W46", "2026-W47", "2026-W48"};
    for (int i = 0; i < 3; ++i) {
        pie::TrendPeriod period;
        period.period = {utc_time(2026, 11, 8 + 7 * i, 23), utc_time(2026, 11, 15 + 7 * i, 23), labels[i], ""};
        period.totals = {3, 180};
        period.balance = i == 1 ? std::nullopt : std::optional<int>(60 + i);
        trend.periods.push_back(period);
    }
    trend.slices = {slice("career", {0.5, 0.75, 1}, {std::nullopt, 7, 5}, 0),
                    slice("social", {0.5, 0.25, 0}, {std::nullopt, std::nullopt, std::nullopt}, 2)};
    return trend;
}

void collect(const tinyxml2::XMLElement* element, std::string_view name,
             std::vector<const tinyxml2::XMLElement*>& out) {
    if (name == element->Name()) out.push_back(element);
    for (auto* child = element->FirstChildElement(); child != nullptr; child = child->NextSiblingElement()) {
        collect(child, name, out);
    }
}

std::vector<const tinyxml2::XMLElement*> named(const tinyxml2::XMLDocument& document, std::string_view name) {
    std::vector<const tinyxml2::XMLElement*> out;
    collect(document.RootElement(), name, out);
    return out;
}

std::string text_of(const tinyxml2::XMLElement* element) {
    return element->GetText() != nullptr ? element->GetText() : "";
}

}  // namespace

TEST_CASE("trend_data: the trend's words, labels, balance, shares and colours") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    pie::TrendData data = pie::trend_data(sample());
    CHECK(data.title == "Trend by week, 2026-W46 to 2026-W48");
    CHECK(data.subtitle == "3 weeks, shares of minutes.");
    CHECK(data.balance_note == "first 60, last 62, low 60, high 62");
    CHECK(data.periods == std::vector<std::string>{"2026-W46", "2026-W47", "2026-W48"});
    CHECK(data.balance == std::vector<std::optional<int>>{60, std::nullopt, 62});
    REQUIRE(data.slices.size() == 2);
    CHECK(data.slices[1].name == "social");
    CHECK(data.slices[1].label == k_hostile);
    CHECK(data.slices[1].colour == 2);
    CHECK(data.slices[0].shares == std::vector<std::optional<double>>{0.5, 0.75, 1.0});
    CHECK(data.notes.empty());
}

TEST_CASE("render_svg of a trend: a standalone document, each slice's line in its report colour") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    std::string svg = pie::render_svg(sample());
    CHECK(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
    tinyxml2::XMLDocument document;
    REQUIRE(document.Parse(svg.c_str()) == tinyxml2::XML_SUCCESS);
    const auto* root = document.RootElement();
    CHECK(std::string(root->Attribute("xmlns")) == "http://www.w3.org/2000/svg");
    CHECK(std::string(root->Attribute("viewBox")) == "0 0 720 " + std::string(root->Attribute("height")));
    CHECK(text_of(root->FirstChildElement("title")) == "Trend by week, 2026-W46 to 2026-W48");
    auto lines = named(document, "polyline");
    REQUIRE(lines.size() == 2);  // the balance has no line (60 | 62), each slice one
    CHECK(std::string(lines[0]->Attribute("stroke")) == pie::slice_colour(0));
    CHECK(std::string(lines[1]->Attribute("stroke")) == pie::slice_colour(2));
    CHECK(svg == pie::render_svg(sample()));
}

TEST_CASE("render_html of a trend: one self-contained page, light and dark, with both tables") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    std::string html = pie::render_html(sample());
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    for (std::string_view absent : {"<script", "http", "url(", "src=", "href", "@import", "<link", "<img", "<iframe"}) {
        CHECK_MESSAGE(html.find(absent) == std::string::npos, absent);
    }
    CHECK(html.find("@media (prefers-color-scheme:dark)") != std::string::npos);
    CHECK(html.find("<td></td>") == std::string::npos);  // swatch cells hold their <svg>
    CHECK(html.find("<th></th>") != std::string::npos);  // HTML reads <th/> as an open tag
    CHECK(html == pie::render_html(sample()));

    tinyxml2::XMLDocument document;
    REQUIRE(document.Parse(html.c_str()) == tinyxml2::XML_SUCCESS);
    CHECK(text_of(named(document, "title").at(0)) == "Trend by week, 2026-W46 to 2026-W48");
    // Charts: the balance at two widths and one per slice; swatches: per slice in chart and table.
    std::size_t charts = 0;
    for (const auto* svg : named(document, "svg")) charts += svg->Attribute("role", "img") != nullptr;
    CHECK(charts == 2 + 2);
    std::vector<std::string> cells;
    for (const auto* cell : named(document, "td")) cells.push_back(text_of(cell));
    // The slices' table: swatch, name, share, this week, total, ratings; then the weeks'.
    std::vector<std::string> career(cells.begin() + 1, cells.begin() + 6);
    CHECK(career == std::vector<std::string>{"career", "\u2585\u2586\u2588", "-", "3h", " \u2586\u2584"});
    std::vector<std::string> social(cells.begin() + 7, cells.begin() + 12);
    CHECK(social == std::vector<std::string>{"social", "\u2588\u2585\u2581", "-", "3h", "not rated"});
    std::vector<std::string> week(cells.begin() + 12, cells.begin() + 17);
    CHECK(week == std::vector<std::string>{"2026-W46", "2026-11-09", "3", "3h", "60"});
    CHECK(cells.at(21) == "-");  // W47 has no balance score
    // A sparkline's blank is a period without a value: the page keeps it.
    CHECK(html.find("td.spark{font-family:monospace;line-height:1.2;white-space:pre}") != std::string::npos);
}

TEST_CASE("render_svg and render_html of a trend: hostile labels stay text") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    for (const std::string& out : {pie::render_svg(sample()), pie::render_html(sample())}) {
        CHECK(out.find("<script") == std::string::npos);
        CHECK(out.find("&lt;script&gt;alert(") != std::string::npos);
        CHECK(out.find('\x01') == std::string::npos);
        CHECK(out.find('\x1b') == std::string::npos);
        tinyxml2::XMLDocument document;
        REQUIRE(document.Parse(out.c_str()) == tinyxml2::XML_SUCCESS);
        CHECK(named(document, "script").empty());
        std::size_t shown = 0;  // as a tooltip (<title> in SVG, a title attribute in HTML)
        for (const auto* title : named(document, "title")) shown += text_of(title).find("evil") != std::string::npos;
        for (const auto* span : named(document, "span"))
            shown += span->Attribute("title", pie::xml_text(k_hostile).c_str()) != nullptr;
        for (const auto* cell : named(document, "td"))
            shown += cell->Attribute("title", pie::xml_text(k_hostile).c_str()) != nullptr;
        CHECK(shown >= 2);
    }
}
