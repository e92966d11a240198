#include <pie/store.hpp>

#include <pie/error.hpp>
#include <pie/text.hpp>

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <type_traits>
#include <limits>
#include <memory>
#include <sstream>
#include <string_view>
#include <thread>

namespace pie {

namespace fs = std::filesystem;

namespace {

// Long enough for a second writer to wait out the first; the contract asks for at least 5 s.
constexpr int k_busy_timeout_ms = 10000;

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
        table, when, record, fmt::join(columns, ", "), quoted_list("old"),
        fmt::join(assignments, " || ', ' || "));
}

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
    db.exec(journal_triggers("slices", {"id", "uuid", "name", "label", "position", "added_at", "retired_at",
                                        "changed_at"}));
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
    db.exec(journal_triggers("goals", {"id", "uuid", "slice_id", "title", "kind", "every", "times", "minutes",
                                       "match", "rating", "state", "created_at", "done_at", "dropped_at",
                                       "changed_at"}));
}

// Migration i brings a database from schema version i to i + 1.
using Migration = void (*)(SQLite::Database&);
constexpr std::array<Migration, k_schema_version> k_migrations = {migrate_to_1, migrate_to_2};

// fold(TEXT): Unicode case folding for --match, which SQLite's lower() does only for A-Z.
void fold_function(sqlite3_context* context, int, sqlite3_value** argv) {
    const unsigned char* text = sqlite3_value_text(argv[0]);
    if (!text) {
        sqlite3_result_null(context);
        return;
    }
    std::string folded = fold_case(reinterpret_cast<const char*>(text));
    sqlite3_result_text(context, folded.c_str(), static_cast<int>(folded.size()), SQLITE_TRANSIENT);
}

void configure(SQLite::Database& db) {
    db.setBusyTimeout(k_busy_timeout_ms);
    db.exec("PRAGMA foreign_keys = ON");
    // Sorts and temporary indexes stay in memory: no temporary file in /var/tmp or elsewhere
    // outside the database's own directory ever holds personal data.
    db.exec("PRAGMA temp_store = MEMORY");
    sqlite3_create_function_v2(db.getHandle(), "pie_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                               fold_function, nullptr, nullptr, nullptr);
}

// A configured connection to the database file at `path`.
std::unique_ptr<SQLite::Database> connect(const fs::path& path, int flags) {
    try {
        auto db = std::make_unique<SQLite::Database>(path.string(), flags);
        configure(*db);
        return db;
    } catch (const SQLite::Exception& e) {
        throw database_error(path, e, "opening");
    }
}

// Throws Error when the file at `path` is shorter than the pages SQLite counts in it, or not a
// whole number of pages: cut short (a failed copy, a full disk). SQLite itself would read the
// missing bytes as zeros, and a write would then build on the damage. Checked only while the
// -wal file is empty: a database whose latest pages still sit in the WAL is shorter by right.
void require_whole_file(SQLite::Database& db, const std::string& path) {
    struct stat wal {};
    if (::stat((path + "-wal").c_str(), &wal) == 0 && wal.st_size > 0) return;
    std::int64_t pages = db.execAndGet("PRAGMA page_count").getInt64();
    std::int64_t page_size = db.execAndGet("PRAGMA page_size").getInt64();
    struct stat file {};
    if (::stat(path.c_str(), &file) != 0 || page_size <= 0) return;
    if (file.st_size < pages * page_size || file.st_size % page_size != 0) {
        throw Error(fmt::format("opening {}: the file is damaged (cut short: {} bytes where its {} pages need {})",
                                path, file.st_size, pages, pages * page_size),
                    fmt::format("restore it from a backup; 'sqlite3 {} .recover' may save what is left", path));
    }
}

struct Identity {
    int application_id = 0;
    int user_version = 0;
    int objects = 0;
};

// Reads who the file belongs to, without writing to it. Throws Error for a file that is not
// SQLite, belongs to another application, or was written by a newer pie.
Identity check_identity(SQLite::Database& db, const std::string& path) {
    Identity id;
    try {
        // One statement, so one snapshot: another process may be setting up a new pie meanwhile.
        SQLite::Statement query(db, "SELECT (SELECT application_id FROM pragma_application_id), "
                                    "(SELECT user_version FROM pragma_user_version), "
                                    "(SELECT count(*) FROM sqlite_master)");
        query.executeStep();
        id.application_id = query.getColumn(0).getInt();
        id.user_version = query.getColumn(1).getInt();
        id.objects = query.getColumn(2).getInt();
        require_whole_file(db, path);
    } catch (const SQLite::Exception& e) {
        throw database_error(path, e, "opening");
    }
    bool empty = id.application_id == 0 && id.user_version == 0 && id.objects == 0;
    if (!empty && id.application_id != k_application_id) {
        throw Error(fmt::format("opening {}: not a pie database (it belongs to another application)", path),
                    "is --db or PIE_DB pointing at the right file?");
    }
    if (id.user_version > k_schema_version) {
        throw Error(fmt::format("opening {}: written by a newer pie (schema {}; this pie knows up to {})", path,
                                id.user_version, k_schema_version),
                    "install a newer pie to use this database");
    }
    return id;
}

// Runs `step` again while SQLite says the database is busy, up to the busy timeout. Setting up a
// new pie needs this: two processes that both found the file empty race to switch it to WAL and
// create the schema, and SQLite returns SQLITE_BUSY at once (without waiting) to the one that
// would otherwise deadlock. Both steps are safe to repeat.
template <typename Step>
void retry_while_busy(Step step) {
    auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(k_busy_timeout_ms);
    for (;;) {
        try {
            step();
            return;
        } catch (const SQLite::Exception& e) {
            if ((e.getErrorCode() & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() > deadline) throw;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

[[noreturn]] void fail_io(const std::string& what, const fs::path& path) {
    throw Error(fmt::format("{} {}: {}", what, path.string(), std::strerror(errno)));
}

// Creates the missing directories of `dir`, each mode 0700 whatever the umask.
void create_private_dirs(const fs::path& dir) {
    if (dir.empty()) return;
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0) {
        if (!S_ISDIR(st.st_mode)) throw Error(fmt::format("creating {}: not a directory", dir.string()));
        return;
    }
    create_private_dirs(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) fail_io("creating", dir);
    if (::chmod(dir.c_str(), 0700) != 0) fail_io("creating", dir);
}

// Creates an empty database file, mode 0600 whatever the umask; false when it already existed.
bool create_private_file(const fs::path& path) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (errno == EEXIST) return false;
        fail_io("creating", path);
    }
    int status = ::fchmod(fd, 0600);
    ::close(fd);
    if (status != 0) fail_io("creating", path);
    return true;
}

void require_not_directory(const fs::path& path) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        throw Error(fmt::format("opening {}: is a directory, not a database file", path.string()),
                    "point --db or PIE_DB at a file");
    }
}

