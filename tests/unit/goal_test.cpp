#include <doctest/doctest.h>

#include "support.hpp"

#include <pie/error.hpp>
#include <pie/goal.hpp>
#include <pie/period.hpp>
#include <pie/time.hpp>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

// Unit tests of goal evaluation against §5: progress in the period containing the evaluation
// instant, met, and the streak ("consecutive met periods ending with the current one if it is
// met, else with the previous one; periods before the one in which the goal was added do not
// count"). Goals and facts are built by hand, no database; the zone is Europe/Berlin, so every
// instant below is written as its UTC reading with the offset (+1 in winter, +2 in summer).

using pie::Date;
using pie::Goal;
using pie::GoalFacts;
using pie::GoalKind;
using pie::GoalState;
using pie::GoalStatus;
using pie::Instant;
using pie::PeriodKind;
using pie::Totals;
using pie::test::date_of;
using pie::test::k_now;
using pie::test::utc_time;

namespace {

// Tue 2026-11-24 18:30 CET, the tests' "now". Its ISO week starts Monday 2026-11-23.

Goal recurring(PeriodKind every, Instant created_at) {
    Goal goal;
    goal.id = 1;
    goal.slice = "social";
    goal.title = "peer consultation";
    goal.kind = GoalKind::recurring;
    goal.every = every;
    goal.created_at = goal.changed_at = created_at;
    return goal;
}

Goal rating_goal(int rating, std::optional<PeriodKind> every, Instant created_at) {
    Goal goal;
    goal.id = 2;
    goal.slice = "mental-health";
    goal.title = "feel rested";
    goal.kind = GoalKind::rating;
    goal.rating = rating;
    goal.every = every;
    goal.created_at = goal.changed_at = created_at;
    return goal;
}

Goal one_off(Instant created_at) {
    Goal goal;
    goal.id = 3;
    goal.slice = "family";
    goal.title = "visit grandma";
    goal.kind = GoalKind::one_off;
    goal.created_at = goal.changed_at = created_at;
    return goal;
}

Totals entries(std::int64_t n, std::int64_t minutes = 0) { return Totals{n, minutes}; }

}  // namespace

TEST_CASE("weekly, default 1 time: four consecutive met weeks give a streak of 4") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Goal goal = recurring(PeriodKind::week, utc_time(2026, 11, 2, 9));  // Mon 2 Nov 10:00
    GoalFacts facts;
    facts.totals[date_of(2026, 11, 2)] = entries(1);
    facts.totals[date_of(2026, 11, 9)] = entries(2);
    facts.totals[date_of(2026, 11, 16)] = entries(1);
    facts.totals[date_of(2026, 11, 23)] = entries(1);
    GoalStatus status = pie::evaluate_goal(goal, k_now, facts);
    REQUIRE(status.period.has_value());
    CHECK(status.period->kind == PeriodKind::week);
    CHECK(status.period->first_day == date_of(2026, 11, 23));
    CHECK(status.period->from == utc_time(2026, 11, 22, 23));
    CHECK(status.period->to == utc_time(2026, 11, 29, 23));
    CHECK(status.target == 1);
    CHECK(status.progress == 1);
    CHECK(status.met);
    CHECK(status.streak == 4);
}

TEST_CASE("weekly: a broken streak counts only the run ending with the current week") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Goal goal = recurring(PeriodKind::week, utc_time(2026, 11, 2, 9));
    GoalFacts facts;
    facts.totals[date_of(2026, 11, 2)] = entries(1);
    // the week of 9 November: nothing
    facts.totals[date_of(2026, 11, 16)] = entries(3);
    facts.totals[date_of(2026, 11, 23)] = entries(1);
    GoalStatus status = pie::evaluate_goal(goal, k_now, facts);
    CHECK(status.met);
    CHECK(status.progress == 1);
    CHECK(status.streak == 2);
}

