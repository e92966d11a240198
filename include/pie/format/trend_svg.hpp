#pragma once

// The balance and each slice's share over periods as SVG (§10, §13): a line chart of the balance
// score over the period labels, then small multiples, one line chart per slice, in its colour,
// all on one share axis. Takes plain numbers (trend_data fills them from a Trend). Pure.

#include <tinyxml2.h>

#include <optional>
#include <string>
#include <vector>

namespace pie {

// One slice's share (0..1) in each period; null where it has none.
struct TrendSeries {
    std::string name;
    std::string label;
    std::vector<std::optional<double>> shares;
    int colour = 0;  // its palette index (slice_colour), as in the report's charts
};

// What a trend picture shows; every vector of numbers has one value per period.
struct TrendData {
    std::string title;                        // "Trend by week, 2026-W37 to 2026-W48"
    std::string subtitle;                     // "12 weeks, shares of minutes."
    std::string balance_note;                 // "first 50, last 36, low 36, high 57"
    std::vector<std::string> periods;         // period labels, oldest first
    std::vector<std::optional<int>> balance;  // 0..100; null where there is no score
    std::vector<TrendSeries> slices;          // in pie order
    std::vector<std::string> notes;           // sentences shown under the charts
};

// A point of a line chart, in the chart's own coordinates.
struct ChartPoint {
    double x = 0;
    double y = 0;
};

// Where the values fall in a plot of `width` x `height` whose top left is (x, y): period i at
// x + width * i / (n - 1) (the middle for one period), a value v at height * (1 - v / top) up
// from the bottom. Nulls break the line: the result is its runs of consecutive values.
std::vector<std::vector<ChartPoint>> line_runs(const std::vector<std::optional<double>>& values, double top, double x,
                                               double y, double width, double height);

// Which period labels fit under a plot `width` wide without touching: every k-th, the last
// always (the first is drawn from its point on, the last up to its point); their indexes.
std::vector<std::size_t> shown_labels(const std::vector<std::string>& periods, double width);

// The top of the share axis every small multiple shares: the largest share rounded up to 10%,
// at least 10%.
double share_top(const TrendData& trend);

// The balance score's chart in the box `width` x `height` at (x, y): its scale (0, 50, 100) on
// the left, the period labels below, the scores as a line.
void draw_balance_chart(tinyxml2::XMLElement* parent, const TrendData& trend, double x, double y, double width,
                        double height);

// Slice `index`'s share chart in the box `width` x `height` at (x, y), on the axis share_top():
// a line in its colour, dashed where colours repeat (striped), with its scale and period labels.
void draw_share_chart(tinyxml2::XMLElement* parent, const TrendData& trend, std::size_t index, double x, double y,
                      double width, double height);

// The trend as one standalone SVG 1.1 document on a light background: title, balance chart,
// a small multiple per slice under its swatch and name, the notes.
std::string render_trend_svg(const TrendData& trend);

}  // namespace pie
