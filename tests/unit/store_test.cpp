#include <doctest/doctest.h>

#include "support.hpp"

#include <pie/error.hpp>
#include <pie/slice.hpp>
#include <pie/store.hpp>
#include <pie/uuid.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <vector>

// Unit tests of the store against §1 "Database location", §2-§4 and the header's promises:
// a new pie, private files, refusing foreign files untouched, queries, and undo that restores
// the data tables exactly.

namespace fs = std::filesystem;
using pie::Instant;
using pie::test::k_hour;
using pie::test::TempDir;

namespace {

constexpr Instant k_t0 = 1795541400;  // 2026-11-24T17:30:00Z

// Sets the process's umask for the life of the object.
class UmaskGuard {
public:
    explicit UmaskGuard(mode_t mask) : m_old(::umask(mask)) {}
    ~UmaskGuard() { ::umask(m_old); }
    UmaskGuard(const UmaskGuard&) = delete;
    UmaskGuard& operator=(const UmaskGuard&) = delete;

private:
    mode_t m_old;
};

// The permission bits of `path`.
unsigned mode_of(const fs::path& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void write_bytes(const fs::path& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

// The names in a directory, sorted, each followed by a space.
std::string names_in(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& item : fs::directory_iterator(dir)) names.insert(item.path().filename().string());
    std::string out;
    for (const std::string& name : names) out += name + " ";
    return out;
}

// What `action` throws: "UserError", "Error", "SQLite::Exception", "other", or "nothing".
std::string thrown_by(const std::function<void()>& action) {
    try {
        action();
    } catch (const pie::UserError&) {
        return "UserError";
    } catch (const pie::Error&) {
        return "Error";
    } catch (const SQLite::Exception&) {
        return "SQLite::Exception";
    } catch (...) {
        return "other";
    }
    return "nothing";
}

// Every row of `table`, ordered by id, one line each, with each value's type visible
// (NULL, 0 and '' all differ), so two dumps are equal only when the contents are.
std::string dump(pie::Store& store, const std::string& table) {
    SQLite::Statement query(store.database(), "SELECT * FROM " + table + " ORDER BY id");
    std::string out;
    while (query.executeStep()) {
        out += table;
        for (int i = 0; i < query.getColumnCount(); ++i) {
            SQLite::Column column = query.getColumn(i);
            out += "|";
            out += column.getName();
            if (column.isNull()) {
                out += "=NULL";
            } else if (column.isInteger()) {
                out += "=" + std::to_string(column.getInt64());
            } else {
                out += column.isText() ? "='" : "=blob'";
                out += std::string(static_cast<const char*>(column.getBlob()),
                                   static_cast<std::size_t>(column.getBytes()));
                out += "'";
            }
        }
        out += "\n";
    }
    return out;
}

// The contents of every data table.
std::string snapshot(pie::Store& store) {
    return dump(store, "slices") + dump(store, "entries") + dump(store, "ratings");
}

std::int64_t count_rows(pie::Store& store, const std::string& table) {
    return store.database().execAndGet("SELECT count(*) FROM " + table).getInt64();
}

std::int64_t slice_id(pie::Store& store, const std::string& name) {
    for (const pie::Slice& slice : store.slices()) {
        if (slice.name == name) return slice.id;
    }
    FAIL("no slice " << name);
    return 0;
}

pie::Entry make_entry(std::int64_t slice, Instant at, std::optional<int> minutes = std::nullopt, std::string note = {},
                      std::vector<std::string> tags = {}) {
    pie::Entry entry;
    entry.slice_id = slice;
    entry.at = at;
    entry.minutes = minutes;
    entry.note = std::move(note);
    entry.tags = std::move(tags);
    return entry;
}

pie::Rating make_rating(std::int64_t slice, Instant at, int score, std::string note = {}) {
    pie::Rating rating;
    rating.slice_id = slice;
    rating.at = at;
    rating.score = score;
    rating.note = std::move(note);
    return rating;
}

// Adds `entry` as one committed change; returns its id.
std::int64_t log_entry(pie::Store& store, const pie::Entry& entry, const std::string& summary = "logged") {
    auto change = store.change(entry.at);
    std::int64_t id = store.add_entry(entry);
    change.commit(summary);
    return id;
}

std::vector<std::int64_t> ids_of(const std::vector<pie::Entry>& entries) {
    std::vector<std::int64_t> ids;
    for (const pie::Entry& entry : entries) ids.push_back(entry.id);
    return ids;
}

std::vector<std::int64_t> ids_of(const std::vector<pie::Rating>& ratings) {
    std::vector<std::int64_t> ids;
    for (const pie::Rating& rating : ratings) ids.push_back(rating.id);
    return ids;
}

bool is_v4_uuid(const std::string& uuid) {
    if (uuid.size() != 36) return false;
    for (std::size_t i = 0; i < uuid.size(); ++i) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        bool hex = (uuid[i] >= '0' && uuid[i] <= '9') || (uuid[i] >= 'a' && uuid[i] <= 'f');
        if (dash ? uuid[i] != '-' : !hex) return false;
    }
    return uuid[14] == '4' && std::string("89ab").find(uuid[19]) != std::string::npos;
}

// Checks that `store` holds exactly the default pie of §2 and nothing else.
void check_new_pie(pie::Store& store) {
    auto slices = store.slices();
    const auto& defaults = pie::default_slices();
    REQUIRE(slices.size() == defaults.size());
    for (std::size_t i = 0; i < slices.size(); ++i) {
        CAPTURE(i);
        CHECK(slices[i].uuid == defaults[i].uuid);
        CHECK(slices[i].name == defaults[i].name);
        CHECK(slices[i].label == defaults[i].label);
        CHECK(slices[i].added_at == 0);
        CHECK_FALSE(slices[i].retired());
    }
    CHECK(store.entries({}).empty());
    CHECK(store.ratings({}).empty());
    CHECK(store.slice_activity().empty());
}

}  // namespace