TEST_CASE("weekly: the current week not yet met keeps the streak of the weeks before") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Goal goal = recurring(PeriodKind::week, utc_time(2026, 11, 2, 9));
    GoalFacts facts;
    facts.totals[date_of(2026, 11, 2)] = entries(1);
    facts.totals[date_of(2026, 11, 9)] = entries(1);
    facts.totals[date_of(2026, 11, 16)] = entries(1);
    GoalStatus status = pie::evaluate_goal(goal, k_now, facts);
    CHECK_FALSE(status.met);
    CHECK(status.progress == 0);
    CHECK(status.target == 1);
    CHECK(status.streak == 3);

    // ...and an unmet previous week ends it, whatever came before.
    facts.totals.erase(date_of(2026, 11, 16));
    status = pie::evaluate_goal(goal, k_now, facts);
    CHECK_FALSE(status.met);
    CHECK(status.streak == 0);
}

TEST_CASE("weeks before the one the goal was added in do not count, whatever the facts say") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Goal goal = recurring(PeriodKind::week, utc_time(2026, 11, 16, 9));  // Mon 16 Nov 10:00
    GoalFacts facts;
    for (Date monday : {date_of(2026, 10, 26), date_of(2026, 11, 2), date_of(2026, 11, 9), date_of(2026, 11, 16),
                        date_of(2026, 11, 23)}) {
        facts.totals[monday] = entries(1);
    }
    GoalStatus status = pie::evaluate_goal(goal, k_now, facts);
    CHECK(status.met);
    CHECK(status.streak == 2);

    // Current week unmet: only the week of 16 November counts.
    facts.totals.erase(date_of(2026, 11, 23));
    status = pie::evaluate_goal(goal, k_now, facts);
    CHECK_FALSE(status.met);
    CHECK(status.streak == 1);
}

TEST_CASE("a goal added in the middle of a period counts that whole period") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    // Added Sunday 22 November 21:00 CET: the week of 16 November counts, though the entry
    // that met it may have been logged before the goal existed.
    Goal goal = recurring(PeriodKind::week, utc_time(2026, 11, 22, 20));
    GoalFacts facts;
    facts.totals[date_of(2026, 11, 9)] = entries(1);
    facts.totals[date_of(2026, 11, 16)] = entries(1);
    facts.totals[date_of(2026, 11, 23)] = entries(2);
    GoalStatus status = pie::evaluate_goal(goal, k_now, facts);
    CHECK(status.met);
    CHECK(status.progress == 2);
    CHECK(status.streak == 2);
}

TEST_CASE("a goal added in the current period: streak 1 when met, 0 when not") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Goal goal = recurring(PeriodKind::week, utc_time(2026, 11, 24, 8));  // Tue 24 Nov 09:00
    GoalFacts facts;
    facts.totals[date_of(2026, 11, 16)] = entries(5);  // before the goal's week: ignored
    GoalStatus status = pie::evaluate_goal(goal, k_now, facts);
    CHECK_FALSE(status.met);
    CHECK(status.progress == 0);
    CHECK(status.streak == 0);
    facts.totals[date_of(2026, 11, 23)] = entries(1);
    status = pie::evaluate_goal(goal, k_now, facts);
    CHECK(status.met);
    CHECK(status.streak == 1);
}

TEST_CASE("--times N: met only from N entries on") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Goal goal = recurring(PeriodKind::week, utc_time(2026, 11, 2, 9));
    goal.times = 3;
    GoalFacts facts;
    facts.totals[date_of(2026, 11, 2)] = entries(3);
    facts.totals[date_of(2026, 11, 9)] = entries(4);
    facts.totals[date_of(2026, 11, 16)] = entries(3, 500);
    facts.totals[date_of(2026, 11, 23)] = entries(2, 600);  // minutes do not matter for --times
    GoalStatus status = pie::evaluate_goal(goal, k_now, facts);
    CHECK(status.target == 3);
    CHECK(status.progress == 2);
    CHECK_FALSE(status.met);
    CHECK(status.streak == 3);
    CHECK(pie::goal_measure(goal) == "times");

    facts.totals[date_of(2026, 11, 23)] = entries(3);
    status = pie::evaluate_goal(goal, k_now, facts);
    CHECK(status.progress == 3);
    CHECK(status.met);
    CHECK(status.streak == 4);

    facts.totals[date_of(2026, 11, 9)] = entries(2);
    status = pie::evaluate_goal(goal, k_now, facts);
    CHECK(status.streak == 2);
}

