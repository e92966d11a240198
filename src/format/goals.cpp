#include <pie/format/goals.hpp>

#include <pie/format/goal_text.hpp>
#include <pie/format/json.hpp>
#include <pie/format/table.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

namespace pie {

std::string render_goals_text(const std::vector<GoalReport>& goals, bool all, bool ascii) {
    if (goals.empty()) return all ? "No goals yet.\n" : "No active goals. 'pie goals add SLICE TITLE' sets one.\n";
    std::vector<Column> columns = {{"id", Align::right},    {"slice"}, {"goal"}, {"every"}, {"progress"},
                                   {"streak", Align::right}};
    if (all) columns.insert(columns.begin() + 1, Column{"state"});
    std::vector<std::vector<std::string>> rows;
    for (const auto& [goal, status] : goals) {
        std::vector<std::string> row = {std::to_string(goal.id),
                                        goal.slice,
                                        display_text(goal.title, ascii),
                                        std::string(goal_every_word(goal)),
                                        goal_progress(goal, status, ascii),
                                        status.streak ? std::to_string(*status.streak) : "-"};
        if (all) row.insert(row.begin() + 1, std::string(goal_state_name(goal.state)));
        rows.push_back(std::move(row));
    }
    return render_table(columns, rows, std::nullopt, ascii);
}

std::string render_goals_json(const std::vector<GoalReport>& goals) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& [goal, status] : goals) out.push_back(goal_json(goal, JsonUse::listed, status));
    return json_text(out);
}

std::string describe_goal(const Goal& goal) {
    std::string out = fmt::format("#{} {} \"{}\"", goal.id, goal.slice, goal.title);
    if (goal.kind == GoalKind::recurring) {
        std::string amount = goal.minutes ? format_duration(*goal.minutes) : plural(*goal.times, "time", "times");
        out += fmt::format(", {} a {}", amount, period_kind_name(*goal.every));
        if (goal.match) out += fmt::format(" matching \"{}\"", *goal.match);
    } else if (goal.kind == GoalKind::rating) {
        out += fmt::format(", rated at least {}", *goal.rating);
        if (goal.every) out += fmt::format(" every {}", period_kind_name(*goal.every));
    }
    return out;
}

}  // namespace pie
