#include <doctest/doctest.h>

#include <pie/format/svg.hpp>
#include <pie/format/trend_svg.hpp>

#include <tinyxml2.h>

#include <algorithm>
#include <string>

// Unit tests of the trend picture (§10, §13): lines broken at nulls, period labels that do not
// touch, small multiples in the slices' colours, user text as text.

namespace {

std::vector<const tinyxml2::XMLElement*> named(const tinyxml2::XMLElement* element, std::string_view name) {
    std::vector<const tinyxml2::XMLElement*> found;
    for (auto* child = element->FirstChildElement(); child != nullptr; child = child->NextSiblingElement()) {
        if (name == child->Name()) found.push_back(child);
        auto deeper = named(child, name);
        found.insert(found.end(), deeper.begin(), deeper.end());
    }
    return found;
}

pie::TrendData sample(std::size_t slices) {
    pie::TrendData trend;
    trend.title = "Life balance, 2026-W44 to 2026-W47";
    trend.periods = {"2026-W44", "2026-W45", "2026-W46", "2026-W47"};
    trend.balance = {70, std::nullopt, 82, 90};
    for (std::size_t i = 0; i < slices; ++i) {
        trend.slices.push_back(
            {"s" + std::to_string(i), "<b>bold</b> & \x02", {0.1, 0.2, std::nullopt, 0.45}, static_cast<int>(i)});
    }
    return trend;
}

}  // namespace

TEST_CASE("line_runs: one point per period, broken where a value is null") {
    auto runs = pie::line_runs({0.0, 0.5, std::nullopt, 1.0, 0.25}, 1.0, 10, 20, 400, 100);
    REQUIRE(runs.size() == 2);
    REQUIRE(runs[0].size() == 2);
    CHECK(runs[0][0].x == 10);
    CHECK(runs[0][0].y == 120);  // 0 at the bottom
    CHECK(runs[0][1].x == 110);
    CHECK(runs[0][1].y == 70);
    REQUIRE(runs[1].size() == 2);
    CHECK(runs[1][0].x == 310);
    CHECK(runs[1][0].y == 20);  // the top at the top
    CHECK(runs[1][1].y == 95);
    auto single = pie::line_runs({0.5}, 1.0, 0, 0, 100, 100);
    REQUIRE(single.size() == 1);
    CHECK(single[0][0].x == 50);
    CHECK(pie::line_runs({std::nullopt, std::nullopt}, 1.0, 0, 0, 100, 100).empty());
}

TEST_CASE("shown_labels: all when there is room, else every k-th and always the last") {
    std::vector<std::string> four = {"2026-W44", "2026-W45", "2026-W46", "2026-W47"};
    CHECK(pie::shown_labels(four, 600) == std::vector<std::size_t>{0, 1, 2, 3});
    CHECK(pie::shown_labels(four, 150) == std::vector<std::size_t>{0, 3});
    std::vector<std::string> many;
    for (int i = 1; i <= 52; ++i) many.push_back("2026-W" + std::to_string(i));
    auto shown = pie::shown_labels(many, 600);
    REQUIRE(shown.size() > 2);
    CHECK(shown.front() == 0);
    CHECK(shown.back() == 51);
    for (std::size_t i = 1; i < shown.size(); ++i) {
        // one and a half labels of 8 columns of 7 px between two labels' positions
        CHECK(static_cast<double>(shown[i] - shown[i - 1]) * 600 / 51 >= 1.5 * 70);
    }
    CHECK(pie::shown_labels({}, 600).empty());
    CHECK(pie::shown_labels({"2026-11"}, 100) == std::vector<std::size_t>{0});
}

TEST_CASE("share_top: the largest share rounded up to 10%, at least 10%") {
    CHECK(pie::share_top(sample(1)) == doctest::Approx(0.5));
    pie::TrendData none = sample(1);
    none.slices[0].shares = {0.0, std::nullopt, 0.0, 0.0};
    CHECK(pie::share_top(none) == doctest::Approx(0.1));
    none.slices[0].shares = {0.0, 0.3, 0.0, 0.0};
    CHECK(pie::share_top(none) == doctest::Approx(0.3));
}