TEST_CASE("daily --minutes: progress is the minutes, not the entries") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Goal goal = recurring(PeriodKind::day, utc_time(2026, 11, 21, 7));  // Sat 21 Nov 08:00
    goal.minutes = 120;
    GoalFacts facts;
    facts.totals[date_of(2026, 11, 20)] = entries(1, 300);  // before the goal's day
    facts.totals[date_of(2026, 11, 21)] = entries(3, 60);
    facts.totals[date_of(2026, 11, 22)] = entries(1, 150);
    facts.totals[date_of(2026, 11, 23)] = entries(2, 120);  // exactly the target
    facts.totals[date_of(2026, 11, 24)] = entries(5, 90);
    GoalStatus status = pie::evaluate_goal(goal, k_now, facts);
    REQUIRE(status.period.has_value());
    CHECK(status.period->first_day == date_of(2026, 11, 24));
    CHECK(status.period->from == utc_time(2026, 11, 23, 23));
    CHECK(status.period->to == utc_time(2026, 11, 24, 23));
    CHECK(status.target == 120);
    CHECK(status.progress == 90);
    CHECK_FALSE(status.met);
    CHECK(status.streak == 2);  // 23 and 22 November; 21 November had 60 minutes
    CHECK(pie::goal_measure(goal) == "minutes");

    facts.totals[date_of(2026, 11, 24)] = entries(1, 125);
    status = pie::evaluate_goal(goal, k_now, facts);
    CHECK(status.met);
    CHECK(status.progress == 125);
    CHECK(status.streak == 3);
}

TEST_CASE("daily across the October DST change steps through whole local days") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Goal goal = recurring(PeriodKind::day, utc_time(2026, 10, 23, 10));  // Fri 23 Oct 12:00 CEST
    GoalFacts facts;
    facts.totals[date_of(2026, 10, 23)] = entries(1);
    facts.totals[date_of(2026, 10, 24)] = entries(1);
    facts.totals[date_of(2026, 10, 25)] = entries(1);  // the 25-hour day
    facts.totals[date_of(2026, 10, 26)] = entries(1);
    GoalStatus status = pie::evaluate_goal(goal, utc_time(2026, 10, 26, 11), facts);  // Mon 26 Oct 12:00 CET
    CHECK(status.met);
    CHECK(status.streak == 4);
}

TEST_CASE("weekly across the year end: 2026-W52, 2026-W53, 2027-W01") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Goal goal = recurring(PeriodKind::week, utc_time(2026, 12, 21, 9));
    GoalFacts facts;
    facts.totals[date_of(2026, 12, 21)] = entries(1);
    facts.totals[date_of(2026, 12, 28)] = entries(1);
    facts.totals[date_of(2027, 1, 4)] = entries(1);
    GoalStatus status = pie::evaluate_goal(goal, utc_time(2027, 1, 5, 12), facts);
    REQUIRE(status.period.has_value());
    CHECK(pie::period_label(*status.period) == "2027-W01");
    CHECK(status.met);
    CHECK(status.streak == 3);
}

TEST_CASE("monthly goals") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Goal goal = recurring(PeriodKind::month, utc_time(2026, 9, 15, 10));
    goal.times = 2;
    GoalFacts facts;
    facts.totals[date_of(2026, 8, 1)] = entries(9);  // before the goal's month
    facts.totals[date_of(2026, 9, 1)] = entries(2);
    facts.totals[date_of(2026, 10, 1)] = entries(2);
    facts.totals[date_of(2026, 11, 1)] = entries(2);
    GoalStatus status = pie::evaluate_goal(goal, k_now, facts);
    REQUIRE(status.period.has_value());
    CHECK(status.period->first_day == date_of(2026, 11, 1));
    CHECK(pie::period_label(*status.period) == "2026-11");
    CHECK(status.met);
    CHECK(status.progress == 2);
    CHECK(status.streak == 3);

    facts.totals[date_of(2026, 10, 1)] = entries(1);
    status = pie::evaluate_goal(goal, k_now, facts);
    CHECK(status.streak == 1);

    facts.totals.erase(date_of(2026, 11, 1));
    status = pie::evaluate_goal(goal, k_now, facts);
    CHECK_FALSE(status.met);
    CHECK(status.progress == 0);
    CHECK(status.streak == 0);
}

