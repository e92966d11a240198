#include <doctest/doctest.h>

#include "support.hpp"

#include <pie/error.hpp>
#include <pie/time.hpp>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Unit tests of the time module against the contract's §1 "WHEN" and "DURATION".
// Expected instants are built with utc_time() below: plain proleptic-Gregorian arithmetic on UTC,
// independent of the time zone machinery the code under test uses.

using pie::Instant;
using pie::When;
using pie::test::date_of;
using pie::test::k_day;
using pie::test::k_hour;
using pie::test::k_now;
using pie::test::utc_time;
using namespace std::chrono_literals;

namespace {

// Cross-checked with `date -u -d 2026-11-24T17:30:00Z +%s` etc.
static_assert(utc_time(1970, 1, 1) == 0);
static_assert(utc_time(2026, 11, 24, 17, 30) == 1795541400);
static_assert(utc_time(2026, 3, 29, 1) == 1774746000);
static_assert(utc_time(2026, 10, 25, 1, 30) == 1792891800);

// Tue 2026-11-24 18:30 in Europe/Berlin (CET, +01:00).
// Local midnight starting Tue 2026-11-24 in Berlin.
constexpr Instant k_today = utc_time(2026, 11, 23, 23);

struct WhenCase {
    const char* text;
    Instant at;
    bool day_only;
};

void check_when(const WhenCase& c, Instant now) {
    std::string_view text = c.text;
    CAPTURE(text);
    When when{};
    REQUIRE_NOTHROW(when = pie::parse_when(c.text, now));
    CHECK(when.at == c.at);
    CHECK(when.day_only == c.day_only);
}

void check_bad_when(std::string_view text, Instant now = k_now) {
    CAPTURE(text);
    CHECK_THROWS_AS(pie::parse_when(text, now), pie::UserError);
    CHECK_THROWS_AS(pie::parse_until(text, now), pie::UserError);
}

}  // namespace

TEST_CASE("pie::test::ZoneGuard sets TZ and restores it") {
    pie::test::ZoneGuard outer("UTC");
    {
        pie::test::ZoneGuard inner("Asia/Kolkata");
        CHECK(std::string(std::getenv("TZ")) == "Asia/Kolkata");
        CHECK(pie::to_local(0).utc_offset == 19800);
    }
    CHECK(std::string(std::getenv("TZ")) == "UTC");
    CHECK(pie::to_local(0).utc_offset == 0);
}

// ---------------------------------------------------------------------------------------------
// WHEN: every accepted form
// ---------------------------------------------------------------------------------------------

TEST_CASE("parse_when: ISO dates and date-times") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    const WhenCase cases[] = {
        {"2026-11-24", k_today, true},
        {"2026-11-24T18:30", utc_time(2026, 11, 24, 17, 30), false},
        {"2026-11-24 18:30", utc_time(2026, 11, 24, 17, 30), false},
        {"2026-11-24T18:30:00", utc_time(2026, 11, 24, 17, 30), false},
        {"2026-11-24T18:30:45", utc_time(2026, 11, 24, 17, 30, 45), false},
        {"2026-11-24T9:05", utc_time(2026, 11, 24, 8, 5), false},
        {"2026-11-24T00:00", k_today, false},  // a time given: not a whole day
        {"2026-11-24T23:59:59", utc_time(2026, 11, 24, 22, 59, 59), false},
        // Summer: +02:00.
        {"2026-07-01", utc_time(2026, 6, 30, 22), true},
        {"2026-07-01T12:00", utc_time(2026, 7, 1, 10), false},
        // Explicit offsets ignore the local zone.
        {"2026-11-24T18:30Z", utc_time(2026, 11, 24, 18, 30), false},
        {"2026-11-24T18:30:00Z", utc_time(2026, 11, 24, 18, 30), false},
        {"2026-11-24 18:30Z", utc_time(2026, 11, 24, 18, 30), false},
        {"2026-11-24T18:30+01:00", utc_time(2026, 11, 24, 17, 30), false},
        {"2026-11-24T18:30+02:00", utc_time(2026, 11, 24, 16, 30), false},
        {"2026-11-24T18:30-05:00", utc_time(2026, 11, 24, 23, 30), false},
        {"2026-11-24T18:30+0530", utc_time(2026, 11, 24, 13, 0), false},
        {"2026-11-24T18:30:00+05:30", utc_time(2026, 11, 24, 13, 0), false},
        {"2026-11-24T18:30-0330", utc_time(2026, 11, 24, 22, 0), false},
        {"2026-11-24T18:30+05", utc_time(2026, 11, 24, 13, 30), false},  // ±HH alone (ISO 8601)
        {"2026-11-24T18:30+00:00", utc_time(2026, 11, 24, 18, 30), false},
        {"2026-11-24T18:30-00:00", utc_time(2026, 11, 24, 18, 30), false},
        {"2026-11-24T01:00+14:00", utc_time(2026, 11, 23, 11), false},  // Kiribati, the easternmost
        // An explicit offset may carry the instant into another UTC day.
        {"2026-11-24T23:30-05:00", utc_time(2026, 11, 25, 4, 30), false},
        // Leap day, year bounds.
        {"2028-02-29", utc_time(2028, 2, 28, 23), true},
        {"1970-01-02", utc_time(1970, 1, 1, 23), true},
        {"9999-12-31T12:00Z", utc_time(9999, 12, 31, 12), false},
    };
    for (const auto& c : cases) check_when(c, k_now);
}

