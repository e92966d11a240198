// The schema: tables, indexes and journal triggers, and the migrations that bring a database
// from one PRAGMA user_version to the next.

#include "internal.hpp"

#include <pie/slice.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace pie {

namespace store_internal {

// The journal: every change is a row of `journal`; triggers on each data table record, in
// `journal_ops`, the statements that revert it. `pie undo` runs them backwards.
std::string journal_triggers(std::string_view table, const std::vector<std::string_view>& columns) {
    auto quoted_list = [&](std::string_view row) {
        std::vector<std::string> parts;
        for (auto column : columns) parts.push_back(fmt::format("quote({}.{})", row, column));
        return fmt::format("{}", fmt::join(parts, " || ', ' || "));
    };
    std::vector<std::string> assignments;
    for (auto column : columns) {
        if (column != "id") assignments.push_back(fmt::format("'{0} = ' || quote(old.{0})", column));
    }
    std::string record = "INSERT INTO journal_ops(change_id, statement) VALUES ((SELECT max(id) FROM journal), ";
    std::string when = "WHEN (SELECT recording FROM journal_state)";
    return fmt::format(
        "CREATE TRIGGER {0}_journal_insert AFTER INSERT ON {0} {1} BEGIN\n"
        "  {2}'DELETE FROM {0} WHERE id = ' || new.id);\nEND;\n"
        "CREATE TRIGGER {0}_journal_delete AFTER DELETE ON {0} {1} BEGIN\n"
        "  {2}'INSERT INTO {0}({3}) VALUES (' || {4} || ')');\nEND;\n"
        "CREATE TRIGGER {0}_journal_update AFTER UPDATE ON {0} {1} BEGIN\n"
        "  {2}'UPDATE {0} SET ' || {5} || ' WHERE id = ' || old.id);\nEND;\n",
        table, when, record, fmt::join(columns, ", "), quoted_list("old"), fmt::join(assignments, " || ', ' || "));
}

}  // namespace store_internal