TEST_CASE("rating goal without --every: the latest rating at or before the instant") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Goal goal = rating_goal(7, std::nullopt, utc_time(2026, 11, 1, 9));
    GoalFacts facts;
    GoalStatus status = pie::evaluate_goal(goal, k_now, facts);
    CHECK(status.target == 7);
    CHECK_FALSE(status.progress.has_value());  // unrated
    CHECK_FALSE(status.met);
    CHECK_FALSE(status.streak.has_value());
    CHECK_FALSE(status.period.has_value());
    CHECK(pie::goal_measure(goal) == "rating");

    facts.ratings = {{utc_time(2026, 11, 10, 9), 5}, {utc_time(2026, 11, 20, 9), 8}, {k_now, 7}, {k_now + 60, 3}};
    status = pie::evaluate_goal(goal, k_now, facts);
    CHECK(status.progress == 7);  // the one at the instant itself; the later 3 does not count yet
    CHECK(status.met);
    status = pie::evaluate_goal(goal, k_now - 1, facts);
    CHECK(status.progress == 8);
    CHECK(status.met);
    status = pie::evaluate_goal(goal, k_now + 60, facts);
    CHECK(status.progress == 3);
    CHECK_FALSE(status.met);
    status = pie::evaluate_goal(goal, utc_time(2026, 11, 15), facts);
    CHECK(status.progress == 5);
    CHECK_FALSE(status.met);
    // Before any rating: unrated.
    status = pie::evaluate_goal(goal, utc_time(2026, 11, 5), facts);
    CHECK_FALSE(status.progress.has_value());
    CHECK_FALSE(status.met);
}

TEST_CASE("rating goal with --every week: each week judged on the latest rating at its end") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Goal goal = rating_goal(7, PeriodKind::week, utc_time(2026, 11, 2, 9));
    GoalFacts facts;
    // The week of 2 Nov has no rating; 10 Nov: 8 (carries over into the week of 16 Nov); 23 Nov: 5.
    facts.ratings = {{utc_time(2026, 11, 10, 9), 8}, {utc_time(2026, 11, 23, 9), 5}};
    GoalStatus status = pie::evaluate_goal(goal, k_now, facts);
    REQUIRE(status.period.has_value());
    CHECK(status.period->first_day == date_of(2026, 11, 23));
    CHECK(status.target == 7);
    CHECK(status.progress == 5);
    CHECK_FALSE(status.met);
    CHECK(status.streak == 2);  // weeks of 16 and 9 November; the week of 2 November was unrated

    facts.ratings.emplace_back(utc_time(2026, 11, 24, 7), 9);
    status = pie::evaluate_goal(goal, k_now, facts);
    CHECK(status.progress == 9);
    CHECK(status.met);
    CHECK(status.streak == 3);

    // Unrated so far: progress none, not met, streak 0.
    GoalStatus unrated = pie::evaluate_goal(goal, k_now, GoalFacts{});
    CHECK_FALSE(unrated.progress.has_value());
    CHECK_FALSE(unrated.met);
    CHECK(unrated.streak == 0);
}

TEST_CASE("one-off goal: met only once done, at or before the instant") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Goal goal = one_off(utc_time(2026, 11, 1, 9));
    GoalStatus status = pie::evaluate_goal(goal, k_now, GoalFacts{});
    CHECK_FALSE(status.met);
    CHECK_FALSE(status.target.has_value());
    CHECK_FALSE(status.progress.has_value());
    CHECK_FALSE(status.streak.has_value());
    CHECK_FALSE(status.period.has_value());
    CHECK(pie::goal_measure(goal).empty());

    goal.state = GoalState::done;
    goal.done_at = utc_time(2026, 11, 20, 9);
    CHECK(pie::evaluate_goal(goal, k_now, GoalFacts{}).met);
    CHECK(pie::evaluate_goal(goal, *goal.done_at, GoalFacts{}).met);
    CHECK_FALSE(pie::evaluate_goal(goal, *goal.done_at - 1, GoalFacts{}).met);
}

