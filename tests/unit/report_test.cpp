#include <doctest/doctest.h>

#include "support.hpp"

#include <pie/error.hpp>
#include <pie/report.hpp>

#include <chrono>
#include <cmath>

// Unit tests of the report's numbers against §6, every expected value worked out by hand.
// The zone is Europe/Berlin (UTC+1 in winter, +2 in summer); now is Tue 2026-11-24 18:30.

using pie::Basis;
using pie::Goal;
using pie::GoalKind;
using pie::GoalReport;
using pie::Instant;
using pie::Report;
using pie::ReportPeriod;
using pie::SliceFacts;
using pie::test::k_day;
using pie::test::k_hour;
using pie::test::k_now;
using pie::test::utc_time;

namespace {

SliceFacts facts(std::string name, std::int64_t entries, std::int64_t minutes, std::optional<int> rating = {},
                 std::optional<int> rating_before = {}, std::optional<Instant> last_logged = {}) {
    SliceFacts f;
    f.slice.name = name;
    f.slice.label = "Label of " + name;
    f.totals = {entries, minutes};
    f.rating = rating;
    f.rating_before = rating_before;
    f.last_logged = last_logged;
    return f;
}

const pie::SliceReport* find(const Report& report, std::string_view name) {
    for (const auto& slice : report.slices) {
        if (slice.name == name) return &slice;
    }
    return nullptr;
}

}  // namespace

TEST_CASE("the default period is today and the six days before it, to the start of tomorrow") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    ReportPeriod week = pie::days_period(7, k_now);
    CHECK(week.from == utc_time(2026, 11, 17, 23));  // Wed 18 Nov 00:00 CET
    CHECK(week.to == utc_time(2026, 11, 24, 23));    // Wed 25 Nov 00:00 CET
    CHECK(week.label == "2026-11-18..2026-11-24");
    CHECK(week.words == "in the last 7 days");

    ReportPeriod today = pie::days_period(1, k_now);
    CHECK(today.from == utc_time(2026, 11, 23, 23));
    CHECK(today.to == utc_time(2026, 11, 24, 23));
    CHECK(today.label == "2026-11-24..2026-11-24");
    CHECK(today.words == "today");

    CHECK(pie::days_period(30, k_now).label == "2026-10-26..2026-11-24");
    CHECK_NOTHROW(pie::days_period(pie::k_max_days, k_now));
}

TEST_CASE("--days across the start of summer time: local midnights, a 23-hour day inside") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    // Mon 2026-03-30 12:00 CEST; clocks went forward on Sun 29 Mar.
    ReportPeriod period = pie::days_period(7, utc_time(2026, 3, 30, 10));
    CHECK(period.from == utc_time(2026, 3, 23, 23));  // Tue 24 Mar 00:00 CET
    CHECK(period.to == utc_time(2026, 3, 30, 22));    // Tue 31 Mar 00:00 CEST
    CHECK(period.to - period.from == 7 * k_day - k_hour);
    CHECK(period.label == "2026-03-24..2026-03-30");
}

TEST_CASE("--week: this, last, an ISO week, and weeks that do not exist") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    ReportPeriod current = pie::week_period("this", k_now);
    CHECK(current.from == utc_time(2026, 11, 22, 23));  // Mon 23 Nov
    CHECK(current.to == utc_time(2026, 11, 29, 23));    // Mon 30 Nov
    CHECK(current.label == "2026-W48");
    CHECK(current.words == "this week");
    CHECK(pie::week_period("", k_now).label == "2026-W48");

    ReportPeriod last = pie::week_period("last", k_now);
    CHECK(last.from == utc_time(2026, 11, 15, 23));
    CHECK(last.label == "2026-W47");
    CHECK(last.words == "last week");

    ReportPeriod w47 = pie::week_period("2026-W47", k_now);
    CHECK(w47.from == last.from);
    CHECK(w47.to == last.to);
    CHECK(w47.words == "in 2026-W47");
    CHECK(pie::week_period("2026-w47", k_now).label == "2026-W47");

    // 2026 has 53 ISO weeks (it starts on a Thursday); week 53 ends on Sun 3 Jan 2027.
    ReportPeriod w53 = pie::week_period("2026-W53", k_now);
    CHECK(w53.from == utc_time(2026, 12, 27, 23));
    CHECK(w53.to == utc_time(2027, 1, 3, 23));
    // 2026-W01 starts on Mon 29 Dec 2025.
    CHECK(pie::week_period("2026-W01", k_now).from == utc_time(2025, 12, 28, 23));

    for (const char* bad : {"2026-W60", "2025-W53", "2026-W00", "2026-W5", "2026-47", "W47", "next", "2026-W47x",
                            "1969-W10", "+026-W10"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(pie::week_period(bad, k_now), pie::UserError);
    }
}

