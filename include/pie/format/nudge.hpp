#pragma once

// `pie nudge` output (§11): lines of text, or a JSON array.

#include <pie/nudge.hpp>

#include <string>
#include <vector>

namespace pie {

// The widest a nudge line may be.
inline constexpr int k_nudge_width = 100;

// One line per nudge, user text shown harmlessly (--ascii obeyed), at most 100 columns, faint
// when `color` is on; empty when there is none.
std::string render_nudges_text(const std::vector<Nudge>& nudges, bool ascii, bool color);

// [{"kind", "slice", "goal", "days", "text"}], `[]` when there is none.
std::string render_nudges_json(const std::vector<Nudge>& nudges);

}  // namespace pie