// --- A new database ----------------------------------------------------------------------------

TEST_CASE("a new database in memory is the default pie at the current schema") {
    pie::Store store = pie::Store::open_in_memory();
    check_new_pie(store);
    CHECK(store.schema_version() == pie::k_schema_version);
    CHECK(store.database().execAndGet("PRAGMA application_id").getInt() == pie::k_application_id);
    CHECK(count_rows(store, "journal") == 0);
    CHECK_FALSE(store.undo(0).has_value());  // creating the default pie is not an undoable change
}

TEST_CASE("a new database file is the default pie, in WAL mode, and opening it again adds nothing") {
    TempDir dir;
    fs::path path = dir / "pie.db";
    {
        pie::Store store = pie::Store::open_for_write(path);
        check_new_pie(store);
        CHECK(store.schema_version() == pie::k_schema_version);
        CHECK(store.database().execAndGet("PRAGMA application_id").getInt() == pie::k_application_id);
        CHECK(store.database().execAndGet("PRAGMA journal_mode").getString() == "wal");
    }
    {
        pie::Store again = pie::Store::open_for_write(path);
        check_new_pie(again);
    }
    pie::Store reader = pie::Store::open_for_read(path);
    check_new_pie(reader);
    CHECK(reader.schema_version() == pie::k_schema_version);
}

TEST_CASE("a file database waits for other writers and enforces its references") {
    TempDir dir;
    pie::Store store = pie::Store::open_for_write(dir / "pie.db");
    CHECK(store.database().execAndGet("PRAGMA busy_timeout").getInt() >= 5000);  // §1 Concurrency
    CHECK(store.database().execAndGet("PRAGMA foreign_keys").getInt() == 1);
}

TEST_CASE("open_in_memory at schema 0 is empty; migrate brings it to the current schema, once") {
    pie::Store store = pie::Store::open_in_memory(0);
    CHECK(store.schema_version() == 0);
    store.migrate();
    CHECK(store.schema_version() == pie::k_schema_version);
    check_new_pie(store);
    store.migrate();
    CHECK(store.schema_version() == pie::k_schema_version);
    check_new_pie(store);
}

TEST_CASE("schema 7 has one trigger per table and event; a change journaled before it is undone after") {
    pie::Store store = pie::Store::open_in_memory(6);
    std::int64_t social = slice_id(store, "social");
    log_entry(store, make_entry(social, k_t0, 30, "it's \"quoted\"", {"a"}));
    const std::string before = snapshot(store);
    {
        auto change = store.change(k_t0 + 1);
        store.delete_entry(store.entries({}).front().id);
        change.commit("removed #1");
    }
    store.migrate();
    CHECK(store.schema_version() == 7);
    auto names = [&](const std::string& where) {
        SQLite::Statement query(store.database(),
                                "SELECT group_concat(name, ' ') FROM (SELECT name FROM "
                                "sqlite_schema WHERE " +
                                    where + " ORDER BY name)");
        query.executeStep();
        return query.getColumn(0).getString();
    };
    CHECK(names("type = 'view'") == "journal_record streak_drop sync_touch");
    CHECK(names("type = 'trigger' AND tbl_name = 'entries'") == "entries_delete entries_insert entries_update");
    CHECK(names("type = 'trigger' AND tbl_name = 'goals'") ==
          "goals_delete goals_insert goals_streak_delete goals_streak_update goals_update");
    CHECK(count_rows(store, "sqlite_schema WHERE type = 'trigger'") == 29);
    CHECK(store.undo(k_t0 + 2) == "removed #1");
    CHECK(snapshot(store) == before);
}

TEST_CASE("two new databases give the default slices the same UUIDs") {
    pie::Store one = pie::Store::open_in_memory();
    pie::Store two = pie::Store::open_in_memory();
    CHECK(dump(one, "slices") == dump(two, "slices"));
}

