#include <pie/format/trend_svg.hpp>

#include <pie/format/report_words.hpp>
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
constexpr double k_axis = 40;        // room left of a plot for its scale
constexpr double k_labels = 22;      // room under a plot for the period labels
constexpr double k_char = 7;         // a generous width of one column of 11px text
constexpr double k_name_char = 8;    // the same of 13px text
constexpr double k_line = 20;        // lines of the notes
constexpr double k_note_char = 7.2;  // a generous width of one column of 14px text
constexpr double k_balance_height = 170;
constexpr int k_columns = 3;           // small multiples per row
constexpr double k_cell_height = 156;  // one small multiple: its name, then its chart
constexpr double k_cell_name = 24;     // the name above a chart
constexpr double k_dot_room = 8;       // the least room between periods that still gets dots

// Text at (x, y) in `size`; muted text gets the class the HTML page recolours.
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
    // One crisp pixel: a line centred on a whole y would be blurred over two pale rows.
    set_attribute(line, "shape-rendering", "crispEdges");
}

// How a plot's values are drawn: in `colour`, with `css_class` (the page's recolouring of ink)
// when not empty, dashed when `dashed` (the second cue of a repeated colour).
struct Stroke {
    std::string_view colour;
    std::string_view css_class;
    bool dashed = false;
};

// A chart in the box (x, y, width, height): rules at 0, the middle and `top` labelled with
// `scale` on the left, the values as lines with a dot at each value where there is room for
// dots (always on a value alone), the period labels below.
void add_plot(tinyxml2::XMLElement* parent, double x, double y, double width, double height,
              const std::vector<std::optional<double>>& values, double top, const Stroke& stroke,
              const std::vector<std::string>& periods, const std::vector<std::string>& scale) {
    double plot_x = x + k_axis;
    double plot_width = width - k_axis - 6;
    double plot_height = height - k_labels;
    for (std::size_t i = 0; i < scale.size(); ++i) {
        double at = y + plot_height - plot_height * static_cast<double>(i) / static_cast<double>(scale.size() - 1);
        add_rule(parent, plot_x, plot_x + plot_width, at);
        add_text_at(parent, plot_x - 6, at + 4, scale[i], "end", 11, k_muted);
    }
    bool dots = values.size() < 2 || plot_width / static_cast<double>(values.size() - 1) >= k_dot_room;
    for (const auto& run : line_runs(values, top, plot_x, y, plot_width, plot_height)) {
        if (run.size() > 1) {
            std::string points;
            for (const ChartPoint& point : run) {
                points += fmt::format("{}{},{}", points.empty() ? "" : " ", svg_number(point.x), svg_number(point.y));
            }
            tinyxml2::XMLElement* line = add_element(parent, "polyline");
            if (!stroke.css_class.empty()) set_attribute(line, "class", fmt::format("{}-stroke", stroke.css_class));
            set_attribute(line, "points", points);
            set_attribute(line, "fill", "none");
            set_attribute(line, "stroke", stroke.colour);
            set_attribute(line, "stroke-width", "2.5");
            set_attribute(line, "stroke-linejoin", "round");
            if (stroke.dashed) set_attribute(line, "stroke-dasharray", "6 3");
        }
        if (!dots && run.size() > 1) continue;
        for (const ChartPoint& point : run) {
            tinyxml2::XMLElement* dot = add_element(parent, "circle");
            if (!stroke.css_class.empty()) set_attribute(dot, "class", fmt::format("{}-fill", stroke.css_class));
            set_attribute(dot, "cx", svg_number(point.x));
            set_attribute(dot, "cy", svg_number(point.y));
            set_attribute(dot, "r", "3");
            set_attribute(dot, "fill", stroke.colour);
        }
    }
    for (std::size_t i : shown_labels(periods, plot_width)) {
        double at = periods.size() == 1
                        ? plot_x + plot_width / 2
                        : plot_x + plot_width * static_cast<double>(i) / static_cast<double>(periods.size() - 1);
        std::string_view anchor = periods.size() > 1 && i == 0       ? "start"
                                  : i + 1 == periods.size() && i > 0 ? "end"
                                                                     : "middle";
        add_text_at(parent, at, y + plot_height + 16, periods[i], anchor, 11, k_muted);
    }
}

// A slice's name at (x, y) in 13px, squeezed into `room` when it would not fit.
void add_name(tinyxml2::XMLElement* parent, double x, double y, std::string_view name, double room) {
    tinyxml2::XMLElement* text = add_text_at(parent, x, y, name, "", 13, k_ink);
    if (k_name_char * display_width(xml_text(name)) > room) {
        set_attribute(text, "textLength", svg_number(room));
        set_attribute(text, "lengthAdjust", "spacingAndGlyphs");
    }
}

