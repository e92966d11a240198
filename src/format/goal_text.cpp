#include <pie/format/goal_text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace pie {

namespace {

// A value of the goal's measure: "3", "1h30m" or "7".
std::string measure_text(const Goal& goal, std::int64_t value) {
    return goal.minutes ? format_duration(static_cast<int>(value)) : std::to_string(value);
}

}  // namespace

std::string_view goal_every_word(const Goal& goal) {
    if (!goal.every) return "-";
    switch (*goal.every) {
        case PeriodKind::day: return "daily";
        case PeriodKind::week: return "weekly";
        case PeriodKind::month: return "monthly";
    }
    return "-";
}

std::string goal_numbers(const Goal& goal, const GoalStatus& status, bool ascii) {
    std::string_view tick = ascii ? " ok" : " ✓";
    std::string_view paused = status.paused ? " paused" : "";
    if (goal.kind == GoalKind::one_off) {
        return fmt::format("{}{}", status.met ? fmt::format("done{}", tick) : std::string("not yet"), paused);
    }
    std::int64_t reached = status.progress.value_or(0);
    std::string numbers =
        goal.kind == GoalKind::rating
            ? fmt::format("rating {}/{}", status.progress ? std::to_string(*status.progress) : "-", *status.target)
            : fmt::format("{}/{}", measure_text(goal, reached), measure_text(goal, *status.target));
    return fmt::format("{}{}{}", numbers, status.met ? tick : "", paused);
}

double goal_fraction(const Goal& goal, const GoalStatus& status) {
    if (goal.kind == GoalKind::one_off) return status.met ? 1 : 0;
    double reached = static_cast<double>(status.progress.value_or(0));
    return std::clamp(reached / *status.target, 0.0, 1.0);
}

std::string goal_progress(const Goal& goal, const GoalStatus& status, bool ascii) {
    if (goal.kind == GoalKind::one_off) return goal_numbers(goal, status, ascii);
    constexpr int bar_width = 10;
    std::int64_t reached = status.progress.value_or(0);
    int filled = static_cast<int>(std::min<std::int64_t>(bar_width, reached * bar_width / *status.target));
    std::string bar;
    for (int i = 0; i < bar_width; ++i) bar += i < filled ? (ascii ? "#" : "█") : (ascii ? "-" : "░");
    return fmt::format("{} {}", bar, goal_numbers(goal, status, ascii));
}

}  // namespace pie