namespace {

using store_internal::add_sync;
using store_internal::combine_triggers;
using store_internal::journal_triggers;

void migrate_to_1(SQLite::Database& db) {
    db.exec(R"sql(
CREATE TABLE slices (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    name       TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 32 AND name GLOB '[a-z]*'
                                           AND name NOT GLOB '*[^a-z0-9-]*'),
    label      TEXT NOT NULL CHECK (label <> ''),
    position   INTEGER NOT NULL,
    added_at   INTEGER NOT NULL,
    retired_at INTEGER,
    changed_at INTEGER NOT NULL
) STRICT;
CREATE TABLE entries (
    id       INTEGER PRIMARY KEY,
    uuid     TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    slice_id INTEGER NOT NULL REFERENCES slices(id),
    at       INTEGER NOT NULL,
    minutes  INTEGER CHECK (minutes BETWEEN 1 AND 1440),
    note     TEXT NOT NULL DEFAULT '',
    tags     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX entries_by_time ON entries(at, slice_id, minutes);
CREATE INDEX entries_by_slice ON entries(slice_id, at, minutes);
CREATE TABLE ratings (
    id       INTEGER PRIMARY KEY,
    uuid     TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    slice_id INTEGER NOT NULL REFERENCES slices(id),
    at       INTEGER NOT NULL,
    score    INTEGER NOT NULL CHECK (score BETWEEN 1 AND 10),
    note     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX ratings_by_slice ON ratings(slice_id, at, score);
CREATE TABLE journal (
    id      INTEGER PRIMARY KEY,
    at      INTEGER NOT NULL,
    summary TEXT NOT NULL
) STRICT;
CREATE TABLE journal_ops (
    id        INTEGER PRIMARY KEY,
    change_id INTEGER NOT NULL REFERENCES journal(id) ON DELETE CASCADE,
    statement TEXT NOT NULL
) STRICT;
CREATE INDEX journal_ops_by_change ON journal_ops(change_id);
CREATE TABLE journal_state (recording INTEGER NOT NULL) STRICT;
INSERT INTO journal_state VALUES (1);
)sql");
    SQLite::Statement insert(db,
                             "INSERT INTO slices(uuid, name, label, position, added_at, changed_at) "
                             "VALUES (?, ?, ?, ?, 0, 0)");
    int position = 0;
    for (const DefaultSlice& slice : default_slices()) {
        insert.bind(1, std::string(slice.uuid));
        insert.bind(2, std::string(slice.name));
        insert.bind(3, std::string(slice.label));
        insert.bind(4, ++position);
        insert.exec();
        insert.reset();
    }
    db.exec(journal_triggers("slices",
                             {"id", "uuid", "name", "label", "position", "added_at", "retired_at", "changed_at"}));
    db.exec(journal_triggers("entries", {"id", "uuid", "slice_id", "at", "minutes", "note", "tags"}));
    db.exec(journal_triggers("ratings", {"id", "uuid", "slice_id", "at", "score", "note"}));
}

void migrate_to_2(SQLite::Database& db) {
    db.exec(R"sql(
CREATE TABLE goals (
    id         INTEGER PRIMARY KEY,
    uuid       TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    slice_id   INTEGER NOT NULL REFERENCES slices(id),
    title      TEXT NOT NULL CHECK (title <> ''),
    kind       TEXT NOT NULL CHECK (kind IN ('recurring', 'rating', 'one-off')),
    every      TEXT CHECK (every IN ('day', 'week', 'month')),
    times      INTEGER CHECK (times >= 1),
    minutes    INTEGER CHECK (minutes >= 1),
    match      TEXT,
    rating     INTEGER CHECK (rating BETWEEN 1 AND 10),
    state      TEXT NOT NULL CHECK (state IN ('active', 'done', 'dropped')),
    created_at INTEGER NOT NULL,
    done_at    INTEGER,
    dropped_at INTEGER,
    changed_at INTEGER NOT NULL,
    CHECK (times IS NULL OR minutes IS NULL),
    CHECK (kind <> 'recurring' OR (every IS NOT NULL AND rating IS NULL)),
    CHECK (kind <> 'rating' OR (rating IS NOT NULL AND times IS NULL AND minutes IS NULL AND match IS NULL)),
    CHECK (kind <> 'one-off' OR (every IS NULL AND rating IS NULL AND times IS NULL AND minutes IS NULL
                                 AND match IS NULL))
) STRICT;
CREATE INDEX goals_by_slice ON goals(slice_id);
)sql");
    db.exec(journal_triggers("goals", {"id", "uuid", "slice_id", "title", "kind", "every", "times", "minutes", "match",
                                       "rating", "state", "created_at", "done_at", "dropped_at", "changed_at"}));
}

// Goal pauses (§5) and reviews (§11), version 2 to 3.
void add_goal_pauses_and_reviews(SQLite::Database& db) {
    db.exec(R"sql(
CREATE TABLE goal_pauses (
    id      INTEGER PRIMARY KEY,
    goal_id INTEGER NOT NULL REFERENCES goals(id),
    from_at INTEGER NOT NULL,
    until_at INTEGER CHECK (until_at IS NULL OR until_at > from_at),
    UNIQUE (goal_id, from_at)
) STRICT;
CREATE TABLE reviews (
    id        INTEGER PRIMARY KEY,
    uuid      TEXT NOT NULL UNIQUE CHECK (length(uuid) = 36),
    at        INTEGER NOT NULL,
    intention TEXT
) STRICT;
CREATE INDEX reviews_by_time ON reviews(at);
)sql");
    db.exec(journal_triggers("goal_pauses", {"id", "goal_id", "from_at", "until_at"}));
    db.exec(journal_triggers("reviews", {"id", "uuid", "at", "intention"}));
}

// Slice history and entry changes (§2, §7, §9), version 3 to 4: every retire and restore of a slice is a row of
// slice_events, the current state becoming the first history; an entry gets the time of its last
// edit (NULL: never edited), which import compares so that the later change wins.
void add_slice_events_and_entry_changes(SQLite::Database& db) {
    db.exec(R"sql(
CREATE TABLE slice_events (
    id       INTEGER PRIMARY KEY,
    slice_id INTEGER NOT NULL REFERENCES slices(id),
    at       INTEGER NOT NULL,
    event    TEXT NOT NULL CHECK (event IN ('retire', 'restore'))
) STRICT;
CREATE INDEX slice_events_by_slice ON slice_events(slice_id, at);
INSERT INTO slice_events(slice_id, at, event) SELECT id, retired_at, 'retire' FROM slices WHERE retired_at IS NOT NULL;
ALTER TABLE entries ADD COLUMN changed_at INTEGER;
DROP TRIGGER entries_journal_insert;
DROP TRIGGER entries_journal_delete;
DROP TRIGGER entries_journal_update;
)sql");
    db.exec(journal_triggers("entries", {"id", "uuid", "slice_id", "at", "minutes", "note", "tags", "changed_at"}));
    db.exec(journal_triggers("slice_events", {"id", "slice_id", "at", "event"}));
}

// Kept goal streaks (§5), version 4 to 5: each goal's streak up to its last closed period, so that
// a report does not walk back over years of periods. Triggers, not the code that writes, keep it
// true: any change of an entry, rating, goal or pause that can touch a counted period drops the
// rows of the goals it may change, whoever writes (pie, undo, an import, a sync, the sqlite3
// shell), and the next pie write computes them again. Not journaled: undo's reverts fire the
// triggers as any write does.
// The triggers that drop the kept streaks a row of `table` (entries, ratings) may change: those of
// the goals on its slice (rating goals for ratings, the others for entries) that reach past its
// time. An update drops by the old row and the new, when `columns` change.
std::string streak_triggers(std::string_view table, int ratings, std::string_view columns) {
    auto drop = [&](std::string_view row) { return fmt::format("slice_id = {0}.slice_id AND until_at > {0}.at", row); };
    return fmt::format(
        "CREATE TRIGGER {0}_streak_insert AFTER INSERT ON {0} BEGIN\n"
        "  DELETE FROM goal_streaks WHERE ratings = {1} AND {2};\nEND;\n"
        "CREATE TRIGGER {0}_streak_delete AFTER DELETE ON {0} BEGIN\n"
        "  DELETE FROM goal_streaks WHERE ratings = {1} AND {3};\nEND;\n"
        "CREATE TRIGGER {0}_streak_update AFTER UPDATE OF {4} ON {0} BEGIN\n"
        "  DELETE FROM goal_streaks WHERE ratings = {1} AND (({3}) OR ({2}));\nEND;\n",
        table, ratings, drop("new"), drop("old"), columns);
}

void add_goal_streaks(SQLite::Database& db) {
    db.exec(R"sql(
CREATE TABLE goal_streaks (
    goal_id  INTEGER PRIMARY KEY,
    slice_id INTEGER NOT NULL,
    ratings  INTEGER NOT NULL CHECK (ratings IN (0, 1)),
    zone     TEXT NOT NULL,
    until_at INTEGER NOT NULL,
    run      INTEGER NOT NULL CHECK (run >= 0)
) STRICT;
CREATE TRIGGER goals_streak_update AFTER UPDATE OF id, slice_id, kind, every, times, minutes, match, rating,
                                                   created_at ON goals BEGIN
  DELETE FROM goal_streaks WHERE goal_id IN (old.id, new.id);
END;
CREATE TRIGGER goals_streak_delete AFTER DELETE ON goals BEGIN
  DELETE FROM goal_streaks WHERE goal_id = old.id;
END;
CREATE TRIGGER goal_pauses_streak_insert AFTER INSERT ON goal_pauses BEGIN
  DELETE FROM goal_streaks WHERE goal_id = new.goal_id AND until_at > new.from_at;
END;
CREATE TRIGGER goal_pauses_streak_delete AFTER DELETE ON goal_pauses BEGIN
  DELETE FROM goal_streaks WHERE goal_id = old.goal_id AND until_at > old.from_at;
END;
CREATE TRIGGER goal_pauses_streak_update AFTER UPDATE ON goal_pauses BEGIN
  DELETE FROM goal_streaks WHERE (goal_id = old.goal_id AND until_at > old.from_at)
                              OR (goal_id = new.goal_id AND until_at > new.from_at);
END;
)sql");
    db.exec(streak_triggers("entries", 0, "slice_id, at, minutes, note, tags"));
    db.exec(streak_triggers("ratings", 1, "slice_id, at, score"));
}

// Migration i brings a database from schema version i to i + 1.
using Migration = void (*)(SQLite::Database&);
constexpr std::array<Migration, k_schema_version> k_migrations = {
    migrate_to_1, migrate_to_2,    add_goal_pauses_and_reviews, add_slice_events_and_entry_changes, add_goal_streaks,
    add_sync,     combine_triggers};

}  // namespace

int Store::schema_version() { return m_db->execAndGet("PRAGMA user_version").getInt(); }

void Store::migrate(int version) {
    SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    // Read again inside the transaction: another process may have migrated meanwhile.
    for (int from = schema_version(); from < version; ++from) k_migrations.at(static_cast<std::size_t>(from))(*m_db);
    m_db->exec(fmt::format("PRAGMA application_id = {}", k_application_id));
    if (schema_version() < version) m_db->exec(fmt::format("PRAGMA user_version = {}", version));
    transaction.commit();
    m_read_version = std::max(m_read_version, version);
}

}  // namespace pie
