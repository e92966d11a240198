#include <doctest/doctest.h>

#include "support.hpp"

#include <pie/nudge.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

// Unit tests of `pie nudge` (§11): each kind of candidate, the median-gap rule, the priority
// order and ties. Zone Europe/Berlin; now is Tue 2026-11-24 18:30 CET (17:30 UTC), so the week
// ends in 5 days and the month in 6 days 5.5 hours.

using pie::Goal;
using pie::GoalKind;
using pie::GoalStatus;
using pie::Instant;
using pie::Nudge;
using pie::NudgeFacts;
using pie::NudgeGoal;
using pie::NudgeSlice;
using pie::PeriodKind;
using pie::test::k_day;
using pie::test::k_now;
using pie::test::utc_time;

namespace {

// Entries `days_ago` whole days before now (same clock time).
std::vector<Instant> entries_days_ago(std::initializer_list<int> days_ago) {
    std::vector<Instant> out;
    for (int d : days_ago) out.push_back(k_now - d * k_day);
    std::sort(out.begin(), out.end());
    return out;
}

NudgeSlice slice(std::string name, std::vector<Instant> recent = {}) {
    NudgeSlice s;
    s.name = std::move(name);
    s.recent_entries = std::move(recent);
    if (!s.recent_entries.empty()) s.last_entry = s.recent_entries.back();
    return s;
}

NudgeGoal weekly_goal(std::int64_t id, std::string slice_name, Instant at, int times, int reached,
                      PeriodKind every = PeriodKind::week) {
    NudgeGoal item;
    item.goal.id = id;
    item.goal.slice = std::move(slice_name);
    item.goal.title = "peer consultation";
    item.goal.kind = GoalKind::recurring;
    item.goal.every = every;
    item.goal.times = times;
    pie::GoalFacts facts;
    facts.period_totals = [reached](const pie::Period&, std::int64_t) { return pie::Totals{reached, 0}; };
    item.status = pie::evaluate_goal(item.goal, at, facts, false);
    return item;
}

std::vector<std::string> kinds(const std::vector<Nudge>& nudges) {
    std::vector<std::string> out;
    for (const Nudge& n : nudges) out.push_back(n.kind);
    return out;
}

}  // namespace

TEST_CASE("median gap: odd and even counts, distinct local dates only") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    CHECK_FALSE(pie::median_gap({}).has_value());
    CHECK_FALSE(pie::median_gap(entries_days_ago({3, 3, 3})).has_value());  // one date: no gap
    CHECK(pie::median_gap(entries_days_ago({10, 7, 4})) == 3.0);            // gaps 3, 3
    CHECK(pie::median_gap(entries_days_ago({20, 10, 9, 7})) == 2.0);        // gaps 10, 1, 2: median 2
    CHECK(pie::median_gap(entries_days_ago({20, 10, 9, 7, 3})) == 3.0);     // gaps 10, 1, 2, 4: (2 + 4) / 2
    CHECK(pie::median_gap(entries_days_ago({12, 10, 10, 10, 7})) == 2.5);   // dates 12, 10, 7: gaps 2, 3
    // Two entries on one local day 23:30 and 00:30 apart by the clock are one day apart.
    std::vector<Instant> midnight = {utc_time(2026, 11, 20, 22, 30), utc_time(2026, 11, 20, 23, 30)};
    CHECK(pie::median_gap(midnight) == 1.0);
}