std::string join_tags(const std::vector<std::string>& tags) { return fmt::format("{}", fmt::join(tags, " ")); }

std::vector<std::string> split_tags(const std::string& text) {
    std::vector<std::string> tags;
    std::istringstream in(text);
    for (std::string tag; in >> tag;) tags.push_back(tag);
    return tags;
}

// Appends the WHERE clause of a RecordQuery on table alias `t`; binds in order since, until, slice.
std::string where_clause(const RecordQuery& query, std::string_view t) {
    std::string sql = fmt::format(" WHERE {0}.at >= ?1 AND {0}.at < ?2", t);
    if (query.slice_id) sql += fmt::format(" AND {}.slice_id = ?3", t);
    return sql;
}

void bind_query(SQLite::Statement& statement, const RecordQuery& query) {
    statement.bind(1, static_cast<std::int64_t>(query.since.value_or(std::numeric_limits<Instant>::min())));
    statement.bind(2, static_cast<std::int64_t>(query.until.value_or(std::numeric_limits<Instant>::max())));
    if (query.slice_id) statement.bind(3, *query.slice_id);
}

Entry read_entry(SQLite::Statement& row) {
    Entry entry;
    entry.id = row.getColumn(0).getInt64();
    entry.uuid = row.getColumn(1).getString();
    entry.slice_id = row.getColumn(2).getInt64();
    entry.slice = row.getColumn(3).getString();
    entry.at = row.getColumn(4).getInt64();
    if (!row.getColumn(5).isNull()) entry.minutes = row.getColumn(5).getInt();
    entry.note = row.getColumn(6).getString();
    entry.tags = split_tags(row.getColumn(7).getString());
    return entry;
}

Rating read_rating(SQLite::Statement& row) {
    Rating rating;
    rating.id = row.getColumn(0).getInt64();
    rating.uuid = row.getColumn(1).getString();
    rating.slice_id = row.getColumn(2).getInt64();
    rating.slice = row.getColumn(3).getString();
    rating.at = row.getColumn(4).getInt64();
    rating.score = row.getColumn(5).getInt();
    rating.note = row.getColumn(6).getString();
    return rating;
}

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

constexpr std::string_view k_goal_columns =
    "g.id, g.uuid, g.slice_id, s.name, g.title, g.kind, g.every, g.times, g.minutes, g.match, g.rating, g.state, "
    "g.created_at, g.done_at, g.dropped_at, g.changed_at";