TEST_CASE("parse_when: a clock time alone is today") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    const WhenCase cases[] = {
        {"18:30", k_now, false},
        {"18:30:15", k_now + 15, false},
        {"00:00", k_today, false},
        {"9:05", utc_time(2026, 11, 24, 8, 5), false},
        {"09:05", utc_time(2026, 11, 24, 8, 5), false},
        {"23:59", utc_time(2026, 11, 24, 22, 59), false},  // later than now, still today
    };
    for (const auto& c : cases) check_when(c, k_now);
}

TEST_CASE("parse_when: now, today, yesterday") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    const WhenCase cases[] = {
        {"now", k_now, false},
        {"today", k_today, true},
        {"yesterday", k_today - k_day, true},
        {"yesterday 18:30", utc_time(2026, 11, 23, 17, 30), false},
        {"yesterday 00:00", k_today - k_day, false},
        {"today 07:15", utc_time(2026, 11, 24, 6, 15), false},
        {"today 20:00", utc_time(2026, 11, 24, 19), false},
    };
    for (const auto& c : cases) check_when(c, k_now);

    // "now" is exactly the given instant, seconds included.
    CHECK(pie::parse_when("now", k_now + 17).at == k_now + 17);
    // Just after local midnight, yesterday is the previous local day (not UTC's).
    Instant after_midnight = utc_time(2026, 11, 23, 23, 5);  // 00:05 on Tue 24 Nov, local
    CHECK(pie::parse_when("today", after_midnight).at == k_today);
    CHECK(pie::parse_when("yesterday", after_midnight).at == k_today - k_day);
}

TEST_CASE("parse_when: weekday names, full and abbreviated, today included") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    // now is Tuesday 2026-11-24: each name means the most recent such day, today included.
    struct Day {
        const char* full;
        const char* abbrev;
        unsigned day_of_month;
    };
    const Day days[] = {
        {"tuesday", "tue", 24}, {"monday", "mon", 23},   {"sunday", "sun", 22},    {"saturday", "sat", 21},
        {"friday", "fri", 20},  {"thursday", "thu", 19}, {"wednesday", "wed", 18},
    };
    for (const auto& d : days) {
        Instant start = utc_time(2026, 11, d.day_of_month - 1, 23);  // local midnight (+01:00)
        check_when({d.full, start, true}, k_now);
        check_when({d.abbrev, start, true}, k_now);
    }
    check_when({"mon 09:00", utc_time(2026, 11, 23, 8), false}, k_now);
    check_when({"monday 09:00", utc_time(2026, 11, 23, 8), false}, k_now);
    check_when({"tue 09:00", utc_time(2026, 11, 24, 8), false}, k_now);
    check_when({"wed 21:45:30", utc_time(2026, 11, 18, 20, 45, 30), false}, k_now);
    check_when({"sun 9:00", utc_time(2026, 11, 22, 8), false}, k_now);

    // Across a month and a year boundary: Thu 2026-01-01 at noon, "sat" is 2025-12-27.
    Instant new_year = utc_time(2026, 1, 1, 11);
    check_when({"sat", utc_time(2025, 12, 26, 23), true}, new_year);
    check_when({"thu", utc_time(2025, 12, 31, 23), true}, new_year);
    check_when({"yesterday", utc_time(2025, 12, 30, 23), true}, new_year);
}

TEST_CASE("parse_when: N units ago") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    const WhenCase cases[] = {
        {"3d ago", utc_time(2026, 11, 21, 17, 30), false},  // same local clock time, 3 days back
        {"1w ago", utc_time(2026, 11, 17, 17, 30), false},
        {"2w ago", utc_time(2026, 11, 10, 17, 30), false},
        {"30d ago", utc_time(2026, 10, 25, 17, 30), false},  // 18:30 CET, after that day's change
        {"31d ago", utc_time(2026, 10, 24, 16, 30), false},  // 18:30 CEST: across the change
        {"2h ago", k_now - 2 * k_hour, false},
        {"90m ago", k_now - 90 * 60, false},
        {"1m ago", k_now - 60, false},
        {"0d ago", k_now, false},
        {"1d2h ago", utc_time(2026, 11, 23, 15, 30), false},  // calendar units first, then exact ones
        {"1w1d ago", utc_time(2026, 11, 16, 17, 30), false},
        {"3d  ago", utc_time(2026, 11, 21, 17, 30), false},
    };
    for (const auto& c : cases) check_when(c, k_now);

    // Calendar days back keep the local clock time across the change back from summer time.
    CHECK(pie::format_iso(pie::parse_when("31d ago", k_now).at) == "2026-10-24T18:30:00+02:00");
    CHECK(k_now - pie::parse_when("31d ago", k_now).at == 31 * k_day + k_hour);
}

TEST_CASE("parse_when: case and surrounding blanks do not matter") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    const WhenCase cases[] = {
        {"NOW", k_now, false},
        {"Now", k_now, false},
        {"Yesterday", k_today - k_day, true},
        {"TODAY", k_today, true},
        {"MONDAY", k_today - k_day, true},
        {"Mon 09:00", utc_time(2026, 11, 23, 8), false},
        {"Tue", k_today, true},
        {"3D AGO", utc_time(2026, 11, 21, 17, 30), false},
        {"2H Ago", k_now - 2 * k_hour, false},
        {"2026-11-24t18:30", k_now, false},
        {"2026-11-24T18:30z", utc_time(2026, 11, 24, 18, 30), false},
        {"  today  ", k_today, true},
        {" 18:30", k_now, false},
        {"3d ago ", utc_time(2026, 11, 21, 17, 30), false},
        {"yesterday   18:30", utc_time(2026, 11, 23, 17, 30), false},
        {"2026-11-24   18:30", k_now, false},
    };
    for (const auto& c : cases) check_when(c, k_now);
}

