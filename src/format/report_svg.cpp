// The report as one standalone SVG document (§13).

#include <pie/format/report_pictures.hpp>

#include <pie/format/goal_text.hpp>
#include <pie/format/report.hpp>
#include <pie/format/report_words.hpp>
#include <pie/format/svg.hpp>
#include <pie/format/xml.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace pie {

namespace {

constexpr double k_width = 720;   // of the whole picture
constexpr double k_margin = 24;   // around it
constexpr double k_radius = 110;  // of both charts
constexpr double k_legend_x = k_margin + 2 * k_radius + 40;
constexpr double k_row = 24;         // legend rows
constexpr double k_line = 20;        // lines of text
constexpr double k_char = 7.2;       // a generous width of one column of 14px text
constexpr int k_text_columns = 93;   // (k_width - 2 * k_margin) / k_char
constexpr double k_bar_width = 100;  // goal bars
constexpr double k_goal_text_x = k_margin + 230;

// Text drawn at (x, y) in the given size and colour; `anchor` "end" right-aligns it.
tinyxml2::XMLElement* add_label(tinyxml2::XMLElement* parent, double x, double y, std::string_view text,
                                double size = 14, std::string_view fill = k_ink, std::string_view anchor = "") {
    tinyxml2::XMLElement* element = add_element(parent, "text");
    set_attribute(element, "x", svg_number(x));
    set_attribute(element, "y", svg_number(y));
    if (size != 14) set_attribute(element, "font-size", svg_number(size));
    if (fill != k_ink) set_attribute(element, "fill", fill);
    if (!anchor.empty()) set_attribute(element, "text-anchor", anchor);
    add_text(element, text);
    return element;
}

tinyxml2::XMLElement* add_heading(tinyxml2::XMLElement* parent, double y, std::string_view text) {
    tinyxml2::XMLElement* heading = add_label(parent, k_margin, y, text, 17);
    set_attribute(heading, "font-weight", "bold");
    return heading;
}

// Lines of `text` wrapped to `columns`, one <text> each from y on; the y after the last one.
double add_paragraph(tinyxml2::XMLElement* parent, double x, double y, std::string_view text, int columns,
                     std::string_view first = "", std::string_view next = "") {
    for (const std::string& line : wrap(text, columns, first, next, false)) {
        add_label(parent, x, y, line);
        y += k_line;
    }
    return y;
}

// One legend: a swatch and the slice's name, then right-aligned columns, one row per slice,
// centred beside a chart whose top is `top`; the y below both.
double add_legend(tinyxml2::XMLElement* parent, double top, const std::vector<std::vector<std::string>>& rows) {
    std::vector<double> widths;
    for (const auto& row : rows) {
        widths.resize(std::max(widths.size(), row.size()), 0);
        for (std::size_t i = 0; i < row.size(); ++i) {
            widths[i] = std::max(widths[i], k_char * display_width(xml_text(row[i])));
        }
    }
    double height = static_cast<double>(rows.size()) * k_row;
    double y = top + std::max(0.0, k_radius - height / 2);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        draw_swatch(parent, k_legend_x, y + 4, 14, static_cast<int>(r));
        double x = k_legend_x + 22;
        for (std::size_t i = 0; i < rows[r].size(); ++i) {
            if (i == 0) {
                add_label(parent, x, y + 16, rows[r][i]);
                x += widths[0];
            } else {
                x += 24 + std::max(widths[i], 3 * k_char);
                if (!rows[r][i].empty()) add_label(parent, x, y + 16, rows[r][i], 14, k_ink, "end");
            }
        }
        y += k_row;
    }
    return std::max(top + 2 * k_radius, y) + 12;
}

// A goal in lines of at most `columns`: "slice: title (details)" as the text report has it, the
// title's part of each line isolated, so right-to-left text in it cannot reorder the rest.
std::vector<std::string> goal_lines(const GoalReport& item, int columns) {
    std::string prefix = item.goal.slice + ": ";
    std::string details = fmt::format("({})", goal_details(item));
    std::vector<std::string> lines =
        wrap(xml_text(item.goal.title), columns, std::string(prefix.size(), ' '), "", false);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string_view title = lines[i];
        if (i == 0) title.remove_prefix(prefix.size());
        lines[i] = (i == 0 ? prefix : "") + isolated(title);
    }
    if (display_width(lines.back()) + 1 + display_width(details) <= columns) {
        lines.back() += " " + details;
    } else {
        lines.push_back(details);
    }
    return lines;
}

}  // namespace

