#include <pie/nudge.hpp>
#include <pie/period.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace pie {

namespace {

constexpr int k_title_width = 30;               // a goal's title in a line, at most (cut with "...", ASCII for --ascii)
constexpr Instant k_due_within = 2 * k_day;     // goal_due: the period ends within 48 h
constexpr std::int64_t k_quiet_floor_days = 7;  // quiet: more days than this ...
constexpr std::size_t k_quiet_min_entries = 4;  // ... with at least this many entries in 90 days
constexpr std::int64_t k_unrated_days = 14;     // unrated: no rating for this many days
constexpr double k_hyper_focus_nudge = 0.60;    // hyper_focus: a share above this ...
constexpr std::int64_t k_hyper_focus_minutes = 600;  // ... of at least 10 h

// "every day", "every 3 days", "every 2.5 days".
std::string every_days(double days) {
    if (days <= 1) return "every day";
    return fmt::format("every {:g} days", days);
}

std::string plural_days(std::int64_t days) { return fmt::format("{} day{}", days, days == 1 ? "" : "s"); }

// How a goal stands, in words: "is at 1 of 2", "is at 45m of 2h", "has a rating of 4 (aim: 6)".
std::string goal_standing(const Goal& goal, const GoalStatus& status) {
    std::int64_t reached = status.progress.value_or(0);
    if (goal.kind == GoalKind::rating) {
        return status.progress ? fmt::format("has a rating of {} (aim: {})", reached, *status.target)
                               : fmt::format("has no rating yet (aim: {})", *status.target);
    }
    if (goal.minutes) {
        return fmt::format("is at {} of {}", format_duration(static_cast<int>(reached)),
                           format_duration(*status.target));
    }
    return fmt::format("is at {} of {}", reached, *status.target);
}

std::optional<Nudge> goal_due(const NudgeGoal& item, Instant now) {
    const Goal& goal = item.goal;
    const GoalStatus& status = item.status;
    if (!may_be_due(goal, now) || status.paused || status.met || !status.period) return std::nullopt;
    std::string ends = status.period->to - now <= k_day ? "today" : "tomorrow";
    std::string next = goal.kind == GoalKind::rating ? fmt::format("pie rate {}", goal.slice)
                                                     : fmt::format("pie log {} ...", goal.slice);
    Nudge nudge{"goal_due", goal.slice, goal.id, std::nullopt, ""};
    nudge.text = fmt::format("\"{}\" {} and this {} ends {}: {}", truncate_to_width(goal.title, k_title_width, true),
                             goal_standing(goal, status), period_kind_name(*goal.every), ends, next);
    return nudge;
}

std::optional<Nudge> quiet(const NudgeSlice& slice, Instant now) {
    if (!may_be_quiet(slice.active, slice.last_entry, now) || slice.recent_entries.size() < k_quiet_min_entries)
        return std::nullopt;
    std::optional<double> usual = median_gap(slice.recent_entries);
    if (!usual) return std::nullopt;
    std::int64_t days = (now - *slice.last_entry) / k_day;
    if (static_cast<double>(days) <= 2 * *usual) return std::nullopt;
    return Nudge{"quiet", slice.name, std::nullopt, days,
                 fmt::format("{} has been quiet for {} (usually {}): pie log {} ...", slice.name, plural_days(days),
                             every_days(*usual), slice.name)};
}

std::optional<Nudge> unrated(const NudgeFacts& facts) {
    if (!facts.last_rating) return std::nullopt;
    std::int64_t days = (facts.now - *facts.last_rating) / k_day;
    if (days < k_unrated_days) return std::nullopt;
    return Nudge{"unrated", std::nullopt, std::nullopt, days,
                 fmt::format("{} since you last rated your slices: pie review takes a few minutes", plural_days(days))};
}

std::optional<Nudge> hyper_focus(const NudgeFacts& facts) {
    std::int64_t total = 0;
    for (const NudgeSlice& slice : facts.slices) total += slice.minutes_7;
    if (total < k_hyper_focus_minutes) return std::nullopt;
    for (const NudgeSlice& slice : facts.slices) {
        double share = static_cast<double>(slice.minutes_7) / static_cast<double>(total);
        if (!slice.active || share <= k_hyper_focus_nudge) continue;
        return Nudge{"hyper_focus", slice.name, std::nullopt, std::nullopt,
                     fmt::format("{} took {}% of your {} in the last 7 days: pie report shows the rest of your pie",
                                 slice.name, std::lround(share * 100), format_duration(static_cast<int>(total)))};
    }
    return std::nullopt;
}

}  // namespace

bool may_be_quiet(bool active, std::optional<Instant> last_entry, Instant now) {
    return active && last_entry && (now - *last_entry) / k_day > k_quiet_floor_days;
}

bool may_be_due(const Goal& goal, Instant now) {
    return goal.state == GoalState::active && goal.every && *goal.every != PeriodKind::day &&
           period_containing(*goal.every, now).to - now <= k_due_within;
}

Date nudge_window_start(Instant now) { return add_days(local_date(now), -(k_nudge_recent_days - 1)); }

std::optional<double> median_gap(const std::vector<Instant>& entries) {
    std::vector<Date> dates;
    for (Instant at : entries) dates.push_back(local_date(at));
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    if (dates.size() < 2) return std::nullopt;
    std::vector<long> gaps;
    for (std::size_t i = 1; i < dates.size(); ++i) {
        gaps.push_back((std::chrono::sys_days(dates[i]) - std::chrono::sys_days(dates[i - 1])).count());
    }
    std::sort(gaps.begin(), gaps.end());
    std::size_t middle = gaps.size() / 2;
    if (gaps.size() % 2 == 1) return static_cast<double>(gaps[middle]);
    return (static_cast<double>(gaps[middle - 1]) + static_cast<double>(gaps[middle])) / 2;
}

std::vector<Nudge> compute_nudges(const NudgeFacts& facts) {
    std::vector<Nudge> out;
    // goal_due: the earliest period end, then pie order, then the lower goal id.
    std::vector<std::pair<std::tuple<Instant, std::size_t, std::int64_t>, Nudge>> due;
    for (const NudgeGoal& item : facts.goals) {
        std::optional<Nudge> nudge = goal_due(item, facts.now);
        if (!nudge) continue;
        auto slice = std::find_if(facts.slices.begin(), facts.slices.end(),
                                  [&](const NudgeSlice& s) { return s.name == item.goal.slice; });
        if (slice != facts.slices.end() && !slice->active) continue;
        std::size_t position = static_cast<std::size_t>(slice - facts.slices.begin());
        due.emplace_back(std::tuple{item.status.period->to, position, item.goal.id}, std::move(*nudge));
    }
    std::stable_sort(due.begin(), due.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [key, nudge] : due) out.push_back(std::move(nudge));
    for (const NudgeSlice& slice : facts.slices) {  // pie order
        if (std::optional<Nudge> nudge = quiet(slice, facts.now)) out.push_back(std::move(*nudge));
    }
    if (std::optional<Nudge> nudge = unrated(facts)) out.push_back(std::move(*nudge));
    if (std::optional<Nudge> nudge = hyper_focus(facts)) out.push_back(std::move(*nudge));
    return out;
}

}  // namespace pie
