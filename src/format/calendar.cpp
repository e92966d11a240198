#include <pie/format/calendar.hpp>

#include <pie/format/csv.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <array>

namespace pie {

namespace {

constexpr int k_label_width = 4;  // "Mon " before each row
constexpr int k_wide_limit = 80;  // two columns a week while the grid fits this

std::string value_text(std::int64_t value, Basis by) {
    return by == Basis::count ? fmt::format("{}", value) : format_duration(static_cast<int>(value));
}

// "15m-45m" or "45m": the values of a level from `low` to `high`.
std::string range_text(std::int64_t low, std::int64_t high, Basis by) {
    if (low == high) return value_text(low, by);
    return fmt::format("{}-{}", value_text(low, by), value_text(high, by));
}

// Month abbreviations above the week whose days hold a month's 1st.
std::string month_row(const Calendar& calendar, int weeks, int cell) {
    std::string row(static_cast<std::size_t>(k_label_width + weeks * cell), ' ');
    for (int week = 0; week < weeks; ++week) {
        for (int d = 0; d < 7; ++d) {
            Date day = add_days(calendar.from, week * 7 + d);
            if (day.day() != std::chrono::day{1}) continue;
            std::string name(month_abbrev(day.month()));
            std::size_t at = static_cast<std::size_t>(k_label_width + week * cell);
            if (row.size() < at + name.size()) row.resize(at + name.size(), ' ');
            row.replace(at, name.size(), name);
        }
    }
    while (!row.empty() && row.back() == ' ') row.pop_back();
    return row;
}

std::string legend(const Calendar& calendar, bool ascii) {
    if (!calendar.levels) return "Nothing logged in these weeks.";
    std::int64_t max = 0;
    std::int64_t min = 0;
    for (const CalendarDay& day : calendar.days) {
        std::int64_t value = calendar_value(day.totals, calendar.by);
        if (value <= 0) continue;
        max = std::max(max, value);
        min = min == 0 ? value : std::min(min, value);
    }
    const auto& q = *calendar.levels;
    std::array<std::int64_t, 5> bounds = {min - 1, q[0], q[1], q[2], max};
    std::string out = "Levels:";
    for (int level = 1; level <= 4; ++level) {
        std::int64_t low = bounds[static_cast<std::size_t>(level - 1)] + 1;
        std::int64_t high = bounds[static_cast<std::size_t>(level)];
        if (low > high) continue;
        out += fmt::format("  {} {}", level_glyph(level, ascii), range_text(low, high, calendar.by));
    }
    return out;
}

}  // namespace

std::string_view level_glyph(int level, bool ascii) {
    static constexpr std::array<std::string_view, 5> k_blocks = {" ", "░", "▒", "▓", "█"};
    static constexpr std::array<std::string_view, 5> k_ascii = {" ", ".", "-", "+", "#"};
    auto i = static_cast<std::size_t>(std::clamp(level, 0, 4));
    return ascii ? k_ascii[i] : k_blocks[i];
}

std::string render_text(const Calendar& calendar, std::string_view subject, bool ascii) {
    int weeks =
        static_cast<int>((std::chrono::sys_days{calendar.to} - std::chrono::sys_days{calendar.from}).count() + 1) / 7;
    int cell = k_label_width + 2 * weeks <= k_wide_limit ? 2 : 1;
    std::string out = fmt::format("Calendar of {}, {} to {}, by {}\n\n", subject, format_date(calendar.from),
                                  format_date(calendar.to), calendar.by == Basis::count ? "entries" : "minutes");
    out += month_row(calendar, weeks, cell) + "\n";
    for (int d = 0; d < 7; ++d) {
        std::string row = fmt::format("{} ", weekday_abbrev(std::chrono::weekday{static_cast<unsigned>((d + 1) % 7)}));
        for (int week = 0; week < weeks; ++week) {
            auto i = static_cast<std::size_t>(week * 7 + d);
            std::string_view glyph = i < calendar.days.size() ? level_glyph(calendar.days[i].level, ascii) : " ";
            for (int c = 0; c < cell; ++c) row += glyph;
        }
        while (!row.empty() && row.back() == ' ') row.pop_back();
        out += row + "\n";
    }
    return out + "\n" + legend(calendar, ascii) + "\n";
}

std::string render_json(const Calendar& calendar) {
    using json = nlohmann::ordered_json;
    json days = json::array();
    for (const CalendarDay& day : calendar.days) {
        days.push_back({{"date", format_date(day.date)},
                        {"entries", day.totals.entries},
                        {"minutes", day.totals.minutes},
                        {"level", day.level}});
    }
    json levels = calendar.levels ? json(*calendar.levels) : json(nullptr);
    json out = {{"from", format_date(calendar.from)},
                {"to", format_date(calendar.to)},
                {"by", basis_name(calendar.by)},
                {"levels", levels},
                {"days", days}};
    return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string render_csv(const Calendar& calendar) {
    std::string out = csv_row({"date", "entries", "minutes", "level"});
    for (const CalendarDay& day : calendar.days) {
        out += csv_row({format_date(day.date), fmt::format("{}", day.totals.entries),
                        fmt::format("{}", day.totals.minutes), fmt::format("{}", day.level)});
    }
    return out;
}

}  // namespace pie
