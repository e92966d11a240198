// Schema 6 to 7: one trigger per table and event in place of three. Each row change of a data
// table needs up to three things done: the journal records how to revert it (undo), the kept goal
// streaks it may change are dropped, and its record gets a new sync version. Until schema 6 each
// was a trigger of its own, every one spelling out its whole statement; SQLite parses every
// trigger of the schema when a connection first reads, so every command, even a read-only
// `pie nudge`, paid for 22 KB of trigger SQL before its first query (docs/PERFORMANCE.md).
//
// Now each of the three is written once, as an INSTEAD OF trigger on a view that works like a
// procedure: `INSERT INTO sync_touch VALUES ('entry', new.uuid, 1)` runs the sync version UPSERT
// with those arguments. A table's trigger for an event is three such calls, and the journal's
// revert statement is one printf() whose format (one token) holds the column list. Same rules as
// before, whoever writes (pie, undo, an import, a sync, the sqlite3 shell); a third of the SQL.

#include "internal.hpp"

#include <fmt/format.h>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace pie::store_internal {

namespace {

// The three procedures. journal_record(statement): the revert of a row change, kept while the
// journal records. sync_touch(kind, uuid, gen_step): a new version of the record, while changes
// are captured (gen_step 1 for an insert or delete, 0 for an update; one change gives a record
// one version, later than the one it replaces). streak_drop(ratings, slice_id, at): drops the kept
// streaks of the goals on that slice (rating goals or the others) that reach past `at`.
constexpr std::string_view k_procedures = R"sql(
CREATE VIEW journal_record(statement) AS SELECT NULL WHERE 0;
CREATE TRIGGER journal_record INSTEAD OF INSERT ON journal_record WHEN (SELECT recording FROM journal_state) BEGIN
  INSERT INTO journal_ops(change_id, statement) VALUES ((SELECT max(id) FROM journal), new.statement);
END;
CREATE VIEW sync_touch(kind, uuid, gen_step) AS SELECT NULL, NULL, NULL WHERE 0;
CREATE TRIGGER sync_touch INSTEAD OF INSERT ON sync_touch
WHEN new.uuid IS NOT NULL AND (SELECT capturing FROM sync_state) BEGIN
  INSERT INTO sync_versions(kind, uuid, gen, at, device, stamp, pending)
  SELECT new.kind, new.uuid, new.gen_step, now, device, stamp, 1 FROM sync_state WHERE true
  ON CONFLICT(kind, uuid) DO UPDATE SET gen = gen + excluded.gen,
    at = CASE WHEN stamp = excluded.stamp THEN at ELSE max(excluded.at, at + 1) END,
    device = excluded.device, stamp = excluded.stamp, pending = 1;
END;
CREATE VIEW streak_drop(ratings, slice_id, at) AS SELECT NULL, NULL, NULL WHERE 0;
CREATE TRIGGER streak_drop INSTEAD OF INSERT ON streak_drop BEGIN
  DELETE FROM goal_streaks WHERE ratings = new.ratings AND slice_id = new.slice_id AND until_at > new.at;
END;
)sql";

// A data table and what its row changes mean.
struct TriggeredTable {
    std::string_view name;
    std::vector<std::string_view> columns;  // `id` first
    std::string_view kind;                  // the sync record its rows are (part of)
    // For a table whose rows are part of another table's record (a slice's events, a goal's
    // pauses): that table and the column that names the row there. Empty: the row is a record.
    std::string_view parent = {};
    std::string_view parent_column = {};
    // The statement that drops the kept streaks a row image ({0}: new or old) may change.
    std::string_view streak = {};
};