ReportCharts report_charts(const Report& report) {
    ReportCharts charts;
    for (const SliceReport& slice : report.slices) {
        std::string who = fmt::format("{} ({})", isolated(slice.label), slice.name);
        charts.shares.push_back(slice.share);
        charts.ratings.push_back(slice.rating);
        charts.pie_titles.push_back(fmt::format("{}: {}, {}", who, time_cell(report, slice), percent(slice.share)));
        charts.wheel_titles.push_back(fmt::format("{}: {}", who, rating_cell(slice)));
    }
    return charts;
}

std::string render_svg(const Report& report) {
    tinyxml2::XMLDocument document;
    document.InsertEndChild(document.NewDeclaration());
    // The height is known only at the end; set it then.
    tinyxml2::XMLElement* svg = new_svg(&document, k_width, 0, true);
    set_attribute(svg, "font-family", "DejaVu Sans, Verdana, sans-serif");
    set_attribute(svg, "font-size", "14");
    set_attribute(svg, "fill", k_ink);
    add_text_element(svg, "title", fmt::format("{}: {}", title_text(report), dates_text(report.period)));
    tinyxml2::XMLElement* background = add_element(svg, "rect");
    set_attribute(background, "width", "100%");
    set_attribute(background, "height", "100%");
    set_attribute(background, "fill", k_paper);

    ReportCharts charts = report_charts(report);
    tinyxml2::XMLElement* title = add_label(svg, k_margin, 44, title_text(report), 24);
    set_attribute(title, "font-weight", "bold");
    add_label(svg, k_margin, 70, dates_text(report.period), 14, k_muted);
    double y = add_paragraph(svg, k_margin, 90, totals_text(report), k_text_columns);

    std::vector<std::vector<std::string>> attention;
    std::vector<std::vector<std::string>> feeling;
    for (const SliceReport& slice : report.slices) {
        attention.push_back({slice.name, time_cell(report, slice), percent(slice.share)});
        feeling.push_back({slice.name, rating_cell(slice), change_cell(slice)});
    }
    add_heading(svg, y + 28, "Where your attention went");
    y += 48;
    draw_pie(svg, k_margin + k_radius, y + k_radius, k_radius, charts.shares, charts.pie_titles);
    y = add_legend(svg, y, attention);

    add_heading(svg, y + 28, "How each slice feels");
    y += 48;
    draw_wheel(svg, k_margin + k_radius, y + k_radius, k_radius, charts.ratings, charts.wheel_titles);
    y = add_legend(svg, y, feeling);
    y = add_paragraph(svg, k_margin, y + 16, average_text(report), k_text_columns);

    add_heading(svg, y + 28, "Balance");
    y += 56;
    for (const std::string& finding : report_findings(report)) {
        y = add_paragraph(svg, k_margin, y, finding, k_text_columns, "• ", "  ");
    }

    add_heading(svg, y + 28, "Goals");
    y += 56;
    if (report.goals.empty())
        y = add_paragraph(svg, k_margin, y, "No goals yet: 'pie goals add SLICE TITLE' sets one.", k_text_columns);
    for (const GoalReport& item : report.goals) {
        draw_bar(svg, k_margin, y - 10, k_bar_width, 10, goal_fraction(item.goal, item.status));
        add_label(svg, k_margin + k_bar_width + 12, y, goal_numbers(item.goal, item.status, false));
        int columns = static_cast<int>((k_width - k_margin - k_goal_text_x) / k_char);
        for (const std::string& line : goal_lines(item, columns)) {
            add_label(svg, k_goal_text_x, y, line);
            y += k_line;
        }
        y += 4;
    }
    double height = y + k_margin - k_line;
    set_attribute(svg, "height", svg_number(height));
    set_attribute(svg, "viewBox", fmt::format("0 0 {} {}", svg_number(k_width), svg_number(height)));
    return print_xml(document);
}

}  // namespace pie