TEST_CASE("--month: this, last, a month, and months that do not exist") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    ReportPeriod current = pie::month_period("this", k_now);
    CHECK(current.from == utc_time(2026, 10, 31, 23));
    CHECK(current.to == utc_time(2026, 11, 30, 23));
    CHECK(current.label == "2026-11");
    CHECK(current.words == "this month");

    // October holds the end of summer time: it starts at 00:00 CEST and ends at 00:00 CET.
    ReportPeriod last = pie::month_period("last", k_now);
    CHECK(last.from == utc_time(2026, 9, 30, 22));
    CHECK(last.to == utc_time(2026, 10, 31, 23));
    CHECK(last.label == "2026-10");
    CHECK(last.words == "last month");

    ReportPeriod february = pie::month_period("2024-02", k_now);
    CHECK(february.to - february.from == 29 * k_day);
    CHECK(february.words == "in February 2024");

    // January, and December into the next year.
    CHECK(pie::month_period("last", utc_time(2026, 1, 10, 12)).label == "2025-12");
    CHECK(pie::month_period("2026-12", k_now).to == utc_time(2026, 12, 31, 23));

    for (const char* bad : {"2026-13", "2026-00", "2026-1", "26-11", "2026/11", "november", "2026-11-01"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(pie::month_period(bad, k_now), pie::UserError);
    }
}

TEST_CASE("--since/--until and --all") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    ReportPeriod range = pie::range_period(utc_time(2026, 11, 1, 11), utc_time(2026, 11, 14, 23));
    CHECK(range.label == "2026-11-01..2026-11-14");
    CHECK(range.words == "in this period");

    // No record: today only.
    ReportPeriod empty = pie::all_period(std::nullopt, std::nullopt, k_now);
    CHECK(empty.from == utc_time(2026, 11, 23, 23));
    CHECK(empty.to == utc_time(2026, 11, 24, 23));
    CHECK(empty.label == "2026-11-24..2026-11-24");
    CHECK(empty.words == "so far");

    // From the day of the earliest record to tomorrow.
    ReportPeriod all = pie::all_period(utc_time(2026, 1, 5, 9), utc_time(2026, 11, 20, 9), k_now);
    CHECK(all.from == utc_time(2026, 1, 4, 23));
    CHECK(all.to == utc_time(2026, 11, 24, 23));
    CHECK(all.label == "2026-01-05..2026-11-24");

    // A record logged ahead, tomorrow 10:00: the period runs to the end of its day.
    ReportPeriod ahead = pie::all_period(utc_time(2026, 1, 5, 9), utc_time(2026, 11, 25, 9), k_now);
    CHECK(ahead.to == utc_time(2026, 11, 25, 23));
    CHECK(ahead.label == "2026-01-05..2026-11-25");
}

TEST_CASE("balance score = round(100 H / ln k)") {
    CHECK(pie::balance_score({0.5, 0.5}) == 100);
    CHECK(pie::balance_score({0.25, 0.25, 0.25, 0.25}) == 100);
    CHECK(pie::balance_score({1, 0}) == 0);
    CHECK(pie::balance_score({1, 0, 0, 0, 0, 0, 0, 0}) == 0);
    // H = 0.5 ln 2 + 0.5 ln 4 = 1.03972; ln 3 = 1.09861: 94.64
    CHECK(pie::balance_score({0.5, 0.25, 0.25}) == 95);
    // H = 0.7 ln(1/0.7) + 0.3 ln 10 = 0.94045; ln 8 = 2.07944: 45.23
    CHECK(pie::balance_score({0.7, 0.1, 0.1, 0.1, 0, 0, 0, 0}) == 45);
    // Shares by count 2, 1, 3 of 6: H = 1.01140; ln 3: 92.06
    CHECK(pie::balance_score({2.0 / 6, 1.0 / 6, 3.0 / 6}) == 92);
    CHECK_FALSE(pie::balance_score({1}).has_value());
    CHECK_FALSE(pie::balance_score({}).has_value());
    CHECK_FALSE(pie::balance_score({0, 0, 0}).has_value());
}

