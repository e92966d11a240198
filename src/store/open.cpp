// Opening a database: where and how the file is made (0700 directories, a 0600 file), whose it
// is (pie's, not too new, not cut short), the connection's settings, and the words for SQLite's
// failures.

#include "internal.hpp"

#include <pie/error.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

namespace pie {

namespace fs = std::filesystem;
using namespace store_internal;

namespace {

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

}  // namespace

void store_internal::configure(SQLite::Database& db) {
    db.setBusyTimeout(k_busy_timeout_ms);
    db.exec("PRAGMA foreign_keys = ON");
    // Sorts and temporary indexes stay in memory: no temporary file in /var/tmp or elsewhere
    // outside the database's own directory ever holds personal data. (A big import spills to files
    // of that directory instead: spill_beside.)
    db.exec("PRAGMA temp_store = MEMORY");
    sqlite3_create_function_v2(db.getHandle(), "pie_fold", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                               fold_function, nullptr, nullptr, nullptr);
}

bool store_internal::spill_beside(SQLite::Database& db, const std::string& path) {
    if (path == ":memory:") return false;
    fs::path dir = fs::absolute(path).parent_path();
    sqlite3_free(sqlite3_temp_directory);
    sqlite3_temp_directory = sqlite3_mprintf("%s", dir.c_str());
    try {
        db.exec("PRAGMA temp_store = FILE");
    } catch (const SQLite::Exception&) {
        return false;
    }
    return true;
}

namespace {

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
        SQLite::Statement query(db,
                                "SELECT (SELECT application_id FROM pragma_application_id), "
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

}  // namespace

Store::Store(std::unique_ptr<SQLite::Database> db, std::string path) : m_db(std::move(db)), m_path(std::move(path)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

SQLite::Statement& Store::cached(std::string_view sql) {
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        auto statement = std::make_unique<SQLite::Statement>(*m_db, std::string(sql));
        return *m_statements.emplace(std::string(sql), std::move(statement)).first->second;
    }
    // tryReset: a step that failed (a CHECK constraint) leaves its error to the next reset, which
    // must not throw it again at the next, unrelated use.
    found->second->tryReset();
    found->second->clearBindings();
    return *found->second;
}

[[noreturn]] void fail_io(const std::string& what, const fs::path& path) {
    throw Error(fmt::format("{} {}: {}", what, path.string(), std::strerror(errno)));
}

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
    if (id.user_version == 0) return open_in_memory();                    // an empty file: a new pie
    if (id.user_version < k_schema_version) return open_for_write(path);  // an older pie's: upgrade it
    return Store(std::move(db), path.string());
}

Store Store::open_in_memory(int version) {
    auto db = std::make_unique<SQLite::Database>(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    configure(*db);
    Store store(std::move(db), ":memory:");
    store.migrate(version);
    store.m_read_version = version;
    return store;
}

SQLite::Database& Store::database() { return *m_db; }

namespace {

// Whether the file system holding `dir` (or its nearest existing parent) has no room left for a
// database to grow or for SQLite's -wal and -shm files: less than a few pages free.
bool no_space_left(fs::path dir) {
    struct statvfs fs_info {};
    for (;; dir = dir.parent_path()) {
        if (::statvfs(dir.c_str(), &fs_info) == 0) break;
        if (dir == dir.parent_path()) return false;
    }
    return static_cast<unsigned long long>(fs_info.f_bavail) * fs_info.f_frsize < 64 * 1024;
}

}  // namespace

Error database_error(const fs::path& path, const SQLite::Exception& e, std::string_view doing) {
    const std::string where = fmt::format("{} {}", doing, path.string());
    switch (e.getErrorCode() & 0xff) {
        case SQLITE_NOTADB:
            return Error(fmt::format("{}: file is not a database", where),
                         "is --db or PIE_DB pointing at the right file?");
        case SQLITE_CORRUPT:
            return Error(
                fmt::format("{}: the file is damaged (database disk image is malformed)", where),
                fmt::format("restore it from a backup; 'sqlite3 {} .recover' may save what is left", path.string()));
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return Error(fmt::format("{}: database is locked (another program held it longer than {} s)", where,
                                     k_busy_timeout_ms / 1000),
                         "try again once the other program is done");
        case SQLITE_FULL:
        case SQLITE_IOERR: {
            fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
            if (!no_space_left(dir)) break;
            return Error(fmt::format("{}: {}", where, e.what()),
                         fmt::format("no space left on the device holding {}? free some and try again: "
                                     "nothing was written",
                                     dir.string()));
        }
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

}  // namespace pie
