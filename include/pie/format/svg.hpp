#pragma once

// Drawing blocks shared by every picture (§13): the slice palette, wedges of circles, the
// attention pie, the satisfaction wheel, legend swatches and goal bars, added to a tinyxml2
// tree. Geometry is computed first (pie_wedges), elements second. Pure.

#include <tinyxml2.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pie {

// Colours of the standalone SVG; the HTML page overrides them by class for its dark scheme.
inline constexpr std::string_view k_ink = "#1b1b1b";    // text
inline constexpr std::string_view k_muted = "#5f5f5f";  // secondary text
inline constexpr std::string_view k_paper = "#ffffff";  // background and wedge edges
inline constexpr std::string_view k_faint = "#c8c8c8";  // rings, spokes, outlines
inline constexpr std::string_view k_track = "#f0f0f0";  // the wheel's track, empty goal bars
inline constexpr std::string_view k_bar = "#0072B2";    // the filled part of a goal bar

// Colours before the palette repeats.
inline constexpr int k_palette_size = 8;

// The colour of the slice at `index` (pie order) in every chart: the Okabe-Ito palette, its
// seven hues and a grey in place of its black (which would vanish on a dark page); it repeats
// past eight slices, where striped() adds a second cue.
std::string_view slice_colour(int index);

// Whether the slice at `index` is drawn striped (hatched): from the ninth slice on, when colours
// repeat.
bool striped(int index);

// One wedge of a circle, in turns clockwise from 12 o'clock: [from, to).
struct Wedge {
    int index = 0;  // the slice it belongs to
    double from = 0;
    double to = 0;
};

// The attention pie's wedges: each share's angle exactly proportional to it, clockwise from
// 12 o'clock in the shares' order; shares of 0 get none.
std::vector<Wedge> pie_wedges(const std::vector<double>& shares);

// Path data of a wedge of the circle of radius `r` around (cx, cy): from the centre, along an
// arc ("A") from `from` to `to` (turns), back to the centre. A whole turn is two half arcs.
std::string wedge_path(double cx, double cy, double r, double from, double to);

// A line segment from (x1, y1) to (x2, y2).
struct Segment {
    double x1 = 0;
    double y1 = 0;
    double x2 = 0;
    double y2 = 0;
};

// Diagonal hatching, lines `spacing` apart going up to the right, clipped to the wedge [from, to)
// of the circle of radius `r` around (cx, cy): the second cue of a striped slice.
std::vector<Segment> hatch_lines(double cx, double cy, double r, double from, double to, double spacing);

// The attention pie of radius `r` around (cx, cy), into `parent`: a <path> per wedge (a
// <circle> for a share of 100%), a faint circle when every share is 0. `titles` (one per share)
// become each wedge's tooltip.
void draw_pie(tinyxml2::XMLElement* parent, double cx, double cy, double r, const std::vector<double>& shares,
              const std::vector<std::string>& titles);

// The satisfaction wheel: a track, faint rings at 1..10, spokes, and one equal wedge per slice
// filled out to rating/10 of `r` (none for an unrated slice), each with its tooltip.
void draw_wheel(tinyxml2::XMLElement* parent, double cx, double cy, double r,
                const std::vector<std::optional<int>>& ratings, const std::vector<std::string>& titles);

// A legend swatch of the slice at `index`: a square of side `size` at (x, y), striped if need be.
void draw_swatch(tinyxml2::XMLElement* parent, double x, double y, double size, int index);

// A goal's progress as a bar `width` x `height` at (x, y), filled to `fraction` (0..1).
void draw_bar(tinyxml2::XMLElement* parent, double x, double y, double width, double height, double fraction);

// A new <svg> element with the SVG namespace (when `standalone`), width, height and viewBox.
tinyxml2::XMLElement* new_svg(tinyxml2::XMLNode* parent, double width, double height, bool standalone);

}  // namespace pie
