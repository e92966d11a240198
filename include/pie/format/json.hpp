#pragma once

// JSON shapes shared by several commands (built with nlohmann/json, never by hand).

#include <pie/goal.hpp>

#include <nlohmann/json.hpp>

namespace pie {

// A goal object as §5 and §6 define it: id, slice, title, every, target, progress, met, streak.
nlohmann::ordered_json goal_json(const Goal& goal, const GoalStatus& status);

}  // namespace pie
