#include <doctest/doctest.h>

#include <pie/format/chart.hpp>

#include <cmath>
#include <map>
#include <numbers>

// Unit tests of the chart geometry (§6): which wedge a cell belongs to, and that a circle drawn
// in cells twice as tall as wide comes out round.

using pie::ChartGrid;
using pie::Point;

namespace {

int count_cells(const ChartGrid& grid, int value) {
    int n = 0;
    for (int cell : grid.cells) n += cell == value;
    return n;
}

int inside_cells(const ChartGrid& grid) {
    int n = 0;
    for (int cell : grid.cells) n += cell != pie::k_outside;
    return n;
}

// The widest row and the tallest column that hold any cell of the circle.
std::pair<int, int> extent(const ChartGrid& grid) {
    int widest = 0;
    int tallest = 0;
    for (int row = 0; row < grid.rows; ++row) {
        int w = 0;
        for (int col = 0; col < grid.cols; ++col) w += grid.at(row, col) != pie::k_outside;
        widest = std::max(widest, w);
    }
    for (int col = 0; col < grid.cols; ++col) {
        int h = 0;
        for (int row = 0; row < grid.rows; ++row) h += grid.at(row, col) != pie::k_outside;
        tallest = std::max(tallest, h);
    }
    return {widest, tallest};
}

}  // namespace

TEST_CASE("cell centres: rows cells high, twice as many wide, in units of the radius") {
    // 10 rows, 20 columns: the radius is 5 rows, or 10 columns.
    Point top_left = pie::cell_centre(0, 0, 10);
    CHECK(top_left.x == doctest::Approx(-0.95));
    CHECK(top_left.y == doctest::Approx(0.9));
    Point centre_right = pie::cell_centre(5, 10, 10);
    CHECK(centre_right.x == doctest::Approx(0.05));
    CHECK(centre_right.y == doctest::Approx(-0.1));
    Point bottom_right = pie::cell_centre(9, 19, 10);
    CHECK(bottom_right.x == doctest::Approx(0.95));
    CHECK(bottom_right.y == doctest::Approx(-0.9));
}

TEST_CASE("angles go clockwise from 12 o'clock, in turns") {
    CHECK(pie::turns({0, 1}) == doctest::Approx(0));
    CHECK(pie::turns({1, 0}) == doctest::Approx(0.25));
    CHECK(pie::turns({0, -1}) == doctest::Approx(0.5));
    CHECK(pie::turns({-1, 0}) == doctest::Approx(0.75));
    CHECK(pie::turns({-0.001, 1}) == doctest::Approx(1).epsilon(0.001));
    CHECK(pie::turns({1, 1}) == doctest::Approx(0.125));
}

TEST_CASE("wedge membership: each angle falls in the wedge of its share, zero shares get none") {
    std::vector<double> shares = {0.5, 0.25, 0, 0.25};
    CHECK(pie::wedge_at(0.0, shares) == 0);
    CHECK(pie::wedge_at(0.49, shares) == 0);
    CHECK(pie::wedge_at(0.5, shares) == 1);
    CHECK(pie::wedge_at(0.74, shares) == 1);
    CHECK(pie::wedge_at(0.75, shares) == 3);  // wedge 2 is empty
    CHECK(pie::wedge_at(0.999, shares) == 3);
    CHECK(pie::wedge_at(0.5, {0, 0}) == -1);
    // Shares that do not add up to 1 exactly are taken as parts of their sum.
    CHECK(pie::wedge_at(0.6, {1, 1}) == 1);
}

TEST_CASE("a pie of two halves: the right half is the first slice, the left the second") {
    ChartGrid grid = pie::pie_chart({0.5, 0.5}, 12);
    REQUIRE(grid.cols == 24);
    for (int row = 0; row < grid.rows; ++row) {
        for (int col = 0; col < grid.cols; ++col) {
            int cell = grid.at(row, col);
            if (cell == pie::k_outside) continue;
            CAPTURE(row);
            CAPTURE(col);
            CHECK(cell == (col >= 12 ? 0 : 1));
        }
    }
    CHECK(count_cells(grid, 0) == count_cells(grid, 1));
}

TEST_CASE("a pie's wedges take cells in proportion to their shares") {
    std::vector<double> shares = {0.58, 0.13, 0.12, 0.08, 0.05, 0.03, 0.01, 0};
    ChartGrid grid = pie::pie_chart(shares, 17);
    int total = inside_cells(grid);
    CHECK(count_cells(grid, pie::k_rim) == 0);  // a pie with time in it is filled to the edge
    for (std::size_t i = 0; i < shares.size(); ++i) {
        CAPTURE(i);
        double part = static_cast<double>(count_cells(grid, static_cast<int>(i))) / total;
        CHECK(std::abs(part - shares[i]) < 0.02);
    }
    CHECK(count_cells(grid, 7) == 0);
}

