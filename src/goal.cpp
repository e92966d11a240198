#include <pie/goal.hpp>

#include <pie/error.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace pie {

namespace {

// The latest rating at or before `at`, from ratings oldest first.
std::optional<int> rating_at(const std::vector<std::pair<Instant, int>>& ratings, Instant at) {
    std::optional<int> latest;
    for (const auto& [when, score] : ratings) {
        if (when > at) break;
        latest = score;
    }
    return latest;
}

// The value a goal reached in one period, as of instant `at` inside or after it; counting may
// stop at `enough`.
std::optional<std::int64_t> progress_in(const Goal& goal, const Period& period, Instant at, const GoalFacts& facts,
                                        std::int64_t enough = k_all_of_it) {
    if (goal.kind == GoalKind::rating) {
        auto score = rating_at(facts.ratings, std::min(at, period.to - 1));
        return score ? std::optional<std::int64_t>(*score) : std::nullopt;
    }
    Totals totals;
    if (facts.period_totals) {
        totals = facts.period_totals(period, enough);
    } else if (auto found = facts.totals.find(period.first_day); found != facts.totals.end()) {
        totals = found->second;
    }
    return goal.minutes ? totals.minutes : totals.entries;
}

bool reaches(std::optional<std::int64_t> progress, int target) { return progress && *progress >= target; }

// Whether a pause overlaps a goal period: the streak skips such periods.
bool skipped(const GoalFacts& facts, const Period& period) {
    return std::any_of(facts.pauses.begin(), facts.pauses.end(),
                       [&](const GoalPause& pause) { return pause_overlaps(pause, period.from, period.to); });
}

// The latest period at or before `period`, from `first_counted` on, that no pause overlaps.
std::optional<Period> unskipped_from(const GoalFacts& facts, Period period, Instant first_counted) {
    for (; period.from >= first_counted; period = previous_period(period)) {
        if (!skipped(facts, period)) return period;
    }
    return std::nullopt;
}

// The number a goal's period must reach: times, minutes or rating.
int target_of(const Goal& goal) {
    return goal.kind == GoalKind::rating ? *goal.rating : goal.minutes ? *goal.minutes : goal.times.value_or(1);
}

// The start of a goal's first period: periods before the one it was added in do not count.
Instant first_period_start(const Goal& goal) { return period_containing(*goal.every, goal.created_at).from; }

}  // namespace

int goal_minutes_limit(PeriodKind every) {
    switch (every) {
        case PeriodKind::day: return 24 * 60;
        case PeriodKind::week: return 7 * 24 * 60;
        case PeriodKind::month: return k_longest_goal_minutes;
    }
    return k_longest_goal_minutes;
}

void validate_goal(const Goal& goal) {
    if (goal.times && goal.minutes) throw UserError("--times and --minutes exclude each other");
    if (goal.times && (*goal.times < 1 || *goal.times > 10000)) {
        throw UserError(fmt::format("--times {} is out of range: it must be from 1 to 10000", *goal.times));
    }
    if (goal.rating && (*goal.rating < 1 || *goal.rating > 10)) {
        throw UserError(fmt::format("--rating {} is out of range: it must be from 1 to 10", *goal.rating));
    }
    bool targets = goal.times || goal.minutes || goal.match;
    if (goal.rating && targets) throw UserError("--rating excludes --times, --minutes and --match");
    if (!goal.every && targets) throw UserError("--times, --minutes and --match need --every day|week|month");
    if (goal.match && goal.match->empty()) throw UserError("--match needs a text");
    if (goal.minutes) {
        int limit = goal_minutes_limit(*goal.every);
        if (*goal.minutes < 1 || *goal.minutes > limit) {
            throw UserError(
                fmt::format("--minutes {} is out of range for a goal every {}: it must be from 1m to {}",
                            *goal.minutes < 1 ? fmt::format("{}m", *goal.minutes) : format_duration(*goal.minutes),
                            period_kind_name(*goal.every), format_duration(limit)));
        }
    }
    // Only a record read by import can get here: `goals add` derives the kind from the targets.
    if (goal.kind == GoalKind::recurring && !(goal.every && (goal.times || goal.minutes) && !goal.rating)) {
        throw UserError("a recurring goal needs --every and --times or --minutes");
    }
    if (goal.kind == GoalKind::rating && !goal.rating) throw UserError("a rating goal needs --rating");
    if (goal.kind == GoalKind::one_off && (goal.every || goal.rating)) {
        throw UserError("a one-off goal has no --every and no --rating");
    }
}

std::string_view goal_kind_name(GoalKind kind) {
    switch (kind) {
        case GoalKind::recurring: return "recurring";
        case GoalKind::rating: return "rating";
        case GoalKind::one_off: return "one-off";
    }
    return "one-off";
}

std::string_view goal_state_name(GoalState state) {
    switch (state) {
        case GoalState::active: return "active";
        case GoalState::done: return "done";
        case GoalState::dropped: return "dropped";
    }
    return "active";
}

