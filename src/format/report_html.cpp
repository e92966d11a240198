// The report as one self-contained HTML page (§13): inline CSS and SVG, no script, no external
// resource; light and dark colour schemes; one column at a phone's width.

#include <pie/format/report_pictures.hpp>

#include <pie/format/goal_text.hpp>
#include <pie/format/page.hpp>
#include <pie/format/report.hpp>
#include <pie/format/report_words.hpp>
#include <pie/format/svg.hpp>
#include <pie/format/xml.hpp>

#include <fmt/format.h>

namespace pie {

namespace {

// The report's own style, after the page's (no quotes, '<', '>' or '&').
constexpr const char* k_style = R"(.figure{display:flex;flex-wrap:wrap;align-items:center;gap:1rem 2rem}
.chart{flex:none;width:100%;max-width:15rem;height:auto}
ul{padding-left:1.25rem;margin:.25rem 0}
ul.goals{list-style:none;padding:0}
ul.goals li{display:grid;grid-template-columns:6.25rem 6.5rem 1fr;align-items:center;gap:.1rem .75rem;margin:.5rem 0}
@media (max-width:32rem){ul.goals li{grid-template-columns:6.25rem 1fr}.goal{grid-column:1/-1}}
)";

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

void add_attention(tinyxml2::XMLElement* main, const Report& report, const ReportCharts& charts) {
    tinyxml2::XMLElement* section = add_html(main, "section");
    add_html(section, "h2", "Where your attention went");
    tinyxml2::XMLElement* table = add_figure(section, "Attention pie", [&](tinyxml2::XMLElement* svg) {
        draw_pie(svg, 120, 120, 116, charts.shares, charts.pie_titles);
    });
    add_legend_head(table, {report.basis == Basis::count ? "entries" : "time", "share"});
    for (std::size_t i = 0; i < report.slices.size(); ++i) {
        const SliceReport& slice = report.slices[i];
        add_legend_row(table, static_cast<int>(i), slice.name, slice.label,
                       {time_cell(report, slice), percent(slice.share)});
    }
}

void add_feeling(tinyxml2::XMLElement* main, const Report& report, const ReportCharts& charts) {
    tinyxml2::XMLElement* section = add_html(main, "section");
    add_html(section, "h2", "How each slice feels");
    tinyxml2::XMLElement* table = add_figure(section, "Satisfaction wheel", [&](tinyxml2::XMLElement* svg) {
        draw_wheel(svg, 120, 120, 116, charts.ratings, charts.wheel_titles);
    });
    add_legend_head(table, {"rating", "change"});
    for (std::size_t i = 0; i < report.slices.size(); ++i) {
        const SliceReport& slice = report.slices[i];
        add_legend_row(table, static_cast<int>(i), slice.name, slice.label, {rating_cell(slice), change_cell(slice)});
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
    tinyxml2::XMLElement* main = new_page(document, title_text(report), k_style);
    add_page_header(main, "Life balance ", report.period.label, {dates_text(report.period), totals_text(report)});
    ReportCharts charts = report_charts(report);
    add_attention(main, report, charts);
    add_feeling(main, report, charts);
    add_balance(main, report);
    add_goals(main, report);
    return print_page(document);
}

}  // namespace pie
