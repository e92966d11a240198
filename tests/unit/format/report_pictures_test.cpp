#include <doctest/doctest.h>

#include <pie/format/report_pictures.hpp>
#include <pie/format/svg.hpp>
#include <pie/format/xml.hpp>

#include <tinyxml2.h>

#include <set>

// Unit tests of the report as SVG and HTML (§13): well-formed, deterministic, the SVG root's
// size, wedges as arcs, the same colour for a slice everywhere, and hostile user text (labels,
// goal titles) shown as text, never markup.

namespace {

const std::string k_hostile = "<script>alert(\"x\")</script> & ]]> 'q' \x01\x1b[2J \u202e\u200fevil";

pie::SliceReport slice(std::string name, double share, std::int64_t minutes, std::optional<int> rating) {
    pie::SliceReport s;
    s.name = std::move(name);
    s.label = k_hostile;
    s.entries = minutes > 0 ? 1 : 0;
    s.minutes = minutes;
    s.share = share;
    s.rating = rating;
    return s;
}

pie::Report sample() {
    pie::Report report;
    report.period = {0, 7 * 86400, "1970-01-01..1970-01-07", "this week"};
    report.now = 7 * 86400;
    report.totals = {3, 600};
    report.slices = {slice("career", 0.5, 300, 7), slice("health", 0.3, 180, std::nullopt),
                     slice("social", 0.2, 120, 3), slice("spiritual", 0, 0, 5)};
    report.slices[0].rating_change = 2;
    report.balance = 74;
    report.hyper_focus = {"career"};
    report.neglected = {"spiritual"};
    pie::GoalReport goal;
    goal.goal.slice = "health";
    goal.goal.title = k_hostile;
    goal.goal.kind = pie::GoalKind::recurring;
    goal.goal.every = pie::PeriodKind::week;
    goal.goal.times = 2;
    goal.status.target = 2;
    goal.status.progress = 1;
    goal.status.streak = 0;
    report.goals.push_back(goal);
    return report;
}

void collect(const tinyxml2::XMLElement* element, std::vector<const tinyxml2::XMLElement*>& out) {
    out.push_back(element);
    for (auto* child = element->FirstChildElement(); child != nullptr; child = child->NextSiblingElement()) {
        collect(child, out);
    }
}

std::vector<const tinyxml2::XMLElement*> elements_of(const tinyxml2::XMLDocument& document) {
    std::vector<const tinyxml2::XMLElement*> out;
    collect(document.RootElement(), out);
    return out;
}

std::vector<const tinyxml2::XMLElement*> named(const tinyxml2::XMLDocument& document, std::string_view name) {
    std::vector<const tinyxml2::XMLElement*> out;
    for (const auto* element : elements_of(document)) {
        if (name == element->Name()) out.push_back(element);
    }
    return out;
}

// Every text anywhere in the document, concatenated.
std::string all_text(const tinyxml2::XMLNode* node) {
    std::string out;
    for (auto* child = node->FirstChild(); child != nullptr; child = child->NextSibling()) {
        if (const auto* text = child->ToText()) out += text->Value();
        out += all_text(child);
    }
    return out;
}

}  // namespace

TEST_CASE("render_svg: one well-formed SVG document with a title, a size and a viewBox") {
    std::string svg = pie::render_svg(sample());
    CHECK(svg.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0) == 0);
    tinyxml2::XMLDocument document;
    REQUIRE(document.Parse(svg.c_str()) == tinyxml2::XML_SUCCESS);
    const auto* root = document.RootElement();
    CHECK(std::string(root->Name()) == "svg");
    CHECK(std::string(root->Attribute("xmlns")) == "http://www.w3.org/2000/svg");
    CHECK(std::string(root->Attribute("width")) == "720");
    std::string height = root->Attribute("height");
    CHECK(std::string(root->Attribute("viewBox")) == "0 0 720 " + height);
    CHECK(std::stod(height) > 700);
    REQUIRE(root->FirstChildElement("title") != nullptr);
    CHECK(std::string(root->FirstChildElement("title")->GetText()).rfind("Life balance 1970-01-01..1970-01-07: ", 0) ==
          0);
    CHECK(svg == pie::render_svg(sample()));  // deterministic
}

TEST_CASE("render_svg: a wedge with an arc per share above 0 and per rated slice, in its colour") {
    tinyxml2::XMLDocument document;
    REQUIRE(document.Parse(pie::render_svg(sample()).c_str()) == tinyxml2::XML_SUCCESS);
    auto paths = named(document, "path");
    REQUIRE(paths.size() == 3 + 3);  // pie: career, health, social; wheel: career, social, spiritual
    std::vector<int> slices = {0, 1, 2, 0, 2, 3};
    for (std::size_t i = 0; i < paths.size(); ++i) {
        CHECK(std::string(paths[i]->Attribute("d")).find(" A ") != std::string::npos);
        CHECK(std::string(paths[i]->Attribute("fill")) == pie::slice_colour(slices[i]));
    }
    // Legend swatches: one per slice per legend, in the same colours.
    std::vector<std::string> swatches;
    for (const auto* rect : named(document, "rect")) {
        if (rect->Attribute("width") == std::string("14")) swatches.push_back(rect->Attribute("fill"));
    }
    REQUIRE(swatches.size() == 8);
    for (std::size_t i = 0; i < swatches.size(); ++i) CHECK(swatches[i] == pie::slice_colour(static_cast<int>(i % 4)));
}