// --- Files and permissions ---------------------------------------------------------------------

TEST_CASE("open_for_write creates missing directories 0700 and the file 0600, whatever the umask") {
    for (mode_t mask : {mode_t{0}, mode_t{022}, mode_t{0277}}) {
        CAPTURE(mask);
        TempDir dir;
        fs::path path = dir / "data" / "pie" / "pie.db";
        {
            UmaskGuard guard(mask);
            pie::Store store = pie::Store::open_for_write(path);
            check_new_pie(store);
            log_entry(store, make_entry(slice_id(store, "mental-health"), k_t0, 50, "therapy"));
            // SQLite's -wal and -shm hold the same personal data while the database is open.
            for (const auto& item : fs::directory_iterator(path.parent_path())) {
                CAPTURE(item.path().filename().string());
                CHECK(mode_of(item.path()) == 0600);
            }
        }
        CHECK(mode_of(dir / "data") == 0700);
        CHECK(mode_of(dir / "data" / "pie") == 0700);
        CHECK(mode_of(path) == 0600);
    }
}

TEST_CASE("open_for_write leaves the modes of existing directories alone") {
    TempDir dir;
    fs::create_directories(dir / "shared");
    fs::permissions(dir / "shared", fs::perms(0755), fs::perm_options::replace);
    pie::Store::open_for_write(dir / "shared" / "pie.db");
    CHECK(mode_of(dir / "shared") == 0755);
    CHECK(mode_of(dir / "shared" / "pie.db") == 0600);
}

TEST_CASE("open_for_write under a path whose parent is a file throws Error") {
    TempDir dir;
    write_bytes(dir / "file", "not a directory\n");
    CHECK(thrown_by([&] { pie::Store::open_for_write(dir / "file" / "pie.db"); }) == "Error");
    CHECK(read_bytes(dir / "file") == "not a directory\n");
}

TEST_CASE("open_for_read on a missing path reads as a new pie and creates nothing") {
    TempDir dir;
    SUBCASE("the file is missing") {
        pie::Store store = pie::Store::open_for_read(dir / "pie.db");
        check_new_pie(store);
    }
    SUBCASE("its directories are missing too") {
        pie::Store store = pie::Store::open_for_read(dir / "data" / "pie" / "pie.db");
        check_new_pie(store);
    }
    CHECK(names_in(dir.path()).empty());
}

TEST_CASE("open_for_read on an empty file reads as a new pie and leaves it empty") {
    TempDir dir;
    write_bytes(dir / "pie.db", "");
    {
        pie::Store store = pie::Store::open_for_read(dir / "pie.db");
        check_new_pie(store);
    }
    CHECK(read_bytes(dir / "pie.db").empty());
}

TEST_CASE("open_for_read does not change an existing pie database") {
    TempDir dir;
    fs::path path = dir / "pie.db";
    {
        pie::Store store = pie::Store::open_for_write(path);
        log_entry(store, make_entry(slice_id(store, "social"), k_t0, 90, "peer group"));
    }
    std::string before = read_bytes(path);
    {
        pie::Store reader = pie::Store::open_for_read(path);
        auto entries = reader.entries({});
        REQUIRE(entries.size() == 1);
        CHECK(entries[0].note == "peer group");
    }
    CHECK(read_bytes(path) == before);
}