TEST_CASE("goal_active_at: added by then, not done or dropped by then") {
    Goal goal = one_off(1000);
    CHECK_FALSE(pie::goal_active_at(goal, 999));
    CHECK(pie::goal_active_at(goal, 1000));
    CHECK(pie::goal_active_at(goal, 1'000'000));
    goal.state = GoalState::done;
    goal.done_at = 2000;
    CHECK(pie::goal_active_at(goal, 1999));
    CHECK_FALSE(pie::goal_active_at(goal, 2000));
    CHECK_FALSE(pie::goal_active_at(goal, 3000));

    Goal dropped = recurring(PeriodKind::week, 1000);
    dropped.state = GoalState::dropped;
    dropped.dropped_at = 5000;
    CHECK_FALSE(pie::goal_active_at(dropped, 500));
    CHECK(pie::goal_active_at(dropped, 4999));
    CHECK_FALSE(pie::goal_active_at(dropped, 5000));
}

TEST_CASE("goal_measure, goal_kind_name and goal_state_name") {
    Goal times = recurring(PeriodKind::week, 0);
    CHECK(pie::goal_measure(times) == "times");  // no --times: the default 1 time
    times.times = 2;
    CHECK(pie::goal_measure(times) == "times");
    Goal minutes = recurring(PeriodKind::day, 0);
    minutes.minutes = 30;
    CHECK(pie::goal_measure(minutes) == "minutes");
    CHECK(pie::goal_measure(rating_goal(6, std::nullopt, 0)) == "rating");
    CHECK(pie::goal_measure(rating_goal(6, PeriodKind::month, 0)) == "rating");
    CHECK(pie::goal_measure(one_off(0)) == "");

    CHECK(pie::goal_kind_name(GoalKind::recurring) == "recurring");
    CHECK(pie::goal_kind_name(GoalKind::rating) == "rating");
    CHECK(pie::goal_kind_name(GoalKind::one_off) == "one-off");
    CHECK(pie::goal_state_name(GoalState::active) == "active");
    CHECK(pie::goal_state_name(GoalState::done) == "done");
    CHECK(pie::goal_state_name(GoalState::dropped) == "dropped");
}

TEST_CASE("the default times target is 1 when a recurring goal has no --times") {
    pie::test::ZoneGuard zone("UTC");
    Goal goal = recurring(PeriodKind::day, utc_time(2026, 11, 24));
    CHECK_FALSE(goal.times.has_value());
    GoalFacts facts;
    facts.totals[date_of(2026, 11, 24)] = entries(1);
    GoalStatus status = pie::evaluate_goal(goal, utc_time(2026, 11, 24, 12), facts);
    CHECK(status.target == 1);
    CHECK(status.met);
    CHECK(status.streak == 1);
}

TEST_CASE("validate_goal: a goal's --minutes may reach the length of its period") {
    Goal goal;
    goal.kind = GoalKind::recurring;
    goal.every = PeriodKind::day;
    goal.minutes = 24 * 60;
    CHECK_NOTHROW(pie::validate_goal(goal));
    goal.minutes = 30 * 60;
    CHECK_THROWS_WITH_AS(pie::validate_goal(goal),
                         "--minutes 30h is out of range for a goal every day: it must be from 1m to 24h",
                         pie::UserError);
    goal.every = PeriodKind::week;
    CHECK_NOTHROW(pie::validate_goal(goal));
    goal.minutes = 168 * 60 + 1;
    CHECK_THROWS_AS(pie::validate_goal(goal), pie::UserError);
    goal.every = PeriodKind::month;
    CHECK_NOTHROW(pie::validate_goal(goal));
    goal.minutes = 744 * 60;
    CHECK_NOTHROW(pie::validate_goal(goal));
    goal.minutes = 744 * 60 + 1;
    CHECK_THROWS_AS(pie::validate_goal(goal), pie::UserError);
    goal.minutes = 0;
    CHECK_THROWS_WITH_AS(pie::validate_goal(goal),
                         "--minutes 0m is out of range for a goal every month: it must be from 1m to 744h",
                         pie::UserError);
    CHECK(pie::goal_minutes_limit(PeriodKind::day) == 1440);
    CHECK(pie::goal_minutes_limit(PeriodKind::week) == 10080);
    CHECK(pie::goal_minutes_limit(PeriodKind::month) == pie::k_longest_goal_minutes);
}

