#pragma once

// A Trend as text, markdown, JSON or CSV (§10 `pie trend`). Each renderer returns the whole output.

#include <pie/format/report.hpp>
#include <pie/trend.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pie {

// "week" or "weeks" ("month", "months"): the trend's unit.
std::string unit_name(const Trend& trend, bool plural);

// "2026-W37 to 2026-W48": the first and last period's labels.
std::string trend_span(const Trend& trend);

// "Trend by week, 2026-W37 to 2026-W48" and "12 weeks, shares of minutes.": every format's header.
std::string trend_title(const Trend& trend);
std::string trend_subtitle(const Trend& trend);

// "first 61, last 78, low 55, high 82" over the balance scores there are.
std::string balance_stats(const Trend& trend);

// What a slice's row says: this period's time ("2h", "-"; entries with --by count) and the total.
struct TrendAmounts {
    std::string now;
    std::string total;
};
TrendAmounts trend_amounts(const Trend& trend, const TrendSlice& slice);

// One period's row of the table: label, first day, entries, time ("-" for none), balance ("-").
std::vector<std::string> period_cells(const TrendPeriod& period);

// The series the sparklines draw, scaled to [0, 1] (§10): the balance from 0 to 100, a slice's
// share from 0 to its highest, its ratings from 1 to 10; null where there is no value.
std::vector<std::optional<double>> balance_series(const Trend& trend);
std::vector<std::optional<double>> share_series(const TrendSlice& slice);
std::vector<std::optional<double>> rating_series(const TrendSlice& slice);

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