TEST_CASE("render_trend_svg: the balance line and one small multiple per slice in its colour") {
    std::string svg = pie::render_trend_svg(sample(9));
    tinyxml2::XMLDocument document;
    REQUIRE(document.Parse(svg.c_str()) == tinyxml2::XML_SUCCESS);
    const auto* root = document.RootElement();
    CHECK(std::string(root->Attribute("viewBox")) == "0 0 720 " + std::string(root->Attribute("height")));
    CHECK(std::string(root->FirstChildElement("title")->GetText()) == "Life balance, 2026-W44 to 2026-W47");
    auto lines = named(root, "polyline");
    // The balance: 70 | 82, 90; each slice: 0.1, 0.2 | 0.45 (one point alone is a dot, no line).
    REQUIRE(lines.size() == 1 + 9);
    for (std::size_t i = 1; i < lines.size(); ++i) {
        CHECK(std::string(lines[i]->Attribute("stroke")) == pie::slice_colour(static_cast<int>(i - 1)));
        CHECK((lines[i]->Attribute("stroke-dasharray") != nullptr) == pie::striped(static_cast<int>(i - 1)));
    }
    CHECK(svg.find("<b>") == std::string::npos);
    CHECK(svg.find("&lt;b&gt;bold&lt;/b&gt; &amp; ?") != std::string::npos);
    CHECK(svg == pie::render_trend_svg(sample(9)));
    CHECK(svg.find(">2026-W45<") != std::string::npos);
    // A slice's colour is the one it was given (its place in the report), not its place here.
    pie::TrendData moved = sample(1);
    moved.slices[0].colour = 3;
    tinyxml2::XMLDocument other;
    REQUIRE(other.Parse(pie::render_trend_svg(moved).c_str()) == tinyxml2::XML_SUCCESS);
    CHECK(std::string(named(other.RootElement(), "polyline").at(1)->Attribute("stroke")) == pie::slice_colour(3));
}

TEST_CASE("render_trend_svg: the words, the notes, and a long name squeezed into its cell") {
    pie::TrendData trend = sample(2);
    trend.subtitle = "4 weeks, shares of minutes.";
    trend.balance_note = "first 70, last 90, low 70, high 90";
    trend.notes = {"In the 6 weeks with more s0 time you rated s0 6.5 on average; in the other 6, 3.8."};
    trend.slices[1].name = std::string(32, 'w');
    std::string svg = pie::render_trend_svg(trend);
    tinyxml2::XMLDocument document;
    REQUIRE(document.Parse(svg.c_str()) == tinyxml2::XML_SUCCESS);
    std::vector<std::string> texts;
    const tinyxml2::XMLElement* squeezed = nullptr;
    for (const auto* text : named(document.RootElement(), "text")) {
        texts.emplace_back(text->GetText() != nullptr ? text->GetText() : "");
        if (texts.back() == trend.slices[1].name) squeezed = text;
    }
    for (const std::string& words : {trend.subtitle, trend.balance_note, trend.notes[0]}) {
        CHECK(std::find(texts.begin(), texts.end(), words) != texts.end());
    }
    REQUIRE(squeezed != nullptr);
    CHECK(std::string(squeezed->Attribute("lengthAdjust")) == "spacingAndGlyphs");
    CHECK(std::stod(squeezed->Attribute("textLength")) < 720.0 / 3);
}

TEST_CASE("draw_share_chart: dots only where the periods leave room for them") {
    pie::TrendData trend;
    for (int i = 0; i < 104; ++i) {
        trend.periods.push_back("2026-W" + std::to_string(i));
        trend.balance.emplace_back(50);
    }
    trend.slices.push_back({"a", "A", std::vector<std::optional<double>>(104, 0.5), 0});
    trend.slices[0].shares[50] = std::nullopt;
    trend.slices[0].shares[52] = std::nullopt;  // 51 is a value alone: it keeps its dot
    tinyxml2::XMLDocument document;
    auto* group = document.NewElement("g");
    document.InsertEndChild(group);
    pie::draw_share_chart(group, trend, 0, 0, 0, 300, 140);
    CHECK(named(group, "polyline").size() == 2);
    CHECK(named(group, "circle").size() == 1);
    trend.periods.resize(4);
    trend.slices[0].shares = {0.1, 0.2, 0.3, 0.4};
    auto* few = document.NewElement("g");
    document.InsertEndChild(few);
    pie::draw_share_chart(few, trend, 0, 0, 0, 300, 140);
    CHECK(named(few, "circle").size() == 4);
}

TEST_CASE("draw_balance_chart: its ink and muted text carry the classes a dark page recolours") {
    tinyxml2::XMLDocument document;
    auto* group = document.NewElement("g");
    document.InsertEndChild(group);
    pie::draw_balance_chart(group, sample(0), 0, 0, 360, 190);
    CHECK(named(group, "rect").empty());  // the page is the background
    auto lines = named(group, "polyline");
    REQUIRE(lines.size() == 1);
    CHECK(std::string(lines[0]->Attribute("class")) == "ink-stroke");
    for (const auto* dot : named(group, "circle")) CHECK(std::string(dot->Attribute("class")) == "ink-fill");
    for (const auto* text : named(group, "text")) CHECK(std::string(text->Attribute("class")) == "muted");
}