TEST_CASE("which slices a report counts") {
    ReportPeriod period{1000, 2000, "", ""};
    SliceFacts present = facts("career", 0, 0);
    CHECK(pie::slice_counted(present, period));  // a default slice, added at 0

    SliceFacts added = facts("hobby", 0, 0);
    added.slice.added_at = 1999;
    CHECK(pie::slice_counted(added, period));
    added.slice.added_at = 2000;  // added at the period's end: not yet part of the pie
    CHECK_FALSE(pie::slice_counted(added, period));
    added.totals.entries = 1;  // but entries in the period always count
    CHECK(pie::slice_counted(added, period));

    SliceFacts retired = facts("finances", 0, 0);
    retired.slice.retired_at = 1500;
    CHECK_FALSE(pie::slice_counted(retired, period));
    retired.slice.retired_at = 2000;
    CHECK_FALSE(pie::slice_counted(retired, period));
    retired.slice.retired_at = 2001;  // retired after the period: counted in it
    CHECK(pie::slice_counted(retired, period));
    retired.slice.retired_at = 1500;
    retired.totals = {2, 30};
    CHECK(pie::slice_counted(retired, period));
}

TEST_CASE("a slice's history, when the facts carry it, decides whether it was retired at the end") {
    ReportPeriod period{1000, 2000, "", ""};
    // Retired during the period and restored after it: the current state says active, the
    // history says retired at the period's end.
    SliceFacts restored = facts("career", 0, 0);
    restored.retired_at_end = true;
    CHECK_FALSE(pie::slice_counted(restored, period));
    restored.totals = {1, 30};  // entries still count
    CHECK(pie::slice_counted(restored, period));
    // Retired now, but not at the period's end.
    SliceFacts later = facts("family", 0, 0);
    later.slice.retired_at = 1500;
    later.retired_at_end = false;
    CHECK(pie::slice_counted(later, period));
}

TEST_CASE("which goals a report shows") {
    ReportPeriod period{1000, 2000, "", ""};
    Goal goal;
    goal.kind = GoalKind::recurring;
    goal.created_at = 500;
    CHECK(pie::goal_in_report(goal, period));
    goal.created_at = 1999;
    CHECK(pie::goal_in_report(goal, period));
    goal.created_at = 2000;
    CHECK_FALSE(pie::goal_in_report(goal, period));
    goal.created_at = 500;
    goal.dropped_at = 1500;
    CHECK_FALSE(pie::goal_in_report(goal, period));
    goal.dropped_at = 2500;
    CHECK(pie::goal_in_report(goal, period));

    Goal one_off;
    one_off.kind = GoalKind::one_off;
    one_off.created_at = 500;
    one_off.done_at = 1500;  // done inside: shown, met
    CHECK(pie::goal_in_report(one_off, period));
    one_off.done_at = 900;  // done before the period
    CHECK_FALSE(pie::goal_in_report(one_off, period));
    one_off.done_at = 1000;
    CHECK(pie::goal_in_report(one_off, period));
    one_off.done_at = 2000;  // done after the period: still active at its end
    CHECK(pie::goal_in_report(one_off, period));
}