TEST_CASE("quiet: more than 7 days and more than twice the usual gap, with 4 entries in 90 days") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    NudgeFacts facts;
    facts.now = k_now;
    facts.slices = {slice("social", entries_days_ago({21, 18, 15, 12}))};  // usual every 3 days, 12 days quiet
    std::vector<Nudge> nudges = pie::compute_nudges(facts);
    REQUIRE(nudges.size() == 1);
    CHECK(nudges[0].kind == "quiet");
    CHECK(nudges[0].slice == "social");
    CHECK(nudges[0].days == 12);
    CHECK_FALSE(nudges[0].goal.has_value());
    CHECK(nudges[0].text == "social has been quiet for 12 days (usually every 3 days): pie log social ...");

    SUBCASE("3 entries are too few") {
        facts.slices = {slice("social", entries_days_ago({18, 15, 12}))};
        CHECK(pie::compute_nudges(facts).empty());
    }
    SUBCASE("not more than 7 days") {
        facts.slices = {slice("social", entries_days_ago({16, 13, 10, 7}))};
        CHECK(pie::compute_nudges(facts).empty());
    }
    SUBCASE("8 days but the usual gap is 4: twice it is 8, not exceeded") {
        facts.slices = {slice("social", entries_days_ago({20, 16, 12, 8}))};
        CHECK(pie::compute_nudges(facts).empty());
        facts.slices = {slice("social", entries_days_ago({21, 17, 13, 9}))};
        REQUIRE(pie::compute_nudges(facts).size() == 1);
        CHECK(pie::compute_nudges(facts)[0].days == 9);
    }
    SUBCASE("a weekly slice quiet for 10 days is as usual") {
        facts.slices = {slice("social", entries_days_ago({38, 31, 24, 17, 10}))};
        CHECK(pie::compute_nudges(facts).empty());
    }
    SUBCASE("a retired slice never nudges") {
        facts.slices[0].active = false;
        CHECK(pie::compute_nudges(facts).empty());
    }
    SUBCASE("whole days of 24 h: 11 days and 23 hours is 11") {
        facts.slices[0].last_entry = k_now - 12 * k_day + 3600;
        CHECK(pie::compute_nudges(facts)[0].days == 11);
    }
}

TEST_CASE("unrated: 14 days or more since any rating, and a rating ever") {
    NudgeFacts facts;
    facts.now = k_now;
    CHECK(pie::compute_nudges(facts).empty());  // never rated: nothing to keep up
    facts.last_rating = k_now - 13 * k_day - 3600;
    CHECK(pie::compute_nudges(facts).empty());
    facts.last_rating = k_now - 14 * k_day;
    std::vector<Nudge> nudges = pie::compute_nudges(facts);
    REQUIRE(nudges.size() == 1);
    CHECK(nudges[0].kind == "unrated");
    CHECK_FALSE(nudges[0].slice.has_value());
    CHECK(nudges[0].days == 14);
    CHECK(nudges[0].text == "14 days since you last rated your slices: pie review takes a few minutes");
}

TEST_CASE("hyper_focus: more than 60% of at least 10 h in the last 7 days") {
    NudgeFacts facts;
    facts.now = k_now;
    facts.slices = {slice("career"), slice("family")};
    facts.slices[0].minutes_7 = 361;
    facts.slices[1].minutes_7 = 239;  // 600 minutes, career 60.2%
    std::vector<Nudge> nudges = pie::compute_nudges(facts);
    REQUIRE(nudges.size() == 1);
    CHECK(nudges[0].kind == "hyper_focus");
    CHECK(nudges[0].slice == "career");
    CHECK_FALSE(nudges[0].days.has_value());
    CHECK(nudges[0].text == "career took 60% of your 10h in the last 7 days: pie report shows the rest of your pie");
    facts.slices[0].minutes_7 = 360;
    facts.slices[1].minutes_7 = 240;  // exactly 60%: not more
    CHECK(pie::compute_nudges(facts).empty());
    facts.slices[0].minutes_7 = 500;
    facts.slices[1].minutes_7 = 99;  // 599 minutes: under 10 h
    CHECK(pie::compute_nudges(facts).empty());
}

