#pragma once

// The database: the only place with SQL (§1 "Database location", §2-§4 storage).
// One SQLite file, WAL journal, STRICT tables, migrations keyed on PRAGMA user_version, and a
// journal of every change that makes `pie undo` work for any command.

#include <pie/error.hpp>
#include <pie/goal.hpp>
#include <pie/nudge.hpp>
#include <pie/records.hpp>
#include <pie/review.hpp>
#include <pie/slice.hpp>
#include <pie/sync.hpp>
#include <pie/time.hpp>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// The store's SQLite types stay inside src/store/: commands never compile SQLiteCpp.
namespace SQLite {
class Database;
class Exception;
class Statement;
class Transaction;
}  // namespace SQLite

namespace pie {

// Which entries or ratings to read: [since, until), one slice or all, the last `limit` (0: all).
struct RecordQuery {
    std::optional<Instant> since;
    std::optional<Instant> until;
    std::optional<std::int64_t> slice_id;
    std::int64_t limit = 0;
};

// The schema version this build writes.
inline constexpr int k_schema_version = 7;

// PRAGMA application_id of a pie database ("pie!").
inline constexpr int k_application_id = 0x70696521;

class Store {
public:
    // Opens the database at `path` for writing, creating it (mode 0600) and its missing
    // directories (mode 0700) when needed, and migrating it to the current schema.
    static Store open_for_write(const std::filesystem::path& path);

    // Opens the database at `path` for reading. A missing file reads as a new, empty pie
    // (the default slices, no records) and nothing is created.
    static Store open_for_read(const std::filesystem::path& path);

    // What `pie nudge` (§11) decides on, read from the existing database at `path`: read-only,
    // never created, never migrated (an older schema reads without what it lacks), never waiting
    // on a writer (busy timeout 0); nullopt when the database is busy. Bounded: per slice the last
    // 90 days of its index, its latest entry and rating, its 7-day minutes; each weekly and
    // monthly goal's current period.
    static std::optional<NudgeFacts> nudge_facts(const std::filesystem::path& path, Instant now);

    // A database in memory, at schema `version` (for tests).
    static Store open_in_memory(int version = k_schema_version);

    Store(Store&&) noexcept;
    Store& operator=(Store&&) noexcept;
    ~Store();

    // The schema version of the open database.
    int schema_version();

    // Brings the schema up to `version` (current by default).
    void migrate(int version = k_schema_version);

    // A write: one IMMEDIATE transaction and one step of `pie undo`. Destroyed without
    // commit(), it rolls everything back.
    class Change {
    public:
        Change(Change&&) noexcept;
        ~Change();
        // Commits, remembering `summary` ("logged #42 social 45m ...") for `pie undo` to print.
        void commit(const std::string& summary);

    private:
        friend class Store;
        Change(Store& store, Instant now);
        Store& m_store;
        std::unique_ptr<SQLite::Transaction> m_transaction;
        std::int64_t m_id = 0;
        Instant m_now = 0;
    };

    // Starts a write at instant `now`. Every write goes through one: the journal triggers file
    // each row change under the latest change, so a write outside would join the previous one.
    Change change(Instant now);

    // Reverts the most recent change at instant `now` (the revert travels with sync as a change
    // made then) and returns its summary; nullopt when there is none.
    std::optional<std::string> undo(Instant now);

    // Whether any change was ever committed (a database that holds none may be discarded).
    bool has_changes();

    // Slices, in pie order, retired ones included.
    std::vector<Slice> slices();
    std::int64_t add_slice(const std::string& name, const std::string& label, Instant now);
    void rename_slice(std::int64_t id, const std::string& name, const std::string& label, Instant now);
    // Retires (retired_at given) or restores a slice at `now`, keeping the event in its history.
    void set_retired(std::int64_t id, std::optional<Instant> retired_at, Instant now);
    // Whether the slice was retired at instant `at` by its history (the latest event at or before
    // it); nullopt when it has no event then.
    std::optional<bool> retired_by_history(std::int64_t slice_id, Instant at);
    // A slice's retires and restores, in time order (events at the same instant in the order
    // they were added); and adding one (import merges two histories as their union).
    std::vector<SliceEvent> slice_history(std::int64_t slice_id);
    void add_slice_event(std::int64_t slice_id, const SliceEvent& event);
    std::vector<SliceActivity> slice_activity();

    // Entries.
    std::int64_t add_entry(const Entry& entry);
    std::optional<Entry> entry(std::int64_t id);
    // Gives entry `entry.id` the slice, time, minutes, note, tags and changed_at of `entry` (§9).
    void update_entry(const Entry& entry);
    // The entry with this UUID (import: the later change wins).
    std::optional<Entry> entry_by_uuid(const std::string& uuid);
    void delete_entry(std::int64_t id);
    // Oldest first; with a limit, the last `limit` of those matching.
    std::vector<Entry> entries(const RecordQuery& query);

    // Ratings.
    std::int64_t add_rating(const Rating& rating);
    std::vector<Rating> ratings(const RecordQuery& query);
    // The latest rating of a slice at or before `at`.
    std::optional<Rating> latest_rating(std::int64_t slice_id, Instant at);

