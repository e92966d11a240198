#include <doctest/doctest.h>

#include <pie/format/svg.hpp>
#include <pie/format/xml.hpp>

#include <cmath>
#include <numbers>
#include <set>
#include <sstream>

// Unit tests of the picture blocks (§13): the palette, wedge geometry and arcs, the pie (a
// circle for 100%, nothing for 0) and the wheel (radius by rating, unrated empty).

namespace {

struct Drawn {
    tinyxml2::XMLDocument document;
    tinyxml2::XMLElement* root = nullptr;
    Drawn() { root = pie::add_element(&document, "svg"); }
};

std::vector<const tinyxml2::XMLElement*> all_named(const tinyxml2::XMLElement* element, std::string_view name) {
    std::vector<const tinyxml2::XMLElement*> found;
    for (auto* child = element->FirstChildElement(); child != nullptr; child = child->NextSiblingElement()) {
        if (name == child->Name()) found.push_back(child);
        auto deeper = all_named(child, name);
        found.insert(found.end(), deeper.begin(), deeper.end());
    }
    return found;
}

// The numbers of path data, commands dropped.
std::vector<double> numbers_of(std::string_view data) {
    std::vector<double> numbers;
    std::istringstream in{std::string(data)};
    for (std::string word; in >> word;) {
        if (!std::isalpha(static_cast<unsigned char>(word[0]))) numbers.push_back(std::stod(word));
    }
    return numbers;
}

// The angle of (x, y) around (cx, cy) clockwise from 12 o'clock, in turns [0, 1).
double turn_of(double x, double y, double cx, double cy) {
    double turn = std::atan2(x - cx, cy - y) / (2 * std::numbers::pi);
    return turn < 0 ? turn + 1 : turn;
}

}  // namespace

TEST_CASE("slice_colour: eight distinct colours, then they repeat, striped") {
    std::set<std::string_view> colours;
    for (int i = 0; i < pie::k_palette_size; ++i) {
        colours.insert(pie::slice_colour(i));
        CHECK_FALSE(pie::striped(i));
    }
    CHECK(colours.size() == 8);
    CHECK(pie::slice_colour(8) == pie::slice_colour(0));
    CHECK(pie::striped(8));
    CHECK(pie::slice_colour(0) == "#E69F00");  // Okabe-Ito orange first
}

TEST_CASE("pie_wedges: angles exactly the shares, clockwise in pie order, none for 0") {
    auto wedges = pie::pie_wedges({0.5, 0, 0.25, 0.25});
    REQUIRE(wedges.size() == 3);
    CHECK(wedges[0].index == 0);
    CHECK(wedges[0].from == 0);
    CHECK(wedges[0].to == 0.5);
    CHECK(wedges[1].index == 2);
    CHECK(wedges[1].from == 0.5);
    CHECK(wedges[1].to == 0.75);
    CHECK(wedges[2].index == 3);
    CHECK(wedges[2].to == 1);
    CHECK(pie::pie_wedges({0, 0}).empty());
}

TEST_CASE("wedge_path: from the centre, an arc clockwise from 12 o'clock, closed") {
    CHECK(pie::wedge_path(100, 100, 50, 0, 0.25) == "M 100 100 L 100 50 A 50 50 0 0 1 150 100 Z");
    // More than half a turn takes the large arc.
    CHECK(pie::wedge_path(100, 100, 50, 0.25, 1) == "M 100 100 L 150 100 A 50 50 0 1 1 100 50 Z");
    // A whole turn is two half arcs.
    CHECK(pie::wedge_path(0, 0, 10, 0, 1) == "M 0 -10 A 10 10 0 1 1 0 10 A 10 10 0 1 1 0 -10 Z");
}

TEST_CASE("draw_pie: each wedge's arc spans exactly its share") {
    std::vector<double> shares = {0.1, 0.2, 0.3, 0.4};
    Drawn drawn;
    pie::draw_pie(drawn.root, 120, 120, 100, shares, {"a", "b", "c", "d"});
    auto paths = all_named(drawn.root, "path");
    REQUIRE(paths.size() == 4);
    double start = 0;
    for (std::size_t i = 0; i < paths.size(); ++i) {
        std::string data = paths[i]->Attribute("d");
        CHECK(data.find(" A ") != std::string::npos);
        CHECK(std::string(paths[i]->Attribute("fill")) == pie::slice_colour(static_cast<int>(i)));
        auto n = numbers_of(data);  // cx cy x0 y0 r r 0 large 1 x1 y1
        REQUIRE(n.size() == 11);
        double from = turn_of(n[2], n[3], 120, 120);
        double to = turn_of(n[9], n[10], 120, 120);
        if (to < 1e-6) to = 1;
        CHECK(from == doctest::Approx(start).epsilon(0.0002));
        CHECK(to - from == doctest::Approx(shares[i]).epsilon(0.0002));
        CHECK(n[7] == (shares[i] > 0.5 ? 1 : 0));
        CHECK(std::string(paths[i]->FirstChildElement("title")->GetText()) ==
              std::string(1, static_cast<char>('a' + i)));
        start += shares[i];
    }
}

TEST_CASE("draw_pie: a share of 100% is a circle; no share at all a faint rim") {
    Drawn whole;
    pie::draw_pie(whole.root, 50, 50, 40, {0, 1, 0}, {"a", "b", "c"});
    CHECK(all_named(whole.root, "path").empty());
    auto circles = all_named(whole.root, "circle");
    REQUIRE(circles.size() == 1);
    CHECK(std::string(circles[0]->Attribute("fill")) == pie::slice_colour(1));

    Drawn none;
    pie::draw_pie(none.root, 50, 50, 40, {0, 0}, {"a", "b"});
    CHECK(all_named(none.root, "path").empty());
    REQUIRE(all_named(none.root, "circle").size() == 1);
    CHECK(std::string(all_named(none.root, "circle")[0]->Attribute("fill")) == "none");
}