TEST_CASE("goal_due: a weekly or monthly goal not met whose period ends within 48 h") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    NudgeFacts facts;
    Instant saturday = utc_time(2026, 11, 28, 9);  // Sat 10:00: the week ends in 38 h
    facts.now = saturday;
    facts.slices = {slice("social")};
    facts.goals = {weekly_goal(1, "social", saturday, 2, 1)};
    std::vector<Nudge> nudges = pie::compute_nudges(facts);
    REQUIRE(nudges.size() == 1);
    CHECK(nudges[0].kind == "goal_due");
    CHECK(nudges[0].goal == 1);
    CHECK(nudges[0].slice == "social");
    CHECK(nudges[0].text == "\"peer consultation\" is at 1 of 2 and this week ends tomorrow: pie log social ...");

    SUBCASE("met: nothing") {
        facts.goals = {weekly_goal(1, "social", saturday, 2, 2)};
        CHECK(pie::compute_nudges(facts).empty());
    }
    SUBCASE("more than 48 h left: nothing") {
        facts.now = utc_time(2026, 11, 27, 22, 59);  // Fri 23:59: 48 h 1 min left
        facts.goals = {weekly_goal(1, "social", facts.now, 2, 1)};
        CHECK(pie::compute_nudges(facts).empty());
        facts.now = utc_time(2026, 11, 27, 23);  // Sat 00:00: exactly 48 h
        facts.goals = {weekly_goal(1, "social", facts.now, 2, 1)};
        CHECK(pie::compute_nudges(facts).size() == 1);
    }
    SUBCASE("the last day says today") {
        facts.now = utc_time(2026, 11, 29, 9);
        facts.goals = {weekly_goal(1, "social", facts.now, 2, 0)};
        CHECK(pie::compute_nudges(facts)[0].text ==
              "\"peer consultation\" is at 0 of 2 and this week ends today: pie log social ...");
    }
    SUBCASE("paused, daily, done or on a retired slice: nothing") {
        facts.goals[0].status.paused = true;
        CHECK(pie::compute_nudges(facts).empty());
        facts.goals = {weekly_goal(1, "social", saturday, 2, 0, PeriodKind::day)};
        CHECK(pie::compute_nudges(facts).empty());
        facts.goals = {weekly_goal(1, "social", saturday, 2, 0)};
        facts.goals[0].goal.state = pie::GoalState::dropped;
        CHECK(pie::compute_nudges(facts).empty());
        facts.goals = {weekly_goal(1, "social", saturday, 2, 0)};
        facts.slices[0].active = false;
        CHECK(pie::compute_nudges(facts).empty());
    }
}

TEST_CASE("priority: goal_due, quiet, unrated, hyper_focus; ties by period end, pie order, goal id") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Instant sunday = utc_time(2026, 11, 29, 9);  // Sun 29 Nov: the week ends today, the month in 1 day 14 h
    NudgeFacts facts;
    facts.now = sunday;
    facts.slices = {
        slice("career"),
        slice("social", {sunday - 21 * k_day, sunday - 18 * k_day, sunday - 15 * k_day, sunday - 12 * k_day}),
        slice("family", {sunday - 40 * k_day, sunday - 30 * k_day, sunday - 28 * k_day, sunday - 26 * k_day})};
    facts.slices[0].minutes_7 = 700;
    facts.last_rating = sunday - 20 * k_day;
    facts.goals = {weekly_goal(7, "social", sunday, 1, 0, PeriodKind::month), weekly_goal(5, "family", sunday, 1, 0),
                   weekly_goal(3, "social", sunday, 1, 0), weekly_goal(2, "social", sunday, 1, 0)};
    std::vector<Nudge> nudges = pie::compute_nudges(facts);
    CHECK(kinds(nudges) == std::vector<std::string>{"goal_due", "goal_due", "goal_due", "goal_due", "quiet", "quiet",
                                                    "unrated", "hyper_focus"});
    // weekly ones first (the earlier end), social before family (pie order), lower id first
    CHECK(nudges[0].goal == 2);
    CHECK(nudges[1].goal == 3);
    CHECK(nudges[2].goal == 5);
    CHECK(nudges[3].goal == 7);
    CHECK(nudges[3].text == "\"peer consultation\" is at 0 of 1 and this month ends tomorrow: pie log social ...");
    CHECK(nudges[4].slice == "social");
    CHECK(nudges[5].slice == "family");
    CHECK(nudges[5].text == "family has been quiet for 26 days (usually every 2 days): pie log family ...");
}