TEST_CASE("a file that is not a pie database throws Error and is left byte-identical") {
    TempDir dir;
    fs::path path = dir / "pie.db";
    bool wal = false;  // a reader of a WAL database may leave SQLite's -wal and -shm beside it

    SUBCASE("not SQLite at all") {
        std::string text;
        for (int i = 0; i < 200; ++i) text += "line " + std::to_string(i) + ": this is not a database\n";
        write_bytes(path, text);
    }
    SUBCASE("a short file that is not SQLite") { write_bytes(path, "hello\n"); }
    SUBCASE("a SQLite database of another application") {
        SQLite::Database other(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("CREATE TABLE contacts (name TEXT, phone TEXT); INSERT INTO contacts VALUES ('Ada', '555');");
    }
    SUBCASE("a SQLite database of another application with its own application_id") {
        SQLite::Database other(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        other.exec("PRAGMA application_id = 1234; PRAGMA user_version = 1; CREATE TABLE notes (body TEXT);");
    }
    SUBCASE("a pie database written by a newer pie (user_version 99)") {
        pie::Store newer = pie::Store::open_for_write(path);
        log_entry(newer, make_entry(slice_id(newer, "career"), k_t0, 30, "from the future"));
        newer.database().exec("PRAGMA user_version = 99");
        wal = true;
    }

    const std::string before = read_bytes(path);
    REQUIRE_FALSE(before.empty());
    const auto names_before = names_in(dir.path());

    CHECK(thrown_by([&] { pie::Store::open_for_write(path); }) == "Error");
    CHECK(read_bytes(path) == before);
    CHECK(names_in(dir.path()) == names_before);
    CHECK(thrown_by([&] { pie::Store::open_for_read(path); }) == "Error");
    CHECK(read_bytes(path) == before);
    if (!wal) CHECK(names_in(dir.path()) == names_before);
}

TEST_CASE("the error for a newer pie's database says so and hints at upgrading") {
    TempDir dir;
    fs::path path = dir / "pie.db";
    pie::Store::open_for_write(path).database().exec("PRAGMA user_version = 99");
    try {
        pie::Store::open_for_write(path);
        FAIL("no error");
    } catch (const pie::Error& error) {
        CHECK(std::string(error.what()).find(path.string()) != std::string::npos);
        CHECK(std::string(error.what()).find("99") != std::string::npos);
        CHECK_FALSE(error.hint().empty());
    }
}

TEST_CASE("a directory at the database path throws Error") {
    TempDir dir;
    fs::create_directory(dir / "pie.db");
    CHECK(thrown_by([&] { pie::Store::open_for_write(dir / "pie.db"); }) == "Error");
    CHECK(thrown_by([&] { pie::Store::open_for_read(dir / "pie.db"); }) == "Error");
    CHECK(fs::is_directory(dir / "pie.db"));
    CHECK(fs::is_empty(dir / "pie.db"));
}

// --- Entries -----------------------------------------------------------------------------------

TEST_CASE("add_entry and entry: every field comes back, the slice by its current name") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = slice_id(store, "social");
    std::int64_t timed = log_entry(store, make_entry(social, k_t0, 90, "peer group", {"weekly", "work"}));
    std::int64_t occurrence = log_entry(store, make_entry(social, k_t0 + 60));

    auto first = store.entry(timed);
    REQUIRE(first.has_value());
    CHECK(first->id == timed);
    CHECK(is_v4_uuid(first->uuid));
    CHECK(first->slice_id == social);
    CHECK(first->slice == "social");
    CHECK(first->at == k_t0);
    CHECK(first->minutes == 90);
    CHECK(first->note == "peer group");
    CHECK(first->tags == std::vector<std::string>{"weekly", "work"});

    auto second = store.entry(occurrence);
    REQUIRE(second.has_value());
    CHECK_FALSE(second->minutes.has_value());  // an occurrence, not 0 minutes
    CHECK(second->note.empty());
    CHECK(second->tags.empty());
    CHECK(second->uuid != first->uuid);

    CHECK_FALSE(store.entry(occurrence + 100).has_value());
}

TEST_CASE("add_entry keeps a given UUID") {
    pie::Store store = pie::Store::open_in_memory();
    pie::Entry entry = make_entry(slice_id(store, "family"), k_t0, 45);
    entry.uuid = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";
    std::int64_t id = log_entry(store, entry);
    CHECK(store.entry(id)->uuid == entry.uuid);
}

TEST_CASE("add_entry refuses a slice that does not exist") {
    pie::Store store = pie::Store::open_in_memory();
    auto change = store.change(k_t0);
    CHECK(thrown_by([&] { store.add_entry(make_entry(999, k_t0, 10)); }) == "SQLite::Exception");
}

TEST_CASE("entries: oldest first, [since, until), one slice, and the last `limit`") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = slice_id(store, "social");
    std::int64_t family = slice_id(store, "family");
    // Logged out of time order, with two at the same instant.
    std::int64_t e3 = log_entry(store, make_entry(social, k_t0 + 3 * k_hour, 30));
    std::int64_t e1 = log_entry(store, make_entry(family, k_t0 + 1 * k_hour, 20));
    std::int64_t e4 = log_entry(store, make_entry(family, k_t0 + 4 * k_hour, 40));
    std::int64_t e2a = log_entry(store, make_entry(social, k_t0 + 2 * k_hour, 10));
    std::int64_t e2b = log_entry(store, make_entry(family, k_t0 + 2 * k_hour));
    std::int64_t e5 = log_entry(store, make_entry(social, k_t0 + 5 * k_hour, 50));

    using Ids = std::vector<std::int64_t>;
    CHECK(ids_of(store.entries({})) == Ids{e1, e2a, e2b, e3, e4, e5});

    pie::RecordQuery bounded;
    bounded.since = k_t0 + 2 * k_hour;  // inclusive
    bounded.until = k_t0 + 4 * k_hour;  // exclusive
    CHECK(ids_of(store.entries(bounded)) == Ids{e2a, e2b, e3});

    pie::RecordQuery since_only;
    since_only.since = k_t0 + 4 * k_hour;
    CHECK(ids_of(store.entries(since_only)) == Ids{e4, e5});

    pie::RecordQuery until_only;
    until_only.until = k_t0 + 2 * k_hour;
    CHECK(ids_of(store.entries(until_only)) == Ids{e1});

    pie::RecordQuery empty_period;
    empty_period.since = k_t0 + 3 * k_hour;
    empty_period.until = k_t0 + 3 * k_hour;
    CHECK(store.entries(empty_period).empty());

    pie::RecordQuery one_slice;
    one_slice.slice_id = social;
    CHECK(ids_of(store.entries(one_slice)) == Ids{e2a, e3, e5});

    pie::RecordQuery last_two;
    last_two.limit = 2;
    CHECK(ids_of(store.entries(last_two)) == Ids{e4, e5});

    pie::RecordQuery last_three_family;
    last_three_family.slice_id = family;
    last_three_family.limit = 3;
    CHECK(ids_of(store.entries(last_three_family)) == Ids{e1, e2b, e4});

    pie::RecordQuery last_two_in_period = bounded;
    last_two_in_period.limit = 2;
    CHECK(ids_of(store.entries(last_two_in_period)) == Ids{e2b, e3});

    pie::RecordQuery more_than_all;
    more_than_all.limit = 100;
    CHECK(store.entries(more_than_all).size() == 6);
}