TEST_CASE("parse_until: a day alone is inclusive, a time is exact") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    const Instant tomorrow = k_today + k_day;  // 2026-11-25 00:00 local
    struct Case {
        const char* text;
        Instant end;
    };
    const Case cases[] = {
        {"2026-11-24", tomorrow},
        {"today", tomorrow},
        {"tue", tomorrow},
        {"tuesday", tomorrow},
        {"yesterday", k_today},
        {"mon", k_today},
        {"sun", k_today - k_day},
        {"2026-12-31", utc_time(2026, 12, 31, 23)},  // → 2027-01-01 00:00 local
        {"2026-11-24T18:30", k_now},
        {"2026-11-24T00:00", k_today},
        {"2026-11-24T18:30Z", utc_time(2026, 11, 24, 18, 30)},
        {"18:30", k_now},
        {"yesterday 18:30", k_now - k_day},
        {"now", k_now},
        {"3d ago", k_now - 3 * k_day},
        {"2h ago", k_now - 2 * k_hour},
    };
    for (const auto& c : cases) {
        std::string_view text = c.text;
        CAPTURE(text);
        CHECK(pie::parse_until(c.text, k_now) == c.end);
    }
}

// ---------------------------------------------------------------------------------------------
// DST change days
// ---------------------------------------------------------------------------------------------

TEST_CASE("DST in Europe/Berlin: days of 23 and 25 hours") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    // Spring forward: Sun 2026-03-29 02:00 CET → 03:00 CEST (01:00Z).
    CHECK(pie::start_of_day(date_of(2026, 3, 29)) == utc_time(2026, 3, 28, 23));
    CHECK(pie::start_of_day(date_of(2026, 3, 30)) == utc_time(2026, 3, 29, 22));
    CHECK(pie::start_of_day(date_of(2026, 3, 30)) - pie::start_of_day(date_of(2026, 3, 29)) == 23 * k_hour);
    // Fall back: Sun 2026-10-25 03:00 CEST → 02:00 CET (01:00Z).
    CHECK(pie::start_of_day(date_of(2026, 10, 25)) == utc_time(2026, 10, 24, 22));
    CHECK(pie::start_of_day(date_of(2026, 10, 26)) == utc_time(2026, 10, 25, 23));
    CHECK(pie::start_of_day(date_of(2026, 10, 26)) - pie::start_of_day(date_of(2026, 10, 25)) == 25 * k_hour);
    // An ordinary day.
    CHECK(pie::start_of_day(date_of(2026, 11, 25)) - pie::start_of_day(date_of(2026, 11, 24)) == 24 * k_hour);

    // parse_until of the change days.
    CHECK(pie::parse_until("2026-03-29", k_now) == utc_time(2026, 3, 29, 22));
    CHECK(pie::parse_until("2026-10-25", k_now) == utc_time(2026, 10, 25, 23));
}

TEST_CASE("DST in Europe/Berlin: from_local in the gap and in the repeated hour") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    // 02:30 on the spring day never happens: it moves forward by the gap, to 03:30 CEST (01:30Z).
    CHECK(pie::from_local(date_of(2026, 3, 29), 2, 30) == utc_time(2026, 3, 29, 1, 30));
    CHECK(pie::from_local(date_of(2026, 3, 29), 2, 0) == utc_time(2026, 3, 29, 1));  // 02:00 → 03:00
    CHECK(pie::from_local(date_of(2026, 3, 29), 2, 59, 59) == utc_time(2026, 3, 29, 1, 59, 59));
    // Either side of the gap, readings are exact.
    CHECK(pie::from_local(date_of(2026, 3, 29), 1, 59, 59) == utc_time(2026, 3, 29, 0, 59, 59));
    CHECK(pie::from_local(date_of(2026, 3, 29), 3, 0) == utc_time(2026, 3, 29, 1));
    {
        pie::LocalTime t = pie::to_local(pie::from_local(date_of(2026, 3, 29), 2, 30));
        CHECK(t.date == date_of(2026, 3, 29));
        CHECK(t.hour == 3);
        CHECK(t.minute == 30);
        CHECK(t.utc_offset == 2 * k_hour);
    }

    // 02:30 on the autumn day happens twice: 00:30Z (CEST) and 01:30Z (CET); the earlier one.
    CHECK(pie::from_local(date_of(2026, 10, 25), 2, 30) == utc_time(2026, 10, 25, 0, 30));
    CHECK(pie::from_local(date_of(2026, 10, 25), 2, 0) == utc_time(2026, 10, 25, 0, 0));
    CHECK(pie::from_local(date_of(2026, 10, 25), 3, 0) == utc_time(2026, 10, 25, 2, 0));  // after: unique
    CHECK(pie::from_local(date_of(2026, 10, 25), 1, 59) == utc_time(2026, 10, 24, 23, 59));
    {
        pie::LocalTime first = pie::to_local(utc_time(2026, 10, 25, 0, 30));
        pie::LocalTime second = pie::to_local(utc_time(2026, 10, 25, 1, 30));
        CHECK(first.hour == 2);
        CHECK(first.minute == 30);
        CHECK(first.utc_offset == 2 * k_hour);
        CHECK(second.hour == 2);
        CHECK(second.minute == 30);
        CHECK(second.utc_offset == 1 * k_hour);
        CHECK(first.date == second.date);
    }

    // The WHEN forms go through the same rules; an explicit offset picks either occurrence.
    CHECK(pie::parse_when("2026-03-29T02:30", k_now).at == utc_time(2026, 3, 29, 1, 30));
    CHECK(pie::parse_when("2026-10-25T02:30", k_now).at == utc_time(2026, 10, 25, 0, 30));
    CHECK(pie::parse_when("2026-10-25T02:30+02:00", k_now).at == utc_time(2026, 10, 25, 0, 30));
    CHECK(pie::parse_when("2026-10-25T02:30+01:00", k_now).at == utc_time(2026, 10, 25, 1, 30));
    Instant spring_noon = utc_time(2026, 3, 29, 10);  // 12:00 CEST on the spring day
    CHECK(pie::parse_when("02:30", spring_noon).at == utc_time(2026, 3, 29, 1, 30));
    CHECK(pie::parse_when("today", spring_noon).at == utc_time(2026, 3, 28, 23));
    CHECK(pie::parse_when("yesterday", spring_noon).at == utc_time(2026, 3, 27, 23));
}

