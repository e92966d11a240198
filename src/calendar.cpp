#include <pie/calendar.hpp>

#include <algorithm>

namespace pie {

Date calendar_first_day(int weeks, const Date& today) {
    std::chrono::weekday weekday{std::chrono::sys_days{today}};
    int since_monday = static_cast<int>(weekday.iso_encoding()) - 1;
    return add_days(today, -since_monday - 7 * (weeks - 1));
}

std::optional<std::array<std::int64_t, 3>> nearest_rank_quartiles(std::vector<std::int64_t> values) {
    if (values.empty()) return std::nullopt;
    std::sort(values.begin(), values.end());
    std::size_t n = values.size();
    std::array<std::int64_t, 3> out{};
    for (std::size_t k = 1; k <= 3; ++k) {
        std::size_t rank = (k * n + 3) / 4;  // ceil(k * n / 4), at least 1
        out[k - 1] = values[std::max<std::size_t>(rank, 1) - 1];
    }
    return out;
}

int calendar_level(std::int64_t value, const std::array<std::int64_t, 3>& quartiles) {
    if (value <= 0) return 0;
    for (int k = 0; k < 3; ++k) {
        if (value <= quartiles[static_cast<std::size_t>(k)]) return k + 1;
    }
    return 4;
}

std::int64_t calendar_value(const Totals& totals, Basis by) {
    return by == Basis::count ? totals.entries : totals.minutes;
}

Calendar compute_calendar(int weeks, Basis by, const Date& today, const std::vector<Totals>& totals) {
    Calendar calendar;
    calendar.from = calendar_first_day(weeks, today);
    calendar.to = add_days(calendar.from, 7 * weeks - 1);
    calendar.today = today;
    calendar.by = by;
    std::vector<std::int64_t> values;
    for (std::size_t i = 0; i < totals.size(); ++i) {
        calendar.days.push_back({add_days(calendar.from, static_cast<int>(i)), totals[i], 0});
        if (std::int64_t value = calendar_value(totals[i], by); value > 0) values.push_back(value);
    }
    calendar.levels = nearest_rank_quartiles(values);
    if (calendar.levels) {
        for (CalendarDay& day : calendar.days)
            day.level = calendar_level(calendar_value(day.totals, by), *calendar.levels);
    }
    return calendar;
}

}  // namespace pie
