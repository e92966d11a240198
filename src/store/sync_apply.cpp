// Applying another device's changes (§12): a change is taken when its version is later than the
// one this database holds for the record (see SyncVersion); a slice that is gone takes its records
// with it; slices added under one name on two devices become the one whose UUID sorts first.

#include "internal.hpp"

#include <pie/error.hpp>
#include <pie/slice.hpp>

#include <fmt/format.h>

#include <set>
#include <tuple>
#include <vector>

namespace pie {

using namespace store_internal;

namespace {

constexpr std::string_view k_tables[] = {"slices", "goals", "entries", "ratings", "reviews"};

std::string table_of(SyncKind kind) { return std::string(k_tables[static_cast<int>(kind)]); }

// The INSERT of a new goal or review (?1 id, ?2 uuid, ?3 slice), filled in by the UPDATE that
// follows. Entries and ratings, which a first sync brings by the hundred thousand, are inserted
// whole instead: one write, and one firing of each trigger, per record.
std::string_view placeholder_insert(SyncKind kind) {
    if (kind == SyncKind::goal) {
        return "INSERT INTO goals(id, uuid, slice_id, title, kind, state, created_at, changed_at) "
               "VALUES (?1, ?2, ?3, 'new', 'one-off', 'active', 0, 0)";
    }
    return "INSERT INTO reviews(id, uuid, at) VALUES (?1, ?2, 0)";
}

// The INSERT of a whole entry or rating: bind_entry's or bind_rating's parameters, then the id.
constexpr std::string_view k_sync_insert_entry =
    "INSERT INTO entries(uuid, slice_id, at, minutes, note, tags, changed_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view k_sync_insert_rating =
    "INSERT INTO ratings(uuid, slice_id, at, score, note, id) VALUES (?, ?, ?, ?, ?, ?)";

// Remembers the name slice `uuid` wants while another slice has it (null: it has its name).
void set_wanted(SQLite::Database& db, const std::string& uuid, const std::optional<std::string>& name) {
    SQLite::Statement upsert(
        db, "INSERT INTO sync_slices(uuid, wanted) VALUES (?1, ?2) ON CONFLICT(uuid) DO UPDATE SET wanted = ?2");
    upsert.bind(1, uuid);
    bind_optional(upsert, 2, name);
    upsert.exec();
}

bool same_part(const SliceEvent& a, const SliceEvent& b) { return a.at == b.at && a.retire == b.retire; }
bool same_part(const GoalPause& a, const GoalPause& b) { return a.from == b.from && a.until == b.until; }

// Gives record `owner` (a slice, a goal) the part rows `wanted` (its events, its pauses) in
// `table`, whose columns are the owner's and two more, when they differ from `current`. Rows left
// untouched keep their ids, so an undo here still finds the ones it recorded. `bind` binds a
// row's id (?1) and its two values (?3, ?4).
template <typename Part, typename Bind>
void replace_part(SQLite::Database& db, const std::vector<Part>& current, const std::vector<Part>& wanted,
                  std::int64_t owner, std::string_view table, std::string_view columns, Bind bind) {
    bool same = current.size() == wanted.size();
    for (std::size_t i = 0; same && i < current.size(); ++i) same = same_part(current[i], wanted[i]);
    if (same) return;
    std::string_view owner_column = columns.substr(0, columns.find(','));
    SQLite::Statement clear(db, fmt::format("DELETE FROM {} WHERE {} = ?", table, owner_column));
    clear.bind(1, owner);
    clear.exec();
    SQLite::Statement insert(db, fmt::format("INSERT INTO {}(id, {}) VALUES (?, ?, ?, ?)", table, columns));
    for (const Part& part : wanted) {
        bind(part, insert);
        insert.bind(2, owner);
        exec_and_reset(insert);
    }
}

}  // namespace

namespace store_internal {

void merge_twins(SQLite::Database& db) {
    // Live slices added under one name (on two devices, or here after one from elsewhere was
    // renamed): a fact that never changes, so every device merges the same ones.
    SQLite::Statement select(db,
                             "SELECT ss.born, ss.uuid, s.id FROM sync_slices ss JOIN slices s ON s.uuid = ss.uuid "
                             "WHERE ss.merged_into IS NULL AND ss.born IN (SELECT t.born FROM sync_slices t JOIN "
                             "slices u ON u.uuid = t.uuid WHERE t.merged_into IS NULL AND t.born IS NOT NULL "
                             "GROUP BY t.born HAVING count(*) > 1) ORDER BY ss.born, ss.uuid");
    std::vector<std::tuple<std::string, std::string, std::int64_t>> slices;
    while (select.executeStep()) {
        slices.emplace_back(select.getColumn(0).getString(), select.getColumn(1).getString(),
                            select.getColumn(2).getInt64());
    }
    std::string born;
    std::string keep;
    std::int64_t keep_id = 0;
    for (const auto& [name, uuid, id] : slices) {
        if (name != born) {  // the UUID that sorts first keeps the slice, with its own state
            born = name;
            keep = uuid;
            keep_id = id;
            continue;
        }
        for (std::string_view sql :
             {"UPDATE entries SET slice_id = ?1 WHERE slice_id = ?2",
              "UPDATE ratings SET slice_id = ?1 WHERE slice_id = ?2",
              "UPDATE goals SET slice_id = ?1 WHERE slice_id = ?2", "DELETE FROM slice_events WHERE slice_id = ?2",
              "DELETE FROM slices WHERE id = ?2"}) {
            SQLite::Statement move(db, std::string(sql));
            move.bind(1, keep_id);
            move.bind(2, id);
            move.exec();
        }
        SQLite::Statement alias(db, "UPDATE sync_slices SET merged_into = ?1 WHERE uuid = ?2 OR merged_into = ?2");
        alias.bind(1, keep);
        alias.bind(2, uuid);
        alias.exec();
        SQLite::Statement forget(db, "UPDATE sync_versions SET pending = 0 WHERE kind = 'slice' AND uuid = ?");
        forget.bind(1, uuid);
        forget.exec();
    }
}

}  // namespace store_internal

std::optional<SyncVersion> Store::Sync::version(SyncKind kind, const std::string& uuid) {
    SQLite::Statement& select = m_store.cached("SELECT gen, at, device FROM sync_versions WHERE kind = ? AND uuid = ?");
    select.bind(1, std::string(sync_kind_name(kind)));
    select.bind(2, uuid);
    std::optional<SyncVersion> found;
    if (select.executeStep()) {
        found = SyncVersion{select.getColumn(0).getInt64(), select.getColumn(1).getInt64(),
                            select.getColumn(2).getString()};
    }
    select.reset();
    select.clearBindings();
    return found;
}

void Store::Sync::set_version(SyncKind kind, const std::string& uuid, const SyncVersion& version) {
    SQLite::Statement& upsert = m_store.cached(
        "INSERT INTO sync_versions(kind, uuid, gen, at, device, stamp, pending) VALUES (?1, ?2, ?3, ?4, ?5, 0, 0) "
        "ON CONFLICT(kind, uuid) DO UPDATE SET gen = ?3, at = ?4, device = ?5, stamp = 0, pending = 0");
    upsert.bind(1, std::string(sync_kind_name(kind)));
    upsert.bind(2, uuid);
    upsert.bind(3, version.gen);
    upsert.bind(4, static_cast<std::int64_t>(version.at));
    upsert.bind(5, version.device);
    exec_and_reset(upsert);
}

std::optional<std::int64_t> Store::Sync::slice_id(const std::string& uuid) {
    SQLite::Statement& select = m_store.cached(
        "SELECT s.id FROM slices s WHERE s.uuid = coalesce((SELECT merged_into FROM sync_slices WHERE uuid = ?1), ?1)");
    select.bind(1, uuid);
    std::optional<std::int64_t> id;
    if (select.executeStep()) id = select.getColumn(0).getInt64();
    select.reset();
    select.clearBindings();
    return id;
}

std::int64_t Store::Sync::next_id(const std::string& table) {
    auto found = m_next_ids.find(table);
    if (found == m_next_ids.end()) {
        // Above every id the table holds and every id an undo here may insert again.
        SQLite::Statement select(
            *m_store.m_db, fmt::format("SELECT max(coalesce((SELECT max(id) FROM {0}), 0), coalesce((SELECT "
                                       "max(CAST(substr(statement, instr(statement, 'VALUES (') + 8) AS "
                                       "INTEGER)) FROM journal_ops WHERE statement LIKE 'INSERT INTO {0}(%'), 0))",
                                       table));
        select.executeStep();
        found = m_next_ids.emplace(table, select.getColumn(0).getInt64()).first;
    }
    return ++found->second;
}

void Store::Sync::apply(const SyncChange& change) {
    m_settled = false;
    try {
        if (change.kind == SyncKind::slice) {
            apply_slice(change);
        } else {
            apply_record(change);
        }
    } catch (const SQLite::Exception& e) {
        // The schema's CHECK constraints refuse what no pie writes: the file is damaged.
        throw SyncFileError(fmt::format("a record is not valid ({})", e.what()));
    }
}

void Store::Sync::apply_slice(const SyncChange& change) {
    SQLite::Database& db = *m_store.m_db;
    SQLite::Statement merged(db, "SELECT 1 FROM sync_slices WHERE uuid = ? AND merged_into IS NOT NULL");
    merged.bind(1, change.uuid);
    if (merged.executeStep()) return;  // merged into another slice: only that one's changes count
    std::optional<SyncVersion> local = version(SyncKind::slice, change.uuid);
    if (local && !(*local < change.version)) return;
    if (change.deleted) {
        set_version(SyncKind::slice, change.uuid, change.version);
        delete_slice(change.uuid);
        return;
    }
    SQLite::Statement born(db, "INSERT OR IGNORE INTO sync_slices(uuid, born) VALUES (?, ?)");
    born.bind(1, change.uuid);
    bind_optional(born, 2, change.added_as);
    born.exec();
    if (std::optional<std::int64_t> id = slice_id(change.uuid)) {
        set_version(SyncKind::slice, change.uuid, change.version);
        write_slice(*id, change);
        return;
    }
    set_version(SyncKind::slice, change.uuid, change.version);
    std::int64_t id = next_id("slices");
    // Its placeholder name until write_slice gives it its own.
    SQLite::Statement insert(db,
                             "INSERT INTO slices(id, uuid, name, label, position, added_at, changed_at) "
                             "VALUES (?1, ?2, ?3, 'new', (SELECT coalesce(max(position), 0) + 1 FROM slices), 0, 0)");
    insert.bind(1, id);
    insert.bind(2, change.uuid);
    insert.bind(3, sync_placeholder_name(change.uuid));
    insert.exec();
    write_slice(id, change);
}

void Store::Sync::write_slice(std::int64_t id, const SyncChange& change) {
    SQLite::Database& db = *m_store.m_db;
    const Slice& slice = change.slice;
    try {
        require_slice_name(slice.name);  // kept in sync_slices.wanted, which has no CHECK
    } catch (const UserError&) {
        throw SyncFileError(fmt::format("a record is not valid (slice name '{}')", slice.name));
    }
    // Its name when no other slice has it; else, until settle_names decides which of the slices
    // that want the name has it, one that no slice has.
    SQLite::Statement taken(db, "SELECT 1 FROM slices WHERE name = ? AND id <> ?");
    taken.bind(1, slice.name);
    taken.bind(2, id);
    bool free = !taken.executeStep();
    std::string name = free ? slice.name : sync_placeholder_name(slice.uuid);
    set_wanted(db, slice.uuid, free ? std::nullopt : std::optional<std::string>(slice.name));
    SQLite::Statement update(db,
                             "UPDATE slices SET name = ?, label = ?, added_at = ?, retired_at = ?, changed_at = ? "
                             "WHERE id = ?");
    update.bind(1, name);
    update.bind(2, slice.label);
    update.bind(3, static_cast<std::int64_t>(slice.added_at));
    bind_optional(update, 4, slice.retired_at);
    update.bind(5, static_cast<std::int64_t>(slice.changed_at));
    update.bind(6, id);
    update.exec();
    replace_part(db, m_store.slice_history(id), change.history, id, "slice_events", "slice_id, at, event",
                 [&](const SliceEvent& event, SQLite::Statement& insert) {
                     insert.bind(1, next_id("slice_events"));
                     insert.bind(3, static_cast<std::int64_t>(event.at));
                     insert.bind(4, event.retire ? "retire" : "restore");
                 });
}

void Store::Sync::settle_names() {
    SQLite::Database& db = *m_store.m_db;
    // Every slice with the name it wants (the one its record carries), by name, then UUID.
    struct Named {
        std::int64_t id = 0;
        std::string uuid;
        std::string name;  // as it is here now
        std::string wanted;
        bool kept = false;  // `wanted` kept in sync_slices
        std::string settled;
    };
    std::vector<Named> slices;
    SQLite::Statement select(db,
                             "SELECT s.id, s.uuid, s.name, coalesce(ss.wanted, s.name), ss.wanted IS NOT NULL "
                             "FROM slices s LEFT JOIN sync_slices ss ON ss.uuid = s.uuid ORDER BY 4, s.uuid");
    while (select.executeStep()) {
        slices.push_back({select.getColumn(0).getInt64(),
                          select.getColumn(1).getString(),
                          select.getColumn(2).getString(),
                          select.getColumn(3).getString(),
                          select.getColumn(4).getInt() != 0,
                          {}});
    }
    // Decided by that set alone, so the same on every device whatever it heard first: of the
    // slices that want one name, the UUID that sorts first has it; the others, in turn, the first
    // of their candidates that no slice has.
    std::set<std::string> taken;
    for (std::size_t i = 0; i < slices.size(); ++i) {
        if (i == 0 || slices[i].wanted != slices[i - 1].wanted) {
            slices[i].settled = slices[i].wanted;
            taken.insert(slices[i].wanted);
        }
    }
    for (Named& slice : slices) {
        if (!slice.settled.empty()) continue;
        for (const std::string& candidate : sync_name_candidates(slice.wanted, slice.uuid)) {
            if (taken.insert(candidate).second) {
                slice.settled = candidate;
                break;
            }
        }
        if (slice.settled.empty()) throw Error(fmt::format("no free name for slice {}", slice.uuid));
    }
    // Names are unique at every step: the slices to rename go through their placeholder first.
    SQLite::Statement rename(db, "UPDATE slices SET name = ? WHERE id = ?");
    for (int step = 0; step < 2; ++step) {
        for (const Named& slice : slices) {
            if (slice.settled == slice.name) continue;
            rename.bind(1, step == 0 ? sync_placeholder_name(slice.uuid) : slice.settled);
            rename.bind(2, slice.id);
            exec_and_reset(rename);
        }
    }
    for (const Named& slice : slices) {
        bool keep = slice.settled != slice.wanted;
        if (keep != slice.kept)
            set_wanted(db, slice.uuid, keep ? std::optional<std::string>(slice.wanted) : std::nullopt);
    }
}

void Store::Sync::delete_slice(const std::string& uuid) {
    std::optional<std::int64_t> id = slice_id(uuid);
    if (!id) return;
    for (std::string_view sql : {"DELETE FROM entries WHERE slice_id = ?1", "DELETE FROM ratings WHERE slice_id = ?1",
                                 "DELETE FROM goal_pauses WHERE goal_id IN (SELECT id FROM goals WHERE slice_id = ?1)",
                                 "DELETE FROM goals WHERE slice_id = ?1",
                                 "DELETE FROM slice_events WHERE slice_id = ?1", "DELETE FROM slices WHERE id = ?1"}) {
        SQLite::Statement remove(*m_store.m_db, std::string(sql));
        remove.bind(1, *id);
        remove.exec();
    }
}

void Store::Sync::apply_record(const SyncChange& change) {
    SQLite::Database& db = *m_store.m_db;
    std::optional<SyncVersion> local = version(change.kind, change.uuid);
    if (local && !(*local < change.version)) return;
    set_version(change.kind, change.uuid, change.version);
    std::string table = table_of(change.kind);
    std::optional<std::int64_t> slice;
    if (!change.deleted && change.kind != SyncKind::review) slice = slice_id(change.slice_uuid);
    // Deleted, or its slice is gone (a slice takes its records with it).
    if (change.deleted || (change.kind != SyncKind::review && !slice)) {
        if (change.kind == SyncKind::goal) {
            SQLite::Statement pauses(db,
                                     "DELETE FROM goal_pauses WHERE goal_id = (SELECT id FROM goals WHERE uuid = ?)");
            pauses.bind(1, change.uuid);
            pauses.exec();
        }
        SQLite::Statement& remove = m_store.cached(fmt::format("DELETE FROM {} WHERE uuid = ?", table));
        remove.bind(1, change.uuid);
        remove.exec();
        return;
    }
    // Kept statements: a first sync may apply a whole database's records.
    SQLite::Statement& exists = m_store.cached(fmt::format("SELECT id FROM {} WHERE uuid = ?", table));
    exists.bind(1, change.uuid);
    std::optional<std::int64_t> id;
    if (exists.executeStep()) id = exists.getColumn(0).getInt64();
    exists.reset();
    switch (change.kind) {
        case SyncKind::entry: {
            Entry entry = change.entry;
            entry.uuid = change.uuid;
            entry.slice_id = *slice;
            if (id) {
                entry.id = *id;
                m_store.update_entry(entry);
                break;
            }
            SQLite::Statement& insert = m_store.cached(k_sync_insert_entry);
            bind_entry(insert, entry);
            insert.bind(8, next_id(table));
            insert.exec();
            break;
        }
        case SyncKind::rating: {
            Rating rating = change.rating;
            rating.uuid = change.uuid;
            rating.slice_id = *slice;
            if (!id) {
                SQLite::Statement& insert = m_store.cached(k_sync_insert_rating);
                bind_rating(insert, rating);
                insert.bind(6, next_id(table));
                insert.exec();
                break;
            }
            SQLite::Statement& update =
                m_store.cached("UPDATE ratings SET slice_id = ?, at = ?, score = ?, note = ? WHERE id = ?");
            update.bind(1, rating.slice_id);
            update.bind(2, static_cast<std::int64_t>(rating.at));
            update.bind(3, rating.score);
            update.bind(4, rating.note);
            update.bind(5, *id);
            update.exec();
            break;
        }
        case SyncKind::goal:
        case SyncKind::review: {
            if (!id) {  // a row that holds a valid record from its first moment, filled in below
                SQLite::Statement& insert = m_store.cached(placeholder_insert(change.kind));
                insert.bind(1, next_id(table));
                insert.bind(2, change.uuid);
                if (slice) insert.bind(3, *slice);
                insert.exec();
            }
            if (change.kind == SyncKind::goal) {
                write_goal(change, *slice);
                break;
            }
            SQLite::Statement& update = m_store.cached("UPDATE reviews SET at = ?, intention = ? WHERE uuid = ?");
            update.bind(1, static_cast<std::int64_t>(change.review.at));
            bind_optional(update, 2, change.review.intention);
            update.bind(3, change.uuid);
            update.exec();
            break;
        }
        case SyncKind::slice: break;
    }
}

void Store::Sync::write_goal(const SyncChange& change, std::int64_t slice_id) {
    SQLite::Database& db = *m_store.m_db;
    Goal goal = change.goal;
    goal.slice_id = slice_id;
    SQLite::Statement update(db,
                             "UPDATE goals SET slice_id = ?, title = ?, kind = ?, every = ?, times = ?, minutes = ?, "
                             "match = ?, rating = ?, state = ?, created_at = ?, done_at = ?, dropped_at = ?, "
                             "changed_at = ? WHERE uuid = ? RETURNING id");
    bind_goal(update, goal, 1);
    update.bind(14, change.uuid);
    update.executeStep();
    std::int64_t id = update.getColumn(0).getInt64();
    update.reset();
    replace_part(db, m_store.goal_pauses(id), change.pauses, id, "goal_pauses", "goal_id, from_at, until_at",
                 [&](const GoalPause& pause, SQLite::Statement& insert) {
                     insert.bind(1, next_id("goal_pauses"));
                     insert.bind(3, static_cast<std::int64_t>(pause.from));
                     bind_optional(insert, 4, pause.until);
                 });
}

}  // namespace pie