TEST_CASE("DST in Europe/Berlin: ago") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    // `1d ago` keeps the local clock time, so across a change it is 23 or 25 hours back.
    Instant spring_noon = utc_time(2026, 3, 29, 10);                                // Sun 12:00 CEST
    CHECK(pie::parse_when("1d ago", spring_noon).at == utc_time(2026, 3, 28, 11));  // Sat 12:00 CET
    CHECK(spring_noon - pie::parse_when("1d ago", spring_noon).at == 23 * k_hour);
    Instant autumn_noon = utc_time(2026, 10, 25, 11);                                // Sun 12:00 CET
    CHECK(pie::parse_when("1d ago", autumn_noon).at == utc_time(2026, 10, 24, 10));  // Sat 12:00 CEST
    CHECK(autumn_noon - pie::parse_when("1d ago", autumn_noon).at == 25 * k_hour);
    Instant week_after = utc_time(2026, 4, 1, 10);                                 // Wed 12:00 CEST
    CHECK(pie::parse_when("1w ago", week_after).at == utc_time(2026, 3, 25, 11));  // Wed 12:00 CET
    // The clock time of now does not exist on the day back: moved forward by the gap.
    Instant monday_0230 = utc_time(2026, 3, 30, 0, 30);                                // Mon 02:30 CEST
    CHECK(pie::parse_when("1d ago", monday_0230).at == utc_time(2026, 3, 29, 1, 30));  // Sun 03:30 CEST

    // Hours and minutes are exact, whatever the wall clock does.
    Instant spring_0330 = utc_time(2026, 3, 29, 1, 30);  // 03:30 CEST, just past the gap
    CHECK(pie::parse_when("2h ago", spring_0330).at == spring_0330 - 7200);
    CHECK(pie::parse_when("90m ago", spring_0330).at == spring_0330 - 5400);
    Instant autumn_first_0230 = utc_time(2026, 10, 25, 0, 30);   // 02:30 CEST, first pass
    Instant autumn_second_0230 = utc_time(2026, 10, 25, 1, 30);  // 02:30 CET, second pass
    CHECK(pie::parse_when("2h ago", autumn_first_0230).at == autumn_first_0230 - 7200);
    CHECK(pie::parse_when("2h ago", autumn_second_0230).at == autumn_second_0230 - 7200);
    CHECK(pie::parse_when("30m ago", autumn_second_0230).at == autumn_second_0230 - 1800);
    CHECK(pie::parse_when("0d ago", autumn_second_0230).at == autumn_second_0230);
    Instant autumn_0330 = utc_time(2026, 10, 25, 2, 30);  // 03:30 CET
    CHECK(pie::parse_when("2h ago", autumn_0330).at == autumn_0330 - 7200);
}

TEST_CASE("DST in America/New_York") {
    pie::test::ZoneGuard zone("America/New_York");
    // Spring forward: Sun 2026-03-08 02:00 EST → 03:00 EDT (07:00Z).
    CHECK(pie::start_of_day(date_of(2026, 3, 8)) == utc_time(2026, 3, 8, 5));
    CHECK(pie::start_of_day(date_of(2026, 3, 9)) == utc_time(2026, 3, 9, 4));
    CHECK(pie::start_of_day(date_of(2026, 3, 9)) - pie::start_of_day(date_of(2026, 3, 8)) == 23 * k_hour);
    // Fall back: Sun 2026-11-01 02:00 EDT → 01:00 EST (06:00Z).
    CHECK(pie::start_of_day(date_of(2026, 11, 1)) == utc_time(2026, 11, 1, 4));
    CHECK(pie::start_of_day(date_of(2026, 11, 2)) == utc_time(2026, 11, 2, 5));
    CHECK(pie::start_of_day(date_of(2026, 11, 2)) - pie::start_of_day(date_of(2026, 11, 1)) == 25 * k_hour);

    // Gap: 02:30 → 03:30 EDT (07:30Z). Repeated: 01:30 EDT (05:30Z) before 01:30 EST (06:30Z).
    CHECK(pie::from_local(date_of(2026, 3, 8), 2, 30) == utc_time(2026, 3, 8, 7, 30));
    CHECK(pie::from_local(date_of(2026, 11, 1), 1, 30) == utc_time(2026, 11, 1, 5, 30));
    CHECK(pie::parse_when("2026-03-08 02:30", k_now).at == utc_time(2026, 3, 8, 7, 30));
    CHECK(pie::parse_when("2026-11-01 01:30", k_now).at == utc_time(2026, 11, 1, 5, 30));
    CHECK(pie::parse_when("2026-11-01 01:30-05:00", k_now).at == utc_time(2026, 11, 1, 6, 30));

    Instant spring_noon = utc_time(2026, 3, 8, 16);                                // Sun 12:00 EDT
    CHECK(pie::parse_when("1d ago", spring_noon).at == utc_time(2026, 3, 7, 17));  // Sat 12:00 EST
    CHECK(spring_noon - pie::parse_when("1d ago", spring_noon).at == 23 * k_hour);
    Instant autumn_noon = utc_time(2026, 11, 1, 17);                                 // Sun 12:00 EST
    CHECK(pie::parse_when("1d ago", autumn_noon).at == utc_time(2026, 10, 31, 16));  // Sat 12:00 EDT
    CHECK(autumn_noon - pie::parse_when("1d ago", autumn_noon).at == 25 * k_hour);
    Instant second_0130 = utc_time(2026, 11, 1, 6, 30);  // 01:30 EST, the second pass
    CHECK(pie::parse_when("2h ago", second_0130).at == second_0130 - 7200);
    CHECK(pie::parse_when("2h ago", spring_noon).at == spring_noon - 7200);
    CHECK(pie::parse_until("2026-11-01", k_now) == utc_time(2026, 11, 2, 5));

    // The same fixed "now" reads differently here: Tue 2026-11-24 12:30 EST.
    CHECK(pie::parse_when("today", k_now).at == utc_time(2026, 11, 24, 5));
    CHECK(pie::parse_when("18:30", k_now).at == utc_time(2026, 11, 24, 23, 30));
}

