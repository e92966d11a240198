#pragma once

// What the files of src/store/ share and nothing else sees: SQL fragments, the row mappers that
// turn a result row into a record, and binding helpers. Only src/store/*.cpp include it.

#include <pie/store.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace pie::store_internal {

// Long enough for a second writer to wait out the first; the contract asks for at least 5 s.
inline constexpr int k_busy_timeout_ms = 10000;

// The CREATE TRIGGER statements that record, in `journal_ops`, how to revert each row change of
// `table` (columns listed with `id` first), for `pie undo`.
std::string journal_triggers(std::string_view table, const std::vector<std::string_view>& columns);

// The migration to schema 6 (sync, §12): a device id, record versions and the capture triggers
// that give every row change of a command a new version, to be written out by the next sync.
void add_sync(SQLite::Database& db);

// The migration to schema 7: the journal, kept-streak and sync triggers of each table and event
// combined into one (src/store/triggers.cpp), so that opening a database parses a third of the SQL.
void combine_triggers(SQLite::Database& db);

// Switches the capture triggers off (an import adding rows in bulk, a sync applying other
// devices' changes) or on; and captures rows `first` to `last` of `table` (records of `kind`)
// as inserted by the change under way.
void set_capturing(SQLite::Database& db, bool on);
void capture_inserted(SQLite::Database& db, std::string_view kind, std::string_view table, std::int64_t first,
                      std::int64_t last);

// Merges the live slices added under one name (§12): the one whose UUID sorts first keeps its
// state, the others' records join it and they become its aliases. Run by a sync, uncaptured.
void merge_twins(SQLite::Database& db);

// Tells the capture triggers the time and number of the change under way (a Change, an undo);
// nothing on a database older than schema 6.
void stamp_change(SQLite::Database& db, Instant now);

// Sets up a new connection: busy timeout, foreign keys, temporary data in memory, pie_fold().
void configure(SQLite::Database& db);

// Lets the sorts and temporary tables of connection `db` to the database file `path` spill to
// files in that file's directory (unlinked as soon as SQLite opens them), never to /tmp: memory
// then stays within SQLite's caches. False when the temporary database is in use (it cannot
// change then) or the database is in memory.
bool spill_beside(SQLite::Database& db, const std::string& path);

// Tags as stored: one space between each.
std::string join_tags(const std::vector<std::string>& tags);
std::vector<std::string> split_tags(const std::string& text);

// The columns read_entry, read_rating and read_goal expect, on aliases e, r and g joined with s
// (the slice, for its name).
inline constexpr std::string_view k_entry_columns =
    "e.id, e.uuid, e.slice_id, s.name, e.at, e.minutes, e.note, e.tags, e.changed_at";
inline constexpr std::string_view k_rating_columns = "r.id, r.uuid, r.slice_id, s.name, r.at, r.score, r.note";
inline constexpr std::string_view k_goal_columns =
    "g.id, g.uuid, g.slice_id, s.name, g.title, g.kind, g.every, g.times, g.minutes, g.match, g.rating, g.state, "
    "g.created_at, g.done_at, g.dropped_at, g.changed_at";

Entry read_entry(SQLite::Statement& row);
Rating read_rating(SQLite::Statement& row);
Goal read_goal(SQLite::Statement& row);

// The one INSERT of each record table, with what it binds: `pie log` and an import of a million
// rows write the same way.
inline constexpr std::string_view k_insert_entry =
    "INSERT INTO entries(uuid, slice_id, at, minutes, note, tags) VALUES (?, ?, ?, ?, ?, ?)";
// An entry edited before (imported with its changed_at) also binds that, as ?7.
inline constexpr std::string_view k_insert_edited_entry =
    "INSERT INTO entries(uuid, slice_id, at, minutes, note, tags, changed_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
inline constexpr std::string_view k_insert_rating =
    "INSERT INTO ratings(uuid, slice_id, at, score, note) VALUES (?, ?, ?, ?, ?)";
// The INSERT of `entry`: with changed_at only when it was edited.
std::string_view insert_entry_sql(const Entry& entry);
void bind_entry(SQLite::Statement& insert, const Entry& entry);
void bind_rating(SQLite::Statement& insert, const Rating& rating);
// Binds a goal's slice_id, title, kind, every, times, minutes, match, rating, state, created_at,
// done_at, dropped_at and changed_at, in that order, from parameter `first` on.
void bind_goal(SQLite::Statement& statement, const Goal& goal, int first);

// An entry counts toward a goal with --match when its note contains the text, or a tag is the
// text (a text with a space is no tag); the text is ?4.
inline constexpr std::string_view k_match_clause =
    " AND (instr(pie_fold(note), pie_fold(?4)) > 0 OR (instr(?4, ' ') = 0 "
    "AND instr(' ' || pie_fold(tags) || ' ', ' ' || pie_fold(?4) || ' ') > 0))";

// The WHERE clause of a RecordQuery on table alias `t`; bind_query binds since, until, slice in
// that order (?1, ?2, ?3).
std::string where_clause(const RecordQuery& query, std::string_view t);
void bind_query(SQLite::Statement& statement, const RecordQuery& query);

template <typename T>
void bind_optional(SQLite::Statement& statement, int index, const std::optional<T>& value) {
    if (value) {
        statement.bind(index, *value);
    } else {
        statement.bind(index);
    }
}

template <typename T>
std::optional<T> column_optional(SQLite::Statement& row, int index) {
    SQLite::Column column = row.getColumn(index);
    if (column.isNull()) return std::nullopt;
    if constexpr (std::is_same_v<T, std::string>) {
        return column.getString();
    } else {
        return static_cast<T>(column.getInt64());
    }
}

// Runs a prepared query for whether it finds a row, and makes it ready for the next use.
bool finds_row(SQLite::Statement& statement);

// Runs a prepared statement and makes it ready for the next use.
void exec_and_reset(SQLite::Statement& statement);

}  // namespace pie::store_internal
