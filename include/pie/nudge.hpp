#pragma once

// `pie nudge` (§11): at most one kind line for a shell prompt, from four kinds of candidate in
// priority order. Pure: the store supplies bounded facts (the last 90 days of each slice, the
// latest rating, the last 7 days' minutes, the current period of each goal).

#include <pie/goal.hpp>
#include <pie/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pie {

// What nudge knows of one slice.
struct NudgeSlice {
    std::string name;
    bool active = true;                   // not retired
    std::vector<Instant> recent_entries;  // its entries in the last 90 days, oldest first (read
                                          // only when it may be quiet: see may_be_quiet)
    std::optional<Instant> last_entry;    // its latest entry up to now, ever
    std::int64_t minutes_7 = 0;           // its minutes in the last 7 days (the report's default period)
};

// A goal with how it stands now (the current period only, no streak).
struct NudgeGoal {
    Goal goal;
    GoalStatus status;
};

// Everything nudge decides on.
struct NudgeFacts {
    Instant now = 0;
    std::vector<NudgeSlice> slices;      // every slice, in pie order
    std::optional<Instant> last_rating;  // of any slice, up to now
    std::vector<NudgeGoal> goals;        // the goals that may be due (may_be_due)
};

// One candidate line. `kind` is goal_due, quiet, unrated or hyper_focus; `days` the whole days
// since the last entry (quiet) or rating (unrated).
struct Nudge {
    std::string kind;
    std::optional<std::string> slice;
    std::optional<std::int64_t> goal;
    std::optional<std::int64_t> days;
    std::string text;  // raw: user text unescaped; fits 100 columns once shown
};

// The days nudge looks back for the quiet rule, and the window its facts cover.
inline constexpr int k_nudge_recent_days = 90;

// Whether a slice last logged at `last_entry` can be quiet at `now` (§11: more than 7 whole
// days since): only then does the quiet rule need its 90 days of entries, so a nudge on a pie
// in daily use reads none of them.
bool may_be_quiet(bool active, std::optional<Instant> last_entry, Instant now);

// Whether `goal` can be due at `now` (§11): active, weekly or monthly, its current period ending
// within 48 hours. Only then does the nudge read how far it got, so most days it reads no goal.
bool may_be_due(const Goal& goal, Instant now);

// The first day of the last 90 days at `now` (today and the 89 days before it).
Date nudge_window_start(Instant now);

// The usual gap of a slice: the median of the gaps, in calendar days, between consecutive
// distinct local dates of `entries` (the mean of the two middle gaps for an even count);
// nullopt with fewer than two distinct dates.
std::optional<double> median_gap(const std::vector<Instant>& entries);

// Every candidate, most timely first: goal_due, quiet, unrated, hyper_focus; within a kind, the
// earliest period end, then pie order, then the lower goal id.
std::vector<Nudge> compute_nudges(const NudgeFacts& facts);

}  // namespace pie