    // For reports: the entries and minutes of a slice in [from, to); its latest entry before
    // `before`; the earliest and latest instant of any entry or rating (nullopt when none).
    Totals slice_totals(std::int64_t slice_id, Instant from, Instant to);
    std::optional<Instant> last_logged(std::int64_t slice_id, Instant before);
    std::optional<std::pair<Instant, Instant>> record_span();
    // The times of a slice's entries in [from, to), oldest first: one range of an index.
    std::vector<Instant> entry_times(std::int64_t slice_id, Instant from, Instant to);

    // For `pie calendar`: the entries and minutes of each day, day i being [starts[i], starts[i + 1]),
    // of the slices in `slice_ids` (every slice when empty). One pass over the time index.
    std::vector<Totals> day_totals(const std::vector<Instant>& starts, const std::vector<std::int64_t>& slice_ids);

    // Goals, oldest first: the active ones, or all.
    std::int64_t add_goal(const Goal& goal);
    std::vector<Goal> goals(bool include_inactive);
    std::optional<Goal> goal(std::int64_t id);
    void set_goal_state(std::int64_t id, GoalState state, Instant at);
    // What evaluate_goal needs for `goal` at instant `at`: a rating goal's ratings up to `at`, or a
    // recurring goal's `period_totals`, read one period at a time when asked (the facts must not
    // outlive the store); with `with_streak`, the streak kept for it (see keep_streaks).
    GoalFacts goal_lookups(const Goal& goal, Instant at, bool with_streak = true);

    // Goal pauses (§5): a goal's pauses, oldest first; a new one; ending the pause that covers
    // `at` (or starts after it) at `at`. Pauses merge as a union (import): add_goal_pause with a
    // start the goal has only gives an open pause the end `pause` has; it tells whether it wrote.
    std::vector<GoalPause> goal_pauses(std::int64_t goal_id);
    bool add_goal_pause(std::int64_t goal_id, const GoalPause& pause);
    void end_goal_pause(std::int64_t goal_id, Instant at);

    // Reviews (§11): a new one (a UUID is made when it has none); those in [since, until),
    // newest first; whether one with this UUID exists.
    std::int64_t add_review(const Review& review);
    std::vector<Review> reviews(std::optional<Instant> since = std::nullopt,
                                std::optional<Instant> until = std::nullopt);
    bool has_review(const std::string& uuid);

    // Moving data (§7). Slices and goals are few; entries and ratings go through an Importer and
    // come out through each_entry/each_rating, one at a time, so memory does not grow with them.

    // Appends an imported slice, with its own UUID, label and times, to the end of the pie.
    std::int64_t import_slice(const Slice& slice);
    // Gives slice `id` the name, label, retired_at and changed_at of `from`.
    void update_slice(std::int64_t id, const Slice& from);
    // The goal with this UUID.
    std::optional<Goal> goal_by_uuid(const std::string& uuid);
    // Gives goal `id` the title, state, done_at, dropped_at and changed_at of `from`.
    void update_goal(std::int64_t id, const Goal& from);

    // Entries or ratings in the query's [since, until) (slice and limit ignored), by time, then
    // slice name and content, then UUID: an order that does not depend on the ids one machine gave
    // them, nor (for rows that differ) on their UUIDs, which CSV does not carry.
    void each_entry(const RecordQuery& query, const std::function<void(const Entry&)>& visit);
    void each_rating(const RecordQuery& query, const std::function<void(const Rating&)>& visit);

    // Adds imported entries and ratings through statements prepared once (an import may hold
    // millions); use it inside a Change. The journal triggers do not record the rows it adds one
    // by one: their ids are contiguous (one IMMEDIATE transaction, ids max + 1), so finish()
    // records one revert statement per table for them all, and undoing an import is two DELETEs.
    class Importer {
    public:
        explicit Importer(Store& store) : m_store(store) {}
        // Switches row-by-row recording back on: call it before any other write of the change
        // (slices, goals), which the triggers must record.
        void record_each();
        // Entries whose UUIDs derive from all their content (CSV: the same UUID is the same
        // entry) into a pie without entries: staged, and written by finish() in UUID order
        // with the other indexes of entries built after them by sorting, so that a million rows
        // do not each land on a random page of the UUID index. Whether it stages (not in memory,
        // nor when entries exist: then has_entry and has_same_entry must see them).
        bool stage_entries();
        // Writes what was staged and records the revert of every entry and rating added; call it
        // before committing. Returns how many staged entries repeated one staged before (each
        // was counted as added; it is present).
        std::int64_t finish();
        bool has_entry(const std::string& uuid);
        // Whether an entry with the same slice, time, minutes, note and tags exists: any such
        // entry, or with `name_based_only` one whose UUID is name-based (version 5: it came from
        // a CSV or Timewarrior import).
        bool has_same_entry(const Entry& entry, bool name_based_only = false);
        void add_entry(const Entry& entry);
        bool has_rating(const std::string& uuid);
        void add_rating(const Rating& rating);