tinyxml2::XMLElement* add_heading(tinyxml2::XMLElement* parent, double y, std::string_view text) {
    tinyxml2::XMLElement* heading = add_text_at(parent, k_margin, y, text, "", 16, k_ink);
    set_attribute(heading, "font-weight", "bold");
    return heading;
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

double share_top(const TrendData& trend) {
    double top = 0;
    for (const TrendSeries& series : trend.slices) {
        for (const auto& share : series.shares) top = std::max(top, share.value_or(0));
    }
    return std::max(0.1, std::ceil(top * 10 - 1e-9) / 10);
}

void draw_balance_chart(tinyxml2::XMLElement* parent, const TrendData& trend, double x, double y, double width,
                        double height) {
    std::vector<std::optional<double>> balance;
    for (const auto& score : trend.balance) balance.push_back(score ? std::optional<double>(*score) : std::nullopt);
    add_plot(parent, x, y, width, height, balance, 100, {k_ink, "ink", false}, trend.periods, {"0", "50", "100"});
}

void draw_share_chart(tinyxml2::XMLElement* parent, const TrendData& trend, std::size_t index, double x, double y,
                      double width, double height) {
    const TrendSeries& series = trend.slices.at(index);
    double top = share_top(trend);
    std::vector<std::string> scale = {"0%", fmt::format("{:.0f}%", top * 50), fmt::format("{:.0f}%", top * 100)};
    add_plot(parent, x, y, width, height, series.shares, top, {slice_colour(series.colour), "", striped(series.colour)},
             trend.periods, scale);
}

std::string render_trend_svg(const TrendData& trend) {
    tinyxml2::XMLDocument document;
    document.InsertEndChild(document.NewDeclaration());
    // The height is known only at the end; set it then.
    tinyxml2::XMLElement* svg = new_svg(&document, k_width, 0, true);
    set_attribute(svg, "font-family", "DejaVu Sans, Verdana, sans-serif");
    add_text_element(svg, "title", trend.title);
    tinyxml2::XMLElement* background = add_element(svg, "rect");
    set_attribute(background, "width", "100%");
    set_attribute(background, "height", "100%");
    set_attribute(background, "fill", k_paper);
    tinyxml2::XMLElement* title = add_text_at(svg, k_margin, 40, trend.title, "", 22, k_ink);
    set_attribute(title, "font-weight", "bold");
    add_text_at(svg, k_margin, 64, trend.subtitle, "", 14, k_muted);

    add_heading(svg, 102, "Balance score");
    add_text_at(svg, k_margin, 122, trend.balance_note, "", 13, k_muted);
    double y = 138;
    draw_balance_chart(svg, trend, k_margin, y, k_width - 2 * k_margin, k_balance_height);
    y += k_balance_height + 40;

    add_heading(svg, y, "Share of each slice");
    y += 20;
    double cell_width = (k_width - 2 * k_margin) / k_columns;
    for (std::size_t i = 0; i < trend.slices.size(); ++i) {
        const TrendSeries& series = trend.slices[i];
        double cell_x = k_margin + cell_width * static_cast<double>(i % k_columns);
        double cell_y = y + k_cell_height * static_cast<double>(i / k_columns);
        tinyxml2::XMLElement* group = add_element(svg, "g");
        add_text_element(group, "title", fmt::format("{} ({})", isolated(series.label), series.name));
        draw_swatch(group, cell_x, cell_y + 4, 12, series.colour);
        add_name(group, cell_x + 18, cell_y + 15, series.name, cell_width - 18 - 12);
        draw_share_chart(group, trend, i, cell_x, cell_y + k_cell_name, cell_width - 12,
                         k_cell_height - k_cell_name - 12);
    }
    auto rows = static_cast<double>((trend.slices.size() + k_columns - 1) / k_columns);
    y += rows * k_cell_height;
    if (!trend.notes.empty()) y += 12;
    int columns = static_cast<int>((k_width - 2 * k_margin) / k_note_char);
    for (const std::string& note : trend.notes) {
        for (const std::string& line : wrap(note, columns, "", "", false)) {
            add_text_at(svg, k_margin, y, line, "", 14, k_ink);
            y += k_line;
        }
        y += 6;
    }
    double height = y + k_margin;
    set_attribute(svg, "height", svg_number(height));
    set_attribute(svg, "viewBox", fmt::format("0 0 {} {}", svg_number(k_width), svg_number(height)));
    return print_xml(document);
}

}  // namespace pie
