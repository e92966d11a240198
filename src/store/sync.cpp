// Sync (§12) in the store: this database's sync state, the one transaction of a sync, and the
// changes of this device that the next change file carries, read one at a time.

#include "internal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace pie {

using namespace store_internal;

Store::SyncState Store::sync_state() {
    SyncState state;
    SQLite::Statement select(*m_db, "SELECT device, coalesce(dir, ''), out_seq, coalesce(attempt, '') FROM sync_state");
    if (!select.executeStep()) throw Error("the database has no device id");
    state.device = select.getColumn(0).getString();
    state.dir = select.getColumn(1).getString();
    state.out_seq = select.getColumn(2).getInt64();
    state.attempt = select.getColumn(3).getString();
    return state;
}

std::int64_t Store::sync_pending_out() {
    return m_db->execAndGet("SELECT count(*) FROM sync_versions WHERE pending").getInt64();
}

void Store::begin_sync_attempt(const std::string& attempt) {
    SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement update(*m_db, "UPDATE sync_state SET attempt = ?");
    update.bind(1, attempt);
    update.exec();
    transaction.commit();
}

std::map<std::string, std::int64_t> Store::sync_applied() {
    std::map<std::string, std::int64_t> applied;
    SQLite::Statement select(*m_db, "SELECT device, applied FROM sync_peers");
    while (select.executeStep()) applied[select.getColumn(0).getString()] = select.getColumn(1).getInt64();
    return applied;
}

Store::Sync::Sync(Store& store)
    : m_store(store),
      m_transaction(std::make_unique<SQLite::Transaction>(*store.m_db, SQLite::TransactionBehavior::IMMEDIATE)) {
    m_store.m_db->exec("UPDATE journal_state SET recording = 0");
    set_capturing(*m_store.m_db, false);
    // Within the 10 MiB budget (docs/PERFORMANCE.md), whatever the size of the data: a first sync
    // reads each record once and applying a snapshot writes each once, so a quarter of SQLite's
    // default page cache costs them little (the operating system caches the file's pages).
    m_store.m_db->exec("PRAGMA main.cache_size = -512");
}

Store::Sync::Sync(Sync&&) noexcept = default;
Store::Sync::~Sync() = default;

void Store::Sync::begin_file() { m_store.m_db->exec("SAVEPOINT sync_file"); }

void Store::Sync::end_file(bool keep) {
    if (!keep) {
        m_store.m_db->exec("ROLLBACK TO sync_file");
        m_next_ids.clear();
    }
    m_store.m_db->exec("RELEASE sync_file");
}

void Store::Sync::set_applied(const std::string& device, std::int64_t seq) {
    SQLite::Statement upsert(*m_store.m_db,
                             "INSERT INTO sync_peers(device, applied) VALUES (?1, ?2) "
                             "ON CONFLICT(device) DO UPDATE SET applied = ?2");
    upsert.bind(1, device);
    upsert.bind(2, seq);
    upsert.exec();
}

void Store::Sync::commit(std::int64_t out_seq, const std::string& dir) {
    if (!m_settled) {
        merge_twins(*m_store.m_db);
        settle_names();
    }
    SQLite::Statement update(*m_store.m_db, "UPDATE sync_state SET out_seq = ?, dir = ?, capturing = 1");
    update.bind(1, out_seq);
    update.bind(2, dir);
    update.exec();
    m_store.m_db->exec("UPDATE journal_state SET recording = 1");
    m_transaction->commit();
}

