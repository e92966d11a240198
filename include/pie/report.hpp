#pragma once

// What a report computes (§6): its period, the slices it counts with their time, share and
// ratings, the balance score and findings, and the goals. Pure: the store supplies the numbers,
// renderers in format/report.hpp turn a Report into text, markdown, JSON or CSV.

#include <pie/goal.hpp>
#include <pie/slice.hpp>
#include <pie/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pie {

// The period of a report: [from, to), its label ("2026-W47", "2026-11", "2026-11-19..2026-11-25")
// and how the findings speak of it ("this week", "in the last 7 days").
struct ReportPeriod {
    Instant from = 0;
    Instant to = 0;
    std::string label;
    std::string words;
};

// The most days --days takes: a hundred years.
inline constexpr int k_max_days = 36500;

// Today and the `days` - 1 days before it (--days N and the default, N = 7), for
// 1 <= days <= k_max_days (the command refuses other numbers, in the words of its options).
ReportPeriod days_period(int days, Instant now);

// A whole ISO week or month: `value` is "this", "last", "2026-W47" / "2026-11". Throws UserError
// for anything else, and for a week or month that does not exist (2026-W60, 2026-13).
ReportPeriod week_period(std::string_view value, Instant now);
ReportPeriod month_period(std::string_view value, Instant now);

// --since/--until as given, from < to (the command refuses other ranges, naming what was typed).
ReportPeriod range_period(Instant from, Instant to);

// --all: from the day of the earliest record to the start of the day after the latest one or of
// tomorrow, whichever is later; the days up to tomorrow when there is no record.
ReportPeriod all_period(std::optional<Instant> earliest, std::optional<Instant> latest, Instant now);

// What the store knows of one slice for a report's period.
struct SliceFacts {
    Slice slice;
    Totals totals;                       // entries and minutes in the period
    std::optional<Instant> last_logged;  // the latest entry before the period's end
    std::optional<int> rating;           // the latest rating at or before the period's end
    std::optional<Instant> rating_at;    // when that rating was given
    std::optional<int> rating_before;    // the latest rating before the period's start
    std::optional<bool> retired_at_end;  // by the slice's history; unset: judged by slice.retired_at
};

// Whether a report counts a slice (§2): it has entries in the period, or it was added before the
// period's end and is not retired at it (by its history when the facts carry it).
bool slice_counted(const SliceFacts& facts, const ReportPeriod& period);

// Whether a goal belongs in a report: active at its end, or a one-off goal done inside it.
bool goal_in_report(const Goal& goal, const ReportPeriod& period);

// A goal with how it stands at the report's last instant.
struct GoalReport {
    Goal goal;
    GoalStatus status;
};

// What shares are taken of: minutes, or entry counts.
enum class Basis { minutes, count };
std::string_view basis_name(Basis basis);

// One counted slice in a report.
struct SliceReport {
    std::string name;
    std::string label;
    std::int64_t entries = 0;
    std::int64_t minutes = 0;
    double share = 0;  // exact; renderers round
    std::optional<int> rating;
    std::optional<int> rating_change;
    std::optional<Instant> last_logged;
    std::optional<std::int64_t> days_since_last;
    bool neglected = false;
    bool hyper_focus = false;
    bool needs_care = false;
};

// A whole report, as every format shows it.
struct Report {
    ReportPeriod period;
    Instant now = 0;
    Basis basis = Basis::minutes;  // the basis used, after the fallback to count
    Totals totals;
    std::vector<SliceReport> slices;  // counted slices, in pie order
    std::optional<int> balance;
    std::vector<std::string> hyper_focus;
    std::vector<std::string> neglected;
    std::vector<std::string> needs_care;
    std::optional<double> average_rating;  // exact; renderers round
    std::vector<GoalReport> goals;
    // The intentions of reviews made inside the period (§11), oldest first: (at, text).
    std::vector<std::pair<Instant, std::string>> intentions;
};

// Share above which a slice counts as hyper-focus.
inline constexpr double k_hyper_focus_share = 0.40;

// Latest rating at or below which a slice with a small share needs care.
inline constexpr int k_needs_care_rating = 4;

// The report over `slices` (all slices, in pie order; the uncounted are left out) and `goals`
// (already chosen with goal_in_report and evaluated).
Report compute_report(const ReportPeriod& period, Basis basis, Instant now, const std::vector<SliceFacts>& slices,
                      std::vector<GoalReport> goals);

// round(100 * H / ln k) over the shares of k slices; nullopt when k < 2 or all shares are 0.
std::optional<int> balance_score(const std::vector<double>& shares);

}  // namespace pie
