// Fuzz target: user text in pictures (§13). Any bytes as slice labels, goal titles and trend
// labels go through the SVG and HTML renderers; the output always parses as XML (tinyxml2), every
// element is one the renderer writes, as many of each as for harmless text (nothing injected),
// and a label reads back exactly as xml_text shows it.

#include "fuzz.hpp"

#include <pie/format/report_pictures.hpp>
#include <pie/format/trend_svg.hpp>
#include <pie/format/xml.hpp>

#include <tinyxml2.h>

#include <map>
#include <set>
#include <string>

namespace {

const std::set<std::string> k_allowed = {"svg",      "title", "rect", "text",    "g",     "path",  "circle", "line",
                                         "polyline", "html",  "head", "meta",    "style", "body",  "main",   "header",
                                         "h1",       "h2",    "p",    "section", "div",   "table", "tr",     "th",
                                         "td",       "bdi",   "span", "ul",      "li"};

void count(const tinyxml2::XMLElement* element, std::map<std::string, int>& names) {
    std::string name = element->Name();
    pie::fuzz::require(k_allowed.count(name) == 1);
    if (name != "text") ++names[name];  // SVG text lines follow the wrapping of the text
    for (auto* child = element->FirstChildElement(); child != nullptr; child = child->NextSiblingElement()) {
        count(child, names);
    }
}

// The elements of a document that must parse, by name.
std::map<std::string, int> elements(const std::string& xml) {
    tinyxml2::XMLDocument document;
    pie::fuzz::require(document.Parse(xml.c_str(), xml.size()) == tinyxml2::XML_SUCCESS);
    std::map<std::string, int> names;
    count(document.RootElement(), names);
    return names;
}

pie::Report report_of(const std::string& label, const std::string& title) {
    pie::Report report;
    report.period = {0, 86400, "1970-01-01", "today"};
    report.totals = {2, 90};
    for (const char* name : {"career", "health"}) {
        pie::SliceReport slice;
        slice.name = name;
        slice.label = label;
        slice.entries = 1;
        slice.minutes = 45;
        slice.share = 0.5;
        slice.rating = 6;
        report.slices.push_back(slice);
    }
    report.balance = 100;
    pie::GoalReport goal;
    goal.goal.slice = "career";
    goal.goal.title = title;
    report.goals.push_back(goal);
    return report;
}

pie::TrendData trend_of(const std::string& label, const std::string& period) {
    pie::TrendData trend;
    trend.title = label;
    trend.periods = {period, "2026-W47"};
    trend.balance = {50, std::nullopt};
    trend.slices.push_back({"career", label, {0.5, 0.25}});
    return trend;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string text(pie::fuzz::text_of(data, size));
    std::string label = text.substr(0, text.size() / 2);
    std::string title = text.substr(text.size() / 2);

    static const auto svg_names = elements(pie::render_svg(report_of("x", "x")));
    static const auto html_names = elements(pie::render_html(report_of("x", "x")));
    static const auto trend_names = elements(pie::render_trend_svg(trend_of("x", "x")));
    pie::Report report = report_of(label, title);
    std::string svg = pie::render_svg(report);
    pie::fuzz::require(elements(svg) == svg_names);
    pie::fuzz::require(elements(pie::render_html(report)) == html_names);
    pie::fuzz::require(elements(pie::render_trend_svg(trend_of(label, title))) == trend_names);

    // The first wedge's tooltip starts with the label, isolated, exactly as xml_text shows it.
    tinyxml2::XMLDocument document;
    document.Parse(svg.c_str(), svg.size());
    const tinyxml2::XMLElement* group = document.RootElement()->FirstChildElement("g");
    pie::fuzz::require(group != nullptr);
    const char* tooltip = group->FirstChildElement("path")->FirstChildElement("title")->GetText();
    pie::fuzz::require(std::string(tooltip).starts_with(pie::xml_text(pie::isolated(label)) + " (career)"));
    return 0;
}
