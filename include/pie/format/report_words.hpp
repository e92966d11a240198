#pragma once

// The words of a report that every human format shares (text, markdown, SVG, HTML), so that a
// picture says exactly what the text report says. Defined in src/format/report.cpp. Pure.

#include <pie/report.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace pie {

// A share as a percentage with one decimal: "40.0%".
std::string percent(double share);

// "Life balance 2026-W47".
std::string title_text(const Report& report);

// "Mon 16 Nov to Sun 22 Nov 2026"; "Tue 24 Nov 2026" for one day.
std::string dates_text(const ReportPeriod& period);

// "12 entries, 9h30m logged, 8 slices." and how shares are taken.
std::string totals_text(const Report& report);

// A slice's time ("4h", "-") or, on the count basis, its entries ("3 entries").
std::string time_cell(const Report& report, const SliceReport& slice);

// "7/10" or "not rated"; the change against the period before: "+2", "=", or empty.
std::string rating_cell(const SliceReport& slice);
std::string change_cell(const SliceReport& slice);

// "Average rating 6.1/10 over 7 slices." or how to rate a first slice.
std::string average_text(const Report& report);

// How a goal is counted: "weekly, streak 3", "one-off" or "latest rating".
std::string goal_details(const GoalReport& item);

// A goal's details: "career: peer consultation (weekly, streak 3)", its title made safe.
std::string goal_text(const GoalReport& item, bool ascii);

// `text` broken into lines of at most `width` columns at spaces: the first line starts with
// `first`, the others with `next` (both as wide as each other).
std::vector<std::string> wrap(std::string_view text, int width, std::string_view first, std::string_view next,
                              bool ascii);

}  // namespace pie
