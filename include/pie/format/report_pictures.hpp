#pragma once

// A Report as pictures (§13): one standalone SVG document, or one self-contained HTML page with
// the charts as inline SVG. Each renderer returns the whole output; the same report gives the
// same bytes. Pure.

#include <pie/report.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pie {

// What the two charts of a report draw, slice by slice in pie order: shares, ratings, and each
// wedge's tooltip ("Career (career): 4h, 40.0%", "Career (career): 7/10").
struct ReportCharts {
    std::vector<double> shares;
    std::vector<std::optional<int>> ratings;
    std::vector<std::string> pie_titles;
    std::vector<std::string> wheel_titles;
};
ReportCharts report_charts(const Report& report);

// Header, attention pie and satisfaction wheel with their legends, findings and goals, as one
// SVG 1.1 document on a light background.
std::string render_svg(const Report& report);

// Everything the text report shows, as one HTML page without script or any external resource,
// in light and dark colour schemes, readable at a phone's width.
std::string render_html(const Report& report);

}  // namespace pie
