#include <doctest/doctest.h>

#include "support.hpp"

#include <pie/period.hpp>
#include <pie/time.hpp>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>

// Unit tests of calendar periods (§1 "days, weeks (ISO, Monday first) and months are the local
// ones", §5 "Periods are calendar ones in local time", §6 labels). Every expected instant is
// computed by hand as a UTC reading (utc_time below), from the zone's offset on that day;
// the zone rules used are stated next to each case.

using pie::Date;
using pie::Instant;
using pie::Period;
using pie::PeriodKind;
using pie::test::date_of;
using pie::test::utc_time;

namespace {

constexpr Instant k_h = 3600;

static_assert(utc_time(1970, 1, 2) == 86400);
static_assert(utc_time(2026, 11, 24, 17, 30) == 1795541400);  // 2026-11-24T18:30+01:00

void check_period(const Period& p, PeriodKind kind, Date first, Instant from, Instant to) {
    CHECK(p.kind == kind);
    CHECK(p.first_day == first);
    CHECK(p.from == from);
    CHECK(p.to == to);
}

}  // namespace

TEST_CASE("parse_period_kind and period_kind_name") {
    CHECK(pie::parse_period_kind("day") == PeriodKind::day);
    CHECK(pie::parse_period_kind("week") == PeriodKind::week);
    CHECK(pie::parse_period_kind("month") == PeriodKind::month);
    CHECK_FALSE(pie::parse_period_kind("").has_value());
    CHECK_FALSE(pie::parse_period_kind("Week").has_value());
    CHECK_FALSE(pie::parse_period_kind("weekly").has_value());
    CHECK_FALSE(pie::parse_period_kind("days").has_value());
    CHECK_FALSE(pie::parse_period_kind("year").has_value());
    CHECK_FALSE(pie::parse_period_kind(" day").has_value());
    CHECK(pie::period_kind_name(PeriodKind::day) == "day");
    CHECK(pie::period_kind_name(PeriodKind::week) == "week");
    CHECK(pie::period_kind_name(PeriodKind::month) == "month");
    for (PeriodKind kind : {PeriodKind::day, PeriodKind::week, PeriodKind::month}) {
        CHECK(pie::parse_period_kind(pie::period_kind_name(kind)) == kind);
    }
}

TEST_CASE("day, week and month containing Tue 2026-11-24 18:30 in Europe/Berlin (CET, +01:00)") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    const Instant at = utc_time(2026, 11, 24, 17, 30);

    Period day = pie::period_containing(PeriodKind::day, at);
    check_period(day, PeriodKind::day, date_of(2026, 11, 24), utc_time(2026, 11, 23, 23), utc_time(2026, 11, 24, 23));
    CHECK(pie::period_label(day) == "2026-11-24");

    // 2026-11-24 is a Tuesday: the week runs Monday 23 to Sunday 29, ISO week 48
    // (2026-01-01 is a Thursday, so week 1 starts Monday 2025-12-29; 23 Nov is 47 weeks later).
    Period week = pie::period_containing(PeriodKind::week, at);
    check_period(week, PeriodKind::week, date_of(2026, 11, 23), utc_time(2026, 11, 22, 23), utc_time(2026, 11, 29, 23));
    CHECK(pie::period_label(week) == "2026-W48");

    // November: CET all month (summer time ended 25 October).
    Period month = pie::period_containing(PeriodKind::month, at);
    check_period(month, PeriodKind::month, date_of(2026, 11, 1), utc_time(2026, 10, 31, 23),
                 utc_time(2026, 11, 30, 23));
    CHECK(pie::period_label(month) == "2026-11");
}