Goal read_goal(SQLite::Statement& row) {
    Goal goal;
    goal.id = row.getColumn(0).getInt64();
    goal.uuid = row.getColumn(1).getString();
    goal.slice_id = row.getColumn(2).getInt64();
    goal.slice = row.getColumn(3).getString();
    goal.title = row.getColumn(4).getString();
    goal.kind = parse_goal_kind(row.getColumn(5).getString()).value_or(GoalKind::one_off);
    if (auto every = column_optional<std::string>(row, 6)) goal.every = parse_period_kind(*every);
    goal.times = column_optional<int>(row, 7);
    goal.minutes = column_optional<int>(row, 8);
    goal.match = column_optional<std::string>(row, 9);
    goal.rating = column_optional<int>(row, 10);
    goal.state = parse_goal_state(row.getColumn(11).getString()).value_or(GoalState::active);
    goal.created_at = row.getColumn(12).getInt64();
    goal.done_at = column_optional<Instant>(row, 13);
    goal.dropped_at = column_optional<Instant>(row, 14);
    goal.changed_at = row.getColumn(15).getInt64();
    return goal;
}

// SQLite's 'localtime' uses the C library's, so these name the same local periods as period.hpp.
std::string_view period_start_modifiers(PeriodKind kind) {
    switch (kind) {
        case PeriodKind::day: return "";
        case PeriodKind::week: return ", 'weekday 0', '-6 days'";
        case PeriodKind::month: return ", 'start of month'";
    }
    return "";
}

Date parse_iso_date(const std::string& text) {
    int y = 0;
    unsigned m = 0, d = 0;
    std::sscanf(text.c_str(), "%d-%u-%u", &y, &m, &d);
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// An entry counts toward a goal with --match when its note contains the text, or a tag is the
// text (a text with a space is no tag); the text is ?4.
constexpr std::string_view k_match_clause =
    " AND (instr(pie_fold(note), pie_fold(?4)) > 0 OR (instr(?4, ' ') = 0 "
    "AND instr(' ' || pie_fold(tags) || ' ', ' ' || pie_fold(?4) || ' ') > 0))";

constexpr std::string_view k_entry_columns = "e.id, e.uuid, e.slice_id, s.name, e.at, e.minutes, e.note, e.tags";
constexpr std::string_view k_rating_columns = "r.id, r.uuid, r.slice_id, s.name, r.at, r.score, r.note";

}  // namespace

