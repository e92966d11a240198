#include <pie/period.hpp>

#include <fmt/format.h>

namespace pie {

namespace {

using namespace std::chrono;

Date monday_of(const Date& day) {
    weekday wd{sys_days{day}};
    int back = static_cast<int>((wd.c_encoding() + 6) % 7);  // Monday 0 ... Sunday 6
    return add_days(day, -back);
}

Date first_day_of(PeriodKind kind, const Date& day) {
    switch (kind) {
        case PeriodKind::day: return day;
        case PeriodKind::week: return monday_of(day);
        case PeriodKind::month: return Date{day.year(), day.month(), std::chrono::day{1}};
    }
    return day;
}

Date first_day_after(PeriodKind kind, const Date& first) {
    switch (kind) {
        case PeriodKind::day: return add_days(first, 1);
        case PeriodKind::week: return add_days(first, 7);
        case PeriodKind::month: return (year_month{first.year(), first.month()} + months{1}) / std::chrono::day{1};
    }
    return first;
}

}  // namespace

std::optional<PeriodKind> parse_period_kind(std::string_view text) {
    if (text == "day") return PeriodKind::day;
    if (text == "week") return PeriodKind::week;
    if (text == "month") return PeriodKind::month;
    return std::nullopt;
}

std::string_view period_kind_name(PeriodKind kind) {
    switch (kind) {
        case PeriodKind::day: return "day";
        case PeriodKind::week: return "week";
        case PeriodKind::month: return "month";
    }
    return "day";
}

Period period_of_date(PeriodKind kind, const Date& day) {
    Date first = first_day_of(kind, day);
    return Period{kind, first, start_of_day(first), start_of_day(first_day_after(kind, first))};
}

Period period_containing(PeriodKind kind, Instant at) { return period_of_date(kind, local_date(at)); }

Period previous_period(const Period& period) {
    // It ends where `period` starts: one mktime less for each period a goal streak walks back.
    Date first = first_day_of(period.kind, add_days(period.first_day, -1));
    return Period{period.kind, first, start_of_day(first), period.from};
}

Period next_period(const Period& period) {
    return period_of_date(period.kind, first_day_after(period.kind, period.first_day));
}

IsoWeek iso_week(const Date& day) {
    // The ISO year is the year of the week's Thursday; week 1 holds the year's first Thursday.
    Date thursday = add_days(monday_of(day), 3);
    Date jan1{thursday.year(), January, std::chrono::day{1}};
    auto days_in = (sys_days{thursday} - sys_days{jan1}).count();
    return IsoWeek{static_cast<int>(thursday.year()), static_cast<unsigned>(days_in / 7 + 1)};
}

std::optional<Date> iso_week_monday(int year, unsigned week) {
    if (week < 1 || week > 53) return std::nullopt;
    // January 4th is always in week 1.
    Date jan4{std::chrono::year{year}, January, std::chrono::day{4}};
    Date monday = add_days(monday_of(jan4), static_cast<int>(week - 1) * 7);
    if (iso_week(monday).year != year) return std::nullopt;
    return monday;
}

std::string period_label(const Period& period) {
    switch (period.kind) {
        case PeriodKind::day: return format_date(period.first_day);
        case PeriodKind::week: {
            IsoWeek w = iso_week(period.first_day);
            return fmt::format("{:04}-W{:02}", w.year, w.week);
        }
        case PeriodKind::month:
            return fmt::format("{:04}-{:02}", static_cast<int>(period.first_day.year()),
                               static_cast<unsigned>(period.first_day.month()));
    }
    return {};
}

}  // namespace pie