TEST_CASE("the edges of a period: local midnight belongs to the new day, week and month") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    // Monday 2026-11-23 00:00 CET = 2026-11-22 23:00 UTC.
    const Instant monday_midnight = utc_time(2026, 11, 22, 23);
    CHECK(pie::period_containing(PeriodKind::day, monday_midnight).first_day == date_of(2026, 11, 23));
    CHECK(pie::period_containing(PeriodKind::week, monday_midnight).first_day == date_of(2026, 11, 23));
    CHECK(pie::period_containing(PeriodKind::day, monday_midnight - 1).first_day == date_of(2026, 11, 22));
    CHECK(pie::period_containing(PeriodKind::week, monday_midnight - 1).first_day == date_of(2026, 11, 16));
    // A Sunday evening is still that ISO week (Monday first), though Sunday is day 0 in C.
    CHECK(pie::period_containing(PeriodKind::week, utc_time(2026, 11, 29, 22, 30)).first_day == date_of(2026, 11, 23));

    // 2026-12-01 00:00 CET = 2026-11-30 23:00 UTC.
    const Instant december = utc_time(2026, 11, 30, 23);
    CHECK(pie::period_containing(PeriodKind::month, december).first_day == date_of(2026, 12, 1));
    CHECK(pie::period_containing(PeriodKind::month, december - 1).first_day == date_of(2026, 11, 1));
    // In UTC that instant is still 30 November: the local zone decides.
    CHECK(pie::period_containing(PeriodKind::day, december).first_day == date_of(2026, 12, 1));
}

TEST_CASE("previous and next periods") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Period day = pie::period_of_date(PeriodKind::day, date_of(2026, 11, 24));
    check_period(pie::previous_period(day), PeriodKind::day, date_of(2026, 11, 23), utc_time(2026, 11, 22, 23),
                 utc_time(2026, 11, 23, 23));
    check_period(pie::next_period(day), PeriodKind::day, date_of(2026, 11, 25), utc_time(2026, 11, 24, 23),
                 utc_time(2026, 11, 25, 23));

    Period week = pie::period_of_date(PeriodKind::week, date_of(2026, 11, 24));
    check_period(pie::previous_period(week), PeriodKind::week, date_of(2026, 11, 16), utc_time(2026, 11, 15, 23),
                 utc_time(2026, 11, 22, 23));
    check_period(pie::next_period(week), PeriodKind::week, date_of(2026, 11, 30), utc_time(2026, 11, 29, 23),
                 utc_time(2026, 12, 6, 23));
    CHECK(pie::period_label(pie::previous_period(week)) == "2026-W47");
    CHECK(pie::period_label(pie::next_period(week)) == "2026-W49");

    // October 2026 starts in summer time (CEST, +02:00) and ends in CET: 31 days and 1 hour.
    Period month = pie::period_of_date(PeriodKind::month, date_of(2026, 11, 24));
    Period october = pie::previous_period(month);
    check_period(october, PeriodKind::month, date_of(2026, 10, 1), utc_time(2026, 9, 30, 22),
                 utc_time(2026, 10, 31, 23));
    CHECK(october.to - october.from == 745 * k_h);
    CHECK(pie::period_label(october) == "2026-10");
    check_period(pie::next_period(month), PeriodKind::month, date_of(2026, 12, 1), utc_time(2026, 11, 30, 23),
                 utc_time(2026, 12, 31, 23));

    // Next and previous are inverses, and periods tile time with no gap.
    for (Period p : {day, week, month}) {
        CHECK(pie::next_period(p).from == p.to);
        CHECK(pie::previous_period(p).to == p.from);
        CHECK(pie::previous_period(pie::next_period(p)).first_day == p.first_day);
        CHECK(pie::next_period(pie::previous_period(p)).first_day == p.first_day);
    }
}

TEST_CASE("period_of_date: any day of the period gives the same period") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    for (unsigned d = 23; d <= 29; ++d) {
        Period p = pie::period_of_date(PeriodKind::week, date_of(2026, 11, d));
        CHECK(p.first_day == date_of(2026, 11, 23));
        CHECK(p.from == utc_time(2026, 11, 22, 23));
    }
    CHECK(pie::period_of_date(PeriodKind::month, date_of(2026, 11, 30)).first_day == date_of(2026, 11, 1));
    CHECK(pie::period_of_date(PeriodKind::month, date_of(2026, 11, 1)).first_day == date_of(2026, 11, 1));
    CHECK(pie::period_of_date(PeriodKind::day, date_of(2026, 11, 30)).first_day == date_of(2026, 11, 30));
}