TEST_CASE("the circle is round: as wide in rows' height as it is tall, and of the circle's area") {
    for (int rows : {5, 9, 11, 13, 17}) {
        CAPTURE(rows);
        ChartGrid grid = pie::pie_chart({1}, rows);
        auto [widest, tallest] = extent(grid);
        // A cell is half as wide as tall: the widest row holds twice as many cells as the
        // tallest column.
        CHECK(tallest == rows);
        CHECK(std::abs(widest - 2 * rows) <= 1);
        // Area in cells: pi r^2 with r = rows / 2 rows, two cells per row unit wide.
        double area = std::numbers::pi * rows * rows / 2;
        CHECK(std::abs(inside_cells(grid) - area) / area < 0.1);
        // Symmetric top to bottom and left to right.
        for (int row = 0; row < rows; ++row) {
            for (int col = 0; col < grid.cols; ++col) {
                bool in = grid.at(row, col) != pie::k_outside;
                CHECK(in == (grid.at(rows - 1 - row, col) != pie::k_outside));
                CHECK(in == (grid.at(row, grid.cols - 1 - col) != pie::k_outside));
            }
        }
    }
}

TEST_CASE("an empty pie is only its rim") {
    ChartGrid grid = pie::pie_chart({0, 0, 0}, 13);
    CHECK(count_cells(grid, pie::k_rim) > 20);
    CHECK(count_cells(grid, pie::k_rim) + count_cells(grid, pie::k_blank) == inside_cells(grid));
    CHECK(count_cells(grid, 0) == 0);
    // The rim is the edge: the middle of the chart is blank.
    CHECK(grid.at(6, 13) == pie::k_blank);
    CHECK(grid.at(6, 0) == pie::k_rim);
}

TEST_CASE("the wheel: equal wedges filled out to rating/10 of the radius") {
    // Four wedges: 10, 5, unrated, 1.
    ChartGrid grid = pie::wheel_chart({10, 5, std::nullopt, 1}, 16);
    for (int row = 0; row < grid.rows; ++row) {
        for (int col = 0; col < grid.cols; ++col) {
            Point p = pie::cell_centre(row, col, grid.rows);
            double r = std::hypot(p.x, p.y);
            int cell = grid.at(row, col);
            CAPTURE(row);
            CAPTURE(col);
            if (r > 1) {
                CHECK(cell == pie::k_outside);
                continue;
            }
            int wedge = pie::wedge_at(pie::turns(p), {1, 1, 1, 1});
            bool filled = (wedge == 0) || (wedge == 1 && r <= 0.5) || (wedge == 3 && r <= 0.1);
            if (filled) {
                CHECK(cell == wedge);
            } else {
                CHECK((cell == pie::k_blank || cell == pie::k_rim));
            }
        }
    }
    CHECK(count_cells(grid, 2) == 0);                        // unrated: empty
    CHECK(count_cells(grid, 0) > 3 * count_cells(grid, 1));  // area grows with the square of the radius
    CHECK(count_cells(grid, pie::k_rim) > 0);
}

TEST_CASE("glyphs: distinct within a set, 7-bit in ASCII, one column each") {
    for (bool ascii : {true, false}) {
        std::map<std::string_view, int> seen;
        for (int i = 0; i < 12; ++i) seen[pie::wedge_glyph(i, ascii)]++;
        CHECK(seen.size() == 12);
        CHECK(pie::wedge_glyph(12, ascii) == pie::wedge_glyph(0, ascii));
        CHECK(seen.count(pie::rim_glyph(ascii)) == 0);
    }
    for (int i = 0; i < 12; ++i) {
        CHECK(pie::wedge_glyph(i, true).size() == 1);
        CHECK(static_cast<unsigned char>(pie::wedge_glyph(i, true)[0]) < 0x80);
    }
}

TEST_CASE("drawing: one glyph per cell, colour only when asked, lines all as wide") {
    ChartGrid grid = pie::pie_chart({0.5, 0.5}, 6);
    std::vector<std::string> plain = pie::draw_chart(grid, true, false);
    REQUIRE(plain.size() == 6);
    for (const std::string& line : plain) {
        CHECK(line.size() == 12);
        CHECK(line.find('\x1b') == std::string::npos);
    }
    // The right half is the first wedge ('#'), the left the second (':').
    CHECK(plain[0] == "   :::###   ");
    CHECK(plain[2] == "::::::######");

    std::vector<std::string> colored = pie::draw_chart(grid, true, true);
    CHECK(colored[2] == "\x1b[32m::::::\x1b[0m\x1b[31m######\x1b[0m");
    CHECK(colored[0] == "   \x1b[32m:::\x1b[0m\x1b[31m###\x1b[0m   ");

    std::vector<std::string> rim = pie::draw_chart(pie::pie_chart({0}, 6), false, true);
    CHECK(rim[0].find("\x1b[2m·") != std::string::npos);
}