// Goals keep their two streak triggers of schema 5 (an update drops only when a column that
// counts changes) and slices the three of schema 6 that keep their names for sync.
const std::array<TriggeredTable, 7>& triggered_tables() {
    static const std::array<TriggeredTable, 7> tables = {{
        {"slices", {"id", "uuid", "name", "label", "position", "added_at", "retired_at", "changed_at"}, "slice"},
        {"entries",
         {"id", "uuid", "slice_id", "at", "minutes", "note", "tags", "changed_at"},
         "entry",
         {},
         {},
         "INSERT INTO streak_drop VALUES (0, {0}.slice_id, {0}.at);"},
        {"ratings",
         {"id", "uuid", "slice_id", "at", "score", "note"},
         "rating",
         {},
         {},
         "INSERT INTO streak_drop VALUES (1, {0}.slice_id, {0}.at);"},
        {"goals",
         {"id", "uuid", "slice_id", "title", "kind", "every", "times", "minutes", "match", "rating", "state",
          "created_at", "done_at", "dropped_at", "changed_at"},
         "goal"},
        {"goal_pauses",
         {"id", "goal_id", "from_at", "until_at"},
         "goal",
         "goals",
         "goal_id",
         "DELETE FROM goal_streaks WHERE goal_id = {0}.goal_id AND until_at > {0}.from_at;"},
        {"reviews", {"id", "uuid", "at", "intention"}, "review"},
        {"slice_events", {"id", "slice_id", "at", "event"}, "slice", "slices", "slice_id"},
    }};
    return tables;
}

// The call of sync_touch for row image `row` of `table`.
std::string touch(const TriggeredTable& table, std::string_view row, int gen_step) {
    if (table.parent.empty())
        return fmt::format("INSERT INTO sync_touch VALUES ('{}', {}.uuid, {});", table.kind, row, gen_step);
    return fmt::format("INSERT INTO sync_touch SELECT '{}', uuid, 0 FROM {} WHERE id = {}.{};", table.kind,
                       table.parent, row, table.parent_column);
}

std::string streak(const TriggeredTable& table, std::string_view row) {
    return table.streak.empty() ? std::string() : fmt::format(fmt::runtime(table.streak), row);
}

// `a, b, c` of `columns`, each as `{prefix}column{suffix}`.
std::string listed(const std::vector<std::string_view>& columns, std::string_view prefix, std::string_view suffix) {
    std::vector<std::string> parts;
    for (auto column : columns) parts.push_back(fmt::format("{}{}{}", prefix, column, suffix));
    return fmt::format("{}", fmt::join(parts, ", "));
}

// The three triggers of `table`. The revert statements quote the old values with printf's %Q
// (NULL as NULL, anything else as an SQL string, which the STRICT columns take back as what
// they were); the id is a number.
std::string table_triggers(const TriggeredTable& table) {
    std::vector<std::string_view> values(table.columns.begin() + 1, table.columns.end());
    std::vector<std::string_view> marks(table.columns.size(), "%Q");
    marks.front() = "%d";  // the id, never NULL, as a number: a sync reads it back (next_id)
    std::string reinsert =
        fmt::format("printf('INSERT INTO {0}({1}) VALUES ({2})', {3})", table.name, fmt::join(table.columns, ", "),
                    fmt::join(marks, ", "), listed(table.columns, "old.", ""));
    std::string restore = fmt::format("printf('UPDATE {0} SET {1} WHERE id = %d', {2}, old.id)", table.name,
                                      listed(values, "", " = %Q"), listed(values, "old.", ""));
    return fmt::format(
        "CREATE TRIGGER {0}_insert AFTER INSERT ON {0} BEGIN\n"
        "  INSERT INTO journal_record VALUES ('DELETE FROM {0} WHERE id = ' || new.id);\n  {1}\n  {2}\nEND;\n"
        "CREATE TRIGGER {0}_delete AFTER DELETE ON {0} BEGIN\n"
        "  INSERT INTO journal_record VALUES ({3});\n  {4}\n  {5}\nEND;\n"
        "CREATE TRIGGER {0}_update AFTER UPDATE ON {0} BEGIN\n"
        "  INSERT INTO journal_record VALUES ({6});\n  {4}\n  {1}\n  {7}\nEND;\n",
        table.name, streak(table, "new"), touch(table, "new", 1), reinsert, streak(table, "old"),
        touch(table, "old", 1), restore, touch(table, "new", 0));
}

}  // namespace

void combine_triggers(SQLite::Database& db) {
    std::string sql;
    for (const TriggeredTable& table : triggered_tables()) {
        for (std::string_view event : {"insert", "delete", "update"}) {
            sql += fmt::format("DROP TRIGGER {0}_journal_{1};\nDROP TRIGGER {0}_sync_{1};\n", table.name, event);
            if (!table.streak.empty()) sql += fmt::format("DROP TRIGGER {}_streak_{};\n", table.name, event);
        }
    }
    sql += k_procedures;
    for (const TriggeredTable& table : triggered_tables()) sql += table_triggers(table);
    db.exec(sql);
}

}  // namespace pie::store_internal