TEST_CASE("ISO weeks at year ends") {
    using pie::iso_week;
    auto check_week = [](Date day, int year, unsigned week) {
        pie::IsoWeek w = iso_week(day);
        CHECK(w.year == year);
        CHECK(w.week == week);
    };
    // 2026 starts on a Thursday: it has 53 weeks, the last 2026-12-28 (Mon) .. 2027-01-03 (Sun).
    check_week(date_of(2026, 1, 1), 2026, 1);
    check_week(date_of(2025, 12, 29), 2026, 1);
    check_week(date_of(2025, 12, 28), 2025, 52);
    check_week(date_of(2026, 11, 24), 2026, 48);
    check_week(date_of(2026, 12, 27), 2026, 52);
    check_week(date_of(2026, 12, 28), 2026, 53);
    check_week(date_of(2026, 12, 31), 2026, 53);
    check_week(date_of(2027, 1, 1), 2026, 53);
    check_week(date_of(2027, 1, 3), 2026, 53);
    check_week(date_of(2027, 1, 4), 2027, 1);
    // 2020 is a leap year starting on a Wednesday: 53 weeks, W53 = 2020-12-28 .. 2021-01-03.
    check_week(date_of(2020, 12, 28), 2020, 53);
    check_week(date_of(2021, 1, 1), 2020, 53);
    check_week(date_of(2021, 1, 3), 2020, 53);
    check_week(date_of(2021, 1, 4), 2021, 1);
    check_week(date_of(2020, 1, 1), 2020, 1);
    check_week(date_of(2019, 12, 30), 2020, 1);
    // 2024-12-30 is a Monday whose Thursday is 2025-01-02: week 1 of 2025.
    check_week(date_of(2024, 12, 29), 2024, 52);
    check_week(date_of(2024, 12, 30), 2025, 1);
    check_week(date_of(2024, 12, 31), 2025, 1);
    check_week(date_of(2025, 1, 5), 2025, 1);
    check_week(date_of(2025, 1, 6), 2025, 2);
}

TEST_CASE("iso_week_monday: valid weeks and weeks a year does not have") {
    using pie::iso_week_monday;
    CHECK(iso_week_monday(2026, 1) == date_of(2025, 12, 29));
    CHECK(iso_week_monday(2026, 48) == date_of(2026, 11, 23));
    CHECK(iso_week_monday(2026, 53) == date_of(2026, 12, 28));
    CHECK(iso_week_monday(2027, 1) == date_of(2027, 1, 4));
    CHECK(iso_week_monday(2027, 52) == date_of(2027, 12, 27));
    CHECK(iso_week_monday(2020, 1) == date_of(2019, 12, 30));
    CHECK(iso_week_monday(2020, 53) == date_of(2020, 12, 28));
    CHECK(iso_week_monday(2021, 1) == date_of(2021, 1, 4));
    CHECK(iso_week_monday(2025, 1) == date_of(2024, 12, 30));
    // 2027 starts on a Friday and is not a leap year: 52 weeks only. Neither have 2025 nor 2024.
    CHECK_FALSE(iso_week_monday(2027, 53).has_value());
    CHECK_FALSE(iso_week_monday(2025, 53).has_value());
    CHECK_FALSE(iso_week_monday(2024, 53).has_value());
    CHECK_FALSE(iso_week_monday(2026, 0).has_value());
    CHECK_FALSE(iso_week_monday(2026, 54).has_value());
    CHECK_FALSE(iso_week_monday(2026, 60).has_value());
    // Round trip over several years: every Monday's week leads back to it.
    for (int year = 2019; year <= 2030; ++year) {
        for (unsigned week = 1; week <= 53; ++week) {
            auto monday = iso_week_monday(year, week);
            if (!monday) {
                CHECK(week == 53);
                continue;
            }
            CHECK(std::chrono::weekday{std::chrono::sys_days{*monday}} == std::chrono::Monday);
            pie::IsoWeek back = pie::iso_week(*monday);
            CHECK(back.year == year);
            CHECK(back.week == week);
        }
    }
}