TEST_CASE("DST with midnight skipped or repeated (America/Havana) and a 30-minute gap (Lord Howe)") {
    {
        pie::test::ZoneGuard zone("America/Havana");
        // 2026-03-08 00:00 CST → 01:00 CDT (05:00Z): the day starts at 01:00.
        CHECK(pie::start_of_day(date_of(2026, 3, 8)) == utc_time(2026, 3, 8, 5));
        CHECK(pie::parse_when("2026-03-08", k_now).at == utc_time(2026, 3, 8, 5));
        // 2026-11-01 01:00 CDT → 00:00 CST (05:00Z): midnight happens twice; the first starts the day.
        CHECK(pie::start_of_day(date_of(2026, 11, 1)) == utc_time(2026, 11, 1, 4));
        CHECK(pie::start_of_day(date_of(2026, 11, 2)) - pie::start_of_day(date_of(2026, 11, 1)) == 25 * k_hour);
    }
    {
        pie::test::ZoneGuard zone("Australia/Lord_Howe");
        // 2026-10-04 02:00 (+10:30) → 02:30 (+11:00) at 15:30Z the day before: 02:15 → 02:45.
        CHECK(pie::from_local(date_of(2026, 10, 4), 2, 15) == utc_time(2026, 10, 3, 15, 45));
        CHECK(pie::start_of_day(date_of(2026, 10, 5)) - pie::start_of_day(date_of(2026, 10, 4)) == k_day - 30 * 60);
    }
}

// ---------------------------------------------------------------------------------------------
// WHEN: malformed
// ---------------------------------------------------------------------------------------------

TEST_CASE("parse_when: malformed text is a UserError") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    const char* bad[] = {
        "", " ", "   ", "\t", "\n",
        // Out-of-range or impossible dates and times.
        "2026-13-01", "2026-00-10", "2026-02-30", "2026-04-31", "2027-02-29", "2026-11-00", "2026-11-32",
        "2026-11-24T25:00", "2026-11-24T24:00", "2026-11-24T18:60", "2026-11-24T18:30:60", "18:60", "24:00", "25:00",
        "18", "18:3", "18:300", "18:30:5", "1830", ":30", "18:", "-1:00",
        // Years before 1970 or of the wrong width.
        "1969-12-31", "0000-01-01", "26-11-24", "02026-11-24", "20261-11-24",
        // Other shapes of dates.
        "2026-1-5", "2026/11/24", "24.11.2026", "2026-11", "2026", "2026-11-24-", "2026-11-24x", "2026-11-24T",
        "2026-11-24TT18:30", "2026-11-24T 18:30", "2026-11-24T18", "2026-11-24T18:30:00.5", "2026-11-24T18:30 Z",
        "2026-11-24Z",
        // Offsets.
        "2026-11-24T18:30+25:00", "2026-11-24T18:30+19:00", "2026-11-24T18:30+01:60", "2026-11-24T18:30+1:00",
        "2026-11-24T18:30+", "2026-11-24T18:30-", "2026-11-24T18:30+01:", "2026-11-24T18:30+01:0",
        "2026-11-24T18:30+01:00:00", "2026-11-24T18:30UTC", "2026-11-24T18:30+01:00Z", "2026-11-24T18:30++01:00",
        "18:30Z", "18:30+01:00",
        // Words.
        "tomorrow", "tomorrowish", "todays", "yesterday-ish", "noww", "now 18:30", "mo", "tues", "mond", "mon 9",
        "mon 09", "mon 09:00 x", "mon 25:00", "mon09:00", "yesterday18:30", "today today", "next monday",
        "monday 18:30:99",
        // Ago.
        "ago", " ago", "3x ago", "3 ago", "d ago", "3 d ago", "3d", "-3d ago", "3.5d ago", "1y ago", "3d ago ago",
        "ago 3d", "3dago x", "1000000d ago", "999999d ago", "999999w ago",
        // Garbage.
        "\xff\xfe", "2026-11-24\xc3\xa9",
        ("\xe2\x80\x8b"
         "18:30")};
    for (const char* text : bad) check_bad_when(text);

    // Embedded NUL, kept in the view.
    check_bad_when(std::string_view("18:30\0x", 7));
    check_bad_when(std::string_view("now\0", 4));

    // Long inputs fail quickly and cleanly.
    check_bad_when(std::string(1000, '9'));
    check_bad_when(std::string(100000, '1') + "-11-24");
    check_bad_when("2026-11-24T18:30+" + std::string(1000, '0'));
    check_bad_when(std::string(1000, '9') + "d ago");
    check_bad_when(std::string(1000, '9') + ":30");
    check_bad_when(std::string(5000, ' ') + "x" + std::string(5000, ' '));
    check_bad_when(std::string(10000, 'a') + " ago");

    // The error names the text and carries a hint.
    try {
        pie::parse_when("tomorrowish", k_now);
        FAIL("no exception");
    } catch (const pie::UserError& e) {
        CHECK(std::string(e.what()).find("tomorrowish") != std::string::npos);
        CHECK_FALSE(e.hint().empty());
    }
}

