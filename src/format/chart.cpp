#include <pie/format/chart.hpp>

#include <array>
#include <cmath>
#include <numbers>

namespace pie {

namespace {

// Neighbours differ in density, so adjacent wedges stand apart even without colour.
constexpr std::array<std::string_view, 12> k_ascii_glyphs = {"#", ":", "@", "+", "%", "=",
                                                             "*", "o", "x", "~", "$", "&"};
constexpr std::array<std::string_view, 12> k_unicode_glyphs = {"█", "░", "▓", "▒", "▚", "▀",
                                                               "▞", "▌", "▙", "▟", "▛", "▜"};
constexpr std::array<std::string_view, 12> k_colors = {"\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[34m",
                                                       "\x1b[35m", "\x1b[36m", "\x1b[91m", "\x1b[92m",
                                                       "\x1b[93m", "\x1b[94m", "\x1b[95m", "\x1b[96m"};

double radius(Point p) { return std::hypot(p.x, p.y); }

ChartGrid empty_grid(int rows) {
    ChartGrid grid;
    grid.rows = rows;
    grid.cols = 2 * rows;
    grid.cells.assign(static_cast<std::size_t>(grid.rows * grid.cols), k_outside);
    return grid;
}

bool inside(int row, int col, int rows) { return radius(cell_centre(row, col, rows)) <= 1.0; }

// Unfilled cells on the edge of the circle (a neighbour outside it) become the rim.
void mark_rim(ChartGrid& grid) {
    auto outside = [&](int row, int col) {
        return row < 0 || col < 0 || row >= grid.rows || col >= grid.cols || !inside(row, col, grid.rows);
    };
    for (int row = 0; row < grid.rows; ++row) {
        for (int col = 0; col < grid.cols; ++col) {
            int& cell = grid.cells[static_cast<std::size_t>(row * grid.cols + col)];
            if (cell != k_blank) continue;
            if (outside(row - 1, col) || outside(row + 1, col) || outside(row, col - 1) || outside(row, col + 1)) {
                cell = k_rim;
            }
        }
    }
}

}  // namespace

Point cell_centre(int row, int col, int rows) {
    double r = rows / 2.0;  // the radius, in rows; a column is half a row wide
    return Point{((col + 0.5) / 2.0 - r) / r, (r - (row + 0.5)) / r};
}

double turns(Point point) {
    double angle = std::atan2(point.x, point.y) / (2 * std::numbers::pi);  // clockwise from up
    return angle < 0 ? angle + 1 : angle;
}

int wedge_at(double angle, const std::vector<double>& shares) {
    double total = 0;
    for (double share : shares) total += share;
    if (total <= 0) return -1;
    double end = 0;
    int last = -1;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        if (shares[i] <= 0) continue;
        end += shares[i] / total;
        last = static_cast<int>(i);
        if (angle < end) return last;
    }
    return last;  // rounding left a sliver at the end of the turn
}

ChartGrid pie_chart(const std::vector<double>& shares, int rows) {
    ChartGrid grid = empty_grid(rows);
    for (int row = 0; row < rows; ++row) {
        for (int col = 0; col < grid.cols; ++col) {
            Point p = cell_centre(row, col, rows);
            if (radius(p) > 1.0) continue;
            int wedge = wedge_at(turns(p), shares);
            grid.cells[static_cast<std::size_t>(row * grid.cols + col)] = wedge < 0 ? k_blank : wedge;
        }
    }
    mark_rim(grid);
    return grid;
}

ChartGrid wheel_chart(const std::vector<std::optional<int>>& ratings, int rows) {
    ChartGrid grid = empty_grid(rows);
    std::vector<double> equal(ratings.size(), 1.0);
    for (int row = 0; row < rows; ++row) {
        for (int col = 0; col < grid.cols; ++col) {
            Point p = cell_centre(row, col, rows);
            if (radius(p) > 1.0) continue;
            int wedge = wedge_at(turns(p), equal);
            bool filled = wedge >= 0 && ratings[static_cast<std::size_t>(wedge)] &&
                          radius(p) <= *ratings[static_cast<std::size_t>(wedge)] / 10.0;
            grid.cells[static_cast<std::size_t>(row * grid.cols + col)] = filled ? wedge : k_blank;
        }
    }
    mark_rim(grid);
    return grid;
}

std::string_view wedge_glyph(int wedge, bool ascii) {
    const auto& glyphs = ascii ? k_ascii_glyphs : k_unicode_glyphs;
    return glyphs[static_cast<std::size_t>(wedge) % glyphs.size()];
}

std::string_view rim_glyph(bool ascii) { return ascii ? "." : "·"; }

std::string_view wedge_color(int wedge) { return k_colors[static_cast<std::size_t>(wedge) % k_colors.size()]; }

std::string colored(std::string_view text, int wedge, bool color) {
    if (!color) return std::string(text);
    return std::string(wedge_color(wedge)) + std::string(text) + std::string(k_plain);
}

std::vector<std::string> draw_chart(const ChartGrid& grid, bool ascii, bool color) {
    std::vector<std::string> lines;
    for (int row = 0; row < grid.rows; ++row) {
        std::string line;
        int painted = k_outside;  // the colour in force: a wedge's, the rim's, or none
        for (int col = 0; col < grid.cols; ++col) {
            int cell = grid.at(row, col);
            int paint = cell >= 0 || cell == k_rim ? cell : k_outside;
            if (color && paint != painted) {
                if (painted != k_outside) line += k_plain;
                if (paint != k_outside) line += paint == k_rim ? k_ansi_faint : wedge_color(paint);
                painted = paint;
            }
            if (cell >= 0) {
                line += wedge_glyph(cell, ascii);
            } else if (cell == k_rim) {
                line += rim_glyph(ascii);
            } else {
                line += ' ';
            }
        }
        if (painted != k_outside) line += k_plain;
        lines.push_back(std::move(line));
    }
    return lines;
}

}  // namespace pie
