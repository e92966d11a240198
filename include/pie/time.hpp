#pragma once

// Instants, local calendar time, and the WHEN and DURATION forms of the contract (§1).
// Pure: no database, no command line. The time zone is the process's (TZ).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pie {

// Seconds since the Unix epoch, UTC. Every stored time is one.
using Instant = std::int64_t;

// Seconds in a day of 24 hours: the unit of "whole days" (§6 days_since_last, §11 nudge).
inline constexpr Instant k_day = 86400;

using Date = std::chrono::year_month_day;

// A moment as the local clock shows it, with the UTC offset in force then.
struct LocalTime {
    Date date;
    int hour = 0;
    int minute = 0;
    int second = 0;
    long utc_offset = 0;  // seconds east of UTC
};

// The local calendar time of an instant.
LocalTime to_local(Instant at);

// The instant a local clock reading names. Of two (the hour repeated when clocks go back) the
// earlier; a reading that never happens (the hour skipped when clocks go forward) moves forward
// by the length of the gap, as the clock on the wall would.
Instant from_local(const Date& date, int hour = 0, int minute = 0, int second = 0);

// The local day of an instant, and the instant a local day starts.
Date local_date(Instant at);
Instant start_of_day(const Date& date);

// Days after/before a date (calendar arithmetic).
Date add_days(const Date& date, int days);

// A parsed WHEN: the instant, and whether the text named a whole day ("2026-11-24", "monday"),
// which `--until` treats as inclusive.
struct When {
    Instant at = 0;
    bool day_only = false;
};

// Parses a WHEN (§1) against `now`; throws UserError naming the text when it is not one.
When parse_when(std::string_view text, Instant now);

// The exclusive end a `--until WHEN` names: a day alone means the start of the next day.
Instant parse_until(std::string_view text, Instant now);

// Whether a word has the shape of a DURATION (45m, 2h, 1h30m, 1.5h, 1:30), whatever its value.
bool looks_like_duration(std::string_view text);

// The longest DURATION (§1): 24h.
inline constexpr int k_max_duration = 1440;

// Parses a DURATION into whole minutes (1..max_minutes, 24h unless a goal allows more); throws
// UserError when malformed or out of range.
int parse_duration(std::string_view text, int max_minutes = k_max_duration);

// 90 -> "1h30m", 45 -> "45m", 120 -> "2h".
std::string format_duration(int minutes);

// 2026-11-24T18:30:00+01:00 (local time with its offset).
std::string format_iso(Instant at);

// "Tue 24 Nov 18:30", with the year added when it is not the year of `now`.
std::string format_short(Instant at, Instant now);

// "2026-11-24 18:30" (local).
std::string format_minute(Instant at);

// "2026-11-24" (ISO date).
std::string format_date(const Date& date);

// English names, independent of the locale: "Mon".."Sun", "Jan".."Dec".
std::string_view weekday_abbrev(std::chrono::weekday day);
std::string_view month_abbrev(std::chrono::month month);

}  // namespace pie
