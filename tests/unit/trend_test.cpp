#include <doctest/doctest.h>

#include "support.hpp"

#include <pie/trend.hpp>

// Unit tests of the trend's numbers against §10: its periods, the reuse of the report's numbers,
// the rating given inside a period and the median split. Now is Tue 2026-11-24 18:30 in Berlin.

using pie::Basis;
using pie::Instant;
using pie::PeriodKind;
using pie::ReportPeriod;
using pie::SliceFacts;
using pie::Trend;
using pie::test::k_now;
using pie::test::utc_time;

namespace {

SliceFacts facts(std::string name, std::int64_t entries, std::int64_t minutes, std::optional<int> rating = {},
                 std::optional<Instant> rating_at = {}) {
    SliceFacts f;
    f.slice.name = std::move(name);
    f.slice.label = "Label";
    f.totals = {entries, minutes};
    f.rating = rating;
    f.rating_at = rating_at;
    return f;
}

}  // namespace

TEST_CASE("trend periods are the last N weeks or months, oldest first, the current one last") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    auto weeks = pie::trend_periods(PeriodKind::week, 3, k_now);
    REQUIRE(weeks.size() == 3);
    CHECK(weeks[0].label == "2026-W46");
    CHECK(weeks[2].label == "2026-W48");
    CHECK(weeks[2].from == utc_time(2026, 11, 22, 23));
    CHECK(weeks[0].to == weeks[1].from);
    auto months = pie::trend_periods(PeriodKind::month, 13, k_now);
    REQUIRE(months.size() == 13);
    CHECK(months.front().label == "2025-11");
    CHECK(months.back().label == "2026-11");
    // Summer time: October starts at 00:00 CEST.
    CHECK(months[11].from == utc_time(2026, 9, 30, 22));
}

TEST_CASE("a trend period has the report's totals, basis and balance") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    auto periods = pie::trend_periods(PeriodKind::week, 2, k_now);
    std::vector<std::vector<SliceFacts>> in = {{facts("a", 2, 60), facts("b", 1, 60)},
                                               {facts("a", 3, 0), facts("b", 0, 0)}};
    Trend trend = pie::compute_trend(PeriodKind::week, Basis::minutes, k_now, periods, in, {});
    REQUIRE(trend.periods.size() == 2);
    CHECK(trend.periods[0].totals.minutes == 120);
    CHECK(trend.periods[0].balance == 100);
    CHECK(trend.periods[0].basis == Basis::minutes);
    // Entries with no minutes: the basis falls back to count, as in a report.
    CHECK(trend.periods[1].basis == Basis::count);
    CHECK(trend.periods[1].balance == 0);
    CHECK(trend.basis == Basis::minutes);
    REQUIRE(trend.slices.size() == 2);
    CHECK(trend.slices[0].share == std::vector<double>{0.5, 1.0});
    CHECK(trend.slices[1].entries == std::vector<std::int64_t>{1, 0});
}

TEST_CASE("a trend shows counted slices, or only the named ones with the whole pie's balance") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    auto periods = pie::trend_periods(PeriodKind::week, 2, k_now);
    std::vector<std::vector<SliceFacts>> in = {{facts("a", 1, 30), facts("gone", 0, 0)},
                                               {facts("a", 1, 30), facts("gone", 0, 0)}};
    // "gone" was retired before both periods: never counted, not shown.
    in[0][1].slice.retired_at = periods[0].from - 10;
    in[1][1].slice.retired_at = periods[0].from - 10;
    Trend all = pie::compute_trend(PeriodKind::week, Basis::minutes, k_now, periods, in, {});
    REQUIRE(all.slices.size() == 1);
    CHECK(all.slices[0].name == "a");
    Trend named = pie::compute_trend(PeriodKind::week, Basis::minutes, k_now, periods, in, {"gone"});
    REQUIRE(named.slices.size() == 1);
    CHECK(named.slices[0].name == "gone");
    CHECK(named.slices[0].share == std::vector<double>{0, 0});
    CHECK(named.periods[0].totals.entries == 1);
}

TEST_CASE("a trend slice's colour is its place in this period's report, then after those") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    auto periods = pie::trend_periods(PeriodKind::week, 2, k_now);
    // "old" was retired during the first period: counted then, not now; "new" was added now.
    std::vector<std::vector<SliceFacts>> in = {{facts("a", 1, 30), facts("old", 1, 30), facts("b", 0, 0)},
                                               {facts("a", 1, 30), facts("old", 0, 0), facts("b", 1, 30)}};
    in[1][1].slice.retired_at = periods[1].from - 10;
    Trend trend = pie::compute_trend(PeriodKind::week, Basis::minutes, k_now, periods, in, {});
    REQUIRE(trend.slices.size() == 3);
    CHECK(trend.slices[0].colour == 0);  // a: first in this week's report
    CHECK(trend.slices[1].colour == 2);  // old: after this week's two
    CHECK(trend.slices[2].colour == 1);  // b: second in this week's report
    // Showing only some slices keeps their colours.
    Trend named = pie::compute_trend(PeriodKind::week, Basis::minutes, k_now, periods, in, {"b", "old"});
    REQUIRE(named.slices.size() == 2);
    CHECK(named.slices[0].colour == 2);
    CHECK(named.slices[1].colour == 1);
}

TEST_CASE("a trend's rating is the latest one given inside the period, not carried forward") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    auto periods = pie::trend_periods(PeriodKind::week, 2, k_now);
    std::vector<std::vector<SliceFacts>> in = {{facts("a", 1, 30, 7, periods[0].from)},
                                               {facts("a", 1, 30, 7, periods[0].from)}};
    Trend trend = pie::compute_trend(PeriodKind::week, Basis::minutes, k_now, periods, in, {});
    CHECK(trend.slices[0].rating == std::vector<std::optional<int>>{7, std::nullopt});
}

TEST_CASE("rating by time splits the rated periods at the median of their minutes") {
    using Pairs = std::vector<std::pair<std::int64_t, int>>;
    // Fewer than 6 rated periods: nothing.
    CHECK_FALSE(pie::rating_by_time(Pairs{{10, 5}, {20, 6}, {30, 7}, {40, 8}, {50, 9}}));
    // Six: the median is (30 + 40) / 2 = 35; 40, 50, 60 are "more".
    auto split = pie::rating_by_time(Pairs{{10, 3}, {20, 4}, {30, 5}, {40, 7}, {50, 8}, {60, 6}});
    REQUIRE(split);
    CHECK(split->more.periods == 3);
    CHECK(split->more.mean_rating == doctest::Approx(7.0));
    CHECK(split->less.periods == 3);
    CHECK(split->less.mean_rating == doctest::Approx(4.0));
    // Seven: the median is the middle value, which counts as "more".
    split = pie::rating_by_time(Pairs{{1, 2}, {2, 2}, {3, 2}, {4, 9}, {5, 9}, {6, 9}, {7, 9}});
    REQUIRE(split);
    CHECK(split->more.periods == 4);
    CHECK(split->less.periods == 3);
    // Every period at the median: the other group is empty.
    CHECK_FALSE(pie::rating_by_time(Pairs{{0, 1}, {0, 2}, {0, 3}, {0, 4}, {0, 5}, {100, 6}}));
}