TEST_CASE("render_svg: the header, legends, findings and goals as text") {
    tinyxml2::XMLDocument document;
    REQUIRE(document.Parse(pie::render_svg(sample()).c_str()) == tinyxml2::XML_SUCCESS);
    std::set<std::string> texts;
    for (const auto* text : named(document, "text")) {
        REQUIRE(text->GetText() != nullptr);  // no empty <text>
        texts.insert(text->GetText());
    }
    for (std::string expected :
         {"Life balance 1970-01-01..1970-01-07", "Where your attention went", "How each slice feels", "career", "5h",
          "50.0%", "not rated", "7/10", "Balance", "Goals", "1/2"}) {
        CHECK_MESSAGE(texts.count(expected) == 1, expected);
    }
    bool finding = false;
    for (const std::string& text : texts) finding = finding || text.find("balance 74/100") != std::string::npos;
    CHECK(finding);
}

TEST_CASE("render_svg and render_html: hostile labels and goal titles stay text") {
    for (const std::string& out : {pie::render_svg(sample()), pie::render_html(sample())}) {
        CHECK(out.find("<script") == std::string::npos);
        CHECK(out.find("&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; ]]&gt; 'q' ??[2J \u202e\u200fevil") !=
              std::string::npos);
        CHECK(out.find('\x01') == std::string::npos);
        CHECK(out.find('\x1b') == std::string::npos);
        tinyxml2::XMLDocument document;
        REQUIRE(document.Parse(out.c_str()) == tinyxml2::XML_SUCCESS);
        for (const auto* element : elements_of(document)) CHECK(std::string(element->Name()) != "script");
        CHECK(all_text(&document).find("<script>alert(\"x\")</script> & ]]> 'q' ??[2J") != std::string::npos);
    }
}

TEST_CASE("render_svg: a goal title is isolated, so right-to-left text in it cannot reorder the line") {
    std::string svg = pie::render_svg(sample());
    CHECK(svg.find("health: \u2068&lt;script&gt;") != std::string::npos);
}

TEST_CASE("render_svg: a long title wraps, each line's part of it isolated on its own") {
    pie::Report report = sample();
    report.goals[0].goal.title =
        "\u202e" + std::string(30, 'w') + " words that run on and on past the end of one line of the picture";
    tinyxml2::XMLDocument document;
    REQUIRE(document.Parse(pie::render_svg(report).c_str()) == tinyxml2::XML_SUCCESS);
    int isolated_lines = 0;
    for (const auto* text : named(document, "text")) {
        std::string line = text->GetText();
        auto first = line.find("\u2068");
        if (first == std::string::npos) continue;
        ++isolated_lines;
        CHECK(line.find("\u2069", first) != std::string::npos);
    }
    CHECK(isolated_lines == 2);
}

TEST_CASE("render_html: one self-contained page, light and dark, fit for a phone") {
    std::string html = pie::render_html(sample());
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
    for (std::string_view absent : {"<script", "http", "url(", "src=", "href", "@import", "<link", "<img", "<iframe"}) {
        CHECK_MESSAGE(html.find(absent) == std::string::npos, absent);
    }
    CHECK(html.find("@media (prefers-color-scheme:dark)") != std::string::npos);
    CHECK(html.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>") != std::string::npos);
    CHECK(html == pie::render_html(sample()));

    tinyxml2::XMLDocument document;
    REQUIRE(document.Parse(html.c_str()) == tinyxml2::XML_SUCCESS);
    // Both charts inline, every wedge an arc; a hostile goal title in <bdi>, labels as tooltips.
    CHECK(named(document, "svg").size() == 2 + 8 + 1);  // charts, legend swatches, a goal bar
    CHECK(named(document, "path").size() == 6);
    std::size_t hostile = 0;
    for (const auto* bdi : named(document, "bdi"))
        hostile += std::string(bdi->GetText() ? bdi->GetText() : "").find("evil") != std::string::npos;
    CHECK(hostile == 1);
    std::size_t tooltips = 0;
    for (const auto* cell : named(document, "td"))
        tooltips += cell->Attribute("title", pie::xml_text(k_hostile).c_str()) != nullptr;
    CHECK(tooltips == 8);  // the label of each slice in both legends
    // HTML reads <td/> as an open tag: only <meta> and SVG elements close themselves.
    const std::set<std::string> self_closing = {"meta", "path", "circle", "line", "rect"};
    for (std::size_t at = html.find("/>"); at != std::string::npos; at = html.find("/>", at + 2)) {
        std::size_t open = html.rfind('<', at);
        std::string name = html.substr(open + 1, html.find_first_of(" />", open) - open - 1);
        CHECK_MESSAGE(self_closing.count(name) == 1, name);
    }
    CHECK(html.find("<th></th>") != std::string::npos);
    std::string text = all_text(&document);
    for (std::string expected : {"Life balance 1970-01-01..1970-01-07", "50.0%", "not rated", "+2", "balance 74/100",
                                 "1/2", "weekly, streak 0", "Nothing logged for spiritual this week."}) {
        CHECK_MESSAGE(text.find(expected) != std::string::npos, expected);
    }
}

TEST_CASE("report_charts: shares, ratings and tooltips in pie order, labels isolated") {
    auto charts = pie::report_charts(sample());
    CHECK(charts.shares == std::vector<double>{0.5, 0.3, 0.2, 0});
    CHECK(charts.ratings[1] == std::nullopt);
    CHECK(charts.pie_titles[0] == "\u2068" + k_hostile + "\u2069 (career): 5h, 50.0%");
    CHECK(charts.wheel_titles[1] == "\u2068" + k_hostile + "\u2069 (health): not rated");
}
