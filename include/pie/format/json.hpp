#pragma once

// One JSON shape per record type (entry, rating, slice, goal), shared by every command that
// prints the record: history, rate --list, goals, export and the report. Built with
// nlohmann/json, never by hand.

#include <pie/goal.hpp>
#include <pie/records.hpp>
#include <pie/review.hpp>
#include <pie/slice.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace pie {

// Where a record's object goes. `listed` (history, rate --list, goals, report): with the local
// id a user types back (`pie rm 42`, `pie goals done 4`). `exported` (export, §7): no local id,
// since ids differ between machines, and every field import reads back.
enum class JsonUse { listed, exported };

// An entry: [id,] uuid, at, slice, minutes (null for an occurrence), note, tags; exported also
// changed_at (its last `pie edit`, null when never edited), which merges compare.
nlohmann::ordered_json entry_json(const Entry& entry, JsonUse use);

// A rating: [id,] uuid, at, slice, score, note.
nlohmann::ordered_json rating_json(const Rating& rating, JsonUse use);

// A slice as export writes it: uuid, name, label, added_at, retired_at, changed_at (null for
// "always" and "never": a default slice's added_at 0, a slice never changed), and its `history`
// of retires and restores ({at, event}, oldest first).
nlohmann::ordered_json slice_json(const Slice& slice, const std::vector<SliceEvent>& history = {});

// A goal. Listed, how it stands (§5, §6): id, slice, title, every, target, progress, met, streak,
// paused, from `status`. Exported, the stored record: uuid, slice, title, kind, every, times,
// minutes, match, rating, state, created_at, done_at, dropped_at, changed_at and its `pauses`
// ({from, until}, oldest first; `status` unused).
nlohmann::ordered_json goal_json(const Goal& goal, JsonUse use, const GoalStatus& status = {},
                                 const std::vector<GoalPause>& pauses = {});

// A review (§11) as export and `pie review --list` write it: uuid, at, intention.
nlohmann::ordered_json review_json(const Review& review);

// A JSON value dumped with two-space indent and a final newline; invalid UTF-8 replaced.
std::string json_text(const nlohmann::ordered_json& value);

}  // namespace pie
