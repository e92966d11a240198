#include <pie/format/trend_svg.hpp>

#include <pie/format/svg.hpp>
#include <pie/format/xml.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace pie {

namespace {

constexpr double k_width = 720;
constexpr double k_margin = 24;
constexpr double k_axis = 40;  // room left of a plot for its scale
constexpr double k_char = 7;   // a generous width of one column of 12px text
constexpr double k_balance_height = 160;
constexpr int k_columns = 3;           // small multiples per row
constexpr double k_cell_height = 150;  // one small multiple, title and labels included
constexpr double k_cell_plot = 90;     // its plot

tinyxml2::XMLElement* add_text_at(tinyxml2::XMLElement* parent, double x, double y, std::string_view text,
                                  std::string_view anchor, double size, std::string_view fill) {
    tinyxml2::XMLElement* element = add_element(parent, "text");
    set_attribute(element, "x", svg_number(x));
    set_attribute(element, "y", svg_number(y));
    set_attribute(element, "font-size", svg_number(size));
    set_attribute(element, "fill", fill);
    if (fill == k_muted) set_attribute(element, "class", "muted");
    if (!anchor.empty()) set_attribute(element, "text-anchor", anchor);
    add_text(element, text);
    return element;
}

void add_rule(tinyxml2::XMLElement* parent, double x1, double x2, double y) {
    tinyxml2::XMLElement* line = add_element(parent, "line");
    set_attribute(line, "class", "ring");
    set_attribute(line, "x1", svg_number(x1));
    set_attribute(line, "x2", svg_number(x2));
    set_attribute(line, "y1", svg_number(y));
    set_attribute(line, "y2", svg_number(y));
    set_attribute(line, "stroke", k_faint);
}

// A plot: rules at 0, the middle and `top` labelled with `scale`, the values as lines (dashed
// when `dashed`, the second cue of a repeated colour) with a dot at each value, the period labels.
void add_plot(tinyxml2::XMLElement* parent, double x, double y, double width, double height,
              const std::vector<std::optional<double>>& values, double top, std::string_view colour, bool dashed,
              const std::vector<std::string>& periods, const std::vector<std::string>& scale) {
    for (std::size_t i = 0; i < scale.size(); ++i) {
        double at = y + height - height * static_cast<double>(i) / static_cast<double>(scale.size() - 1);
        add_rule(parent, x, x + width, at);
        add_text_at(parent, x - 6, at + 4, scale[i], "end", 11, k_muted);
    }
    for (const auto& run : line_runs(values, top, x, y, width, height)) {
        if (run.size() > 1) {
            std::string points;
            for (const ChartPoint& point : run) {
                points += fmt::format("{}{},{}", points.empty() ? "" : " ", svg_number(point.x), svg_number(point.y));
            }
            tinyxml2::XMLElement* line = add_element(parent, "polyline");
            set_attribute(line, "points", points);
            set_attribute(line, "fill", "none");
            set_attribute(line, "stroke", colour);
            set_attribute(line, "stroke-width", "2.5");
            set_attribute(line, "stroke-linejoin", "round");
            if (dashed) set_attribute(line, "stroke-dasharray", "6 3");
        }
        for (const ChartPoint& point : run) {
            tinyxml2::XMLElement* dot = add_element(parent, "circle");
            set_attribute(dot, "cx", svg_number(point.x));
            set_attribute(dot, "cy", svg_number(point.y));
            set_attribute(dot, "r", "3");
            set_attribute(dot, "fill", colour);
        }
    }
    for (std::size_t i : shown_labels(periods, width)) {
        double at = periods.size() == 1 ? x + width / 2
                                        : x + width * static_cast<double>(i) / static_cast<double>(periods.size() - 1);
        std::string_view anchor = periods.size() > 1 && i == 0       ? "start"
                                  : i + 1 == periods.size() && i > 0 ? "end"
                                                                     : "middle";
        add_text_at(parent, at, y + height + 16, periods[i], anchor, 11, k_muted);
    }
}

// The share axis of the small multiples: the largest share rounded up to 10%, at least 10%.
double share_top(const TrendData& trend) {
    double top = 0;
    for (const TrendSeries& series : trend.slices) {
        for (const auto& share : series.shares) top = std::max(top, share.value_or(0));
    }
    return std::max(0.1, std::ceil(top * 10 - 1e-9) / 10);
}

}  // namespace

