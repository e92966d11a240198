#pragma once

// Calendar periods in local time: a day, an ISO week (Monday to Sunday) or a month (§5, §6).
// Pure: no database, no command line.

#include <pie/time.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace pie {

enum class PeriodKind { day, week, month };

// One period: [from, to) as instants, and the local date it starts on.
struct Period {
    PeriodKind kind = PeriodKind::day;
    Date first_day;
    Instant from = 0;
    Instant to = 0;
};

// "day", "week", "month" and back; parse gives nullopt for anything else.
std::optional<PeriodKind> parse_period_kind(std::string_view text);
std::string_view period_kind_name(PeriodKind kind);

// The period of a kind that contains an instant, or a local date.
Period period_containing(PeriodKind kind, Instant at);
Period period_of_date(PeriodKind kind, const Date& day);

// The period just before / after.
Period previous_period(const Period& period);
Period next_period(const Period& period);

// An ISO 8601 week: the year it belongs to (which may differ from the calendar year at the
// edges) and its number, 1..53.
struct IsoWeek {
    int year = 0;
    unsigned week = 0;
};
IsoWeek iso_week(const Date& day);

// The Monday of ISO week `week` of `year`; nullopt when that year has no such week.
std::optional<Date> iso_week_monday(int year, unsigned week);

// Labels: "2026-11-24", "2026-W48", "2026-11".
std::string period_label(const Period& period);

}  // namespace pie