TEST_CASE("week periods and labels across the year end") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    // Fri 2027-01-01 12:00 CET: ISO week 2026-W53, Monday 2026-12-28 to Monday 2027-01-04.
    Period w53 = pie::period_containing(PeriodKind::week, utc_time(2027, 1, 1, 11));
    check_period(w53, PeriodKind::week, date_of(2026, 12, 28), utc_time(2026, 12, 27, 23), utc_time(2027, 1, 3, 23));
    CHECK(pie::period_label(w53) == "2026-W53");
    Period w01 = pie::next_period(w53);
    CHECK(w01.first_day == date_of(2027, 1, 4));
    CHECK(pie::period_label(w01) == "2027-W01");
    CHECK(pie::period_label(pie::previous_period(w53)) == "2026-W52");
    CHECK(pie::period_label(pie::period_of_date(PeriodKind::week, date_of(2021, 1, 3))) == "2020-W53");
    CHECK(pie::period_label(pie::period_of_date(PeriodKind::week, date_of(2024, 12, 31))) == "2025-W01");
    CHECK(pie::period_label(pie::period_of_date(PeriodKind::week, date_of(2026, 1, 1))) == "2026-W01");
    CHECK(pie::period_label(pie::period_of_date(PeriodKind::day, date_of(2027, 1, 1))) == "2027-01-01");
    CHECK(pie::period_label(pie::period_of_date(PeriodKind::month, date_of(2027, 1, 31))) == "2027-01");
}

TEST_CASE("Europe/Berlin DST: a 23-hour day and a 167-hour week in March, 25 and 169 hours in October") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    // Clocks go forward Sun 2026-03-29 at 02:00 CET (01:00 UTC) to 03:00 CEST.
    Period spring = pie::period_of_date(PeriodKind::day, date_of(2026, 3, 29));
    check_period(spring, PeriodKind::day, date_of(2026, 3, 29), utc_time(2026, 3, 28, 23), utc_time(2026, 3, 29, 22));
    CHECK(spring.to - spring.from == 23 * k_h);
    Period spring_week = pie::period_containing(PeriodKind::week, utc_time(2026, 3, 29, 12));
    check_period(spring_week, PeriodKind::week, date_of(2026, 3, 23), utc_time(2026, 3, 22, 23),
                 utc_time(2026, 3, 29, 22));
    CHECK(spring_week.to - spring_week.from == 167 * k_h);
    CHECK(pie::period_label(spring_week) == "2026-W13");
    // The day after is 24 hours again; March is 31 days less an hour.
    Period monday = pie::next_period(spring);
    CHECK(monday.to - monday.from == 24 * k_h);
    Period march = pie::period_of_date(PeriodKind::month, date_of(2026, 3, 10));
    check_period(march, PeriodKind::month, date_of(2026, 3, 1), utc_time(2026, 2, 28, 23), utc_time(2026, 3, 31, 22));
    CHECK(march.to - march.from == (31 * 24 - 1) * k_h);

    // Clocks go back Sun 2026-10-25 at 03:00 CEST (01:00 UTC) to 02:00 CET.
    Period autumn = pie::period_of_date(PeriodKind::day, date_of(2026, 10, 25));
    check_period(autumn, PeriodKind::day, date_of(2026, 10, 25), utc_time(2026, 10, 24, 22),
                 utc_time(2026, 10, 25, 23));
    CHECK(autumn.to - autumn.from == 25 * k_h);
    // Both 02:30s of that night are in that day.
    CHECK(pie::period_containing(PeriodKind::day, utc_time(2026, 10, 25, 0, 30)).first_day == date_of(2026, 10, 25));
    CHECK(pie::period_containing(PeriodKind::day, utc_time(2026, 10, 25, 1, 30)).first_day == date_of(2026, 10, 25));
    Period autumn_week = pie::period_containing(PeriodKind::week, utc_time(2026, 10, 25, 1, 30));
    check_period(autumn_week, PeriodKind::week, date_of(2026, 10, 19), utc_time(2026, 10, 18, 22),
                 utc_time(2026, 10, 25, 23));
    CHECK(autumn_week.to - autumn_week.from == 169 * k_h);
    // Stepping back across the change lands on whole local days.
    Period saturday = pie::previous_period(autumn);
    check_period(saturday, PeriodKind::day, date_of(2026, 10, 24), utc_time(2026, 10, 23, 22),
                 utc_time(2026, 10, 24, 22));
    Period next_monday = pie::next_period(autumn);
    check_period(next_monday, PeriodKind::day, date_of(2026, 10, 26), utc_time(2026, 10, 25, 23),
                 utc_time(2026, 10, 26, 23));
}

