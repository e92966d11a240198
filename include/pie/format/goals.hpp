#pragma once

// `pie goals` output (§5): the goals with their progress as a table or JSON, and a goal in words
// for the lines `goals add`, `done` and `drop` print. Each renderer returns the whole output.

#include <pie/goal.hpp>
#include <pie/report.hpp>

#include <string>
#include <vector>

namespace pie {

// id, [state,] slice, goal, every, progress, streak; the state column only with `all` (goals done
// and dropped listed too). A line saying there are none when `goals` is empty.
std::string render_goals_text(const std::vector<GoalReport>& goals, bool all, bool ascii);

// An array of goal objects (goal_json, listed).
std::string render_goals_json(const std::vector<GoalReport>& goals);

// `#4 social "peer consultation", 1 time a week matching "consult"`: a goal in words (raw text).
std::string describe_goal(const Goal& goal);

}  // namespace pie