TEST_CASE("delete_entry removes only that entry") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = slice_id(store, "social");
    std::int64_t keep = log_entry(store, make_entry(social, k_t0, 10));
    std::int64_t gone = log_entry(store, make_entry(social, k_t0 + 1, 20));
    {
        auto change = store.change(k_t0 + 2);
        store.delete_entry(gone);
        change.commit("removed");
    }
    CHECK_FALSE(store.entry(gone).has_value());
    CHECK(store.entry(keep).has_value());
    CHECK(ids_of(store.entries({})) == std::vector<std::int64_t>{keep});
}

// --- Ratings -----------------------------------------------------------------------------------

TEST_CASE("ratings and latest_rating: by time, ties to the later rating, one slice at a time") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = slice_id(store, "social");
    std::int64_t career = slice_id(store, "career");
    std::int64_t r2, r1, r3a, r3b, other;
    {
        auto change = store.change(k_t0);
        r2 = store.add_rating(make_rating(social, k_t0 + 2 * k_hour, 6, "better"));
        r1 = store.add_rating(make_rating(social, k_t0 + 1 * k_hour, 4));
        r3a = store.add_rating(make_rating(social, k_t0 + 3 * k_hour, 7));
        r3b = store.add_rating(make_rating(social, k_t0 + 3 * k_hour, 8));
        other = store.add_rating(make_rating(career, k_t0 + 10 * k_hour, 2));
        change.commit("rated");
    }

    CHECK_FALSE(store.latest_rating(social, k_t0).has_value());
    CHECK_FALSE(store.latest_rating(social, k_t0 + k_hour - 1).has_value());
    CHECK(store.latest_rating(social, k_t0 + k_hour)->id == r1);  // at `at` counts
    CHECK(store.latest_rating(social, k_t0 + 2 * k_hour - 1)->id == r1);
    auto second = store.latest_rating(social, k_t0 + 2 * k_hour);
    REQUIRE(second.has_value());
    CHECK(second->id == r2);
    CHECK(second->score == 6);
    CHECK(second->note == "better");
    CHECK(second->slice == "social");
    CHECK(second->slice_id == social);
    CHECK(is_v4_uuid(second->uuid));
    CHECK(store.latest_rating(social, k_t0 + 3 * k_hour)->id == r3b);
    CHECK(store.latest_rating(social, k_t0 + 100 * k_hour)->score == 8);  // never another slice's
    CHECK(store.latest_rating(career, k_t0 + 100 * k_hour)->id == other);
    CHECK_FALSE(store.latest_rating(slice_id(store, "family"), k_t0 + 100 * k_hour).has_value());

    using Ids = std::vector<std::int64_t>;
    CHECK(ids_of(store.ratings({})) == Ids{r1, r2, r3a, r3b, other});
    pie::RecordQuery social_only;
    social_only.slice_id = social;
    social_only.since = k_t0 + 2 * k_hour;
    CHECK(ids_of(store.ratings(social_only)) == Ids{r2, r3a, r3b});
    pie::RecordQuery last_two;
    last_two.limit = 2;
    last_two.until = k_t0 + 10 * k_hour;
    CHECK(ids_of(store.ratings(last_two)) == Ids{r3a, r3b});
}

// --- Slices ------------------------------------------------------------------------------------