TEST_CASE("validate_goal: targets exclude each other and need --every; the kind fits them") {
    Goal recurring;
    recurring.kind = GoalKind::recurring;
    recurring.every = PeriodKind::week;
    recurring.times = 1;
    CHECK_NOTHROW(pie::validate_goal(recurring));
    Goal both = recurring;
    both.minutes = 30;
    CHECK_THROWS_WITH(pie::validate_goal(both), "--times and --minutes exclude each other");
    Goal many = recurring;
    many.times = 10001;
    CHECK_THROWS_WITH(pie::validate_goal(many), "--times 10001 is out of range: it must be from 1 to 10000");
    Goal empty_match = recurring;
    empty_match.match = "";
    CHECK_THROWS_WITH(pie::validate_goal(empty_match), "--match needs a text");
    Goal no_every = recurring;
    no_every.every.reset();
    no_every.kind = GoalKind::one_off;
    CHECK_THROWS_WITH(pie::validate_goal(no_every), "--times, --minutes and --match need --every day|week|month");
    Goal no_target = recurring;
    no_target.times.reset();
    CHECK_THROWS_WITH(pie::validate_goal(no_target), "a recurring goal needs --every and --times or --minutes");

    Goal rating;
    rating.kind = GoalKind::rating;
    rating.rating = 7;
    CHECK_NOTHROW(pie::validate_goal(rating));
    rating.every = PeriodKind::month;
    CHECK_NOTHROW(pie::validate_goal(rating));
    rating.rating = 11;
    CHECK_THROWS_WITH(pie::validate_goal(rating), "--rating 11 is out of range: it must be from 1 to 10");
    rating.rating = 7;
    rating.match = "x";
    CHECK_THROWS_WITH(pie::validate_goal(rating), "--rating excludes --times, --minutes and --match");
    Goal unrated;
    unrated.kind = GoalKind::rating;
    CHECK_THROWS_WITH(pie::validate_goal(unrated), "a rating goal needs --rating");

    Goal one_off;
    CHECK_NOTHROW(pie::validate_goal(one_off));
    one_off.every = PeriodKind::day;
    CHECK_THROWS_WITH(pie::validate_goal(one_off), "a one-off goal has no --every and no --rating");
}

// Pauses (§5): a goal period that overlaps a pause is skipped by the streak; the streak counts
// back from the latest period not skipped, starting with it if met, else (only when that period
// is the current one) with the one before it. Weeks below: 2, 9, 16 and 23 November (current).

namespace {

pie::GoalPause a_pause(Instant from, std::optional<Instant> until = std::nullopt) {
    return pie::GoalPause{from, until};
}

// A weekly goal added Mon 2 Nov with the weeks of `met` (first days in November) met.
GoalFacts weeks_met(std::initializer_list<unsigned> met) {
    GoalFacts facts;
    for (unsigned day : met) facts.totals[date_of(2026, 11, day)] = entries(1);
    return facts;
}

int streak_of(const GoalFacts& facts) {
    Goal goal = recurring(PeriodKind::week, utc_time(2026, 11, 2, 9));
    return pie::evaluate_goal(goal, k_now, facts).streak.value_or(-1);
}

}  // namespace

TEST_CASE("pause: covers from its start up to, not including, its end; open pauses never end") {
    CHECK_FALSE(pie::pause_covers(a_pause(100, 200), 99));
    CHECK(pie::pause_covers(a_pause(100, 200), 100));
    CHECK(pie::pause_covers(a_pause(100, 200), 199));
    CHECK_FALSE(pie::pause_covers(a_pause(100, 200), 200));
    CHECK(pie::pause_covers(a_pause(100), 1'000'000'000));
    CHECK(pie::pause_overlaps(a_pause(100, 200), 199, 300));
    CHECK_FALSE(pie::pause_overlaps(a_pause(100, 200), 200, 300));
    CHECK_FALSE(pie::pause_overlaps(a_pause(100, 200), 0, 100));
    CHECK(pie::pause_overlaps(a_pause(100), 5000, 6000));
}

TEST_CASE("pause: the status is paused only while a pause covers the evaluation instant") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Goal goal = recurring(PeriodKind::week, utc_time(2026, 11, 2, 9));
    GoalFacts facts = weeks_met({23});
    CHECK_FALSE(pie::evaluate_goal(goal, k_now, facts).paused);
    facts.pauses = {a_pause(k_now - 10, k_now + 10)};
    GoalStatus status = pie::evaluate_goal(goal, k_now, facts);
    CHECK(status.paused);
    CHECK(status.progress == 1);  // progress is still shown
    CHECK(status.met);
    facts.pauses = {a_pause(k_now - 10, k_now)};
    CHECK_FALSE(pie::evaluate_goal(goal, k_now, facts).paused);
    facts.pauses = {a_pause(k_now + 1)};
    CHECK_FALSE(pie::evaluate_goal(goal, k_now, facts).paused);
    Goal once = one_off(utc_time(2026, 11, 2, 9));
    facts.pauses = {a_pause(k_now - 10)};
    CHECK(pie::evaluate_goal(once, k_now, facts).paused);
}

TEST_CASE("pause: a paused week between met weeks neither counts nor breaks the streak") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    GoalFacts facts = weeks_met({2, 23});  // week of 9 Nov unmet, 16 Nov unmet
    CHECK(streak_of(facts) == 1);
    facts.pauses = {a_pause(utc_time(2026, 11, 10, 9), utc_time(2026, 11, 18, 9))};  // overlaps 9 and 16 Nov
    CHECK(streak_of(facts) == 2);
}

