// The report as one self-contained HTML page (§13): inline CSS and SVG, no script, no external
// resource; light and dark colour schemes; one column at a phone's width.

#include <pie/format/report_pictures.hpp>

#include <pie/format/goal_text.hpp>
#include <pie/format/report.hpp>
#include <pie/format/report_words.hpp>
#include <pie/format/svg.hpp>
#include <pie/format/xml.hpp>

#include <fmt/format.h>

namespace pie {

namespace {

// No quotes, '<', '>' or '&': tinyxml2 escapes them in text, and HTML reads <style> raw.
constexpr const char* k_style = R"(
:root{color-scheme:light dark;--ink:#1b1b1b;--muted:#5f5f5f;--paper:#ffffff;--faint:#c8c8c8;--track:#f0f0f0;--bar:#0072B2}
@media (prefers-color-scheme:dark){:root{--ink:#e6e6e6;--muted:#a3a3a3;--paper:#17181a;--faint:#4b4d52;--track:#2a2c30;--bar:#56B4E9}}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);font:16px/1.5 system-ui,sans-serif}
main{max-width:46rem;margin:0 auto;padding:1rem 1rem 2rem}
h1{font-size:1.6rem;line-height:1.2;margin:.5rem 0 .25rem}
h2{font-size:1.15rem;margin:1.75rem 0 .5rem}
p{margin:.25rem 0}
.muted{color:var(--muted)}
.nowrap{white-space:nowrap}
.figure{display:flex;flex-wrap:wrap;align-items:center;gap:1rem 2rem}
.chart{flex:none;width:100%;max-width:15rem;height:auto}
table{border-collapse:collapse}
td,th{padding:.15rem .4rem;text-align:right;white-space:nowrap;vertical-align:top}
.name{text-align:left;white-space:normal}
th{font-weight:600;color:var(--muted)}
.edge{stroke:var(--paper)}
.ring{stroke:var(--faint)}
.track{fill:var(--track)}
.bar{fill:var(--bar)}
ul{padding-left:1.25rem;margin:.25rem 0}
ul.goals{list-style:none;padding:0}
ul.goals li{display:grid;grid-template-columns:6.25rem 6.5rem 1fr;align-items:center;gap:.1rem .75rem;margin:.5rem 0}
@media (max-width:32rem){ul.goals li{grid-template-columns:6.25rem 1fr}.goal{grid-column:1/-1}}
)";

// An HTML element holding `text` (if any); close_empty later keeps it from being written <name/>.
tinyxml2::XMLElement* add_html(tinyxml2::XMLNode* parent, const char* name, std::string_view text = "",
                               const char* css_class = nullptr) {
    tinyxml2::XMLElement* element = add_element(parent, name);
    if (!text.empty()) add_text(element, text);
    if (css_class != nullptr) set_attribute(element, "class", css_class);
    return element;
}

// Gives every empty HTML element but <meta> an empty text, so it is written <name></name>: HTML
// reads <td/> as an open tag. Inside <svg>, <name/> is what it means.
void close_empty(tinyxml2::XMLElement* element) {
    std::string_view name = element->Name();
    if (name == "svg") return;
    if (element->NoChildren() && name != "meta") element->InsertNewText("");
    for (auto* child = element->FirstChildElement(); child != nullptr; child = child->NextSiblingElement()) {
        close_empty(child);
    }
}

// `text` in a <bdi>, so that right-to-left text in it cannot reorder what is around it.
void add_bdi(tinyxml2::XMLElement* parent, std::string_view text) { add_html(parent, "bdi", text); }

void add_swatch(tinyxml2::XMLElement* cell, int index) {
    tinyxml2::XMLElement* svg = new_svg(cell, 14, 14, false);
    set_attribute(svg, "aria-hidden", "true");
    draw_swatch(svg, 0, 0, 14, index);
}

// A chart's <svg>, drawn by `draw` into a square of 240, and its legend table.
template <typename Draw>
tinyxml2::XMLElement* add_figure(tinyxml2::XMLElement* section, std::string_view description, Draw draw) {
    tinyxml2::XMLElement* figure = add_html(section, "div", "", "figure");
    tinyxml2::XMLElement* svg = new_svg(figure, 240, 240, false);
    set_attribute(svg, "class", "chart");
    set_attribute(svg, "role", "img");
    set_attribute(svg, "aria-label", description);
    draw(svg);
    return add_html(figure, "table", "", "legend");
}

// One legend row: swatch, the slice's name (its label the tooltip), then right-aligned cells.
void add_legend_row(tinyxml2::XMLElement* table, int index, const SliceReport& slice,
                    const std::vector<std::string>& cells) {
    tinyxml2::XMLElement* row = add_html(table, "tr");
    add_swatch(add_html(row, "td"), index);
    tinyxml2::XMLElement* name = add_html(row, "td", slice.name, "name");
    set_attribute(name, "title", slice.label);
    for (const std::string& cell : cells) add_html(row, "td", cell);
}

void add_header_row(tinyxml2::XMLElement* table, const std::vector<const char*>& headings) {
    tinyxml2::XMLElement* row = add_html(table, "tr");
    add_html(row, "th");
    add_html(row, "th", "slice", "name");
    for (const char* heading : headings) add_html(row, "th", heading);
}

void add_attention(tinyxml2::XMLElement* main, const Report& report, const ReportCharts& charts) {
    tinyxml2::XMLElement* section = add_html(main, "section");
    add_html(section, "h2", "Where your attention went");
    tinyxml2::XMLElement* table = add_figure(section, "Attention pie", [&](tinyxml2::XMLElement* svg) {
        draw_pie(svg, 120, 120, 116, charts.shares, charts.pie_titles);
    });
    add_header_row(table, {report.basis == Basis::count ? "entries" : "time", "share"});
    for (std::size_t i = 0; i < report.slices.size(); ++i) {
        const SliceReport& slice = report.slices[i];
        add_legend_row(table, static_cast<int>(i), slice, {time_cell(report, slice), percent(slice.share)});
    }
}

void add_feeling(tinyxml2::XMLElement* main, const Report& report, const ReportCharts& charts) {
    tinyxml2::XMLElement* section = add_html(main, "section");
    add_html(section, "h2", "How each slice feels");
    tinyxml2::XMLElement* table = add_figure(section, "Satisfaction wheel", [&](tinyxml2::XMLElement* svg) {
        draw_wheel(svg, 120, 120, 116, charts.ratings, charts.wheel_titles);
    });
    add_header_row(table, {"rating", "change"});
    for (std::size_t i = 0; i < report.slices.size(); ++i) {
        const SliceReport& slice = report.slices[i];
        add_legend_row(table, static_cast<int>(i), slice, {rating_cell(slice), change_cell(slice)});
    }
    add_html(section, "p", average_text(report));
}

void add_balance(tinyxml2::XMLElement* main, const Report& report) {
    tinyxml2::XMLElement* section = add_html(main, "section");
    add_html(section, "h2", "Balance");
    tinyxml2::XMLElement* list = add_html(section, "ul");
    for (const std::string& finding : report_findings(report)) add_html(list, "li", finding);
}

void add_goals(tinyxml2::XMLElement* main, const Report& report) {
    tinyxml2::XMLElement* section = add_html(main, "section");
    add_html(section, "h2", "Goals");
    if (report.goals.empty()) {
        add_html(section, "p", "No goals yet: 'pie goals add SLICE TITLE' sets one.");
        return;
    }
    tinyxml2::XMLElement* list = add_html(section, "ul", "", "goals");
    for (const GoalReport& item : report.goals) {
        tinyxml2::XMLElement* entry = add_html(list, "li");
        tinyxml2::XMLElement* bar = new_svg(entry, 100, 10, false);
        set_attribute(bar, "aria-hidden", "true");
        draw_bar(bar, 0, 0, 100, 10, goal_fraction(item.goal, item.status));
        add_html(entry, "span", goal_numbers(item.goal, item.status, false));
        tinyxml2::XMLElement* words = add_html(entry, "span", item.goal.slice + ": ", "goal");
        add_bdi(words, item.goal.title);
        add_text(words, fmt::format(" ({})", goal_details(item)));
    }
}

}  // namespace

std::string render_html(const Report& report) {
    tinyxml2::XMLDocument document;
    document.InsertEndChild(document.NewUnknown("DOCTYPE html"));
    tinyxml2::XMLElement* html = add_element(&document, "html");
    set_attribute(html, "lang", "en");
    tinyxml2::XMLElement* head = add_element(html, "head");
    set_attribute(add_element(head, "meta"), "charset", "utf-8");
    tinyxml2::XMLElement* viewport = add_element(head, "meta");
    set_attribute(viewport, "name", "viewport");
    set_attribute(viewport, "content", "width=device-width, initial-scale=1");
    tinyxml2::XMLElement* scheme = add_element(head, "meta");
    set_attribute(scheme, "name", "color-scheme");
    set_attribute(scheme, "content", "light dark");
    add_html(head, "title", title_text(report));
    add_html(head, "style", k_style);

    tinyxml2::XMLElement* main = add_html(add_html(html, "body"), "main");
    tinyxml2::XMLElement* header = add_html(main, "header");
    // "Life balance" may break from the period's label, never the label itself.
    tinyxml2::XMLElement* title = add_html(header, "h1", "Life balance ");
    add_html(title, "span", report.period.label, "nowrap");
    add_html(header, "p", dates_text(report.period), "muted");
    add_html(header, "p", totals_text(report));

    ReportCharts charts = report_charts(report);
    add_attention(main, report, charts);
    add_feeling(main, report, charts);
    add_balance(main, report);
    add_goals(main, report);
    close_empty(html);
    return print_xml(document);
}

}  // namespace pie