TEST_CASE("add_slice, rename_slice and set_retired") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t id = 0;
    {
        auto change = store.change(k_t0);
        id = store.add_slice("reading", "Reading", k_t0);
        change.commit("added reading");
    }
    auto slices = store.slices();
    REQUIRE(slices.size() == 9);
    const pie::Slice added = slices.back();  // pie order: after the defaults
    CHECK(added.id == id);
    CHECK(added.name == "reading");
    CHECK(added.label == "Reading");
    CHECK(added.added_at == k_t0);
    CHECK(added.changed_at == k_t0);
    CHECK_FALSE(added.retired());
    CHECK(is_v4_uuid(added.uuid));
    for (const pie::DefaultSlice& slice : pie::default_slices()) CHECK(added.uuid != slice.uuid);

    std::int64_t entry = log_entry(store, make_entry(id, k_t0 + 10, 25, "a novel"));
    {
        auto change = store.change(k_t0 + k_hour);
        store.rename_slice(id, "books", "Books and papers", k_t0 + k_hour);
        change.commit("renamed");
    }
    pie::Slice renamed = store.slices().back();
    CHECK(renamed.id == id);
    CHECK(renamed.uuid == added.uuid);
    CHECK(renamed.name == "books");
    CHECK(renamed.label == "Books and papers");
    CHECK(renamed.added_at == k_t0);
    CHECK(renamed.changed_at == k_t0 + k_hour);
    CHECK(store.entry(entry)->slice == "books");  // entries follow the rename

    {
        auto change = store.change(k_t0 + 2 * k_hour);
        store.set_retired(id, k_t0 + 2 * k_hour, k_t0 + 2 * k_hour);
        change.commit("retired");
    }
    pie::Slice retired = store.slices().back();
    CHECK(retired.retired());
    CHECK(retired.retired_at == k_t0 + 2 * k_hour);
    CHECK(retired.changed_at == k_t0 + 2 * k_hour);
    CHECK(store.slices().size() == 9);  // retired slices are still listed

    {
        auto change = store.change(k_t0 + 3 * k_hour);
        store.set_retired(id, std::nullopt, k_t0 + 3 * k_hour);
        change.commit("restored");
    }
    pie::Slice restored = store.slices().back();
    CHECK_FALSE(restored.retired());
    CHECK(restored.changed_at == k_t0 + 3 * k_hour);
    CHECK(restored.added_at == k_t0);
}

TEST_CASE("slice names stay unique and well-formed in the database") {
    pie::Store store = pie::Store::open_in_memory();
    auto change = store.change(k_t0);
    CHECK(thrown_by([&] { store.add_slice("social", "Again", k_t0); }) == "SQLite::Exception");
    CHECK(thrown_by([&] { store.add_slice("Bad_Name", "Bad", k_t0); }) == "SQLite::Exception");
    CHECK(thrown_by([&] { store.add_slice("reading", "", k_t0); }) == "SQLite::Exception");
    CHECK(thrown_by([&] { store.rename_slice(slice_id(store, "family"), "social", "Social", k_t0); }) ==
          "SQLite::Exception");
    CHECK(store.slices().size() == 8);
}

TEST_CASE("slice_activity counts entries and the last time each slice was logged") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = slice_id(store, "social");
    std::int64_t family = slice_id(store, "family");
    log_entry(store, make_entry(social, k_t0 + 5 * k_hour, 30));
    log_entry(store, make_entry(social, k_t0 + 9 * k_hour));
    log_entry(store, make_entry(social, k_t0 + 1 * k_hour, 10));
    log_entry(store, make_entry(family, k_t0, 60));

    auto activity = store.slice_activity();
    auto find = [&](std::int64_t id) -> std::optional<pie::SliceActivity> {
        for (const auto& item : activity) {
            if (item.slice_id == id) return item;
        }
        return std::nullopt;
    };
    REQUIRE(find(social).has_value());
    CHECK(find(social)->entries == 3);
    CHECK(find(social)->last_logged == k_t0 + 9 * k_hour);
    REQUIRE(find(family).has_value());
    CHECK(find(family)->entries == 1);
    CHECK(find(family)->last_logged == k_t0);
    // A slice never logged: absent, or present with nothing.
    auto career = find(slice_id(store, "career"));
    if (career) {
        CHECK(career->entries == 0);
        CHECK_FALSE(career->last_logged.has_value());
    }
}

// --- Changes and undo --------------------------------------------------------------------------

TEST_CASE("undo reverts an insert exactly and returns the change's summary") {
    pie::Store store = pie::Store::open_in_memory();
    const std::string before = snapshot(store);
    log_entry(store, make_entry(slice_id(store, "social"), k_t0, 90, "peer group", {"weekly"}),
              "logged #1 social 1h30m");
    REQUIRE(snapshot(store) != before);
    CHECK(count_rows(store, "journal") == 1);

    CHECK(store.undo(0) == "logged #1 social 1h30m");
    CHECK(snapshot(store) == before);
    CHECK(count_rows(store, "journal") == 0);
    CHECK(count_rows(store, "journal_ops") == 0);
    CHECK_FALSE(store.undo(0).has_value());
}

TEST_CASE("undo reverts a delete exactly: same ids, UUIDs, NULLs and text") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = slice_id(store, "social");
    std::int64_t occurrence = log_entry(store, make_entry(social, k_t0));
    std::int64_t timed = log_entry(store, make_entry(social, k_t0 + 1, 1440, "all day", {"a", "b"}));
    const std::string before = snapshot(store);
    {
        auto change = store.change(k_t0 + 2);
        store.delete_entry(occurrence);
        store.delete_entry(timed);
        change.commit("removed #1 #2");
    }
    CHECK(store.entries({}).empty());
    CHECK(store.undo(0) == "removed #1 #2");
    CHECK(snapshot(store) == before);
    CHECK_FALSE(store.entry(occurrence)->minutes.has_value());
}