TEST_CASE("America/New_York DST: 2026-03-08 is 23 hours, 2026-11-01 is 25 hours") {
    pie::test::ZoneGuard zone("America/New_York");
    // Forward Sun 2026-03-08 at 02:00 EST (07:00 UTC) to 03:00 EDT.
    Period spring = pie::period_of_date(PeriodKind::day, date_of(2026, 3, 8));
    check_period(spring, PeriodKind::day, date_of(2026, 3, 8), utc_time(2026, 3, 8, 5), utc_time(2026, 3, 9, 4));
    CHECK(spring.to - spring.from == 23 * k_h);
    // Its ISO week is Monday 2 to Sunday 8 March.
    Period spring_week = pie::period_containing(PeriodKind::week, utc_time(2026, 3, 8, 12));
    check_period(spring_week, PeriodKind::week, date_of(2026, 3, 2), utc_time(2026, 3, 2, 5), utc_time(2026, 3, 9, 4));
    CHECK(spring_week.to - spring_week.from == 167 * k_h);
    // Back Sun 2026-11-01 at 02:00 EDT (06:00 UTC) to 01:00 EST.
    Period autumn = pie::period_of_date(PeriodKind::day, date_of(2026, 11, 1));
    check_period(autumn, PeriodKind::day, date_of(2026, 11, 1), utc_time(2026, 11, 1, 4), utc_time(2026, 11, 2, 5));
    CHECK(autumn.to - autumn.from == 25 * k_h);
    // Sun 2026-11-01 23:30 EST = Mon 04:30 UTC: still Sunday, the week of Monday 26 October.
    Period late = pie::period_containing(PeriodKind::week, utc_time(2026, 11, 2, 4, 30));
    check_period(late, PeriodKind::week, date_of(2026, 10, 26), utc_time(2026, 10, 26, 4), utc_time(2026, 11, 2, 5));
    CHECK(late.to - late.from == 169 * k_h);
    // November starts in EDT and ends in EST: 30 days and 1 hour.
    Period november = pie::period_containing(PeriodKind::month, utc_time(2026, 11, 15));
    check_period(november, PeriodKind::month, date_of(2026, 11, 1), utc_time(2026, 11, 1, 4), utc_time(2026, 12, 1, 5));
    CHECK(november.to - november.from == (30 * 24 + 1) * k_h);
}

TEST_CASE("a day whose midnight does not exist starts when the clock jumps (America/Sao_Paulo 2018-11-04)") {
    pie::test::ZoneGuard zone("America/Sao_Paulo");
    // 2018-11-04 00:00 -03 (03:00 UTC) became 01:00 -02: the day starts then and lasts 23 hours.
    Period day = pie::period_of_date(PeriodKind::day, date_of(2018, 11, 4));
    check_period(day, PeriodKind::day, date_of(2018, 11, 4), utc_time(2018, 11, 4, 3), utc_time(2018, 11, 5, 2));
    Period saturday = pie::previous_period(day);
    check_period(saturday, PeriodKind::day, date_of(2018, 11, 3), utc_time(2018, 11, 3, 3), utc_time(2018, 11, 4, 3));
    CHECK(pie::period_containing(PeriodKind::day, utc_time(2018, 11, 4, 3)).first_day == date_of(2018, 11, 4));
    CHECK(pie::period_containing(PeriodKind::day, utc_time(2018, 11, 4, 3) - 1).first_day == date_of(2018, 11, 3));
}