TEST_CASE("goal_due words: minutes and rating goals, long titles cut") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Instant sunday = utc_time(2026, 11, 29, 9);
    NudgeFacts facts;
    facts.now = sunday;
    NudgeGoal minutes = weekly_goal(1, "health-fitness", sunday, 1, 0);
    minutes.goal.times.reset();
    minutes.goal.minutes = 120;
    minutes.goal.title = std::string(60, 'x');
    pie::GoalFacts totals;
    totals.period_totals = [](const pie::Period&, std::int64_t) { return pie::Totals{1, 45}; };
    minutes.status = pie::evaluate_goal(minutes.goal, sunday, totals, false);
    NudgeGoal rating;
    rating.goal.id = 2;
    rating.goal.slice = "mental-health";
    rating.goal.title = "calm";
    rating.goal.kind = GoalKind::rating;
    rating.goal.rating = 6;
    rating.goal.every = PeriodKind::week;
    pie::GoalFacts ratings;
    ratings.ratings = {{sunday - k_day, 4}};
    rating.status = pie::evaluate_goal(rating.goal, sunday, ratings, false);
    facts.goals = {minutes, rating};
    std::vector<Nudge> nudges = pie::compute_nudges(facts);
    REQUIRE(nudges.size() == 2);
    CHECK(nudges[0].text == "\"" + std::string(27, 'x') +
                                "...\" is at 45m of 2h and this week ends today: "
                                "pie log health-fitness ...");
    CHECK(nudges[1].text == "\"calm\" has a rating of 4 (aim: 6) and this week ends today: pie rate mental-health");
}

TEST_CASE("may_be_due: an active weekly or monthly goal whose period ends within 48 h") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    pie::Goal goal = weekly_goal(1, "social", k_now, 2, 0).goal;
    Instant monday = utc_time(2026, 11, 29, 23);  // Mon 30 Nov 00:00 in Berlin: the week's end
    CHECK(pie::may_be_due(goal, monday - 2 * k_day));
    CHECK_FALSE(pie::may_be_due(goal, monday - 2 * k_day - 1));
    CHECK(pie::may_be_due(goal, monday - 1));
    goal.state = pie::GoalState::done;
    CHECK_FALSE(pie::may_be_due(goal, monday - 1));
    goal.state = pie::GoalState::active;
    goal.every = PeriodKind::day;
    CHECK_FALSE(pie::may_be_due(goal, monday - 1));
    goal.every = PeriodKind::month;  // November ends at Tue 1 Dec 00:00
    CHECK_FALSE(pie::may_be_due(goal, monday - 2 * k_day));
    CHECK(pie::may_be_due(goal, monday - 1));
    CHECK_FALSE(pie::may_be_due(goal, monday + k_day));  // December has begun
}

TEST_CASE("may_be_quiet: more than 7 whole days since the last entry of an active slice") {
    using pie::may_be_quiet;
    CHECK_FALSE(may_be_quiet(true, std::nullopt, k_now));           // never logged
    CHECK_FALSE(may_be_quiet(true, k_now - 7 * k_day, k_now));      // 7 days: not yet
    CHECK_FALSE(may_be_quiet(true, k_now - 8 * k_day + 1, k_now));  // 7 days and 23:59:59
    CHECK(may_be_quiet(true, k_now - 8 * k_day, k_now));            // 8 whole days
    CHECK_FALSE(may_be_quiet(false, k_now - 30 * k_day, k_now));    // retired
}
