#pragma once

// Goals per slice and how they are going (§5). Pure: the store supplies the numbers.

#include <pie/period.hpp>
#include <pie/time.hpp>

#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace pie {

enum class GoalKind { recurring, rating, one_off };
enum class GoalState { active, done, dropped };

std::string_view goal_kind_name(GoalKind kind);
std::string_view goal_state_name(GoalState state);

// The kind or state a name gives ("recurring", "rating", "one-off"; "active", "done",
// "dropped"); nullopt for anything else.
std::optional<GoalKind> parse_goal_kind(std::string_view text);
std::optional<GoalState> parse_goal_state(std::string_view text);

// A goal as stored.
struct Goal {
    std::int64_t id = 0;
    std::string uuid;
    std::int64_t slice_id = 0;
    std::string slice;
    std::string title;
    GoalKind kind = GoalKind::one_off;
    std::optional<PeriodKind> every;
    std::optional<int> times;    // recurring: entries per period (default 1)
    std::optional<int> minutes;  // recurring: minutes per period
    std::optional<std::string> match;
    std::optional<int> rating;  // rating goal: latest rating at least this
    GoalState state = GoalState::active;
    Instant created_at = 0;
    std::optional<Instant> done_at;
    std::optional<Instant> dropped_at;
    Instant changed_at = 0;
};

// A pause of a goal (§5): from `from` until `until` (exclusive), or open while `until` is empty.
struct GoalPause {
    Instant from = 0;
    std::optional<Instant> until;
};

// Whether a pause covers instant `at`, and whether it overlaps the instants [from, to).
bool pause_covers(const GoalPause& pause, Instant at);
bool pause_overlaps(const GoalPause& pause, Instant from, Instant to);

// Whether goal `goal` with these pauses may be paused (`pause`) or resumed at `now`, a pause
// ending at `until`: the word for the summary ("paused", "resumed"), or a UserError naming why
// not (a goal done, dropped or already paused; not paused; an end not after now).
std::string pause_summary(const Goal& goal, const std::vector<GoalPause>& pauses, Instant now,
                          std::optional<Instant> until, bool pause);

// What counts toward a recurring goal in one period.
struct Totals {
    std::int64_t entries = 0;
    std::int64_t minutes = 0;
};

// A goal's streak over its closed periods, as the store keeps it: `run` consecutive met periods
// (paused ones skipped, neither counting nor breaking it) up to the period that ends at `until`.
struct StreakMark {
    Instant until = 0;
    int run = 0;
};

// The numbers a goal is evaluated on, read by the store for one goal:
// recurring goals: totals per period, keyed by the period's first day, from the period the goal
// was added in up to the evaluation instant; rating goals: the slice's ratings up to it, oldest first.
// Instead of `totals`, a store may supply `period_totals`: the totals of one period up to the
// evaluation instant, read when asked, where counting may stop once the goal's measure reaches
// `enough`. A streak then costs one indexed lookup per period back to the first unmet one, not a
// pass over every entry since the goal was added.
struct GoalFacts {
    std::map<Date, Totals> totals;
    std::vector<std::pair<Instant, int>> ratings;  // (at, score)
    std::function<Totals(const Period& period, std::int64_t enough)> period_totals;
    std::vector<GoalPause> pauses;  // the goal's pauses, any order
    // The streak the store kept for this goal, if any: brought forward over the periods closed
    // since, instead of walking back over the whole history.
    std::optional<StreakMark> known;
};

// `enough` when the whole total is wanted.
inline constexpr std::int64_t k_all_of_it = std::numeric_limits<std::int64_t>::max();

// How a goal stands at an instant.
struct GoalStatus {
    std::optional<Period> period;          // the goal period containing the instant (goals with --every)
    std::optional<int> target;             // times, minutes or rating; none for one-off goals
    std::optional<std::int64_t> progress;  // the value reached; none when unrated or one-off
    bool met = false;
    std::optional<int> streak;  // goals with --every only
    bool paused = false;        // a pause covers the instant
};

// The most minutes a goal may ask for in one period: its length (24h a day, 168h a week, 744h a
// month); k_longest_goal_minutes for the longest period.
int goal_minutes_limit(PeriodKind every);
inline constexpr int k_longest_goal_minutes = 744 * 60;

// Throws UserError unless `goal`'s targets are valid (§5): --times 1-10000, --rating 1-10,
// --minutes 1m up to its period's length; --times and --minutes exclude each other and need
// --every, as --match (a non-empty text) does; --rating excludes all three; and the kind fits
// (recurring: --every and a target; rating: --rating; one-off: none). The one check for
// `goals add` and import; its words name the options of `goals add`.
void validate_goal(const Goal& goal);

// Evaluates `goal` at instant `at` (now, or a report's last instant); without `with_streak` the
// streak is left out and only the current period is read.
GoalStatus evaluate_goal(const Goal& goal, Instant at, const GoalFacts& facts, bool with_streak = true);

// The streak of `goal` over its periods closed before the one containing `at` (the mark ends where
// that period starts): brought forward from `facts.known` when it ends at a period boundary at or
// before that, else counted back from scratch. evaluate_goal adds the current period to it.
StreakMark closed_streak(const Goal& goal, Instant at, const GoalFacts& facts);

// Whether closed_streak brings `known` forward for `goal` at `at` (it ends at a period boundary at
// or before the period containing `at`): then it reads nothing from before `known.until`.
bool resumes_streak(const Goal& goal, Instant at, const StreakMark& known);

// The key of the target and progress objects: "times", "minutes" or "rating"; empty for one-off goals.
std::string_view goal_measure(const Goal& goal);

// Whether a goal is active at instant `at` (added by then, not done or dropped by then).
bool goal_active_at(const Goal& goal, Instant at);

}  // namespace pie
