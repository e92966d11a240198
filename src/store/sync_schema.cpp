// The sync tables and capture triggers (§12), schema 5 to 6: a device id, the version of every
// record (which change made its current state), the slices' names at birth and merges, and what
// was applied from other devices. Every write of a command is captured by the triggers, so no
// command needs sync code of its own.

#include "internal.hpp"

#include <pie/uuid.hpp>

#include <fmt/format.h>

namespace pie::store_internal {

namespace {

// The UPSERT that gives record (`kind`, `uuid`) a new local version. `gen_step` is 1 for an insert
// or a delete (a record's generation counts them) and 0 for an update. One change gives a record
// one version; a later change always gets a later time than the version it replaces, even if the
// clock went back or another device's version is ahead.
std::string version_upsert(std::string_view kind, std::string_view uuid, int gen_step, std::string_view where,
                           std::string_view from = "sync_state s") {
    return fmt::format(
        "  INSERT INTO sync_versions(kind, uuid, gen, at, device, stamp, pending)\n"
        "  SELECT '{0}', {1}, {2}, s.now, s.device, s.stamp, 1 FROM {4} WHERE {3}\n"
        "  ON CONFLICT(kind, uuid) DO UPDATE SET gen = gen + {2},\n"
        "    at = CASE WHEN stamp = excluded.stamp THEN at ELSE max(excluded.at, at + 1) END,\n"
        "    device = excluded.device, stamp = excluded.stamp, pending = 1;\n",
        kind, uuid, gen_step, where, from);
}

// Triggers on `table`, a table of records of `kind` with a uuid column.
std::string record_triggers(std::string_view table, std::string_view kind) {
    std::string when = "WHEN (SELECT capturing FROM sync_state)";
    return fmt::format(
        "CREATE TRIGGER {0}_sync_insert AFTER INSERT ON {0} {1} BEGIN\n{2}END;\n"
        "CREATE TRIGGER {0}_sync_delete AFTER DELETE ON {0} {1} BEGIN\n{3}END;\n"
        "CREATE TRIGGER {0}_sync_update AFTER UPDATE ON {0} {1} BEGIN\n{4}END;\n",
        table, when, version_upsert(kind, "new.uuid", 1, "true"), version_upsert(kind, "old.uuid", 1, "true"),
        version_upsert(kind, "new.uuid", 0, "true"));
}

// Triggers on `table`, whose rows are part of the record of `kind` in `parent` that `column` names
// (a slice's events, a goal's pauses): a change of the row is a change of that record.
std::string part_triggers(std::string_view table, std::string_view kind, std::string_view parent,
                          std::string_view column) {
    std::string when = "WHEN (SELECT capturing FROM sync_state)";
    auto upsert = [&](std::string_view row) {
        std::string uuid = fmt::format("(SELECT uuid FROM {} WHERE id = {}.{})", parent, row, column);
        return version_upsert(kind, uuid, 0, uuid + " IS NOT NULL");
    };
    return fmt::format(
        "CREATE TRIGGER {0}_sync_insert AFTER INSERT ON {0} {1} BEGIN\n{2}END;\n"
        "CREATE TRIGGER {0}_sync_delete AFTER DELETE ON {0} {1} BEGIN\n{3}END;\n"
        "CREATE TRIGGER {0}_sync_update AFTER UPDATE ON {0} {1} BEGIN\n{2}END;\n",
        table, when, upsert("new"), upsert("old"));
}

}  // namespace

void add_sync(SQLite::Database& db) {
    db.exec(R"sql(
CREATE TABLE sync_state (
    device    TEXT NOT NULL CHECK (length(device) = 36),
    capturing INTEGER NOT NULL DEFAULT 1,
    now       INTEGER NOT NULL DEFAULT 0,
    stamp     INTEGER NOT NULL DEFAULT 0,
    dir       TEXT,
    out_seq   INTEGER NOT NULL DEFAULT 0,
    attempt   TEXT
) STRICT;
CREATE TABLE sync_versions (
    kind    TEXT NOT NULL CHECK (kind IN ('slice', 'goal', 'entry', 'rating', 'review')),
    uuid    TEXT NOT NULL,
    gen     INTEGER NOT NULL,
    at      INTEGER NOT NULL,
    device  TEXT NOT NULL,
    stamp   INTEGER NOT NULL,
    pending INTEGER NOT NULL,
    PRIMARY KEY (kind, uuid)
) STRICT, WITHOUT ROWID;
CREATE INDEX sync_versions_pending ON sync_versions(pending) WHERE pending;
CREATE TABLE sync_slices (
    uuid        TEXT PRIMARY KEY,
    born        TEXT,
    merged_into TEXT,
    wanted      TEXT
) STRICT, WITHOUT ROWID;
CREATE INDEX sync_slices_born ON sync_slices(born);
CREATE TABLE sync_peers (
    device  TEXT PRIMARY KEY,
    applied INTEGER NOT NULL,
    changes INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;
)sql");
    SQLite::Statement device(db, "INSERT INTO sync_state(device) VALUES (?)");
    device.bind(1, new_uuid());
    device.exec();
    // A slice that went to other devices is never deleted (`pie undo` of its `slices add` is
    // refused): the devices that hold records of it could not agree on where they go.
    // The log starts with a snapshot of everything: each record's version is its last change
    // here. The default slices, never changed, are the same everywhere and need none.
    db.exec(R"sql(
INSERT INTO sync_versions(kind, uuid, gen, at, device, stamp, pending)
SELECT 'slice', uuid, 0, changed_at, (SELECT device FROM sync_state), 0, 1 FROM slices WHERE changed_at <> 0;
INSERT INTO sync_versions(kind, uuid, gen, at, device, stamp, pending)
SELECT 'goal', uuid, 0, changed_at, (SELECT device FROM sync_state), 0, 1 FROM goals;
INSERT INTO sync_versions(kind, uuid, gen, at, device, stamp, pending)
SELECT 'entry', uuid, 0, coalesce(changed_at, at), (SELECT device FROM sync_state), 0, 1 FROM entries;
INSERT INTO sync_versions(kind, uuid, gen, at, device, stamp, pending)
SELECT 'rating', uuid, 0, at, (SELECT device FROM sync_state), 0, 1 FROM ratings;
INSERT INTO sync_versions(kind, uuid, gen, at, device, stamp, pending)
SELECT 'review', uuid, 0, at, (SELECT device FROM sync_state), 0, 1 FROM reviews;
INSERT INTO sync_slices(uuid, born) SELECT uuid, name FROM slices WHERE added_at <> 0;
CREATE TRIGGER slices_sync_born AFTER INSERT ON slices WHEN (SELECT capturing FROM sync_state) BEGIN
  INSERT OR IGNORE INTO sync_slices(uuid, born) VALUES (new.uuid, new.name);
END;
CREATE TRIGGER slices_sync_keep BEFORE DELETE ON slices WHEN (SELECT capturing FROM sync_state) AND EXISTS
  (SELECT 1 FROM sync_versions WHERE kind = 'slice' AND uuid = old.uuid AND NOT pending) BEGIN
  SELECT RAISE(ABORT, 'pie: a slice that went to other devices stays');
END;
CREATE TRIGGER slices_sync_named AFTER UPDATE OF name ON slices WHEN (SELECT capturing FROM sync_state) BEGIN
  UPDATE sync_slices SET wanted = NULL WHERE uuid = new.uuid;
END;
)sql");
    db.exec(record_triggers("slices", "slice"));
    db.exec(record_triggers("goals", "goal"));
    db.exec(record_triggers("entries", "entry"));
    db.exec(record_triggers("ratings", "rating"));
    db.exec(record_triggers("reviews", "review"));
    db.exec(part_triggers("slice_events", "slice", "slices", "slice_id"));
    db.exec(part_triggers("goal_pauses", "goal", "goals", "goal_id"));
}

void set_capturing(SQLite::Database& db, bool on) {
    if (db.tableExists("sync_state")) db.exec(fmt::format("UPDATE sync_state SET capturing = {}", on ? 1 : 0));
}

void capture_inserted(SQLite::Database& db, std::string_view kind, std::string_view table, std::int64_t first,
                      std::int64_t last) {
    if (!db.tableExists("sync_state")) return;
    db.exec(version_upsert(kind, "t.uuid", 1, fmt::format("t.id BETWEEN {} AND {}", first, last),
                           fmt::format("sync_state s, {} t", table)));
}

void stamp_change(SQLite::Database& db, Instant now) {
    if (!db.tableExists("sync_state")) return;
    SQLite::Statement stamp(db, "UPDATE sync_state SET now = ?, stamp = stamp + 1");
    stamp.bind(1, static_cast<std::int64_t>(now));
    stamp.exec();
}

}  // namespace pie::store_internal
