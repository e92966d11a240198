#pragma once

// A Trend as pictures (§10, §13): one standalone SVG document, or one self-contained HTML page
// with the charts as inline SVG and everything the text trend shows. Each renderer returns the
// whole output; the same trend gives the same bytes. Pure.

#include <pie/format/trend_svg.hpp>
#include <pie/trend.hpp>

#include <string>

namespace pie {

// What the trend's charts draw: its title and words, the balance, each shown slice's shares in
// its colour (TrendSlice::colour), the sentences of "what goes with feeling better".
TrendData trend_data(const Trend& trend);

// The balance chart and a small multiple per slice as one SVG 1.1 document.
std::string render_svg(const Trend& trend);

// Everything the text trend shows, charts and tables, as one HTML page without script or any
// external resource, in light and dark colour schemes, readable at a phone's width.
std::string render_html(const Trend& trend);

}  // namespace pie