namespace {

// The version columns that follow a record's columns in the outgoing queries: gen, at, device,
// the record's uuid (also for a deleted one) and its slice's uuid.
constexpr std::string_view k_version_columns = "v.gen, v.at, v.device, v.uuid";

// Up to this many pending versions are found through their index; more (a first sync, a sync
// after a big import) by reading the versions in key order, which skips the index's lookups.
constexpr std::int64_t k_few_pending = 2000;
// Many pending versions of up to this many changes here are read in one pass over the versions
// per change (in key order: nothing to sort); with more changes, in the order of their rows.
constexpr std::size_t k_passes = 8;

// How the pending versions are read: `INDEXED BY` or `NOT INDEXED` (the primary key's order).
std::string_view pending_access(bool few) { return few ? "INDEXED BY sync_versions_pending" : "NOT INDEXED"; }

// A pending version of `kind` joined with its row of `table` aliased `t` (absent: deleted), in
// the order of their last change here: a device that applies them numbers its rows the same way.
// `by_stamp`: only those of one change here (?1), in UUID order.
std::string pending_rows(std::string_view columns, std::string_view kind, std::string_view table, std::string_view t,
                         std::string_view access, bool by_stamp) {
    return fmt::format(
        "SELECT {0}, {1}, s.uuid FROM sync_versions v {5} LEFT JOIN {3} {4} ON {4}.uuid = v.uuid "
        "LEFT JOIN slices s ON s.id = {4}.slice_id WHERE v.pending AND v.kind = '{2}' {6}",
        columns, k_version_columns, kind, table, t, access,
        by_stamp ? "AND v.stamp = ?1 ORDER BY v.uuid" : "ORDER BY v.stamp, v.uuid");
}

// The rows of `table` with a pending version of `kind`, in the order of their ids here (a device
// that applies them numbers its rows the same way): read in that order, nothing to sort (a sort
// of a million versions holds 1 MiB or more in memory even as it spills to files).
std::string pending_by_row(std::string_view columns, std::string_view kind, std::string_view table,
                           std::string_view t) {
    return fmt::format(
        "SELECT {0}, {1}, s.uuid FROM {3} {4} CROSS JOIN sync_versions v ON v.kind = '{2}' AND v.uuid = {4}.uuid "
        "LEFT JOIN slices s ON s.id = {4}.slice_id WHERE v.pending ORDER BY {4}.id",
        columns, k_version_columns, kind, table, t);
}

// The pending versions of `kind` whose row in `table` is gone, in key order.
std::string pending_deleted(std::string_view columns, std::string_view kind, std::string_view table,
                            std::string_view t) {
    return fmt::format(
        "SELECT {0}, {1}, NULL FROM sync_versions v NOT INDEXED LEFT JOIN {3} {4} ON {4}.uuid = v.uuid "
        "LEFT JOIN slices s ON s.id = {4}.slice_id WHERE v.pending AND v.kind = '{2}' AND {4}.id IS NULL",
        columns, k_version_columns, kind, table, t);
}

// The changes here (stamps) that pending versions of `kind` come from, in order, up to one more
// than k_passes (sorted here: SQLite would sort every version for the ORDER BY).
std::vector<std::int64_t> pending_stamps(SQLite::Database& db, std::string_view kind) {
    SQLite::Statement select(
        db, fmt::format("SELECT DISTINCT stamp FROM sync_versions NOT INDEXED WHERE kind = '{}' AND pending", kind));
    std::vector<std::int64_t> stamps;
    while (stamps.size() <= k_passes && select.executeStep()) stamps.push_back(select.getColumn(0).getInt64());
    std::sort(stamps.begin(), stamps.end());
    return stamps;
}

// The head of a change from the version columns starting at `column`.
SyncChange change_head(SQLite::Statement& row, int column, SyncKind kind) {
    SyncChange change;
    change.kind = kind;
    change.version = {row.getColumn(column).getInt64(), row.getColumn(column + 1).getInt64(),
                      row.getColumn(column + 2).getString()};
    change.uuid = row.getColumn(column + 3).getString();
    change.deleted = row.getColumn(0).isNull();
    if (!change.deleted && !row.getColumn(column + 4).isNull())
        change.slice_uuid = row.getColumn(column + 4).getString();
    return change;
}

// Slices that changed here, and those the other outgoing changes belong to (so a device that
// hears of a record before its slice's own device can place it).
std::string outgoing_slices(std::string_view access) {
    return fmt::format(R"sql(
SELECT s.id, v.gen, v.at, v.device, v.uuid, coalesce(ss.wanted, s.name), s.label, s.added_at, s.retired_at, s.changed_at, ss.born
FROM sync_versions v LEFT JOIN slices s ON s.uuid = v.uuid LEFT JOIN sync_slices ss ON ss.uuid = v.uuid
WHERE v.kind = 'slice' AND (v.pending OR v.uuid IN (SELECT uuid FROM slices WHERE id IN (
    SELECT t.slice_id FROM sync_versions p {0} JOIN entries t ON t.uuid = p.uuid WHERE p.pending AND p.kind = 'entry'
    UNION SELECT t.slice_id FROM sync_versions p {0} JOIN ratings t ON t.uuid = p.uuid WHERE p.pending AND p.kind = 'rating'
    UNION SELECT t.slice_id FROM sync_versions p {0} JOIN goals t ON t.uuid = p.uuid WHERE p.pending AND p.kind = 'goal')))
  AND NOT EXISTS (SELECT 1 FROM sync_slices m WHERE m.uuid = v.uuid AND m.merged_into IS NOT NULL)
ORDER BY v.stamp, v.uuid
)sql",
                       access);
}

}  // namespace