TEST_CASE("months: February of a leap year, and December rolling over into January") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    // 2028 is a leap year; CET throughout (summer time starts 26 March 2028).
    Period february = pie::period_containing(PeriodKind::month, utc_time(2028, 2, 29, 12));
    check_period(february, PeriodKind::month, date_of(2028, 2, 1), utc_time(2028, 1, 31, 23),
                 utc_time(2028, 2, 29, 23));
    CHECK(february.to - february.from == 29 * 24 * k_h);
    CHECK(pie::period_label(february) == "2028-02");
    CHECK(pie::next_period(february).first_day == date_of(2028, 3, 1));
    CHECK(pie::previous_period(february).first_day == date_of(2028, 1, 1));
    CHECK(pie::period_of_date(PeriodKind::day, date_of(2028, 2, 29)).to == utc_time(2028, 2, 29, 23));
    // A common year's February is 28 days.
    Period feb2027 = pie::period_of_date(PeriodKind::month, date_of(2027, 2, 14));
    CHECK(feb2027.to - feb2027.from == 28 * 24 * k_h);
    CHECK(pie::next_period(feb2027).first_day == date_of(2027, 3, 1));

    Period december = pie::period_containing(PeriodKind::month, utc_time(2026, 12, 15));
    check_period(december, PeriodKind::month, date_of(2026, 12, 1), utc_time(2026, 11, 30, 23),
                 utc_time(2026, 12, 31, 23));
    CHECK(pie::period_label(december) == "2026-12");
    Period january = pie::next_period(december);
    check_period(january, PeriodKind::month, date_of(2027, 1, 1), utc_time(2026, 12, 31, 23),
                 utc_time(2027, 1, 31, 23));
    CHECK(pie::period_label(january) == "2027-01");
    CHECK(pie::previous_period(january).first_day == date_of(2026, 12, 1));
    // New Year's Eve 23:30 local is still December; 00:00 is January.
    CHECK(pie::period_containing(PeriodKind::month, utc_time(2026, 12, 31, 22, 30)).first_day == date_of(2026, 12, 1));
    CHECK(pie::period_containing(PeriodKind::month, utc_time(2026, 12, 31, 23)).first_day == date_of(2027, 1, 1));
    // Day periods roll over the year too.
    Period nye = pie::period_of_date(PeriodKind::day, date_of(2026, 12, 31));
    CHECK(pie::next_period(nye).first_day == date_of(2027, 1, 1));
    CHECK(pie::period_label(pie::next_period(nye)) == "2027-01-01");
}

TEST_CASE("a zone east of UTC: Asia/Tokyo (+09:00) names the local day, not the UTC one") {
    pie::test::ZoneGuard zone("Asia/Tokyo");
    // Mon 2026-11-23 00:30 JST = Sun 2026-11-22 15:30 UTC.
    const Instant at = utc_time(2026, 11, 22, 15, 30);
    check_period(pie::period_containing(PeriodKind::day, at), PeriodKind::day, date_of(2026, 11, 23),
                 utc_time(2026, 11, 22, 15), utc_time(2026, 11, 23, 15));
    check_period(pie::period_containing(PeriodKind::week, at), PeriodKind::week, date_of(2026, 11, 23),
                 utc_time(2026, 11, 22, 15), utc_time(2026, 11, 29, 15));
    // Sun 2026-11-01 08:00 JST = Sat 2026-10-31 23:00 UTC: November locally.
    check_period(pie::period_containing(PeriodKind::month, utc_time(2026, 10, 31, 23)), PeriodKind::month,
                 date_of(2026, 11, 1), utc_time(2026, 10, 31, 15), utc_time(2026, 11, 30, 15));
}