TEST_CASE("parse_when: ago amounts too large to mean a representable day are rejected") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    // Many maximal terms add up past 32 bits of days: this must not wrap round to a near date.
    // 613 × 999999w + 3 × 999999d + 971593d = 4'294'967'299 days = 2^32 + 3 days.
    std::string text;
    for (int i = 0; i < 613; ++i) text += "999999w";
    text += "999999d999999d999999d971593d ago";
    check_bad_when(text);
    // Hours alone past the year 1970: 999999h is about 114 years.
    check_bad_when("999999h ago");
    check_bad_when("999999h999999h ago");
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers
// ---------------------------------------------------------------------------------------------

TEST_CASE("to_local, local_date, add_days") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    pie::LocalTime t = pie::to_local(k_now + 7);
    CHECK(t.date == date_of(2026, 11, 24));
    CHECK(t.hour == 18);
    CHECK(t.minute == 30);
    CHECK(t.second == 7);
    CHECK(t.utc_offset == 3600);
    CHECK(pie::to_local(utc_time(2026, 7, 1, 10)).utc_offset == 7200);

    // The local day, not the UTC day.
    CHECK(pie::local_date(utc_time(2026, 11, 23, 23, 0)) == date_of(2026, 11, 24));
    CHECK(pie::local_date(utc_time(2026, 11, 23, 22, 59, 59)) == date_of(2026, 11, 23));
    CHECK(pie::local_date(utc_time(2025, 12, 31, 23, 30)) == date_of(2026, 1, 1));

    CHECK(pie::add_days(date_of(2026, 11, 24), 1) == date_of(2026, 11, 25));
    CHECK(pie::add_days(date_of(2026, 11, 24), -24) == date_of(2026, 10, 31));
    CHECK(pie::add_days(date_of(2026, 12, 31), 1) == date_of(2027, 1, 1));
    CHECK(pie::add_days(date_of(2026, 3, 1), -1) == date_of(2026, 2, 28));
    CHECK(pie::add_days(date_of(2028, 2, 28), 1) == date_of(2028, 2, 29));
    CHECK(pie::add_days(date_of(2028, 3, 1), -1) == date_of(2028, 2, 29));
    CHECK(pie::add_days(date_of(2026, 1, 1), 365) == date_of(2027, 1, 1));
    CHECK(pie::add_days(date_of(2026, 11, 24), 0) == date_of(2026, 11, 24));

    // from_local / to_local round trip on every quarter hour of an ordinary day.
    for (int minute = 0; minute < 24 * 60; minute += 15) {
        Instant at = pie::from_local(date_of(2026, 11, 24), minute / 60, minute % 60);
        CHECK(at == k_today + minute * 60);
    }
}

TEST_CASE("from_local in zones without DST and east of UTC") {
    {
        pie::test::ZoneGuard zone("UTC");
        CHECK(pie::from_local(date_of(2026, 11, 24), 18, 30) == utc_time(2026, 11, 24, 18, 30));
        CHECK(pie::start_of_day(date_of(1970, 1, 1)) == 0);
        CHECK(pie::parse_when("today", k_now).at == utc_time(2026, 11, 24));
    }
    {
        pie::test::ZoneGuard zone("Asia/Kolkata");
        CHECK(pie::from_local(date_of(2026, 11, 24), 18, 30) == utc_time(2026, 11, 24, 13, 0));
        CHECK(pie::start_of_day(date_of(2026, 11, 24)) == utc_time(2026, 11, 23, 18, 30));
        // 17:30Z is 23:00 in Kolkata, still the 24th.
        CHECK(pie::parse_when("today", k_now).at == utc_time(2026, 11, 23, 18, 30));
        CHECK(pie::parse_until("today", k_now) == utc_time(2026, 11, 24, 18, 30));
    }
}

// ---------------------------------------------------------------------------------------------
// DURATION
// ---------------------------------------------------------------------------------------------

TEST_CASE("parse_duration: accepted forms") {
    struct Case {
        const char* text;
        int minutes;
    };
    const Case cases[] = {
        {"45m", 45},
        {"2h", 120},
        {"1h30m", 90},
        {"1.5h", 90},
        {"1:30", 90},
        {"0:05", 5},
        {"24h", 1440},
        {"1440m", 1440},
        {"1m", 1},
        {"1h0m", 60},
        {"0h1m", 1},
        {"01:30", 90},
        {"24:00", 1440},
        {"0:01", 1},
        {"23:59", 1439},
        {"0.5h", 30},
        {"2.25h", 135},
        {"045m", 45},
        {"1H30M", 90},
        {"2H", 120},
        {"45M", 45},
        // Whole minutes after rounding (to nearest, halves away from zero).
        {"0.5m", 1},    // 0.5 → 1: exactly half rounds up, so this is the smallest duration
        {"1.51h", 91},  // 90.6 minutes
        {"1.49m", 1},
        {"2.5m", 3},
        {"0.01h", 1},       // 0.6 minutes
        {"24.008h", 1440},  // 1440.48 minutes rounds to 24h
        {"1440.4m", 1440},
        // Halves written in decimal hours round up too, despite binary floating point
        // (1.025 * 60 is 61.4999... in a double).
        {"1.025h", 62},
        {"0.175h", 11},
        {"8.325h", 500},
        // The minutes of 1h30m are not limited to 59 (only h:mm's are).
        {"1h90m", 150},
        {"0h1440m", 1440},
    };
    for (const auto& c : cases) {
        std::string_view text = c.text;
        CAPTURE(text);
        CHECK(pie::looks_like_duration(c.text));
        int minutes = 0;
        REQUIRE_NOTHROW(minutes = pie::parse_duration(c.text));
        CHECK(minutes == c.minutes);
    }
}

