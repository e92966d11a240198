#pragma once

// The balance and each slice's share over periods as SVG (§10, §13): a line chart of the balance
// score over the period labels, then small multiples, one line chart per slice, in its colour.
// Takes plain numbers, so `pie trend --format svg|html` only has to fill a TrendData. Pure.

#include <tinyxml2.h>

#include <optional>
#include <string>
#include <vector>

namespace pie {

// One slice's share (0..1) in each period; null where it was not counted.
struct TrendSeries {
    std::string name;
    std::string label;
    std::vector<std::optional<double>> shares;
};

// What a trend picture shows; every vector of numbers has one value per period.
struct TrendData {
    std::string title;                        // e.g. "Life balance, 2026-W36 to 2026-W47"
    std::vector<std::string> periods;         // period labels, oldest first
    std::vector<std::optional<int>> balance;  // 0..100; null where there is no score
    std::vector<TrendSeries> slices;          // in pie order: the slice at i has slice_colour(i)
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

// The trend's <svg> element, added to `parent`: with the SVG namespace when `standalone`.
tinyxml2::XMLElement* draw_trend(tinyxml2::XMLNode* parent, const TrendData& trend, bool standalone);

// The trend as one standalone SVG 1.1 document on a light background.
std::string render_trend_svg(const TrendData& trend);

}  // namespace pie
