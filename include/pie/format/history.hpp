#pragma once

// `pie history` output (§3): entries as a table, JSON or CSV. Each renderer returns the whole output.

#include <pie/records.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pie {

// id, when, slice, time, note (tags as +tag after it); "No entries." when there are none.
// Times read relative to `now`; the note column is cut to `width` when given.
std::string render_history_text(const std::vector<Entry>& entries, Instant now, std::optional<int> width, bool ascii);

// An array of entry objects (entry_json, listed).
std::string render_history_json(const std::vector<Entry>& entries);

// id,at,slice,minutes,note,tags: the CSV `pie import` reads back (it ignores the id).
std::string render_history_csv(const std::vector<Entry>& entries);

}  // namespace pie
