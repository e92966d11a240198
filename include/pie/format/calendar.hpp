#pragma once

// A Calendar as text, JSON or CSV (§10 `pie calendar`). Each renderer returns the whole output.

#include <pie/calendar.hpp>

#include <string>
#include <string_view>

namespace pie {

// The glyph of a level 0-4: ` ░▒▓█`, or ` .-+#` with `ascii`.
std::string_view level_glyph(int level, bool ascii);

// A header, month labels, 7 rows Monday to Sunday with one column per week (days after today
// blank), and a legend of each level's range. `subject` names what counts ("every slice", "social").
std::string render_text(const Calendar& calendar, std::string_view subject, bool ascii);

// {"from", "to", "by", "levels", "days": [{"date", "entries", "minutes", "level"}]}.
std::string render_json(const Calendar& calendar);

// date,entries,minutes,level: one row per day from `from` to today.
std::string render_csv(const Calendar& calendar);

}  // namespace pie