TEST_CASE("undo reverts updates of a slice exactly") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t family = slice_id(store, "family");
    const std::string before = snapshot(store);
    {
        auto change = store.change(k_t0);
        store.rename_slice(family, "kin", "Kin and kith", k_t0);
        store.set_retired(family, k_t0, k_t0);
        change.commit("renamed and retired family");
    }
    REQUIRE(store.slices()[4].name == "kin");
    CHECK(store.undo(0) == "renamed and retired family");
    CHECK(snapshot(store) == before);
    CHECK_FALSE(store.slices()[4].retired());
}

TEST_CASE("undo goes back one change at a time, several levels, then reports nothing left") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = slice_id(store, "social");
    std::vector<std::string> states = {snapshot(store)};

    // 1: a new slice and an entry in it.
    std::int64_t reading = 0;
    {
        auto change = store.change(k_t0);
        reading = store.add_slice("reading", "Reading", k_t0);
        store.add_entry(make_entry(reading, k_t0, 30, "first chapter"));
        change.commit("change 1");
    }
    states.push_back(snapshot(store));
    // 2: a batch of ratings.
    {
        auto change = store.change(k_t0 + 1);
        store.add_rating(make_rating(social, k_t0 + 1, 7));
        store.add_rating(make_rating(reading, k_t0 + 1, 9, "loving it"));
        change.commit("change 2");
    }
    states.push_back(snapshot(store));
    // 3: an entry deleted, another added, the slice renamed.
    {
        auto change = store.change(k_t0 + 2);
        store.delete_entry(store.entries({}).front().id);
        store.add_entry(make_entry(social, k_t0 + 2, 45, "dinner"));
        store.rename_slice(reading, "books", "Books", k_t0 + 2);
        change.commit("change 3");
    }
    states.push_back(snapshot(store));
    // 4: retire it.
    {
        auto change = store.change(k_t0 + 3);
        store.set_retired(reading, k_t0 + 3, k_t0 + 3);
        change.commit("change 4");
    }
    states.push_back(snapshot(store));

    for (int level = 4; level >= 1; --level) {
        CAPTURE(level);
        CHECK(snapshot(store) == states[static_cast<std::size_t>(level)]);
        CHECK(store.undo(0) == "change " + std::to_string(level));
        CHECK(snapshot(store) == states[static_cast<std::size_t>(level) - 1]);
    }
    CHECK_FALSE(store.undo(0).has_value());
    CHECK_FALSE(store.undo(0).has_value());
    CHECK(snapshot(store) == states[0]);
    CHECK(count_rows(store, "journal") == 0);
    CHECK(count_rows(store, "journal_ops") == 0);
}

TEST_CASE("undo keeps working after new changes follow an undo") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = slice_id(store, "social");
    log_entry(store, make_entry(social, k_t0, 10), "a");
    const std::string after_a = snapshot(store);
    log_entry(store, make_entry(social, k_t0 + 1, 20), "b");
    CHECK(store.undo(0) == "b");
    log_entry(store, make_entry(social, k_t0 + 2, 30), "c");
    CHECK(store.undo(0) == "c");
    CHECK(snapshot(store) == after_a);
    CHECK(store.undo(0) == "a");
    CHECK(store.entries({}).empty());
    CHECK_FALSE(store.undo(0).has_value());
}

TEST_CASE("undo works on a database file, across reopening") {
    TempDir dir;
    fs::path path = dir / "pie.db";
    std::string before;
    {
        pie::Store store = pie::Store::open_for_write(path);
        before = snapshot(store);
        log_entry(store, make_entry(slice_id(store, "career"), k_t0, 120, "deep work"), "logged career");
    }
    pie::Store store = pie::Store::open_for_write(path);
    CHECK(store.undo(0) == "logged career");
    CHECK(snapshot(store) == before);
}

TEST_CASE("a Change destroyed without commit rolls back and leaves no journal row") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = slice_id(store, "social");
    log_entry(store, make_entry(social, k_t0, 10), "kept");
    const std::string before = snapshot(store);
    {
        auto change = store.change(k_t0 + 1);
        store.add_entry(make_entry(social, k_t0 + 1, 20));
        store.add_rating(make_rating(social, k_t0 + 1, 5));
        store.add_slice("reading", "Reading", k_t0 + 1);
        store.rename_slice(social, "friends", "Friends", k_t0 + 1);
    }
    CHECK(snapshot(store) == before);
    CHECK(count_rows(store, "journal") == 1);
    CHECK(count_rows(store, "journal_ops") == 1);

    SUBCASE("also when the change is left by an exception") {
        CHECK_THROWS_AS(([&] {
                            auto change = store.change(k_t0 + 2);
                            store.add_entry(make_entry(social, k_t0 + 2, 30));
                            store.add_entry(make_entry(social, k_t0 + 2, 0));  // violates CHECK
                            change.commit("never");
                        }()),
                        SQLite::Exception);
        CHECK(snapshot(store) == before);
        CHECK(count_rows(store, "journal") == 1);
    }
    // The rolled-back change is no step of undo: undo reverts the committed one.
    CHECK(store.undo(0) == "kept");
    CHECK(store.entries({}).empty());
}