TEST_CASE("parse_duration: every half minute written in decimal hours rounds up") {
    // k + 0.5 minutes is (2k + 1) / 120 hours, a finite decimal (n / 40 h) when 3 divides 2k + 1.
    for (int k = 0; k < 1440; ++k) {
        if ((2 * k + 1) % 3 != 0) continue;
        int thousandths = (2 * k + 1) / 3 * 25;                                      // n / 40 h = n * 25 / 1000 h
        std::string fraction = std::to_string(1000 + thousandths % 1000).substr(1);  // 3 digits
        std::string text = std::to_string(thousandths / 1000) + "." + fraction + "h";
        CAPTURE(text);
        CHECK(pie::parse_duration(text) == k + 1);
    }
}

TEST_CASE("parse_duration: out of range is a UserError, though it looks like a duration") {
    const char* cases[] = {
        "0m",
        "0h",
        "0:00",
        "0.4m",
        "0.0h",
        "25h",
        "24h1m",
        "1441m",
        "24.01h",
        "24:01",
        "-5m",
        "-1h",
        "-1:30",
        "-0.5h",
        "1:60",
        "1:75",
        "1:99",
        "0:60",
        "100:00",
        "1440.5m",
        "99999999999999999999h",
        "99999999999999999999m",
    };
    for (std::string_view text : cases) {
        CAPTURE(text);
        CHECK(pie::looks_like_duration(text));
        CHECK_THROWS_AS(pie::parse_duration(text), pie::UserError);
    }
    // Absurdly long numbers saturate and are rejected, without crashing.
    std::string thousand(1000, '9');
    for (const std::string& text :
         {thousand + "h", thousand + "m", "1h" + thousand + "m", thousand + ":00", thousand + "." + thousand + "h"}) {
        CAPTURE(text.size());
        CHECK(pie::looks_like_duration(text));
        CHECK_THROWS_AS(pie::parse_duration(text), pie::UserError);
    }
    // Leading zeros of any length are still a small number.
    CHECK(pie::parse_duration(std::string(1000, '0') + "5m") == 5);
}

TEST_CASE("parse_duration / looks_like_duration: other shapes") {
    const char* cases[] = {
        "",
        "45",
        "m",
        "h",
        "abc",
        "1h30",
        "1.h",
        ".5h",
        "45min",
        "1.5",
        "1:3",
        "1:300",
        ":30",
        "1:",
        "1h30s",
        "1d",
        "30s",
        "h30m",
        "1hm",
        "1h 30m",
        " 45m",
        "45m ",
        "4 5m",
        "--5m",
        "+5m",
        "1,5h",
        "1.5.h",
        "1.5hm",
        "1h30m5",
        "1:30:00",
        "1e2m",
        "0x10m",
        "inf",
        "nanm",
        "1:3a",
        "2hh",
        "45mm",
        "1.5h30m",
        "-",
        "-m",
        "1h-30m",
        ("\xff"
         "45m"),
        "45m\xff",
    };
    for (std::string_view text : cases) {
        CAPTURE(text);
        CHECK_FALSE(pie::looks_like_duration(text));
        CHECK_THROWS_AS(pie::parse_duration(text), pie::UserError);
    }
    CHECK_FALSE(pie::looks_like_duration(std::string_view("45m\0", 4)));
    CHECK_THROWS_AS(pie::parse_duration(std::string_view("45m\0", 4)), pie::UserError);
    CHECK_FALSE(pie::looks_like_duration(std::string(1000, '9')));

    // The error names the text.
    try {
        pie::parse_duration("25h");
        FAIL("no exception");
    } catch (const pie::UserError& e) {
        CHECK(std::string(e.what()).find("25h") != std::string::npos);
    }
    try {
        pie::parse_duration("1h30");
        FAIL("no exception");
    } catch (const pie::UserError& e) {
        CHECK(std::string(e.what()).find("1h30") != std::string::npos);
        CHECK_FALSE(e.hint().empty());
    }
}

TEST_CASE("format_duration") {
    struct Case {
        int minutes;
        const char* text;
    };
    const Case cases[] = {
        {0, "0m"},    {1, "1m"},     {45, "45m"}, {59, "59m"},      {60, "1h"},
        {61, "1h1m"}, {90, "1h30m"}, {120, "2h"}, {1439, "23h59m"}, {1440, "24h"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.minutes);
        CHECK(pie::format_duration(c.minutes) == c.text);
    }
    // Every valid duration survives a round trip through its own spelling.
    for (int m = 1; m <= 1440; ++m) {
        std::string text = pie::format_duration(m);
        CAPTURE(text);
        CHECK(pie::looks_like_duration(text));
        CHECK(pie::parse_duration(text) == m);
    }
}

// ---------------------------------------------------------------------------------------------
// Formatting instants and dates
// ---------------------------------------------------------------------------------------------