TEST_CASE("draw_wheel: equal wedges out to rating/10, an unrated one empty, rings 1-10") {
    Drawn drawn;
    pie::draw_wheel(drawn.root, 100, 100, 80, {5, std::nullopt, 10, 1}, {"a", "b", "c", "d"});
    auto paths = all_named(drawn.root, "path");
    REQUIRE(paths.size() == 3);
    std::vector<double> radii = {40, 80, 8};
    std::vector<std::string> colours = {std::string(pie::slice_colour(0)), std::string(pie::slice_colour(2)),
                                        std::string(pie::slice_colour(3))};
    std::vector<double> starts = {0, 0.5, 0.75};
    for (std::size_t i = 0; i < paths.size(); ++i) {
        auto n = numbers_of(paths[i]->Attribute("d"));
        REQUIRE(n.size() == 11);
        CHECK(n[4] == doctest::Approx(radii[i]));
        CHECK(std::string(paths[i]->Attribute("fill")) == colours[i]);
        CHECK(turn_of(n[2], n[3], 100, 100) == doctest::Approx(starts[i]).epsilon(0.0002));
        double to = turn_of(n[9], n[10], 100, 100);
        CHECK((to < 1e-6 ? 1 : to) - starts[i] == doctest::Approx(0.25).epsilon(0.0002));
    }
    // The track and ten rings.
    CHECK(all_named(drawn.root, "circle").size() == 11);
    CHECK(all_named(drawn.root, "line").size() == 4);  // spokes

    Drawn one;
    pie::draw_wheel(one.root, 100, 100, 80, {7}, {"a"});
    auto whole = all_named(one.root, "path");
    REQUIRE(whole.size() == 1);
    CHECK(std::string(whole[0]->Attribute("d")).find(" A 56 56 0 1 1 ") != std::string::npos);
}

TEST_CASE("the ninth slice on: colours repeat, hatching is the second cue") {
    std::vector<double> shares(9, 1.0 / 9);
    Drawn drawn;
    pie::draw_pie(drawn.root, 100, 100, 80, shares, std::vector<std::string>(9, "t"));
    auto lines = all_named(drawn.root, "line");
    CHECK(lines.size() > 5);
    for (const auto* line : lines) {
        CHECK(std::string(line->Attribute("class")) == "edge");
        for (auto [x, y] : {std::pair{"x1", "y1"}, std::pair{"x2", "y2"}}) {
            double px = line->DoubleAttribute(x);
            double py = line->DoubleAttribute(y);
            CHECK(std::hypot(px - 100, py - 100) <= 80.01);
            double turn = turn_of(px, py, 100, 100);
            if (std::hypot(px - 100, py - 100) > 0.5) CHECK((turn >= 8.0 / 9 - 0.001 || turn < 0.001));
        }
    }

    Drawn swatch;
    pie::draw_swatch(swatch.root, 0, 0, 14, 8);
    CHECK(all_named(swatch.root, "line").size() == 3);
    pie::draw_swatch(swatch.root, 0, 0, 14, 7);
    CHECK(all_named(swatch.root, "line").size() == 3);
}

TEST_CASE("hatch_lines: parallel diagonals inside the wedge, a wedge over half a turn too") {
    for (auto [from, to] : {std::pair{0.0, 0.25}, std::pair{0.1, 0.9}, std::pair{0.0, 1.0}, std::pair{0.6, 0.62}}) {
        auto lines = pie::hatch_lines(0, 0, 50, from, to, 5);
        CHECK(!lines.empty());
        for (const auto& line : lines) {
            CHECK(line.x2 - line.x1 == doctest::Approx(line.y1 - line.y2));  // up to the right at 45 degrees
            for (auto [x, y] : {std::pair{line.x1, line.y1}, std::pair{line.x2, line.y2}}) {
                CHECK(std::hypot(x, y) <= 50.001);
                double turn = turn_of(x, y, 0, 0);
                if (std::hypot(x, y) > 0.01 && to < 1) CHECK((turn >= from - 1e-6 && turn <= to + 1e-6));
            }
        }
    }
    // A whole circle is covered: lines 5 apart add up to its area / 5.
    double length = 0;
    for (const auto& line : pie::hatch_lines(0, 0, 50, 0, 1, 5))
        length += std::hypot(line.x2 - line.x1, line.y2 - line.y1);
    CHECK(length == doctest::Approx(std::numbers::pi * 50 * 50 / 5).epsilon(0.03));
}

TEST_CASE("new_svg: width, height and viewBox; the namespace when standalone") {
    tinyxml2::XMLDocument document;
    auto* svg = pie::new_svg(&document, 720, 400.5, true);
    CHECK(std::string(svg->Attribute("xmlns")) == "http://www.w3.org/2000/svg");
    CHECK(std::string(svg->Attribute("width")) == "720");
    CHECK(std::string(svg->Attribute("height")) == "400.5");
    CHECK(std::string(svg->Attribute("viewBox")) == "0 0 720 400.5");
    auto* inline_svg = pie::new_svg(&document, 10, 10, false);
    CHECK(inline_svg->Attribute("xmlns") == nullptr);
}
