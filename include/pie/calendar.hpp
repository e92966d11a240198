#pragma once

// A heatmap of days (§10 `pie calendar`): 7 rows, Monday to Sunday, one column per ISO week,
// each day at one of five levels split at the quartiles of the non-zero days. Pure: the store
// supplies each day's totals.

#include <pie/goal.hpp>
#include <pie/report.hpp>
#include <pie/time.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

namespace pie {

// The weeks a calendar takes, and shows by default.
inline constexpr int k_min_calendar_weeks = 1;
inline constexpr int k_max_calendar_weeks = 53;
inline constexpr int k_default_calendar_weeks = 26;

// The Monday of the first of the last `weeks` ISO weeks, the one holding `today` last.
Date calendar_first_day(int weeks, const Date& today);

// q1, q2, q3 of `values` (non-zero, any order): with n sorted values, q_k is the value at rank
// ceil(k * n / 4) (nearest rank). Empty input: nullopt.
std::optional<std::array<std::int64_t, 3>> nearest_rank_quartiles(std::vector<std::int64_t> values);

// The level of a day with value `value`: 0 when it is 0, else 1-4 by the quartiles.
int calendar_level(std::int64_t value, const std::array<std::int64_t, 3>& quartiles);

// One day of a calendar.
struct CalendarDay {
    Date date;
    Totals totals;
    int level = 0;
};

// A whole calendar, as every format shows it.
struct Calendar {
    Date from;  // the Monday of the first week
    Date to;    // the Sunday of the current week
    Date today;
    Basis by = Basis::minutes;
    std::optional<std::array<std::int64_t, 3>> levels;  // nullopt when no day has a value
    std::vector<CalendarDay> days;                      // from `from` to today
};

// The calendar of the last `weeks` weeks up to `today`, with `totals[i]` the entries and minutes
// of day from + i (from `from` to today).
Calendar compute_calendar(int weeks, Basis by, const Date& today, const std::vector<Totals>& totals);

// The value a day has: its minutes, or its entries with --by count.
std::int64_t calendar_value(const Totals& totals, Basis by);

}  // namespace pie