TEST_CASE("format_iso") {
    {
        pie::test::ZoneGuard zone("Europe/Berlin");
        CHECK(pie::format_iso(k_now) == "2026-11-24T18:30:00+01:00");
        CHECK(pie::format_iso(utc_time(2026, 7, 1, 10, 0, 5)) == "2026-07-01T12:00:05+02:00");
        CHECK(pie::format_iso(utc_time(2026, 10, 25, 0, 30)) == "2026-10-25T02:30:00+02:00");
        CHECK(pie::format_iso(utc_time(2026, 10, 25, 1, 30)) == "2026-10-25T02:30:00+01:00");
        CHECK(pie::format_iso(utc_time(2025, 12, 31, 23, 30)) == "2026-01-01T00:30:00+01:00");
    }
    {
        pie::test::ZoneGuard zone("America/New_York");
        CHECK(pie::format_iso(k_now) == "2026-11-24T12:30:00-05:00");
        CHECK(pie::format_iso(utc_time(2026, 7, 1, 16)) == "2026-07-01T12:00:00-04:00");
        CHECK(pie::format_iso(utc_time(2026, 11, 24, 3)) == "2026-11-23T22:00:00-05:00");
    }
    {
        pie::test::ZoneGuard zone("UTC");
        CHECK(pie::format_iso(k_now) == "2026-11-24T17:30:00+00:00");
        CHECK(pie::format_iso(0) == "1970-01-01T00:00:00+00:00");
    }
    {
        pie::test::ZoneGuard zone("Asia/Kolkata");
        CHECK(pie::format_iso(k_now) == "2026-11-24T23:00:00+05:30");
    }
    {
        pie::test::ZoneGuard zone("America/St_Johns");  // a negative offset with minutes
        CHECK(pie::format_iso(k_now) == "2026-11-24T14:00:00-03:30");
    }
}

TEST_CASE("format_iso output parses back to the same instant") {
    const char* zones[] = {"Europe/Berlin", "America/New_York", "UTC",
                           "Asia/Kolkata",  "America/St_Johns", "Australia/Lord_Howe"};
    const Instant instants[] = {k_now,
                                k_now + 59,
                                utc_time(2026, 3, 29, 1, 30),
                                utc_time(2026, 10, 25, 0, 30),
                                utc_time(2026, 10, 25, 1, 30),
                                utc_time(2026, 11, 1, 5, 30),
                                utc_time(2026, 11, 1, 6, 30),
                                utc_time(1971, 1, 1),
                                utc_time(2099, 12, 31, 23, 59, 59)};
    for (const char* name : zones) {
        pie::test::ZoneGuard zone(name);
        for (Instant at : instants) {
            std::string text = pie::format_iso(at);
            CAPTURE(name);
            CAPTURE(text);
            CHECK(pie::parse_when(text, k_now).at == at);
            CHECK_FALSE(pie::parse_when(text, k_now).day_only);
        }
    }
}

TEST_CASE("format_short, format_minute, format_date") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    CHECK(pie::format_short(k_now, k_now) == "Tue 24 Nov 18:30");
    CHECK(pie::format_short(k_now + 59, k_now) == "Tue 24 Nov 18:30");  // seconds dropped
    CHECK(pie::format_short(utc_time(2026, 7, 1, 10), k_now) == "Wed 1 Jul 12:00");
    // The local year decides: 23:30Z on 31 Dec 2025 is already 2026 in Berlin.
    CHECK(pie::format_short(utc_time(2025, 12, 31, 23, 30), k_now) == "Thu 1 Jan 00:30");
    CHECK(pie::format_short(utc_time(2025, 12, 31, 22, 59), k_now) == "Wed 31 Dec 2025 23:59");
    CHECK(pie::format_short(utc_time(2024, 2, 29, 8, 5), k_now) == "Thu 29 Feb 2024 09:05");
    CHECK(pie::format_short(k_now, utc_time(2027, 1, 1, 12)) == "Tue 24 Nov 2026 18:30");
    // ...and the local year of now too: 23:30Z on 31 Dec 2026 is 2027 in Berlin.
    CHECK(pie::format_short(k_now, utc_time(2026, 12, 31, 23, 30)) == "Tue 24 Nov 2026 18:30");

    CHECK(pie::format_minute(k_now) == "2026-11-24 18:30");
    CHECK(pie::format_minute(utc_time(2026, 1, 4, 23, 5, 59)) == "2026-01-05 00:05");

    CHECK(pie::format_date(date_of(2026, 11, 24)) == "2026-11-24");
    CHECK(pie::format_date(date_of(2026, 1, 5)) == "2026-01-05");
    CHECK(pie::format_date(date_of(1970, 1, 1)) == "1970-01-01");
    CHECK(pie::format_date(date_of(9999, 12, 31)) == "9999-12-31");
    // A formatted date parses back as that whole day.
    When when = pie::parse_when(pie::format_date(date_of(2026, 3, 29)), k_now);
    CHECK(when.day_only);
    CHECK(when.at == pie::start_of_day(date_of(2026, 3, 29)));
}

TEST_CASE("weekday_abbrev and month_abbrev are English") {
    using namespace std::chrono;
    const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    for (unsigned i = 0; i < 7; ++i) CHECK(pie::weekday_abbrev(weekday{i}) == days[i]);
    const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    for (unsigned i = 0; i < 12; ++i) CHECK(pie::month_abbrev(month{i + 1}) == months[i]);
    CHECK(pie::weekday_abbrev(weekday{sys_days{date_of(2026, 11, 24)}}) == "Tue");
}