std::int64_t Store::Sync::each_outgoing(const std::function<void(const SyncChange&)>& visit) {
    SQLite::Database& db = *m_store.m_db;
    merge_twins(db);  // what goes out names the slices that stay
    settle_names();
    m_settled = true;
    bool few = db.execAndGet(fmt::format("SELECT count(*) FROM (SELECT 1 FROM sync_versions WHERE pending LIMIT {})",
                                         k_few_pending + 1))
                   .getInt64() <= k_few_pending;
    // A few pending: the queries of kinds with none are not even prepared (preparing, with the
    // schema's triggers, is much of an incremental sync's work).
    std::set<std::string, std::less<>> kinds;
    if (few) {
        SQLite::Statement select(db,
                                 "SELECT DISTINCT kind FROM sync_versions INDEXED BY sync_versions_pending "
                                 "WHERE pending");
        while (select.executeStep()) kinds.insert(select.getColumn(0).getString());
        if (kinds.empty()) return 0;
    }
    auto goes_out = [&](SyncKind kind) { return !few || kinds.contains(sync_kind_name(kind)); };
    std::string_view access = pending_access(few);
    std::int64_t count = 0;
    {
        SQLite::Statement slices(db, outgoing_slices(access));
        while (slices.executeStep()) {
            SyncChange change;
            change.kind = SyncKind::slice;
            change.version = {slices.getColumn(1).getInt64(), slices.getColumn(2).getInt64(),
                              slices.getColumn(3).getString()};
            change.uuid = slices.getColumn(4).getString();
            change.deleted = slices.getColumn(0).isNull();
            if (!change.deleted) {
                Slice& slice = change.slice;
                slice.id = slices.getColumn(0).getInt64();
                slice.uuid = change.uuid;
                slice.name = slices.getColumn(5).getString();
                slice.label = slices.getColumn(6).getString();
                slice.added_at = slices.getColumn(7).getInt64();
                slice.retired_at = column_optional<Instant>(slices, 8);
                slice.changed_at = slices.getColumn(9).getInt64();
                change.added_as = column_optional<std::string>(slices, 10);
                change.history = m_store.slice_history(slice.id);
            }
            visit(change);
            ++count;
        }
    }
    // Goals, entries and ratings: the record's columns, then the version's.
    auto each = [&](std::string_view columns, SyncKind kind, std::string_view table, std::string_view t, int column,
                    const std::function<void(SQLite::Statement&, SyncChange&)>& read) {
        if (!goes_out(kind)) return;
        auto visit_rows = [&](SQLite::Statement& rows) {
            std::int64_t visited = 0;
            while (rows.executeStep()) {
                SyncChange change = change_head(rows, column, kind);
                if (!change.deleted) read(rows, change);
                visit(change);
                ++visited;
            }
            rows.reset();
            count += visited;
            return visited;
        };
        std::vector<std::int64_t> stamps;
        if (!few) stamps = pending_stamps(db, sync_kind_name(kind));
        if (!few && stamps.size() > k_passes) {
            SQLite::Statement rows(db, pending_by_row(columns, sync_kind_name(kind), table, t));
            std::int64_t live = visit_rows(rows);
            SQLite::Statement pending(db, fmt::format("SELECT count(*) FROM sync_versions NOT INDEXED "
                                                      "WHERE kind = '{}' AND pending",
                                                      sync_kind_name(kind)));
            if (pending.executeStep() && pending.getColumn(0).getInt64() > live) {
                SQLite::Statement deleted(db, pending_deleted(columns, sync_kind_name(kind), table, t));
                visit_rows(deleted);
            }
            return;
        }
        bool by_stamp = !few;
        SQLite::Statement rows(db, pending_rows(columns, sync_kind_name(kind), table, t, access, by_stamp));
        for (std::size_t pass = 0; pass < (by_stamp ? stamps.size() : 1); ++pass) {
            if (by_stamp) rows.bind(1, stamps[pass]);
            visit_rows(rows);
        }
    };
    each(k_goal_columns, SyncKind::goal, "goals", "g", 16, [&](SQLite::Statement& row, SyncChange& change) {
        change.goal = read_goal(row);
        change.pauses = m_store.goal_pauses(change.goal.id);
    });
    each(k_entry_columns, SyncKind::entry, "entries", "e", 9,
         [](SQLite::Statement& row, SyncChange& change) { change.entry = read_entry(row); });
    each(k_rating_columns, SyncKind::rating, "ratings", "r", 7,
         [](SQLite::Statement& row, SyncChange& change) { change.rating = read_rating(row); });
    if (goes_out(SyncKind::review)) {
        // A review belongs to no slice: NULL where the others have their slice's UUID.
        SQLite::Statement reviews(db, fmt::format("SELECT r.id, r.at, r.intention, {}, NULL FROM sync_versions v {} "
                                                  "LEFT JOIN reviews r ON r.uuid = v.uuid "
                                                  "WHERE v.pending AND v.kind = 'review' ORDER BY v.stamp, v.uuid",
                                                  k_version_columns, access));
        while (reviews.executeStep()) {
            SyncChange change = change_head(reviews, 3, SyncKind::review);
            if (!change.deleted) {
                change.review = {reviews.getColumn(0).getInt64(), change.uuid, reviews.getColumn(1).getInt64(),
                                 column_optional<std::string>(reviews, 2)};
            }
            visit(change);
            ++count;
        }
    }
    // Written once the sync commits: nothing becomes pending while it runs (capture is off).
    // OR FAIL: setting 0 cannot fail, and SQLite then keeps no statement journal (a copy of every
    // page changed: 170 MiB in memory for a million versions). Many: over the table, not the
    // index, whose keys SQLite would first collect (64 MiB).
    db.exec(few ? "UPDATE OR FAIL sync_versions SET pending = 0 WHERE pending"
                : "UPDATE OR FAIL sync_versions SET pending = 0 WHERE +pending");
    return count;
}

}  // namespace pie
