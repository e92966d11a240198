#include <doctest/doctest.h>

#include "support.hpp"

#include <pie/calendar.hpp>

// Unit tests of the calendar's numbers against §10: its first day, the nearest-rank quartiles and
// the levels they give.

using pie::Basis;
using pie::Totals;
using pie::test::date_of;

TEST_CASE("a calendar starts on the Monday of the first of its weeks") {
    // Tue 2026-11-24 is in the week of Mon 2026-11-23.
    CHECK(pie::calendar_first_day(1, date_of(2026, 11, 24)) == date_of(2026, 11, 23));
    CHECK(pie::calendar_first_day(2, date_of(2026, 11, 24)) == date_of(2026, 11, 16));
    // A Sunday belongs to the week that began six days before; a Monday to its own.
    CHECK(pie::calendar_first_day(1, date_of(2026, 11, 29)) == date_of(2026, 11, 23));
    CHECK(pie::calendar_first_day(1, date_of(2026, 11, 23)) == date_of(2026, 11, 23));
    CHECK(pie::calendar_first_day(53, date_of(2026, 11, 24)) == date_of(2025, 11, 24));
}

TEST_CASE("quartiles are the values at nearest rank ceil(k n / 4)") {
    CHECK_FALSE(pie::nearest_rank_quartiles({}));
    // n = 1: every rank is 1.
    CHECK(*pie::nearest_rank_quartiles({30}) == std::array<std::int64_t, 3>{30, 30, 30});
    // n = 5: ranks 2, 3, 4 (ceil 1.25, 2.5, 3.75).
    CHECK(*pie::nearest_rank_quartiles({50, 10, 40, 20, 30}) == std::array<std::int64_t, 3>{20, 30, 40});
    // n = 8: ranks 2, 4, 6.
    CHECK(*pie::nearest_rank_quartiles({1, 2, 3, 4, 5, 6, 7, 8}) == std::array<std::int64_t, 3>{2, 4, 6});
}

TEST_CASE("a day's level is 0 for nothing, then 1-4 at the quartiles, bounds included below") {
    std::array<std::int64_t, 3> q{20, 30, 40};
    CHECK(pie::calendar_level(0, q) == 0);
    CHECK(pie::calendar_level(1, q) == 1);
    CHECK(pie::calendar_level(20, q) == 1);
    CHECK(pie::calendar_level(21, q) == 2);
    CHECK(pie::calendar_level(30, q) == 2);
    CHECK(pie::calendar_level(40, q) == 3);
    CHECK(pie::calendar_level(41, q) == 4);
}

TEST_CASE("a calendar holds the days up to today; minutes or entries decide a day's value") {
    // Two weeks up to Wed 2026-11-25: from Mon 16 Nov, 10 days.
    std::vector<Totals> totals(10);
    totals[0] = {1, 0};  // an occurrence with no minutes: 0 by minutes
    totals[3] = {2, 90};
    totals[9] = {1, 30};
    auto by_minutes = pie::compute_calendar(2, Basis::minutes, date_of(2026, 11, 25), totals);
    CHECK(by_minutes.from == date_of(2026, 11, 16));
    CHECK(by_minutes.to == date_of(2026, 11, 29));
    REQUIRE(by_minutes.days.size() == 10);
    CHECK(*by_minutes.levels == std::array<std::int64_t, 3>{30, 30, 90});
    CHECK(by_minutes.days[0].level == 0);
    CHECK(by_minutes.days[3].level == 3);
    CHECK(by_minutes.days[9].level == 1);
    auto by_count = pie::compute_calendar(2, Basis::count, date_of(2026, 11, 25), totals);
    CHECK(*by_count.levels == std::array<std::int64_t, 3>{1, 1, 2});
    CHECK(by_count.days[0].level == 1);
    CHECK(by_count.days[3].level == 3);
    auto empty = pie::compute_calendar(2, Basis::minutes, date_of(2026, 11, 25), std::vector<Totals>(10));
    CHECK_FALSE(empty.levels);
    CHECK(empty.days[3].level == 0);
}
