// Moving data (§7): slices and goals that an import adds or updates, entries and ratings read
// in a stable order for export, and the Importer that adds millions of rows through kept
// statements with one journal record per table.

#include "internal.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace pie {

using namespace store_internal;

std::int64_t Store::import_slice(const Slice& slice) {
    SQLite::Statement insert(*m_db,
                             "INSERT INTO slices(uuid, name, label, position, added_at, retired_at, changed_at) "
                             "VALUES (?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM slices), ?, ?, ?)");
    insert.bind(1, slice.uuid);
    insert.bind(2, slice.name);
    insert.bind(3, slice.label);
    insert.bind(4, static_cast<std::int64_t>(slice.added_at));
    bind_optional(insert, 5, slice.retired_at);
    insert.bind(6, static_cast<std::int64_t>(slice.changed_at));
    insert.exec();
    return m_db->getLastInsertRowid();
}

void Store::update_slice(std::int64_t id, const Slice& from) {
    SQLite::Statement update(*m_db,
                             "UPDATE slices SET name = ?, label = ?, retired_at = ?, changed_at = ? WHERE id = ?");
    update.bind(1, from.name);
    update.bind(2, from.label);
    bind_optional(update, 3, from.retired_at);
    update.bind(4, static_cast<std::int64_t>(from.changed_at));
    update.bind(5, id);
    update.exec();
}

std::optional<Goal> Store::goal_by_uuid(const std::string& uuid) {
    SQLite::Statement select(*m_db, fmt::format("SELECT {} FROM goals g JOIN slices s ON s.id = g.slice_id "
                                                "WHERE g.uuid = ?",
                                                k_goal_columns));
    select.bind(1, uuid);
    if (!select.executeStep()) return std::nullopt;
    return read_goal(select);
}

void Store::update_goal(std::int64_t id, const Goal& from) {
    SQLite::Statement update(*m_db,
                             "UPDATE goals SET title = ?, state = ?, done_at = ?, dropped_at = ?, changed_at = ? "
                             "WHERE id = ?");
    update.bind(1, from.title);
    update.bind(2, std::string(goal_state_name(from.state)));
    bind_optional(update, 3, from.done_at);
    bind_optional(update, 4, from.dropped_at);
    update.bind(5, static_cast<std::int64_t>(from.changed_at));
    update.bind(6, id);
    update.exec();
}

namespace {

// Every record of `table` aliased `t` in the query's [since, until) (slice ignored), in `order`.
template <typename Record>
void each_record(SQLite::Database& db, std::string_view columns, std::string_view table, std::string_view t,
                 std::string_view order, RecordQuery query, Record (*read)(SQLite::Statement&),
                 const std::function<void(const Record&)>& visit) {
    query.slice_id.reset();
    SQLite::Statement select(db, fmt::format("SELECT {} FROM {} {} JOIN slices s ON s.id = {}.slice_id{} ORDER BY {}",
                                             columns, table, t, t, where_clause(query, t), order));
    bind_query(select, query);
    while (select.executeStep()) visit(read(select));
}

}  // namespace

void Store::each_entry(const RecordQuery& query, const std::function<void(const Entry&)>& visit) {
    each_record(*m_db, k_entry_columns, "entries", "e", "e.at, s.name, e.minutes, e.note, e.tags, e.uuid", query,
                read_entry, visit);
}

void Store::each_rating(const RecordQuery& query, const std::function<void(const Rating&)>& visit) {
    each_record(*m_db, k_rating_columns, "ratings", "r", "r.at, s.name, r.score, r.note, r.uuid", query, read_rating,
                visit);
}

// Whether an entry with the same content exists; with ?6 = 1 only one with a name-based UUID.
constexpr std::string_view k_same_entry =
    "SELECT 1 FROM entries WHERE at = ?1 AND slice_id = ?2 AND minutes IS ?3 AND note = ?4 AND tags = ?5 "
    "AND (?6 = 0 OR substr(uuid, 15, 1) = '5') LIMIT 1";

bool Store::Importer::has_entry(const std::string& uuid) {
    if (m_staging) return false;  // none before; the file's own repeats go at finish()
    SQLite::Statement& query = m_store.cached("SELECT 1 FROM entries WHERE uuid = ?");
    query.bind(1, uuid);
    return finds_row(query);
}

bool Store::Importer::has_same_entry(const Entry& entry, bool name_based_only) {
    if (m_staging) return false;
    SQLite::Statement& query = m_store.cached(k_same_entry);
    query.bind(1, static_cast<std::int64_t>(entry.at));
    query.bind(2, entry.slice_id);
    bind_optional(query, 3, entry.minutes);
    query.bind(4, entry.note);
    query.bind(5, join_tags(entry.tags));
    query.bind(6, name_based_only ? 1 : 0);
    return finds_row(query);
}

void Store::Importer::record_in_bulk() {
    if (m_in_bulk) return;
    m_store.m_db->exec("UPDATE journal_state SET recording = 0");
    set_capturing(*m_store.m_db, false);
    m_in_bulk = true;
}

void Store::Importer::record_each() {
    if (!m_in_bulk) return;
    m_store.m_db->exec("UPDATE journal_state SET recording = 1");
    set_capturing(*m_store.m_db, true);
    m_in_bulk = false;
}

