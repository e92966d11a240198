#pragma once

// A Trend as text, markdown, JSON or CSV (§10 `pie trend`). Each renderer returns the whole output.

#include <pie/format/report.hpp>
#include <pie/trend.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pie {

// A sparkline: one character per value, each value already scaled to [0, 1] and drawn with the
// ramp's character number round(7 * x) (`▁▂▃▄▅▆▇█`, or `_.-=+*#@` with `ascii`); a blank for null.
std::string sparkline(const std::vector<std::optional<double>>& scaled, bool ascii);

// "In the 6 weeks with more social time you rated social 6.5 on average; in the other 6, 3.8."
// for each shown slice whose two means (rounded to 1 decimal) differ by at least 1.0.
std::vector<std::string> trend_sentences(const Trend& trend);

// Header, the balance score's sparkline with its first, last, lowest and highest value, one row
// per slice (share sparkline, this period's time, the total, rating sparkline), the sentences.
std::string render_text(const Trend& trend, const RenderOptions& options);

// A heading, the sparklines in a fenced block, a pipe table with one row per period, the sentences.
std::string render_markdown(const Trend& trend, const RenderOptions& options);

// Exactly the §10 schema.
std::string render_json(const Trend& trend);

// period,from,to,slice,entries,minutes,share,rating,balance: one row per period and shown slice.
std::string render_csv(const Trend& trend);

}  // namespace pie