Store::Store(std::unique_ptr<SQLite::Database> db, std::string path) : m_db(std::move(db)), m_path(std::move(path)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

SQLite::Statement& Store::cached(const char* sql) {
    std::unique_ptr<SQLite::Statement>& statement = m_statements[sql];
    if (!statement) {
        statement = std::make_unique<SQLite::Statement>(*m_db, sql);
    } else {
        statement->reset();
        statement->clearBindings();
    }
    return *statement;
}

Store Store::open_for_write(const fs::path& path) {
    require_not_directory(path);
    create_private_dirs(path.parent_path());
    create_private_file(path);
    auto db = connect(path, SQLite::OPEN_READWRITE);
    Identity id = check_identity(*db, path.string());
    if (id.user_version == 0) {
        // A new pie, maybe in an empty file someone else made: private all the same.
        if (::chmod(path.c_str(), 0600) != 0) fail_io("creating", path);
        retry_while_busy([&] { db->exec("PRAGMA journal_mode = WAL"); });  // persistent: set once, when new
    }
    Store store(std::move(db), path.string());
    if (id.user_version < k_schema_version) retry_while_busy([&] { store.migrate(); });
    return store;
}

Store Store::open_for_read(const fs::path& path) {
    require_not_directory(path);
    std::error_code ec;
    if (!fs::exists(path, ec)) return open_in_memory();
    auto db = connect(path, SQLite::OPEN_READONLY);
    Identity id = check_identity(*db, path.string());
    if (id.user_version == 0) return open_in_memory();          // an empty file: a new pie
    if (id.user_version < k_schema_version) return open_for_write(path);  // an older pie's: upgrade it
    return Store(std::move(db), path.string());
}

Store Store::open_in_memory(int version) {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    configure(*db);
    Store store(std::move(db), ":memory:");
    store.migrate(version);
    return store;
}

int Store::schema_version() { return m_db->execAndGet("PRAGMA user_version").getInt(); }

void Store::migrate(int version) {
    SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    // Read again inside the transaction: another process may have migrated meanwhile.
    for (int from = schema_version(); from < version; ++from) k_migrations.at(static_cast<std::size_t>(from))(*m_db);
    m_db->exec(fmt::format("PRAGMA application_id = {}", k_application_id));
    if (schema_version() < version) m_db->exec(fmt::format("PRAGMA user_version = {}", version));
    transaction.commit();
}

Store::Change::Change(Store& store, Instant now)
    : m_store(store), m_transaction(*store.m_db, SQLite::TransactionBehavior::IMMEDIATE) {
    SQLite::Statement insert(*m_store.m_db, "INSERT INTO journal(at, summary) VALUES (?, '')");
    insert.bind(1, static_cast<std::int64_t>(now));
    insert.exec();
    m_id = m_store.m_db->getLastInsertRowid();
}

void Store::Change::commit(const std::string& summary) {
    SQLite::Statement update(*m_store.m_db, "UPDATE journal SET summary = ? WHERE id = ?");
    update.bind(1, summary);
    update.bind(2, m_id);
    update.exec();
    m_transaction.commit();
}

Store::Change Store::change(Instant now) { return Change(*this, now); }

std::optional<std::string> Store::undo() {
    SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement last(*m_db, "SELECT id, summary FROM journal ORDER BY id DESC LIMIT 1");
    if (!last.executeStep()) return std::nullopt;
    std::int64_t id = last.getColumn(0).getInt64();
    std::string summary = last.getColumn(1).getString();
    last.reset();

    // One statement at a time, straight from the cursor: an import may have left millions.
    m_db->exec("UPDATE journal_state SET recording = 0");
    SQLite::Statement ops(*m_db, "SELECT statement FROM journal_ops WHERE change_id = ? ORDER BY id DESC");
    ops.bind(1, id);
    while (ops.executeStep()) m_db->exec(ops.getColumn(0).getText());
    ops.reset();
    m_db->exec("UPDATE journal_state SET recording = 1");
    SQLite::Statement forget(*m_db, "DELETE FROM journal WHERE id = ?");
    forget.bind(1, id);
    forget.exec();
    transaction.commit();
    return summary;
}

std::vector<Slice> Store::slices() {
    SQLite::Statement query(*m_db,
                            "SELECT id, uuid, name, label, added_at, retired_at, changed_at FROM slices "
                            "ORDER BY position, id");
    std::vector<Slice> slices;
    while (query.executeStep()) {
        Slice slice;
        slice.id = query.getColumn(0).getInt64();
        slice.uuid = query.getColumn(1).getString();
        slice.name = query.getColumn(2).getString();
        slice.label = query.getColumn(3).getString();
        slice.added_at = query.getColumn(4).getInt64();
        if (!query.getColumn(5).isNull()) slice.retired_at = query.getColumn(5).getInt64();
        slice.changed_at = query.getColumn(6).getInt64();
        slices.push_back(std::move(slice));
    }
    return slices;
}

std::int64_t Store::add_slice(const std::string& name, const std::string& label, Instant now) {
    SQLite::Statement insert(*m_db,
                             "INSERT INTO slices(uuid, name, label, position, added_at, changed_at) "
                             "VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), 0) + 1 FROM slices), ?4, ?4)");
    insert.bind(1, new_uuid());
    insert.bind(2, name);
    insert.bind(3, label);
    insert.bind(4, static_cast<std::int64_t>(now));
    insert.exec();
    return m_db->getLastInsertRowid();
}

void Store::rename_slice(std::int64_t id, const std::string& name, const std::string& label, Instant now) {
    SQLite::Statement update(*m_db, "UPDATE slices SET name = ?, label = ?, changed_at = ? WHERE id = ?");
    update.bind(1, name);
    update.bind(2, label);
    update.bind(3, static_cast<std::int64_t>(now));
    update.bind(4, id);
    update.exec();
}

void Store::set_retired(std::int64_t id, std::optional<Instant> retired_at, Instant now) {
    SQLite::Statement update(*m_db, "UPDATE slices SET retired_at = ?, changed_at = ? WHERE id = ?");
    if (retired_at) {
        update.bind(1, static_cast<std::int64_t>(*retired_at));
    } else {
        update.bind(1);
    }
    update.bind(2, static_cast<std::int64_t>(now));
    update.bind(3, id);
    update.exec();
}

std::vector<SliceActivity> Store::slice_activity() {
    SQLite::Statement query(*m_db, "SELECT slice_id, count(*), max(at) FROM entries GROUP BY slice_id");
    std::vector<SliceActivity> activity;
    while (query.executeStep()) {
        activity.push_back({query.getColumn(0).getInt64(), query.getColumn(1).getInt64(),
                            query.getColumn(2).getInt64()});
    }
    return activity;
}

std::int64_t Store::add_entry(const Entry& entry) {
    SQLite::Statement insert(*m_db,
                             "INSERT INTO entries(uuid, slice_id, at, minutes, note, tags) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, entry.uuid.empty() ? new_uuid() : entry.uuid);
    insert.bind(2, entry.slice_id);
    insert.bind(3, static_cast<std::int64_t>(entry.at));
    if (entry.minutes) {
        insert.bind(4, *entry.minutes);
    } else {
        insert.bind(4);
    }
    insert.bind(5, entry.note);
    insert.bind(6, join_tags(entry.tags));
    insert.exec();
    return m_db->getLastInsertRowid();
}

std::optional<Entry> Store::entry(std::int64_t id) {
    SQLite::Statement query(
        *m_db, fmt::format("SELECT {} FROM entries e JOIN slices s ON s.id = e.slice_id WHERE e.id = ?", k_entry_columns));
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return read_entry(query);
}

void Store::delete_entry(std::int64_t id) {
    SQLite::Statement remove(*m_db, "DELETE FROM entries WHERE id = ?");
    remove.bind(1, id);
    remove.exec();
}

std::vector<Entry> Store::entries(const RecordQuery& query) {
    SQLite::Statement select(*m_db, fmt::format("SELECT {} FROM entries e JOIN slices s ON s.id = e.slice_id{} "
                                                "ORDER BY e.at DESC, e.id DESC LIMIT ?4",
                                                k_entry_columns, where_clause(query, "e")));
    bind_query(select, query);
    select.bind(4, query.limit > 0 ? query.limit : std::int64_t{-1});
    std::vector<Entry> entries;
    while (select.executeStep()) entries.push_back(read_entry(select));
    std::reverse(entries.begin(), entries.end());
    return entries;
}

std::int64_t Store::add_rating(const Rating& rating) {
    SQLite::Statement insert(*m_db, "INSERT INTO ratings(uuid, slice_id, at, score, note) VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, rating.uuid.empty() ? new_uuid() : rating.uuid);
    insert.bind(2, rating.slice_id);
    insert.bind(3, static_cast<std::int64_t>(rating.at));
    insert.bind(4, rating.score);
    insert.bind(5, rating.note);
    insert.exec();
    return m_db->getLastInsertRowid();
}

std::vector<Rating> Store::ratings(const RecordQuery& query) {
    SQLite::Statement select(*m_db, fmt::format("SELECT {} FROM ratings r JOIN slices s ON s.id = r.slice_id{} "
                                                "ORDER BY r.at DESC, r.id DESC LIMIT ?4",
                                                k_rating_columns, where_clause(query, "r")));
    bind_query(select, query);
    select.bind(4, query.limit > 0 ? query.limit : std::int64_t{-1});
    std::vector<Rating> ratings;
    while (select.executeStep()) ratings.push_back(read_rating(select));
    std::reverse(ratings.begin(), ratings.end());
    return ratings;
}

std::optional<Rating> Store::latest_rating(std::int64_t slice_id, Instant at) {
    SQLite::Statement& select = cached(
        "SELECT r.id, r.uuid, r.slice_id, s.name, r.at, r.score, r.note FROM ratings r JOIN slices s ON s.id = r.slice_id "
        "WHERE r.slice_id = ? AND r.at <= ? ORDER BY r.at DESC, r.id DESC LIMIT 1");
    select.bind(1, slice_id);
    select.bind(2, static_cast<std::int64_t>(at));
    if (!select.executeStep()) return std::nullopt;
    Rating rating = read_rating(select);
    select.reset();  // ends the read: a kept statement must not hold the snapshot
    return rating;
}

Totals Store::slice_totals(std::int64_t slice_id, Instant from, Instant to) {
    // A range of the (slice_id, at, minutes) index: no table row is read.
    SQLite::Statement& select = cached("SELECT count(*), coalesce(sum(minutes), 0) FROM entries "
                                       "WHERE slice_id = ? AND at >= ? AND at < ?");
    select.bind(1, slice_id);
    select.bind(2, static_cast<std::int64_t>(from));
    select.bind(3, static_cast<std::int64_t>(to));
    select.executeStep();
    Totals totals{select.getColumn(0).getInt64(), select.getColumn(1).getInt64()};
    select.reset();
    return totals;
}

std::optional<Instant> Store::last_logged(std::int64_t slice_id, Instant before) {
    SQLite::Statement& select = cached("SELECT max(at) FROM entries WHERE slice_id = ? AND at < ?");
    select.bind(1, slice_id);
    select.bind(2, static_cast<std::int64_t>(before));
    select.executeStep();
    std::optional<Instant> last;
    if (!select.getColumn(0).isNull()) last = select.getColumn(0).getInt64();
    select.reset();
    return last;
}

std::optional<std::pair<Instant, Instant>> Store::record_span() {
    // min() and max() alone in a query are one index lookup each.
    SQLite::Statement select(*m_db, "SELECT (SELECT min(at) FROM entries), (SELECT max(at) FROM entries), "
                                    "(SELECT min(at) FROM ratings), (SELECT max(at) FROM ratings)");
    select.executeStep();
    std::optional<std::pair<Instant, Instant>> span;
    for (int i : {0, 2}) {
        if (select.getColumn(i).isNull()) continue;
        Instant first = select.getColumn(i).getInt64();
        Instant last = select.getColumn(i + 1).getInt64();
        span = span ? std::pair{std::min(span->first, first), std::max(span->second, last)} : std::pair{first, last};
    }
    return span;
}

std::int64_t Store::add_goal(const Goal& goal) {
    SQLite::Statement insert(*m_db,
                             "INSERT INTO goals(uuid, slice_id, title, kind, every, times, minutes, match, rating, "
                             "state, created_at, done_at, dropped_at, changed_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, goal.uuid.empty() ? new_uuid() : goal.uuid);
    insert.bind(2, goal.slice_id);
    insert.bind(3, goal.title);
    insert.bind(4, std::string(goal_kind_name(goal.kind)));
    bind_optional(insert, 5, goal.every ? std::optional<std::string>(period_kind_name(*goal.every)) : std::nullopt);
    bind_optional(insert, 6, goal.times);
    bind_optional(insert, 7, goal.minutes);
    bind_optional(insert, 8, goal.match);
    bind_optional(insert, 9, goal.rating);
    insert.bind(10, std::string(goal_state_name(goal.state)));
    insert.bind(11, static_cast<std::int64_t>(goal.created_at));
    bind_optional(insert, 12, goal.done_at);
    bind_optional(insert, 13, goal.dropped_at);
    insert.bind(14, static_cast<std::int64_t>(goal.changed_at));
    insert.exec();
    return m_db->getLastInsertRowid();
}

std::vector<Goal> Store::goals(bool include_inactive) {
    SQLite::Statement select(*m_db, fmt::format("SELECT {} FROM goals g JOIN slices s ON s.id = g.slice_id{} "
                                                "ORDER BY g.id",
                                                k_goal_columns, include_inactive ? "" : " WHERE g.state = 'active'"));
    std::vector<Goal> goals;
    while (select.executeStep()) goals.push_back(read_goal(select));
    return goals;
}

std::optional<Goal> Store::goal(std::int64_t id) {
    SQLite::Statement select(
        *m_db, fmt::format("SELECT {} FROM goals g JOIN slices s ON s.id = g.slice_id WHERE g.id = ?", k_goal_columns));
    select.bind(1, id);
    if (!select.executeStep()) return std::nullopt;
    return read_goal(select);
}

void Store::set_goal_state(std::int64_t id, GoalState state, Instant at) {
    SQLite::Statement update(*m_db,
                             "UPDATE goals SET state = ?1, changed_at = ?2, "
                             "done_at = CASE WHEN ?1 = 'done' THEN ?2 ELSE done_at END, "
                             "dropped_at = CASE WHEN ?1 = 'dropped' THEN ?2 ELSE dropped_at END WHERE id = ?3");
    update.bind(1, std::string(goal_state_name(state)));
    update.bind(2, static_cast<std::int64_t>(at));
    update.bind(3, id);
    update.exec();
}

GoalFacts Store::goal_facts(const Goal& goal, Instant at) {
    GoalFacts facts;
    if (goal.kind == GoalKind::rating) {
        SQLite::Statement select(*m_db, "SELECT at, score FROM ratings WHERE slice_id = ? AND at <= ? ORDER BY at, id");
        select.bind(1, goal.slice_id);
        select.bind(2, static_cast<std::int64_t>(at));
        while (select.executeStep()) facts.ratings.emplace_back(select.getColumn(0).getInt64(), select.getColumn(1).getInt());
        return facts;
    }
    if (goal.kind != GoalKind::recurring || !goal.every) return facts;
    // One aggregate per goal period, over the (slice_id, at) index.
    std::string sql = fmt::format(
        "SELECT date(at, 'unixepoch', 'localtime'{}) AS first_day, count(*), coalesce(sum(minutes), 0) "
        "FROM entries WHERE slice_id = ?1 AND at >= ?2 AND at <= ?3{} GROUP BY first_day",
        period_start_modifiers(*goal.every), goal.match ? k_match_clause : "");
    SQLite::Statement select(*m_db, sql);
    select.bind(1, goal.slice_id);
    select.bind(2, static_cast<std::int64_t>(period_containing(*goal.every, goal.created_at).from));
    select.bind(3, static_cast<std::int64_t>(at));
    if (goal.match) select.bind(4, *goal.match);
    while (select.executeStep()) {
        facts.totals[parse_iso_date(select.getColumn(0).getString())] =
            Totals{select.getColumn(1).getInt64(), select.getColumn(2).getInt64()};
    }
    return facts;
}

Error database_error(const fs::path& path, const SQLite::Exception& e, std::string_view doing) {
    const std::string where = fmt::format("{} {}", doing, path.string());
    switch (e.getErrorCode() & 0xff) {
        case SQLITE_NOTADB:
            return Error(fmt::format("{}: file is not a database", where), "is --db or PIE_DB pointing at the right file?");
        case SQLITE_CORRUPT:
            return Error(fmt::format("{}: the file is damaged (database disk image is malformed)", where),
                         fmt::format("restore it from a backup; 'sqlite3 {} .recover' may save what is left",
                                     path.string()));
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return Error(fmt::format("{}: database is locked (another program held it longer than {} s)", where,
                                     k_busy_timeout_ms / 1000),
                         "try again once the other program is done");
        case SQLITE_READONLY:
        case SQLITE_CANTOPEN:
        case SQLITE_PERM: {
            // SQLite keeps its -wal and -shm files beside the database: it needs the directory too.
            fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
            if (::access(dir.c_str(), W_OK) != 0) {
                return Error(fmt::format("{}: cannot write in its directory {} (SQLite keeps the -wal and -shm "
                                         "files there)",
                                         where, dir.string()),
                             "make the directory writable for you, or move the database");
            }
            if (::access(path.c_str(), R_OK | W_OK) != 0) {
                return Error(fmt::format("{}: the file is not readable and writable for you", where),
                             "check its owner and mode (pie makes it 0600)");
            }
            break;
        }
        default: break;
    }
    return Error(fmt::format("{}: {}", where, e.what()));
}

GoalFacts Store::goal_lookups(const Goal& goal, Instant at) {
    if (goal.kind != GoalKind::recurring || !goal.every) return goal_facts(goal, at);
    // Without --match the rows come from the (slice_id, at, minutes) index alone; each period is
    // one range of it, read only as far as `enough`.
    auto select = std::make_shared<SQLite::Statement>(
        *m_db, fmt::format("SELECT minutes FROM entries WHERE slice_id = ?1 AND at >= ?2 AND at < ?3{}",
                           goal.match ? k_match_clause : ""));
    select->bind(1, goal.slice_id);
    if (goal.match) select->bind(4, *goal.match);
    bool by_minutes = goal.minutes.has_value();
    GoalFacts facts;
    facts.period_totals = [select, by_minutes, at](const Period& period, std::int64_t enough) {
        select->reset();
        select->bind(2, static_cast<std::int64_t>(period.from));
        select->bind(3, static_cast<std::int64_t>(std::min(period.to, at + 1)));
        Totals totals;
        while ((by_minutes ? totals.minutes : totals.entries) < enough && select->executeStep()) {
            ++totals.entries;
            totals.minutes += select->getColumn(0).getInt64();  // NULL, an occurrence: 0
        }
        return totals;
    };
    return facts;
}

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

void Store::each_entry(const RecordQuery& query, const std::function<void(const Entry&)>& visit) {
    RecordQuery all_slices = query;
    all_slices.slice_id.reset();
    SQLite::Statement select(*m_db, fmt::format("SELECT {} FROM entries e JOIN slices s ON s.id = e.slice_id{} "
                                                "ORDER BY e.at, s.name, e.minutes, e.note, e.tags, e.uuid",
                                                k_entry_columns, where_clause(all_slices, "e")));
    bind_query(select, all_slices);
    while (select.executeStep()) visit(read_entry(select));
}

void Store::each_rating(const RecordQuery& query, const std::function<void(const Rating&)>& visit) {
    RecordQuery all_slices = query;
    all_slices.slice_id.reset();
    SQLite::Statement select(*m_db, fmt::format("SELECT {} FROM ratings r JOIN slices s ON s.id = r.slice_id{} "
                                                "ORDER BY r.at, s.name, r.score, r.note, r.uuid",
                                                k_rating_columns, where_clause(all_slices, "r")));
    bind_query(select, all_slices);
    while (select.executeStep()) visit(read_rating(select));
}

Store::Importer::Importer(SQLite::Database& db)
    : m_db(db),
      m_has_entry(db, "SELECT 1 FROM entries WHERE uuid = ?"),
      m_has_same_entry(db,
                       "SELECT 1 FROM entries WHERE at = ? AND slice_id = ? AND minutes IS ? AND note = ? AND tags = ? "
                       "LIMIT 1"),
      m_has_same_name_based_entry(db,
                                  "SELECT 1 FROM entries WHERE at = ? AND slice_id = ? AND minutes IS ? AND note = ? "
                                  "AND tags = ? AND substr(uuid, 15, 1) = '5' LIMIT 1"),
      m_add_entry(db, "INSERT INTO entries(uuid, slice_id, at, minutes, note, tags) VALUES (?, ?, ?, ?, ?, ?)"),
      m_has_rating(db, "SELECT 1 FROM ratings WHERE uuid = ?"),
      m_add_rating(db, "INSERT INTO ratings(uuid, slice_id, at, score, note) VALUES (?, ?, ?, ?, ?)") {}

namespace {

// Runs a prepared query for whether it finds a row, and makes it ready for the next use.
bool finds_row(SQLite::Statement& statement) {
    bool found = statement.executeStep();
    statement.reset();
    statement.clearBindings();
    return found;
}

void exec_and_reset(SQLite::Statement& statement) {
    statement.exec();
    statement.reset();
    statement.clearBindings();
}

}  // namespace

bool Store::Importer::has_entry(const std::string& uuid) {
    m_has_entry.bind(1, uuid);
    return finds_row(m_has_entry);
}

bool Store::Importer::has_same_entry(const Entry& entry, bool name_based_only) {
    SQLite::Statement& query = name_based_only ? m_has_same_name_based_entry : m_has_same_entry;
    query.bind(1, static_cast<std::int64_t>(entry.at));
    query.bind(2, entry.slice_id);
    bind_optional(query, 3, entry.minutes);
    query.bind(4, entry.note);
    query.bind(5, join_tags(entry.tags));
    return finds_row(query);
}

void Store::Importer::record_in_bulk() {
    if (m_in_bulk) return;
    m_db.exec("UPDATE journal_state SET recording = 0");
    m_in_bulk = true;
}

void Store::Importer::record_each() {
    if (!m_in_bulk) return;
    m_db.exec("UPDATE journal_state SET recording = 1");
    m_in_bulk = false;
}

void Store::Importer::finish() {
    record_each();
    SQLite::Statement record(m_db, "INSERT INTO journal_ops(change_id, statement) "
                                   "VALUES ((SELECT max(id) FROM journal), ?)");
    auto revert = [&](std::string_view table, std::int64_t first, std::int64_t last) {
        if (first == 0) return;
        record.bind(1, fmt::format("DELETE FROM {} WHERE id BETWEEN {} AND {}", table, first, last));
        record.exec();
        record.reset();
    };
    revert("entries", m_first_entry, m_last_entry);
    revert("ratings", m_first_rating, m_last_rating);
    m_first_entry = m_last_entry = m_first_rating = m_last_rating = 0;
}

void Store::Importer::add_entry(const Entry& entry) {
    record_in_bulk();
    m_add_entry.bind(1, entry.uuid);
    m_add_entry.bind(2, entry.slice_id);
    m_add_entry.bind(3, static_cast<std::int64_t>(entry.at));
    bind_optional(m_add_entry, 4, entry.minutes);
    m_add_entry.bind(5, entry.note);
    m_add_entry.bind(6, join_tags(entry.tags));
    exec_and_reset(m_add_entry);
    m_last_entry = m_db.getLastInsertRowid();
    if (m_first_entry == 0) m_first_entry = m_last_entry;
}

bool Store::Importer::has_rating(const std::string& uuid) {
    m_has_rating.bind(1, uuid);
    return finds_row(m_has_rating);
}

void Store::Importer::add_rating(const Rating& rating) {
    record_in_bulk();
    m_add_rating.bind(1, rating.uuid);
    m_add_rating.bind(2, rating.slice_id);
    m_add_rating.bind(3, static_cast<std::int64_t>(rating.at));
    m_add_rating.bind(4, rating.score);
    m_add_rating.bind(5, rating.note);
    exec_and_reset(m_add_rating);
    m_last_rating = m_db.getLastInsertRowid();
    if (m_first_rating == 0) m_first_rating = m_last_rating;
}

std::string new_uuid() {
    std::array<unsigned char, 16> bytes{};
    if (::getrandom(bytes.data(), bytes.size(), 0) != static_cast<ssize_t>(bytes.size())) {
        throw Error("no randomness available for a new UUID");
    }
    bytes[6] = static_cast<unsigned char>((bytes[6] & 0x0f) | 0x40);  // version 4
    bytes[8] = static_cast<unsigned char>((bytes[8] & 0x3f) | 0x80);  // RFC 4122 variant
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
        out += fmt::format("{:02x}", bytes[i]);
    }
    return out;
}

}  // namespace pie