TEST_CASE("a report's numbers, worked by hand") {
    ReportPeriod period = {utc_time(2026, 11, 17, 23), utc_time(2026, 11, 24, 23), "2026-11-18..2026-11-24",
                           "in the last 7 days"};
    std::vector<SliceFacts> slices = {
        // 300 of 450 minutes; rated 6, was 8.
        facts("career", 5, 300, 6, 8, utc_time(2026, 11, 24, 7)),
        // 60 minutes; rated 3 in the period, never before.
        facts("social", 2, 60, 3, std::nullopt, utc_time(2026, 11, 21, 17, 30)),
        facts("family", 3, 90, std::nullopt, std::nullopt, utc_time(2026, 11, 21, 17, 31)),
        // Nothing in the period; rated 4 since long ago.
        facts("spiritual", 0, 0, 4, 4, utc_time(2026, 10, 1, 10)),
        // Retired before the period's end with nothing in it: not counted.
        facts("finances", 0, 0, 2, 2),
        // Retired, but an occurrence (no minutes) in the period: counted.
        facts("hobby", 1, 0, std::nullopt, std::nullopt, utc_time(2026, 11, 19, 12)),
        // Added after the period: not counted.
        facts("later", 0, 0),
    };
    slices[4].slice.retired_at = utc_time(2026, 11, 1);
    slices[5].slice.retired_at = utc_time(2026, 11, 20);
    slices[6].slice.added_at = utc_time(2026, 11, 26);

    Report report = pie::compute_report(period, Basis::minutes, k_now, slices, {});
    CHECK(report.basis == Basis::minutes);
    CHECK(report.totals.entries == 11);
    CHECK(report.totals.minutes == 450);
    REQUIRE(report.slices.size() == 5);
    CHECK(report.slices[0].name == "career");
    CHECK(report.slices[3].name == "spiritual");
    CHECK(report.slices[4].name == "hobby");
    CHECK_FALSE(find(report, "finances"));
    CHECK_FALSE(find(report, "later"));

    const auto& career = *find(report, "career");
    CHECK(career.share == doctest::Approx(2.0 / 3));
    CHECK(career.hyper_focus);
    CHECK(career.rating == 6);
    CHECK(career.rating_change == -2);
    CHECK(career.days_since_last == 0);  // 10:30 hours before now
    CHECK_FALSE(career.needs_care);

    const auto& social = *find(report, "social");
    CHECK(social.share == doctest::Approx(60.0 / 450));
    CHECK_FALSE(social.rating_change.has_value());  // nothing to compare with
    CHECK(social.days_since_last == 3);             // exactly 72 hours before now
    CHECK(social.needs_care);                       // 3 <= 4 and 0.13 < 1/5

    const auto& family = *find(report, "family");
    CHECK(family.share == doctest::Approx(0.2));
    CHECK(family.days_since_last == 2);  // a minute short of 72 hours
    CHECK_FALSE(family.rating.has_value());
    CHECK_FALSE(family.needs_care);  // unrated

    const auto& spiritual = *find(report, "spiritual");
    CHECK(spiritual.neglected);
    CHECK(spiritual.share == 0);
    CHECK(spiritual.rating_change == 0);
    CHECK(spiritual.days_since_last == 54);  // 1 Oct 12:00 CEST to 24 Nov 18:30 CET: 54 days 7.5 h
    CHECK(spiritual.needs_care);

    const auto& hobby = *find(report, "hobby");
    CHECK(hobby.entries == 1);
    CHECK(hobby.minutes == 0);
    CHECK_FALSE(hobby.neglected);
    CHECK(hobby.share == 0);

    // H = (2/3) ln 1.5 + (2/15) ln 7.5 + 0.2 ln 5 = 0.86085; ln 5 = 1.60944: 53.49
    CHECK(report.balance == 53);
    CHECK(report.hyper_focus == std::vector<std::string>{"career"});
    CHECK(report.neglected == std::vector<std::string>{"spiritual"});
    CHECK(report.needs_care == std::vector<std::string>{"social", "spiritual"});
    REQUIRE(report.average_rating.has_value());
    CHECK(*report.average_rating == doctest::Approx(13.0 / 3));  // 6, 3 and 4
}