bool Store::Importer::stage_entries() {
    if (m_staging || m_store.m_path == ":memory:" ||
        m_store.m_db->execAndGet("SELECT EXISTS (SELECT 1 FROM entries)").getInt() != 0) {
        return m_staging;
    }
    // The staged rows and the sorts spill to files in the database's own directory: what stays in
    // memory is SQLite's page caches.
    if (!spill_beside(*m_store.m_db, m_store.m_path)) return false;
    try {
        m_store.m_db->exec(
            "CREATE TEMP TABLE staged_entries (uuid TEXT, slice_id INTEGER, at INTEGER, minutes INTEGER, "
            "note TEXT, tags TEXT)");
        // Within the 10 MiB budget: the staged table's cache small; the sorts take (up to) as much
        // memory as the main cache, which the writing needs less of than reading.
        m_store.m_db->exec("PRAGMA temp.cache_size = -128");
        m_store.m_db->exec("PRAGMA main.cache_size = -512");
    } catch (const SQLite::Exception&) {
        return false;  // the temporary database was in use (it cannot change within a transaction)
    }
    m_staging = true;
    return true;
}

namespace {

// Triggers off for the statements prepared while it lives (SQLite writes a statement's triggers
// into it when it prepares it), and on again after, whatever happens.
class TriggersOff {
public:
    explicit TriggersOff(SQLite::Database& db) : m_db(db) { enable(0); }
    ~TriggersOff() { enable(1); }
    TriggersOff(const TriggersOff&) = delete;
    TriggersOff& operator=(const TriggersOff&) = delete;

private:
    void enable(int on) { sqlite3_db_config(m_db.getHandle(), SQLITE_DBCONFIG_ENABLE_TRIGGER, on, nullptr); }
    SQLite::Database& m_db;
};

}  // namespace

std::int64_t Store::Importer::write_staged() {
    // The indexes of entries other than the UUID's, dropped and built again after the rows are in:
    // CREATE INDEX sorts once, where inserting would touch a page per row.
    std::vector<std::pair<std::string, std::string>> indexes;  // name, CREATE INDEX
    SQLite::Statement select(*m_store.m_db,
                             "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'entries' "
                             "AND sql IS NOT NULL");
    while (select.executeStep()) indexes.emplace_back(select.getColumn(0).getString(), select.getColumn(1).getString());
    select.reset();
    for (const auto& index : indexes) m_store.m_db->exec(fmt::format("DROP INDEX \"{}\"", index.first));
    // In UUID order, so the UNIQUE index grows at its end; rows staged twice (the same UUID is
    // the same content) are written once. Without the triggers: the journal and sync take the
    // rows by their range of ids (finish), and the kept streaks of every goal counted on entries
    // go at once (there were no entries), instead of a trigger's work for each row.
    int added = 0;
    {
        TriggersOff off(*m_store.m_db);
        added = m_store.m_db->exec(
            "INSERT INTO entries(uuid, slice_id, at, minutes, note, tags) "
            "SELECT uuid, slice_id, at, minutes, note, tags FROM staged_entries GROUP BY uuid ORDER BY uuid");
    }
    m_store.m_db->exec("DELETE FROM goal_streaks WHERE ratings = 0");
    for (const auto& index : indexes) m_store.m_db->exec(index.second);
    std::int64_t staged = m_store.m_db->execAndGet("SELECT count(*) FROM staged_entries").getInt64();
    m_store.m_db->exec("DROP TABLE staged_entries");
    m_staging = false;
    if (added > 0) {
        SQLite::Statement ids(*m_store.m_db, "SELECT min(id), max(id) FROM entries");
        ids.executeStep();
        m_first_entry = ids.getColumn(0).getInt64();
        m_last_entry = ids.getColumn(1).getInt64();
    }
    return staged - added;
}

std::int64_t Store::Importer::finish() {
    std::int64_t twice = m_staging ? write_staged() : 0;
    record_each();
    SQLite::Statement record(*m_store.m_db,
                             "INSERT INTO journal_ops(change_id, statement) "
                             "VALUES ((SELECT max(id) FROM journal), ?)");
    auto revert = [&](std::string_view table, std::int64_t first, std::int64_t last) {
        if (first == 0) return;
        record.bind(1, fmt::format("DELETE FROM {} WHERE id BETWEEN {} AND {}", table, first, last));
        exec_and_reset(record);
    };
    revert("entries", m_first_entry, m_last_entry);
    revert("ratings", m_first_rating, m_last_rating);
    if (m_first_entry != 0) capture_inserted(*m_store.m_db, "entry", "entries", m_first_entry, m_last_entry);
    if (m_first_rating != 0) capture_inserted(*m_store.m_db, "rating", "ratings", m_first_rating, m_last_rating);
    m_first_entry = m_last_entry = m_first_rating = m_last_rating = 0;
    return twice;
}

void Store::Importer::add_entry(const Entry& entry) {
    record_in_bulk();
    if (m_staging) {
        SQLite::Statement& stage = m_store.cached(
            "INSERT INTO staged_entries(uuid, slice_id, at, minutes, note, tags) VALUES (?, ?, ?, ?, ?, ?)");
        bind_entry(stage, entry);
        exec_and_reset(stage);
        return;
    }
    m_last_entry = m_store.add_entry(entry);
    if (m_first_entry == 0) m_first_entry = m_last_entry;
}

bool Store::Importer::has_rating(const std::string& uuid) {
    SQLite::Statement& query = m_store.cached("SELECT 1 FROM ratings WHERE uuid = ?");
    query.bind(1, uuid);
    return finds_row(query);
}

void Store::Importer::add_rating(const Rating& rating) {
    record_in_bulk();
    m_last_rating = m_store.add_rating(rating);
    if (m_first_rating == 0) m_first_rating = m_last_rating;
}

}  // namespace pie
