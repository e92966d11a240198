#include <doctest/doctest.h>

#include "support.hpp"

#include <pie/error.hpp>
#include <pie/goal.hpp>
#include <pie/import.hpp>
#include <pie/store.hpp>
#include <pie/time.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

#include <filesystem>
#include <sstream>
#include <string>

// Unit tests of ImportSession against a store in memory: the merge rules of §7 for slices,
// goals, entries and ratings, and CSV rows. (End-to-end: tests/cli/import*.case.)

using pie::Instant;
using pie::test::k_now;

namespace {

constexpr std::string_view k_social = "0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f06";

pie::ImportCounts import_json(pie::Store& store, const std::string& json) {
    std::istringstream in(json);
    auto change = store.change(k_now);
    pie::ImportSession session(store, {}, k_now);
    session.read_json(in);
    change.commit("import");
    return session.counts();
}

pie::ImportCounts import_csv(pie::Store& store, const std::string& csv) {
    std::istringstream in(csv);
    auto change = store.change(k_now);
    pie::ImportSession session(store, {{"work", "career"}}, k_now);
    session.read_csv(in);
    change.commit("import");
    return session.counts();
}

std::string slice_json(std::string_view uuid, std::string_view name, std::string_view changed_at) {
    return fmt::format(
        R"({{"uuid":"{}","name":"{}","label":"L {}","added_at":null,"retired_at":null,"changed_at":{}}})", uuid, name,
        name, changed_at);
}

const pie::Slice& slice_named(const std::vector<pie::Slice>& slices, std::string_view name) {
    for (const pie::Slice& slice : slices) {
        if (slice.name == name) return slice;
    }
    FAIL("no slice " << name);
    return slices.front();
}

}  // namespace

TEST_CASE("a slice with a known UUID takes the imported name and label only when changed later") {
    pie::Store store = pie::Store::open_in_memory();
    pie::Slice social = slice_named(store.slices(), "social");
    {
        auto change = store.change(k_now);
        store.rename_slice(social.id, "friends", "Friends", k_now - 100);
        change.commit("rename");
    }

    // Changed earlier than the local rename: the local one stays.
    auto counts = import_json(store, fmt::format(R"({{"pie_export":1,"slices":[{}]}})",
                                                 slice_json(k_social, "people", "\"2026-11-24T18:00:00+01:00\"")));
    CHECK(counts.slices_updated == 0);
    CHECK(slice_named(store.slices(), "friends").label == "Friends");

    // Changed later: it wins.
    counts = import_json(store, fmt::format(R"({{"pie_export":1,"slices":[{}]}})",
                                            slice_json(k_social, "people", "\"2026-11-24T18:29:00+01:00\"")));
    CHECK(counts.slices_updated == 1);
    CHECK(slice_named(store.slices(), "people").uuid == k_social);

    // A default slice never changed counts as changed at the beginning of time.
    counts =
        import_json(store, fmt::format(R"({{"pie_export":1,"slices":[{}]}})", slice_json(k_social, "social", "null")));
    CHECK(counts.slices_updated == 0);
    CHECK(slice_named(store.slices(), "people").uuid == k_social);
}

TEST_CASE("a slice with an unknown UUID but a local name is the local slice; otherwise it is added") {
    pie::Store store = pie::Store::open_in_memory();
    auto change = store.change(k_now);
    std::int64_t local = store.add_slice("hobbies", "Hobbies", k_now - 1000);
    change.commit("add");
    std::string json = fmt::format(
        R"({{"pie_export":1,"slices":[{},{}],"entries":[)"
        R"({{"uuid":"11111111-1111-4111-8111-111111111111","at":"2026-11-20T10:00:00+01:00","slice":"hobbies","minutes":30,"note":"chess","tags":[]}},)"
        R"({{"uuid":"22222222-2222-4222-8222-222222222222","at":"2026-11-20T11:00:00+01:00","slice":"garden","minutes":null,"note":"","tags":["a"]}}]}})",
        slice_json("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", "hobbies", "\"2026-11-01T00:00:00Z\""),
        slice_json("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb", "garden", "\"2026-11-01T00:00:00Z\""));
    auto counts = import_json(store, json);
    CHECK(counts.slices_added == 1);
    CHECK(counts.entries_added == 2);
    auto entries = store.entries({});
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].slice_id == local);
    CHECK(entries[1].slice == "garden");
    CHECK(slice_named(store.slices(), "hobbies").uuid != "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa");

    // Again: every entry is present.
    counts = import_json(store, json);
    CHECK(counts.entries_added == 0);
    CHECK(counts.present == 2);
    CHECK_FALSE(counts.changes());
}