std::vector<std::vector<ChartPoint>> line_runs(const std::vector<std::optional<double>>& values, double top, double x,
                                               double y, double width, double height) {
    std::vector<std::vector<ChartPoint>> runs;
    bool open = false;
    for (std::size_t i = 0; i < values.size(); ++i) {
        if (!values[i]) {
            open = false;
            continue;
        }
        if (!open) runs.emplace_back();
        open = true;
        double at = values.size() == 1 ? x + width / 2
                                       : x + width * static_cast<double>(i) / static_cast<double>(values.size() - 1);
        runs.back().push_back({at, y + height * (1 - std::clamp(*values[i] / top, 0.0, 1.0))});
    }
    return runs;
}

std::vector<std::size_t> shown_labels(const std::vector<std::string>& periods, double width) {
    std::vector<std::size_t> shown;
    if (periods.empty()) return shown;
    int longest = 0;
    for (const std::string& period : periods) longest = std::max(longest, display_width(xml_text(period)));
    double room = periods.size() == 1 ? width : width / static_cast<double>(periods.size() - 1);
    // The first label starts at its point and the last ends at its: beside a centred one, each
    // needs one and a half labels of room.
    auto every = static_cast<std::size_t>(std::ceil(1.5 * (longest + 2) * k_char / room));
    every = std::max<std::size_t>(every, 1);
    std::size_t last = periods.size() - 1;
    for (std::size_t i = 0; i < periods.size(); i += every) {
        // The last label is always shown; one that would touch it gives way.
        if (i != last && last - i < every) break;
        shown.push_back(i);
    }
    if (shown.empty() || shown.back() != last) shown.push_back(last);
    return shown;
}

tinyxml2::XMLElement* draw_trend(tinyxml2::XMLNode* parent, const TrendData& trend, bool standalone) {
    auto rows = static_cast<double>((trend.slices.size() + k_columns - 1) / k_columns);
    double height = 74 + k_balance_height + 70 + rows * k_cell_height + k_margin;
    tinyxml2::XMLElement* svg = new_svg(parent, k_width, height, standalone);
    set_attribute(svg, "font-family", "DejaVu Sans, Verdana, sans-serif");
    add_text_element(svg, "title", trend.title);
    if (standalone) {
        tinyxml2::XMLElement* background = add_element(svg, "rect");
        set_attribute(background, "width", "100%");
        set_attribute(background, "height", "100%");
        set_attribute(background, "fill", k_paper);
    }
    tinyxml2::XMLElement* title = add_text_at(svg, k_margin, 40, trend.title, "", 22, k_ink);
    set_attribute(title, "font-weight", "bold");

    add_text_at(svg, k_margin, 74, "Balance score", "", 15, k_ink);
    double plot_x = k_margin + k_axis;
    double plot_width = k_width - plot_x - k_margin - 8;
    std::vector<std::optional<double>> balance;
    for (const auto& score : trend.balance) balance.push_back(score ? std::optional<double>(*score) : std::nullopt);
    add_plot(svg, plot_x, 90, plot_width, k_balance_height - 30, balance, 100, k_ink, false, trend.periods,
             {"0", "50", "100"});

    double top = share_top(trend);
    double y = 74 + k_balance_height + 40;
    add_text_at(svg, k_margin, y, "Share of each slice", "", 15, k_ink);
    double cell_width = (k_width - 2 * k_margin) / k_columns;
    std::vector<std::string> scale = {"0%", fmt::format("{:.0f}%", top * 50), fmt::format("{:.0f}%", top * 100)};
    for (std::size_t i = 0; i < trend.slices.size(); ++i) {
        const TrendSeries& series = trend.slices[i];
        double cell_x = k_margin + cell_width * static_cast<double>(i % k_columns);
        double cell_y = y + 12 + k_cell_height * static_cast<double>(i / k_columns);
        auto index = static_cast<int>(i);
        tinyxml2::XMLElement* group = add_element(svg, "g");
        add_text_element(group, "title", fmt::format("{} ({})", isolated(series.label), series.name));
        draw_swatch(group, cell_x + k_axis - 4, cell_y + 6, 12, index);
        add_text_at(group, cell_x + k_axis + 14, cell_y + 17, series.name, "", 13, k_ink);
        add_plot(group, cell_x + k_axis, cell_y + 30, cell_width - k_axis - 14, k_cell_plot, series.shares, top,
                 slice_colour(index), striped(index), trend.periods, scale);
    }
    return svg;
}

std::string render_trend_svg(const TrendData& trend) {
    tinyxml2::XMLDocument document;
    document.InsertEndChild(document.NewDeclaration());
    draw_trend(&document, trend, true);
    return print_xml(document);
}

}  // namespace pie