TEST_CASE("days since last logged stop at the period's end when it is before now") {
    ReportPeriod period = {utc_time(2026, 11, 1), utc_time(2026, 11, 10), "", ""};
    Report report = pie::compute_report(period, Basis::minutes, k_now,
                                        {facts("career", 1, 30, std::nullopt, std::nullopt, utc_time(2026, 11, 2)),
                                         facts("social", 0, 0, std::nullopt, std::nullopt, utc_time(2026, 11, 9, 23))},
                                        {});
    CHECK(report.slices[0].days_since_last == 8);
    CHECK(report.slices[1].days_since_last == 0);
}

TEST_CASE("the basis: count on request, and as the fallback when nothing has minutes") {
    ReportPeriod period = {0, k_day, "", ""};
    std::vector<SliceFacts> slices = {facts("career", 2, 0), facts("social", 1, 0), facts("family", 3, 0)};

    Report fallback = pie::compute_report(period, Basis::minutes, k_now, slices, {});
    CHECK(fallback.basis == Basis::count);
    CHECK(fallback.slices[0].share == doctest::Approx(2.0 / 6));
    CHECK(fallback.slices[2].share == doctest::Approx(0.5));
    CHECK(fallback.slices[2].hyper_focus);
    CHECK(fallback.balance == 92);

    slices[1].totals.minutes = 600;  // minutes present: no fallback
    Report minutes = pie::compute_report(period, Basis::minutes, k_now, slices, {});
    CHECK(minutes.basis == Basis::minutes);
    CHECK(minutes.slices[1].share == 1);
    CHECK(minutes.balance == 0);

    Report by_count = pie::compute_report(period, Basis::count, k_now, slices, {});
    CHECK(by_count.basis == Basis::count);
    CHECK(by_count.slices[1].share == doctest::Approx(1.0 / 6));
    CHECK(by_count.totals.minutes == 600);
}

TEST_CASE("an empty pie: no total, no balance, every slice neglected, shares 0") {
    ReportPeriod period = {0, k_day, "", ""};
    std::vector<SliceFacts> slices = {facts("career", 0, 0, 3), facts("social", 0, 0), facts("family", 0, 0)};
    Report report = pie::compute_report(period, Basis::minutes, k_now, slices, {});
    CHECK(report.basis == Basis::minutes);
    CHECK(report.totals.entries == 0);
    CHECK_FALSE(report.balance.has_value());
    CHECK(report.neglected.size() == 3);
    CHECK(report.hyper_focus.empty());
    CHECK(report.needs_care == std::vector<std::string>{"career"});
    CHECK(report.average_rating == 3);
    for (const auto& slice : report.slices) CHECK(slice.share == 0);

    Report nothing = pie::compute_report(period, Basis::minutes, k_now, {}, {});
    CHECK(nothing.slices.empty());
    CHECK_FALSE(nothing.balance.has_value());
    CHECK_FALSE(nothing.average_rating.has_value());
}

TEST_CASE("one counted slice has no balance score; exactly 0.40 is not hyper-focus") {
    ReportPeriod period = {0, k_day, "", ""};
    std::vector<SliceFacts> one = {facts("career", 1, 30)};
    one.push_back(facts("social", 0, 0));
    one[1].slice.retired_at = 10;
    Report single = pie::compute_report(period, Basis::minutes, k_now, one, {});
    CHECK(single.slices.size() == 1);
    CHECK(single.slices[0].share == 1);
    CHECK(single.slices[0].hyper_focus);
    CHECK_FALSE(single.balance.has_value());

    Report edge = pie::compute_report(period, Basis::minutes, k_now,
                                      {facts("career", 1, 40), facts("social", 1, 30), facts("family", 1, 30)}, {});
    CHECK(edge.slices[0].share == doctest::Approx(0.4));
    CHECK_FALSE(edge.slices[0].hyper_focus);
    CHECK(edge.hyper_focus.empty());
}

TEST_CASE("goals pass through the report as given") {
    ReportPeriod period = {0, k_day, "", ""};
    GoalReport goal;
    goal.goal.id = 3;
    goal.status.met = true;
    Report report = pie::compute_report(period, Basis::minutes, k_now, {}, {goal});
    REQUIRE(report.goals.size() == 1);
    CHECK(report.goals[0].goal.id == 3);
    CHECK(report.goals[0].status.met);
}