    private:
        void record_in_bulk();
        std::int64_t write_staged();
        Store& m_store;
        bool m_in_bulk = false;
        bool m_staging = false;
        std::int64_t m_first_entry = 0;  // the ids of the entries and ratings added; 0: none
        std::int64_t m_last_entry = 0;
        std::int64_t m_first_rating = 0;
        std::int64_t m_last_rating = 0;
    };
    Importer importer() { return Importer(*this); }

    // Sync (§12): this database's device id, the DIR of its last sync (empty: never synced), the
    // last change file it wrote and the nonce of its latest sync.
    struct SyncState {
        std::string device;
        std::string dir;
        std::int64_t out_seq = 0;
        std::string attempt;
    };
    SyncState sync_state();
    // How many changes here wait to go out.
    std::int64_t sync_pending_out();
    // Remembers, in a transaction of its own, the nonce of the sync about to write its file.
    void begin_sync_attempt(const std::string& attempt);
    // Per other device: the last of its change files applied here.
    std::map<std::string, std::int64_t> sync_applied();

    // One sync: one IMMEDIATE transaction in which nothing applied is journaled (a sync is no
    // step of undo) or captured (a device relays no one else's changes). Destroyed without
    // commit(), it rolls everything back.
    class Sync {
    public:
        explicit Sync(Store& store);
        Sync(Sync&&) noexcept;
        ~Sync();
        // Each change file is applied whole or not at all: a savepoint, kept or rolled back.
        void begin_file();
        void end_file(bool keep);
        // Applies one change of another device by the rules of §12: a later version wins, an entry
        // deleted stays deleted, same-named slices added on two devices merge.
        void apply(const SyncChange& change);
        // Notes that file `seq` of `device` was applied.
        void set_applied(const std::string& device, std::int64_t seq);
        // Visits every change of this device not yet written, slices first (with the slices the
        // other changes belong to), then goals, entries, ratings and reviews, and counts them as
        // written (once committed); returns how many. Slices added under one name merge first.
        std::int64_t each_outgoing(const std::function<void(const SyncChange&)>& visit);
        // Commits: the last file written is `out_seq`; `dir` is remembered.
        void commit(std::int64_t out_seq, const std::string& dir);

    private:
        void apply_slice(const SyncChange& change);
        void write_slice(std::int64_t id, const SyncChange& change);
        void delete_slice(const std::string& uuid);
        // Gives slices that took a unique name (another slice held theirs) their own name back
        // once it is free.
        void settle_names();
        void apply_record(const SyncChange& change);
        void write_goal(const SyncChange& change, std::int64_t slice_id);
        std::optional<SyncVersion> version(SyncKind kind, const std::string& uuid);
        void set_version(SyncKind kind, const std::string& uuid, const SyncVersion& version);
        std::optional<std::int64_t> slice_id(const std::string& uuid);
        // An id for a row added to `table` that no undo of this device will ever want back.
        std::int64_t next_id(const std::string& table);
        Store& m_store;
        std::unique_ptr<SQLite::Transaction> m_transaction;
        std::map<std::string, std::int64_t> m_next_ids;
        bool m_settled = false;  // slices merged and names settled since the last change applied
    };

    // The underlying connection (for tests).
    SQLite::Database& database();

private:
    explicit Store(std::unique_ptr<SQLite::Database> db, std::string path);
    // The statement of `sql`, prepared on first use and kept, reset for a new use: a report asks
    // the same few questions of every slice, and an import the same of every row.
    SQLite::Statement& cached(std::string_view sql);
    // Brings every goal's kept streak (table goal_streaks) up to the period containing `now`:
    // forward over the periods closed since it was kept, or from scratch where a trigger dropped
    // it. Each Change does it before committing, so reads rarely walk more than a few periods.
    void keep_streaks(Instant now);
    std::unique_ptr<SQLite::Database> m_db;
    std::string m_path;                     // as the user gave it, for messages
    int m_read_version = k_schema_version;  // an older schema read by nudge_facts or made by a test
    // Declared after m_db: finalized before the connection closes.
    struct SqlHash : std::hash<std::string_view> {
        using is_transparent = void;
    };
    std::unordered_map<std::string, std::unique_ptr<SQLite::Statement>, SqlHash, std::equal_to<>> m_statements;
};

// Throws the Error (exit 1) for a failed system call on `path` while `what` ("creating"), with errno's words.
[[noreturn]] void fail_io(const std::string& what, const std::filesystem::path& path);

// Creates the missing directories of `dir` (and `dir`), each mode 0700 whatever the umask (§1).
void create_private_dirs(const std::filesystem::path& dir);

// The Error (exit 1) for a failed SQLite call on the database at `path`, while `doing` ("opening",
// "writing"): SQLite's message with the path, said in plain words and with a hint for the failures
// a user can act on (a damaged file, an unwritable directory or file, a lock held too long).
Error database_error(const std::filesystem::path& path, const SQLite::Exception& e, std::string_view doing);

}  // namespace pie