TEST_CASE("a goal with a known UUID takes the imported state only when changed later") {
    pie::Store store = pie::Store::open_in_memory();
    std::string goal =
        R"({"uuid":"33333333-3333-4333-8333-333333333333","slice":"social","title":"meet","kind":"one-off",)"
        R"("every":null,"times":null,"minutes":null,"match":null,"rating":null,"state":"STATE",)"
        R"("created_at":"2026-11-01T00:00:00Z","done_at":DONE,"dropped_at":null,"changed_at":"CHANGED"})";
    auto with = [&](std::string state, std::string done, std::string changed) {
        std::string g = goal;
        g.replace(g.find("STATE"), 5, state);
        g.replace(g.find("DONE"), 4, done);
        g.replace(g.find("CHANGED"), 7, changed);
        return R"({"pie_export":1,"goals":[)" + g + "]}";
    };
    CHECK(import_json(store, with("active", "null", "2026-11-01T00:00:00Z")).goals_added == 1);
    REQUIRE(store.goals(true).size() == 1);
    CHECK(import_json(store, with("done", "\"2026-11-02T00:00:00Z\"", "2026-11-02T00:00:00Z")).goals_updated == 1);
    CHECK(store.goals(true).front().state == pie::GoalState::done);
    // An older state does not undo a newer one.
    CHECK(import_json(store, with("active", "null", "2026-11-01T00:00:00Z")).goals_updated == 0);
    CHECK(store.goals(true).front().state == pie::GoalState::done);
}

TEST_CASE("CSV rows: derived UUIDs, identical entries present, --map, line numbers in errors") {
    pie::Store store = pie::Store::open_in_memory();
    std::string csv =
        "at,slice,minutes,note,tags\n"
        "2026-11-20T10:00:00+01:00,social,45,\"peer, \"\"group\"\"\",a b\n"
        "2026-11-20T11:00:00+01:00,work,,,\n"
        "2026-11-20T11:00:00+01:00,work,,,\n";
    auto counts = import_csv(store, csv);
    CHECK(counts.entries_added == 2);
    CHECK(counts.present == 1);
    auto entries = store.entries({});
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].note == "peer, \"group\"");
    CHECK(entries[0].tags == std::vector<std::string>{"a", "b"});
    CHECK(entries[0].uuid[14] == '5');
    CHECK(entries[1].slice == "career");
    CHECK_FALSE(entries[1].minutes);
    CHECK(import_csv(store, csv).entries_added == 0);

    // Identical to an entry logged here (another UUID): present.
    pie::Entry logged;
    logged.slice_id = slice_named(store.slices(), "family").id;
    logged.at = k_now;
    logged.minutes = 30;
    {
        auto change = store.change(k_now);
        store.add_entry(logged);
        change.commit("log");
    }
    CHECK(import_csv(store, "at,slice,minutes,note,tags\n2026-11-24T18:30:00+01:00,family,30,,\n").present == 1);

    CHECK_THROWS_WITH_AS(import_csv(store, "at,slice,minutes,note,tags\n\n2026-11-20T10:00:00Z,nowhere,1,,\n"),
                         "line 3: unknown slice 'nowhere'", pie::UserError);
}