// --- Constraints -------------------------------------------------------------------------------

TEST_CASE("the database itself refuses minutes outside 1-1440 and scores outside 1-10") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = slice_id(store, "social");
    auto change = store.change(k_t0);
    for (int minutes : {0, -1, 1441}) {
        CAPTURE(minutes);
        CHECK(thrown_by([&] { store.add_entry(make_entry(social, k_t0, minutes)); }) == "SQLite::Exception");
        CHECK(thrown_by([&] {
                  store.database().exec(
                      "INSERT INTO entries(uuid, slice_id, at, minutes) VALUES ("
                      "'00000000-0000-4000-8000-000000000000', " +
                      std::to_string(social) + ", 0, " + std::to_string(minutes) + ")");
              }) == "SQLite::Exception");
    }
    for (int score : {0, -1, 11}) {
        CAPTURE(score);
        CHECK(thrown_by([&] { store.add_rating(make_rating(social, k_t0, score)); }) == "SQLite::Exception");
    }
    CHECK(store.entries({}).empty());
    CHECK(store.ratings({}).empty());

    CHECK(thrown_by([&] { store.add_entry(make_entry(social, k_t0, 1)); }) == "nothing");
    CHECK(thrown_by([&] { store.add_entry(make_entry(social, k_t0, 1440)); }) == "nothing");
    CHECK(thrown_by([&] { store.add_rating(make_rating(social, k_t0, 1)); }) == "nothing");
    CHECK(thrown_by([&] { store.add_rating(make_rating(social, k_t0, 10)); }) == "nothing");
    change.commit("bounds");
    CHECK(store.entries({}).size() == 2);
    CHECK(store.ratings({}).size() == 2);
}

// --- User text ---------------------------------------------------------------------------------

TEST_CASE("notes with quotes, control characters and 100 KB survive delete and undo byte-exactly") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = slice_id(store, "social");

    std::string tricky = "it's \"quoted\" 'twice'' ''); DROP TABLE entries; -- \\ % _ ? ?1 :x @y $z";
    for (char c = 1; c < 0x20; ++c) tricky += c;  // every C0 control but NUL
    tricky += "\x7F \xC2\x85 \x1B[31m red \x1B[0m caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80 \r\n\t end  ";
    std::string big;
    while (big.size() < 100 * 1024) big += tricky;
    const std::vector<std::string> notes = {tricky, big, "", " ", "'", "''", "\n"};

    std::vector<std::int64_t> entry_ids;
    std::vector<std::int64_t> rating_ids;
    {
        auto change = store.change(k_t0);
        for (const std::string& note : notes) {
            entry_ids.push_back(store.add_entry(make_entry(social, k_t0, 5, note, {"tag's", "\"x\""})));
            rating_ids.push_back(store.add_rating(make_rating(social, k_t0, 5, note)));
        }
        change.commit("added notes");
    }
    const std::string before = snapshot(store);
    {
        auto change = store.change(k_t0 + 1);
        for (std::int64_t id : entry_ids) store.delete_entry(id);
        store.database().exec("DELETE FROM ratings");
        change.commit("deleted notes");
    }
    REQUIRE(store.entries({}).empty());
    REQUIRE(store.ratings({}).empty());

    CHECK(store.undo(0) == "deleted notes");
    CHECK((snapshot(store) == before));  // parenthesised: keep a 100 KB diff out of the report
    for (std::size_t i = 0; i < notes.size(); ++i) {
        CAPTURE(i);
        auto entry = store.entry(entry_ids[i]);
        REQUIRE(entry.has_value());
        CHECK((entry->note == notes[i]));
        CHECK(entry->tags == std::vector<std::string>{"tag's", "\"x\""});
    }
    auto ratings = store.ratings({});
    REQUIRE(ratings.size() == notes.size());
    for (std::size_t i = 0; i < notes.size(); ++i) CHECK((ratings[i].note == notes[i]));
}

TEST_CASE("new_uuid gives distinct version 4 UUIDs") {
    std::set<std::string> seen;
    for (int i = 0; i < 200; ++i) {
        std::string uuid = pie::new_uuid();
        CAPTURE(uuid);
        CHECK(is_v4_uuid(uuid));
        seen.insert(uuid);
    }
    CHECK(seen.size() == 200);
}