TEST_CASE("pause: a met week inside a pause does not count either") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    GoalFacts facts = weeks_met({2, 9, 16, 23});
    CHECK(streak_of(facts) == 4);
    facts.pauses = {a_pause(utc_time(2026, 11, 12, 9), utc_time(2026, 11, 13, 9))};
    CHECK(streak_of(facts) == 3);
}

TEST_CASE("pause: the current week paused: the streak counts from the latest week not skipped") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    GoalFacts facts = weeks_met({9, 16});
    facts.pauses = {a_pause(utc_time(2026, 11, 23, 9))};  // open: covers now
    CHECK(streak_of(facts) == 2);
    // the latest week not skipped is unmet and is not the current one: the streak is 0
    facts = weeks_met({2, 9});
    facts.pauses = {a_pause(utc_time(2026, 11, 23, 9))};
    CHECK(streak_of(facts) == 0);
}

TEST_CASE("pause: the current week unmet and not paused: the streak starts before it, past paused weeks") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    GoalFacts facts = weeks_met({2, 9});
    CHECK(streak_of(facts) == 0);  // 16 Nov unmet breaks it
    facts.pauses = {a_pause(utc_time(2026, 11, 17, 9), utc_time(2026, 11, 18, 9))};
    CHECK(streak_of(facts) == 2);
}

TEST_CASE("pause: a pause ending exactly when a week starts does not skip that week") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    GoalFacts facts = weeks_met({2, 9, 23});
    // ends at Mon 16 Nov 00:00 local: overlaps only the week of 9 Nov
    facts.pauses = {a_pause(utc_time(2026, 11, 10, 9), utc_time(2026, 11, 15, 23))};
    CHECK(streak_of(facts) == 1);  // 16 Nov unmet and not skipped breaks it
    facts.pauses = {a_pause(utc_time(2026, 11, 10, 9), utc_time(2026, 11, 15, 23) + 1)};
    CHECK(streak_of(facts) == 2);  // now 16 Nov is skipped too; 9 Nov as well: 23 + 2 Nov
}

TEST_CASE("pause: every period paused gives a streak of 0, and pauses before the goal change nothing") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    GoalFacts facts = weeks_met({2, 9, 16, 23});
    facts.pauses = {a_pause(utc_time(2026, 10, 1, 9))};
    CHECK(streak_of(facts) == 0);
    facts.pauses = {a_pause(utc_time(2026, 10, 1, 9), utc_time(2026, 10, 20, 9))};
    CHECK(streak_of(facts) == 4);
}

TEST_CASE("pause: several pauses, a daily goal") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Goal goal = recurring(PeriodKind::day, utc_time(2026, 11, 18, 9));
    GoalFacts facts;
    for (unsigned day : {18u, 19u, 21u, 23u}) facts.totals[date_of(2026, 11, day)] = entries(1);
    // today (24th) unmet; 22nd and 20th unmet
    CHECK(pie::evaluate_goal(goal, k_now, facts).streak == 1);
    facts.pauses = {a_pause(utc_time(2026, 11, 21, 23), utc_time(2026, 11, 22, 1)),  // the 22nd
                    a_pause(utc_time(2026, 11, 20, 6), utc_time(2026, 11, 20, 7))};  // the 20th
    CHECK(pie::evaluate_goal(goal, k_now, facts).streak == 4);
}