std::optional<GoalKind> parse_goal_kind(std::string_view text) {
    for (GoalKind kind : {GoalKind::recurring, GoalKind::rating, GoalKind::one_off}) {
        if (goal_kind_name(kind) == text) return kind;
    }
    return std::nullopt;
}

std::optional<GoalState> parse_goal_state(std::string_view text) {
    for (GoalState state : {GoalState::active, GoalState::done, GoalState::dropped}) {
        if (goal_state_name(state) == text) return state;
    }
    return std::nullopt;
}

std::string_view goal_measure(const Goal& goal) {
    switch (goal.kind) {
        case GoalKind::recurring: return goal.minutes ? "minutes" : "times";
        case GoalKind::rating: return "rating";
        case GoalKind::one_off: return "";
    }
    return "";
}

bool pause_covers(const GoalPause& pause, Instant at) {
    return pause.from <= at && (!pause.until || at < *pause.until);
}

bool pause_overlaps(const GoalPause& pause, Instant from, Instant to) {
    return pause.from < to && (!pause.until || *pause.until > from);
}

std::string pause_summary(const Goal& goal, const std::vector<GoalPause>& pauses, Instant now,
                          std::optional<Instant> until, bool pause) {
    bool paused = std::any_of(pauses.begin(), pauses.end(), [&](const GoalPause& p) { return pause_covers(p, now); });
    if (pause && goal.state != GoalState::active) {
        throw UserError(
            fmt::format("goal #{} is {}: only an active goal can be paused", goal.id, goal_state_name(goal.state)));
    }
    if (pause && paused) {
        throw UserError(fmt::format("goal #{} is already paused", goal.id),
                        fmt::format("'pie goals resume {}' ends the pause", goal.id));
    }
    if (pause && until && *until <= now) throw UserError("--until must be after now");
    if (!pause && !paused) throw UserError(fmt::format("goal #{} is not paused", goal.id));
    return pause ? "paused goal" : "resumed goal";
}

bool goal_active_at(const Goal& goal, Instant at) {
    if (goal.created_at > at) return false;
    if (goal.done_at && *goal.done_at <= at) return false;
    if (goal.dropped_at && *goal.dropped_at <= at) return false;
    return true;
}

bool resumes_streak(const Goal& goal, Instant at, const StreakMark& known) {
    return goal.every && known.until <= period_containing(*goal.every, at).from &&
           period_containing(*goal.every, known.until).from == known.until;
}

StreakMark closed_streak(const Goal& goal, Instant at, const GoalFacts& facts) {
    if (!goal.every) return StreakMark{at, 0};
    Period current = period_containing(*goal.every, at);
    Instant first = first_period_start(goal);
    int target = target_of(goal);
    auto met = [&](const Period& period) { return reaches(progress_in(goal, period, at, facts, target), target); };
    StreakMark mark{current.from, 0};
    if (facts.known && resumes_streak(goal, at, *facts.known)) {
        // Forward over the periods closed since: a met one adds, an unmet one breaks, a paused one
        // neither; periods before the goal's first do not count.
        mark.run = facts.known->run;
        for (Period next = period_containing(*goal.every, facts.known->until); next.from < current.from;
             next = next_period(next)) {
            if (next.from < first) {
                mark.run = 0;
            } else if (!skipped(facts, next)) {
                mark.run = met(next) ? mark.run + 1 : 0;
            }
        }
        return mark;
    }
    for (std::optional<Period> p = unskipped_from(facts, previous_period(current), first); p && met(*p);
         p = unskipped_from(facts, previous_period(*p), first)) {
        ++mark.run;
    }
    return mark;
}

GoalStatus evaluate_goal(const Goal& goal, Instant at, const GoalFacts& facts, bool with_streak) {
    GoalStatus status;
    status.paused = std::any_of(facts.pauses.begin(), facts.pauses.end(),
                                [&](const GoalPause& pause) { return pause_covers(pause, at); });
    if (goal.kind == GoalKind::one_off) {
        status.met = goal.done_at && *goal.done_at <= at;
        return status;
    }
    int target = target_of(goal);
    status.target = target;
    if (!goal.every) {  // a rating goal without periods: the latest rating now
        auto score = rating_at(facts.ratings, at);
        if (score) status.progress = *score;
        status.met = reaches(status.progress, target);
        return status;
    }

    Period current = period_containing(*goal.every, at);
    status.period = current;
    status.progress = progress_in(goal, current, at, facts);
    status.met = reaches(status.progress, target);
    if (!with_streak) return status;

    // The current period adds to the streak of the closed ones when met (and counted, not paused);
    // unmet, it does not break it yet.
    bool current_counts = current.from >= first_period_start(goal) && !skipped(facts, current) && status.met;
    status.streak = closed_streak(goal, at, facts).run + (current_counts ? 1 : 0);
    return status;
}

}  // namespace pie
