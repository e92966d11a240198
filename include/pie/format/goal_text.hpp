#pragma once

// Goals in words and bars, for `pie goals` and `pie report`.

#include <pie/goal.hpp>

#include <string>
#include <string_view>

namespace pie {

// "daily", "weekly", "monthly"; "-" for a goal without --every.
std::string_view goal_every_word(const Goal& goal);

// "██████░░░░ 1h/2h", "########## 1/1 ok", "rating 8/7 ✓", "done ✓", "not yet": a progress bar,
// the numbers, and a mark when met.
std::string goal_progress(const Goal& goal, const GoalStatus& status, bool ascii);

// The numbers of goal_progress without the bar: "1h/2h", "1/1 ok", "rating 8/7 ✓", "not yet",
// followed by " paused" while a pause covers the instant.
std::string goal_numbers(const Goal& goal, const GoalStatus& status, bool ascii);

// How far a goal is toward its target, 0..1 (a one-off goal: 1 when done), for drawn bars.
double goal_fraction(const Goal& goal, const GoalStatus& status);

}  // namespace pie
