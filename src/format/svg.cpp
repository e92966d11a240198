#include <pie/format/svg.hpp>

#include <pie/format/xml.hpp>

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <numbers>

namespace pie {

namespace {

constexpr int k_rings = 10;            // the wheel's rings: ratings 1..10
constexpr double k_hatch_spacing = 5;  // between the hatch lines of a striped wedge

struct Xy {
    double x = 0;
    double y = 0;
};

// The point at `turn` (clockwise from 12 o'clock) on the circle of radius r around (cx, cy).
Xy at_turn(double cx, double cy, double r, double turn) {
    double angle = 2 * std::numbers::pi * turn;
    return {cx + r * std::sin(angle), cy - r * std::cos(angle)};
}

std::string xy(Xy point) { return svg_number(point.x) + " " + svg_number(point.y); }

void set_number(tinyxml2::XMLElement* element, const char* name, double value) {
    set_attribute(element, name, svg_number(value));
}

// A line from a to b; without a stroke it takes its parent's.
tinyxml2::XMLElement* add_line(tinyxml2::XMLElement* parent, Xy a, Xy b, std::string_view stroke, double width) {
    tinyxml2::XMLElement* line = add_element(parent, "line");
    set_number(line, "x1", a.x);
    set_number(line, "y1", a.y);
    set_number(line, "x2", b.x);
    set_number(line, "y2", b.y);
    if (!stroke.empty()) set_attribute(line, "stroke", stroke);
    set_number(line, "stroke-width", width);
    return line;
}

// The second cue of a striped wedge: diagonal hatching in the background colour across it.
void add_stripes(tinyxml2::XMLElement* parent, double cx, double cy, double r, double from, double to) {
    for (const Segment& segment : hatch_lines(cx, cy, r, from, to, k_hatch_spacing)) {
        tinyxml2::XMLElement* stripe =
            add_line(parent, {segment.x1, segment.y1}, {segment.x2, segment.y2}, k_paper, 1.25);
        set_attribute(stripe, "class", "edge");
    }
}

double cross(Xy a, Xy b) { return a.x * b.y - a.y * b.x; }

// Narrows [low, high] to the t where a + b * t >= 0.
void keep_non_negative(double a, double b, double& low, double& high) {
    if (std::abs(b) < 1e-12) {
        if (a < 0) high = low - 1;
    } else if (b > 0) {
        low = std::max(low, -a / b);
    } else {
        high = std::min(high, -a / b);
    }
}

// A filled wedge <path> of the slice at `index`, with its tooltip and, if need be, stripes.
void add_wedge(tinyxml2::XMLElement* parent, double cx, double cy, double r, const Wedge& wedge,
               const std::string& title) {
    tinyxml2::XMLElement* path = add_element(parent, "path");
    set_attribute(path, "class", "edge");
    set_attribute(path, "d", wedge_path(cx, cy, r, wedge.from, wedge.to));
    set_attribute(path, "fill", slice_colour(wedge.index));
    set_attribute(path, "stroke", k_paper);
    set_attribute(path, "stroke-width", "1");
    set_attribute(path, "stroke-linejoin", "round");
    add_text_element(path, "title", title);
    if (striped(wedge.index)) add_stripes(parent, cx, cy, r, wedge.from, wedge.to);
}

tinyxml2::XMLElement* add_circle(tinyxml2::XMLElement* parent, double cx, double cy, double r) {
    tinyxml2::XMLElement* circle = add_element(parent, "circle");
    set_number(circle, "cx", cx);
    set_number(circle, "cy", cy);
    set_number(circle, "r", r);
    return circle;
}

}  // namespace

std::vector<Segment> hatch_lines(double cx, double cy, double r, double from, double to, double spacing) {
    // A wedge of more than half a turn is not convex: hatch its halves.
    if (to - from > 0.5) {
        double middle = (from + to) / 2;
        std::vector<Segment> lines = hatch_lines(cx, cy, r, from, middle, spacing);
        std::vector<Segment> rest = hatch_lines(cx, cy, r, middle, to, spacing);
        lines.insert(lines.end(), rest.begin(), rest.end());
        return lines;
    }
    // Lines {p : n.p = c} for c on a grid, p = c n + t d; each clipped to the circle and to the
    // two half-planes of the wedge's sides.
    const double root = std::sqrt(0.5);
    Xy n{root, root};
    Xy d{root, -root};
    Xy first = at_turn(0, 0, 1, from);
    Xy last = at_turn(0, 0, 1, to);
    std::vector<Segment> lines;
    double centre = n.x * cx + n.y * cy;
    for (double c = std::ceil((centre - r) / spacing) * spacing; c <= centre + r; c += spacing) {
        Xy base{c * n.x - cx, c * n.y - cy};  // the line's point at t = 0, from the centre
        double along = base.x * d.x + base.y * d.y;
        double reach = r * r - (base.x * base.x + base.y * base.y - along * along);
        if (reach <= 0) continue;
        double low = -along - std::sqrt(reach);
        double high = -along + std::sqrt(reach);
        keep_non_negative(cross(first, base), cross(first, d), low, high);
        keep_non_negative(cross(base, last), cross(d, last), low, high);
        if (high - low < 1) continue;
        lines.push_back(
            {cx + base.x + d.x * low, cy + base.y + d.y * low, cx + base.x + d.x * high, cy + base.y + d.y * high});
    }
    return lines;
}

std::string_view slice_colour(int index) {
    static constexpr std::array<std::string_view, k_palette_size> palette = {
        "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#999999"};
    return palette[static_cast<std::size_t>(index % k_palette_size)];
}

bool striped(int index) { return index >= k_palette_size; }

std::vector<Wedge> pie_wedges(const std::vector<double>& shares) {
    std::vector<Wedge> wedges;
    double total = 0;
    for (std::size_t i = 0; i < shares.size(); ++i) {
        double from = total;
        total += shares[i];
        if (shares[i] > 0) wedges.push_back({static_cast<int>(i), from, total});
    }
    return wedges;
}

std::string wedge_path(double cx, double cy, double r, double from, double to) {
    std::string radius = svg_number(r) + " " + svg_number(r);
    if (to - from >= 1) {
        return fmt::format("M {} A {} 0 1 1 {} A {} 0 1 1 {} Z", xy(at_turn(cx, cy, r, 0)), radius,
                           xy(at_turn(cx, cy, r, 0.5)), radius, xy(at_turn(cx, cy, r, 0)));
    }
    return fmt::format("M {} L {} A {} 0 {} 1 {} Z", xy({cx, cy}), xy(at_turn(cx, cy, r, from)), radius,
                       to - from > 0.5 ? 1 : 0, xy(at_turn(cx, cy, r, to)));
}

void draw_pie(tinyxml2::XMLElement* parent, double cx, double cy, double r, const std::vector<double>& shares,
              const std::vector<std::string>& titles) {
    tinyxml2::XMLElement* group = add_element(parent, "g");
    set_attribute(group, "class", "pie");
    std::vector<Wedge> wedges = pie_wedges(shares);
    if (wedges.empty()) {
        tinyxml2::XMLElement* rim = add_circle(group, cx, cy, r);
        set_attribute(rim, "class", "ring");
        set_attribute(rim, "fill", "none");
        set_attribute(rim, "stroke", k_faint);
        set_attribute(rim, "stroke-dasharray", "4 4");
        return;
    }
    if (wedges.size() == 1) {
        tinyxml2::XMLElement* whole = add_circle(group, cx, cy, r);
        set_attribute(whole, "fill", slice_colour(wedges[0].index));
        add_text_element(whole, "title", titles[static_cast<std::size_t>(wedges[0].index)]);
        if (striped(wedges[0].index)) add_stripes(group, cx, cy, r, 0, 1);
        return;
    }
    for (const Wedge& wedge : wedges) add_wedge(group, cx, cy, r, wedge, titles[static_cast<std::size_t>(wedge.index)]);
}

void draw_wheel(tinyxml2::XMLElement* parent, double cx, double cy, double r,
                const std::vector<std::optional<int>>& ratings, const std::vector<std::string>& titles) {
    tinyxml2::XMLElement* group = add_element(parent, "g");
    set_attribute(group, "class", "wheel");
    tinyxml2::XMLElement* track = add_circle(group, cx, cy, r);
    set_attribute(track, "class", "track");
    set_attribute(track, "fill", k_track);
    auto count = static_cast<double>(ratings.size());
    for (std::size_t i = 0; i < ratings.size(); ++i) {
        if (!ratings[i]) continue;
        Wedge wedge{static_cast<int>(i), static_cast<double>(i) / count, static_cast<double>(i + 1) / count};
        add_wedge(group, cx, cy, r * *ratings[i] / k_rings, wedge, titles[i]);
    }
    tinyxml2::XMLElement* rings = add_element(group, "g");
    set_attribute(rings, "class", "ring");
    set_attribute(rings, "fill", "none");
    set_attribute(rings, "stroke", k_faint);
    set_attribute(rings, "stroke-width", "0.75");
    for (int ring = 1; ring <= k_rings; ++ring) add_circle(rings, cx, cy, r * ring / k_rings);
    if (ratings.size() > 1) {
        for (std::size_t i = 0; i < ratings.size(); ++i) {
            add_line(rings, {cx, cy}, at_turn(cx, cy, r, static_cast<double>(i) / count), "", 0.75);
        }
    }
}

void draw_swatch(tinyxml2::XMLElement* parent, double x, double y, double size, int index) {
    tinyxml2::XMLElement* rect = add_element(parent, "rect");
    set_number(rect, "x", x);
    set_number(rect, "y", y);
    set_number(rect, "width", size);
    set_number(rect, "height", size);
    set_number(rect, "rx", size / 5);
    set_attribute(rect, "fill", slice_colour(index));
    if (striped(index)) {
        for (double offset : {-size / 3, 0.0, size / 3}) {
            // The diagonal x + y = const through the square's centre, moved by `offset`.
            double low = std::max(0.0, offset);
            double high = std::min(size, size + offset);
            tinyxml2::XMLElement* stripe = add_line(parent, {x + low, y + size - low + offset},
                                                    {x + high, y + size - high + offset}, k_paper, 1.5);
            set_attribute(stripe, "class", "edge");
        }
    }
}

void draw_bar(tinyxml2::XMLElement* parent, double x, double y, double width, double height, double fraction) {
    tinyxml2::XMLElement* track = add_element(parent, "rect");
    set_attribute(track, "class", "track");
    set_number(track, "x", x);
    set_number(track, "y", y);
    set_number(track, "width", width);
    set_number(track, "height", height);
    set_number(track, "rx", height / 2);
    set_attribute(track, "fill", k_track);
    if (fraction <= 0) return;
    tinyxml2::XMLElement* fill = add_element(parent, "rect");
    set_attribute(fill, "class", "bar");
    set_number(fill, "x", x);
    set_number(fill, "y", y);
    set_number(fill, "width", width * std::min(fraction, 1.0));
    set_number(fill, "height", height);
    set_number(fill, "rx", height / 2);
    set_attribute(fill, "fill", k_bar);
}

tinyxml2::XMLElement* new_svg(tinyxml2::XMLNode* parent, double width, double height, bool standalone) {
    tinyxml2::XMLElement* svg = add_element(parent, "svg");
    if (standalone) {
        set_attribute(svg, "xmlns", "http://www.w3.org/2000/svg");
        set_attribute(svg, "version", "1.1");
    }
    set_number(svg, "width", width);
    set_number(svg, "height", height);
    set_attribute(svg, "viewBox", fmt::format("0 0 {} {}", svg_number(width), svg_number(height)));
    return svg;
}

}  // namespace pie