TEST_CASE("CSV rows into a pie without entries are staged: the same counts, rows, indexes and undo") {
    pie::test::TempDir dir;
    pie::Store store = pie::Store::open_for_write(dir / "pie.db");
    auto& db = store.database();
    auto schema = [&] {
        return db
            .execAndGet(
                "SELECT group_concat(sql, ';') FROM (SELECT sql FROM sqlite_schema "
                "WHERE tbl_name = 'entries' ORDER BY name)")
            .getString();
    };
    std::string before = schema();
    // A weekly goal on social, its streak kept (0) before the import brings a met week.
    std::int64_t goal_id = 0;
    {
        auto change = store.change(k_now);
        pie::Goal goal;
        goal.slice_id = slice_named(store.slices(), "social").id;
        goal.title = "see people";
        goal.kind = pie::GoalKind::recurring;
        goal.every = pie::PeriodKind::week;
        goal.created_at = goal.changed_at = k_now - 30 * pie::k_day;
        goal_id = store.add_goal(goal);
        change.commit("goal");
    }
    auto kept_run = [&] {
        SQLite::Statement select(db, "SELECT run FROM goal_streaks WHERE goal_id = ?");
        select.bind(1, goal_id);
        return select.executeStep() ? select.getColumn(0).getInt() : -1;
    };
    CHECK(kept_run() == 0);
    std::string csv =
        "at,slice,minutes,note,tags\n"
        "2026-11-20T11:00:00+01:00,work,,,\n"
        "2026-11-20T10:00:00+01:00,social,45,\"peer, \"\"group\"\"\",a b\n"
        "2026-11-20T11:00:00+01:00,work,,,\n"
        "2026-11-21T09:00:00+01:00,social,30,walk,\n";
    auto counts = import_csv(store, csv);
    CHECK(counts.entries_added == 3);
    CHECK(counts.present == 1);
    CHECK(schema() == before);  // the indexes dropped for the load are back as they were
    auto entries = store.entries({});
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].note == "peer, \"group\"");
    CHECK(entries[0].tags == std::vector<std::string>{"a", "b"});
    CHECK(entries[1].slice == "career");
    CHECK(entries[2].minutes == 30);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    // Nothing left beside the database but SQLite's own files.
    for (const auto& file : std::filesystem::directory_iterator(dir.path())) {
        CHECK(file.path().filename().string().rfind("pie.db", 0) == 0);
    }

    // Its undo is one statement; the rows were written without triggers, whose work the import
    // did once: the goal's kept streak was counted again (last week met).
    CHECK(db.execAndGet("SELECT count(*) FROM journal_ops WHERE change_id = (SELECT max(id) FROM journal)").getInt() ==
          1);
    CHECK(kept_run() == 1);

    // Again: entries exist now, so the rows go through the index and are all present.
    auto again = import_csv(store, csv);
    CHECK(again.entries_added == 0);
    CHECK(again.present == 4);
    CHECK(store.undo(k_now));  // the second import, which changed nothing
    CHECK(store.undo(k_now));
    CHECK(store.entries({}).empty());
    CHECK(schema() == before);
    CHECK(kept_run() == -1);  // the triggers are on again: the undo's deletes dropped the mark
}

TEST_CASE(
    "an import is one step of undo: its entries and ratings go in one statement each, slices and goals row by row") {
    pie::Store store = pie::Store::open_in_memory();
    {
        auto change = store.change(k_now);
        pie::Entry before;
        before.slice_id = slice_named(store.slices(), "family").id;
        before.at = k_now - 100;
        store.add_entry(before);
        change.commit("log");
    }
    std::string json = fmt::format(
        R"({{"pie_export":1,"slices":[{}],)"
        R"("entries":[{{"uuid":"11111111-2222-4333-8444-555555555555","at":"2026-11-20T10:00:00+01:00","slice":"garden","minutes":30}},)"
        R"({{"uuid":"11111111-2222-4333-8444-555555555556","at":"2026-11-20T11:00:00+01:00","slice":"social"}}],)"
        R"("goals":[{{"uuid":"11111111-2222-4333-8444-555555555557","slice":"garden","title":"weed","kind":"one-off",)"
        R"("state":"active","created_at":"2026-11-20T10:00:00+01:00","changed_at":"2026-11-20T10:00:00+01:00"}}],)"
        R"("ratings":[{{"uuid":"11111111-2222-4333-8444-555555555558","at":"2026-11-20T12:00:00+01:00","slice":"garden","score":7}}]}})",
        slice_json("11111111-2222-4333-8444-555555555559", "garden", "\"2026-11-20T09:00:00+01:00\""));
    auto counts = import_json(store, json);
    CHECK(counts.entries_added == 2);
    CHECK(counts.ratings_added == 1);
    CHECK(counts.slices_added == 1);
    CHECK(counts.goals_added == 1);
    auto& db = store.database();
    CHECK(db.execAndGet("SELECT recording FROM journal_state").getInt() == 1);
    // Entries and ratings: one DELETE each, after (so undone before) the slice and the goal.
    CHECK(db.execAndGet("SELECT count(*) FROM journal_ops WHERE change_id = (SELECT max(id) FROM journal)").getInt() ==
          4);

    // A later change is recorded row by row again, and undone first.
    {
        auto change = store.change(k_now);
        pie::Entry after;
        after.slice_id = slice_named(store.slices(), "social").id;
        after.at = k_now;
        store.add_entry(after);
        change.commit("log");
    }
    CHECK(store.undo(0) == "log");
    CHECK(store.entries({}).size() == 3);
    CHECK(store.undo(0) == "import");
    CHECK(store.entries({}).size() == 1);
    CHECK(store.ratings({}).empty());
    CHECK(store.goals(true).empty());
    CHECK(store.slices().size() == 8);
}
