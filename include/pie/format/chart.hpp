#pragma once

// Round charts in a grid of character cells (§6): the attention pie and the satisfaction wheel.
// Geometry first (which wedge each cell belongs to), glyphs and colour second. Pure.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pie {

// What a cell of a chart holds besides a wedge number (0, 1, ...).
inline constexpr int k_outside = -1;  // outside the circle
inline constexpr int k_blank = -2;    // inside, not filled: a wheel wedge beyond its rating
inline constexpr int k_rim = -3;      // the faint outline of the circle where nothing fills it

// A chart's cells, row by row. A terminal cell is about twice as tall as it is wide, so a circle
// `rows` cells high is drawn 2 * rows cells wide to look round.
struct ChartGrid {
    int rows = 0;
    int cols = 0;
    std::vector<int> cells;

    int at(int row, int col) const { return cells[static_cast<std::size_t>(row * cols + col)]; }
};

// The centre of a cell of a chart `rows` high, in units of the circle's radius: x to the right,
// y up, (0, 0) the middle of the chart.
struct Point {
    double x = 0;
    double y = 0;
};
Point cell_centre(int row, int col, int rows);

// The angle of a point clockwise from 12 o'clock, in turns: [0, 1).
double turns(Point point);

// The wedge an angle (in turns) falls in when wedges of these shares go clockwise from
// 12 o'clock; -1 when every share is 0.
int wedge_at(double angle, const std::vector<double>& shares);

// The attention pie: each cell in the circle belongs to the wedge its centre lies in, so angles
// are proportional to the shares. With no share above 0 the circle is only a rim.
ChartGrid pie_chart(const std::vector<double>& shares, int rows);

// The satisfaction wheel (a polar-area chart): equal wedges, one per slice, each filled from the
// centre out to rating/10 of the radius; unrated wedges stay empty; what is not filled is blank
// but for the rim of the circle.
ChartGrid wheel_chart(const std::vector<std::optional<int>>& ratings, int rows);

// The glyph of a wedge: a set of distinct ASCII characters, or Unicode shades and blocks, in
// an order that sets neighbours apart; it repeats past the end of the set.
std::string_view wedge_glyph(int wedge, bool ascii);

// The rim's glyph: "." or "·".
std::string_view rim_glyph(bool ascii);

// The ANSI colour of a wedge (SGR escape); it repeats past twelve.
std::string_view wedge_color(int wedge);

// ANSI escapes for faint and for plain text again.
inline constexpr std::string_view k_ansi_faint = "\x1b[2m";
inline constexpr std::string_view k_bold = "\x1b[1m";
inline constexpr std::string_view k_plain = "\x1b[0m";

// `text` in the colour of a wedge when `color` is on, else as it is.
std::string colored(std::string_view text, int wedge, bool color);

// The chart as lines, each exactly `cols` columns wide (a legend may follow on the same line).
std::vector<std::string> draw_chart(const ChartGrid& grid, bool ascii, bool color);

}  // namespace pie
