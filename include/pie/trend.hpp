#pragma once

// How the pie changed over the last N weeks or months (§10 `pie trend`). Pure: each period's
// numbers come from compute_report over the store's SliceFacts for it, exactly as `pie report`.

#include <pie/period.hpp>
#include <pie/report.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pie {

// The most and fewest periods a trend shows, by unit.
inline constexpr int k_min_trend_periods = 2;
inline constexpr int k_max_trend_weeks = 104;
inline constexpr int k_max_trend_months = 60;

// The last `count` ISO weeks or months (`unit`), oldest first, the one holding `now` last; each
// with the label and words `pie report --week`/`--month` give it.
std::vector<ReportPeriod> trend_periods(PeriodKind unit, int count, Instant now);

// One group of rated periods: how many, and their mean rating (exact; renderers round).
struct RatingGroup {
    int periods = 0;
    double mean_rating = 0;
};

// "What goes with feeling better": the rated periods split at the median of their minutes.
struct RatingByTime {
    RatingGroup more;  // minutes at least the median
    RatingGroup less;  // the rest
};

// The fewest rated periods rating_by_time is computed on.
inline constexpr int k_min_rated_periods = 6;

// The median split of (minutes, rating) pairs; nullopt with fewer than k_min_rated_periods pairs
// or when either group is empty.
std::optional<RatingByTime> rating_by_time(const std::vector<std::pair<std::int64_t, int>>& rated);

// The whole pie in one period: its report's totals, basis and balance.
struct TrendPeriod {
    ReportPeriod period;
    Totals totals;
    Basis basis = Basis::minutes;  // after the report's fallback to count
    std::optional<int> balance;
};

// A shown slice: one value per period, oldest first (0 where the slice is not counted).
struct TrendSlice {
    std::string name;
    std::string label;
    std::vector<std::int64_t> entries;
    std::vector<std::int64_t> minutes;
    std::vector<double> share;               // exact; renderers round
    std::vector<std::optional<int>> rating;  // the latest rating given inside the period
    std::optional<RatingByTime> rating_by_time;
    // Its colour in pictures (slice_colour): its place in the current period's report, as the
    // report's charts colour it; a slice not counted now comes after those, in pie order.
    int colour = 0;
};

// A whole trend, as every format shows it.
struct Trend {
    PeriodKind unit = PeriodKind::week;
    Basis basis = Basis::minutes;  // as asked
    std::vector<TrendPeriod> periods;
    std::vector<TrendSlice> slices;  // in pie order
};

// The trend over `periods` with `facts[i]` the store's facts of every slice (pie order) for
// periods[i]. Shown: the slices named in `only` (names as stored), else every slice counted in at
// least one period.
Trend compute_trend(PeriodKind unit, Basis basis, Instant now, const std::vector<ReportPeriod>& periods,
                    const std::vector<std::vector<SliceFacts>>& facts, const std::vector<std::string>& only);

}  // namespace pie
