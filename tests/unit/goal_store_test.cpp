#include <doctest/doctest.h>

#include "support.hpp"

#include <pie/goal.hpp>
#include <pie/period.hpp>
#include <pie/store.hpp>
#include <pie/time.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <stdlib.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

// Unit tests of the goal parts of the store (§5): goals stored and read back, state changes and
// undo, the facts a goal is evaluated on (entries grouped by *local* goal period, --match), and
// the migration that brought goals (schema 1 -> 2) on databases in memory and in files.
// Expected instants are hand-computed UTC readings; the zone of each case is stated with it.

namespace fs = std::filesystem;
using pie::Date;
using pie::Goal;
using pie::GoalFacts;
using pie::GoalKind;
using pie::GoalState;
using pie::Instant;
using pie::PeriodKind;
using pie::test::date_of;
using pie::test::TempDir;
using pie::test::utc_time;

namespace {

std::int64_t id_of_slice(pie::Store& store, const std::string& name) {
    for (const pie::Slice& slice : store.slices()) {
        if (slice.name == name) return slice.id;
    }
    FAIL("no slice " << name);
    return 0;
}

// Logs one entry as its own committed change.
std::int64_t add_logged(pie::Store& store, std::int64_t slice, Instant at, std::optional<int> minutes,
                        std::string note = "", std::vector<std::string> tags = {}) {
    pie::Entry entry;
    entry.slice_id = slice;
    entry.at = at;
    entry.minutes = minutes;
    entry.note = std::move(note);
    entry.tags = std::move(tags);
    auto change = store.change(at);
    std::int64_t id = store.add_entry(entry);
    change.commit("logged");
    return id;
}

Goal weekly_goal(std::int64_t slice, Instant created_at) {
    Goal goal;
    goal.slice_id = slice;
    goal.title = "peer consultation";
    goal.kind = GoalKind::recurring;
    goal.every = PeriodKind::week;
    goal.times = 1;
    goal.created_at = goal.changed_at = created_at;
    return goal;
}

std::int64_t add_goal_committed(pie::Store& store, const Goal& goal, const std::string& summary = "added goal") {
    auto change = store.change(goal.created_at);
    std::int64_t id = store.add_goal(goal);
    change.commit(summary);
    return id;
}

// What goal_lookups reads for the goal period of `goal` that starts on `first_day`.
void check_totals(const GoalFacts& facts, const Goal& goal, Date first_day, std::int64_t entries,
                  std::int64_t minutes) {
    CAPTURE(pie::format_date(first_day));
    REQUIRE(facts.period_totals);
    pie::Period period = pie::period_of_date(*goal.every, first_day);
    REQUIRE(period.first_day == first_day);
    pie::Totals totals = facts.period_totals(period, pie::k_all_of_it);
    CHECK(totals.entries == entries);
    CHECK(totals.minutes == minutes);
}

// The facts of a recurring goal as one GROUP BY per goal period: the reference goal_lookups is
// checked against (it evaluates the whole history at once, which the program never needs).
GoalFacts reference_facts(pie::Store& store, const Goal& goal, Instant at) {
    GoalFacts facts;
    std::string_view start = goal.every == PeriodKind::week    ? ", 'weekday 0', '-6 days'"
                             : goal.every == PeriodKind::month ? ", 'start of month'"
                                                               : "";
    std::string match = goal.match ? " AND (instr(pie_fold(note), pie_fold(?4)) > 0 OR (instr(?4, ' ') = 0 "
                                     "AND instr(' ' || pie_fold(tags) || ' ', ' ' || pie_fold(?4) || ' ') > 0))"
                                   : "";
    SQLite::Statement select(store.database(), "SELECT date(at, 'unixepoch', 'localtime'" + std::string(start) +
                                                   ") AS first_day, count(*), coalesce(sum(minutes), 0) FROM entries "
                                                   "WHERE slice_id = ?1 AND at >= ?2 AND at <= ?3" +
                                                   match + " GROUP BY first_day");
    select.bind(1, goal.slice_id);
    select.bind(2, static_cast<std::int64_t>(pie::period_containing(*goal.every, goal.created_at).from));
    select.bind(3, static_cast<std::int64_t>(at));
    if (goal.match) select.bind(4, *goal.match);
    while (select.executeStep()) {
        int y = 0;
        unsigned m = 0, d = 0;
        std::sscanf(select.getColumn(0).getString().c_str(), "%d-%u-%u", &y, &m, &d);
        facts.totals[date_of(y, m, d)] = pie::Totals{select.getColumn(1).getInt64(), select.getColumn(2).getInt64()};
    }
    return facts;
}

bool has_table(pie::Store& store, const std::string& name) {
    SQLite::Statement query(store.database(), "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
    query.bind(1, name);
    query.executeStep();
    return query.getColumn(0).getInt() == 1;
}

int file_user_version(const fs::path& path) {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    return db.execAndGet("PRAGMA user_version").getInt();
}

// A schema-1 database file (as an older pie left it) holding two entries; returns their ids.
std::vector<std::int64_t> make_v1_file(const fs::path& path) {
    pie::Store old = pie::Store::open_in_memory(1);
    REQUIRE(old.schema_version() == 1);
    std::int64_t social = id_of_slice(old, "social");
    std::vector<std::int64_t> ids = {add_logged(old, social, utc_time(2026, 11, 20, 9), 45, "peer consultation"),
                                     add_logged(old, social, utc_time(2026, 11, 23, 9), std::nullopt, "", {"call"})};
    old.database().exec("VACUUM INTO '" + path.string() + "'");
    REQUIRE(file_user_version(path) == 1);
    return ids;
}

}  // namespace

// --- Storing goals -----------------------------------------------------------------------------

TEST_CASE("add_goal and goal: every field comes back, the slice by its current name") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = id_of_slice(store, "social");
    Goal goal = weekly_goal(social, utc_time(2026, 11, 24, 17, 30));
    goal.title = "peer \"consultation\"";
    goal.times.reset();
    goal.minutes = 90;
    goal.match = "consult";
    std::int64_t id = add_goal_committed(store, goal);
    CHECK(id == 1);

    auto back = store.goal(id);
    REQUIRE(back.has_value());
    CHECK(back->id == id);
    CHECK(back->uuid.size() == 36);
    CHECK(back->slice_id == social);
    CHECK(back->slice == "social");
    CHECK(back->title == "peer \"consultation\"");
    CHECK(back->kind == GoalKind::recurring);
    CHECK(back->every == PeriodKind::week);
    CHECK_FALSE(back->times.has_value());
    CHECK(back->minutes == 90);
    CHECK(back->match == "consult");
    CHECK_FALSE(back->rating.has_value());
    CHECK(back->state == GoalState::active);
    CHECK(back->created_at == utc_time(2026, 11, 24, 17, 30));
    CHECK_FALSE(back->done_at.has_value());
    CHECK_FALSE(back->dropped_at.has_value());
    CHECK(back->changed_at == utc_time(2026, 11, 24, 17, 30));

    CHECK_FALSE(store.goal(id + 1).has_value());
    CHECK_FALSE(store.goal(0).has_value());

    // A given UUID is kept; rating and one-off goals round-trip too.
    Goal rating;
    rating.uuid = "0b6f3c1e-2d4a-4f6b-9c8d-7e5f4a3b2c1d";
    rating.slice_id = id_of_slice(store, "mental-health");
    rating.title = "feel rested";
    rating.kind = GoalKind::rating;
    rating.rating = 7;
    rating.every = PeriodKind::month;
    rating.created_at = rating.changed_at = utc_time(2026, 11, 24);
    std::int64_t rating_id = add_goal_committed(store, rating);
    auto rating_back = store.goal(rating_id);
    REQUIRE(rating_back.has_value());
    CHECK(rating_back->uuid == "0b6f3c1e-2d4a-4f6b-9c8d-7e5f4a3b2c1d");
    CHECK(rating_back->kind == GoalKind::rating);
    CHECK(rating_back->rating == 7);
    CHECK(rating_back->every == PeriodKind::month);
    CHECK(rating_back->slice == "mental-health");

    Goal once;
    once.slice_id = id_of_slice(store, "family");
    once.title = "visit grandma";
    once.kind = GoalKind::one_off;
    once.created_at = once.changed_at = utc_time(2026, 11, 24);
    auto once_back = store.goal(add_goal_committed(store, once));
    REQUIRE(once_back.has_value());
    CHECK(once_back->kind == GoalKind::one_off);
    CHECK_FALSE(once_back->every.has_value());
    CHECK_FALSE(once_back->times.has_value());
    CHECK_FALSE(once_back->minutes.has_value());
    CHECK_FALSE(once_back->match.has_value());
    CHECK_FALSE(once_back->rating.has_value());
}

TEST_CASE("goals(false) lists active goals, goals(true) all of them, oldest first; set_goal_state") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = id_of_slice(store, "social");
    const Instant t = utc_time(2026, 11, 24, 17, 30);
    std::int64_t g1 = add_goal_committed(store, weekly_goal(social, t));
    Goal once;
    once.slice_id = id_of_slice(store, "family");
    once.title = "visit grandma";
    once.kind = GoalKind::one_off;
    once.created_at = once.changed_at = t + 1;
    std::int64_t g2 = add_goal_committed(store, once);
    std::int64_t g3 = add_goal_committed(store, weekly_goal(social, t + 2));

    auto ids = [](const std::vector<Goal>& goals) {
        std::vector<std::int64_t> out;
        for (const Goal& goal : goals) out.push_back(goal.id);
        return out;
    };
    CHECK(ids(store.goals(false)) == std::vector<std::int64_t>{g1, g2, g3});
    CHECK(ids(store.goals(true)) == std::vector<std::int64_t>{g1, g2, g3});

    {
        auto change = store.change(t + 100);
        store.set_goal_state(g2, GoalState::done, t + 100);
        change.commit("achieved goal #2");
    }
    {
        auto change = store.change(t + 200);
        store.set_goal_state(g1, GoalState::dropped, t + 200);
        change.commit("dropped goal #1");
    }
    CHECK(ids(store.goals(false)) == std::vector<std::int64_t>{g3});
    CHECK(ids(store.goals(true)) == std::vector<std::int64_t>{g1, g2, g3});

    auto done = store.goal(g2);
    REQUIRE(done.has_value());
    CHECK(done->state == GoalState::done);
    CHECK(done->done_at == t + 100);
    CHECK_FALSE(done->dropped_at.has_value());
    CHECK(done->changed_at == t + 100);
    CHECK(done->created_at == t + 1);
    auto dropped = store.goal(g1);
    REQUIRE(dropped.has_value());
    CHECK(dropped->state == GoalState::dropped);
    CHECK(dropped->dropped_at == t + 200);
    CHECK_FALSE(dropped->done_at.has_value());
    CHECK(dropped->changed_at == t + 200);
    CHECK(pie::goal_active_at(*dropped, t + 199));
    CHECK_FALSE(pie::goal_active_at(*dropped, t + 200));

    // A goal's slice shows under its current name.
    {
        auto change = store.change(t + 300);
        store.rename_slice(social, "friends", "Friends", t + 300);
        change.commit("renamed");
    }
    CHECK(store.goal(g3)->slice == "friends");
}

TEST_CASE("undo reverts goal add, done and drop exactly") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = id_of_slice(store, "social");
    const Instant t = utc_time(2026, 11, 24, 17, 30);
    std::int64_t g1 = add_goal_committed(store, weekly_goal(social, t), "added goal #1");
    Goal once;
    once.slice_id = social;
    once.title = "call Anna";
    once.kind = GoalKind::one_off;
    once.created_at = once.changed_at = t + 10;
    std::int64_t g2 = add_goal_committed(store, once, "added goal #2");
    const std::string uuid1 = store.goal(g1)->uuid;
    {
        auto change = store.change(t + 100);
        store.set_goal_state(g1, GoalState::dropped, t + 100);
        change.commit("dropped goal #1");
    }
    {
        auto change = store.change(t + 200);
        store.set_goal_state(g2, GoalState::done, t + 200);
        change.commit("achieved goal #2");
    }
    CHECK(store.goals(false).empty());

    CHECK(store.undo(0) == "achieved goal #2");
    auto back2 = store.goal(g2);
    REQUIRE(back2.has_value());
    CHECK(back2->state == GoalState::active);
    CHECK_FALSE(back2->done_at.has_value());
    CHECK(back2->changed_at == t + 10);

    CHECK(store.undo(0) == "dropped goal #1");
    auto back1 = store.goal(g1);
    REQUIRE(back1.has_value());
    CHECK(back1->state == GoalState::active);
    CHECK_FALSE(back1->dropped_at.has_value());
    CHECK(back1->changed_at == t);
    CHECK(back1->uuid == uuid1);
    CHECK(back1->times == 1);
    CHECK_FALSE(back1->minutes.has_value());
    CHECK_FALSE(back1->match.has_value());
    CHECK(store.goals(false).size() == 2);

    CHECK(store.undo(0) == "added goal #2");
    CHECK_FALSE(store.goal(g2).has_value());
    CHECK(store.undo(0) == "added goal #1");
    CHECK_FALSE(store.goal(g1).has_value());
    CHECK(store.goals(true).empty());
    CHECK_FALSE(store.undo(0).has_value());
}

// --- What a goal is evaluated on ----------------------------------------------------------------

TEST_CASE("goal_lookups groups by local ISO week east of UTC (Asia/Tokyo, +09:00, no DST)") {
    pie::test::ZoneGuard zone("Asia/Tokyo");
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = id_of_slice(store, "social");
    std::int64_t career = id_of_slice(store, "career");
    // Added Mon 2026-11-16 10:00 JST; evaluated Tue 2026-11-24 18:30 JST (09:30 UTC).
    Goal goal = weekly_goal(social, utc_time(2026, 11, 16, 1));
    goal.times = 2;
    const Instant now = utc_time(2026, 11, 24, 9, 30);

    // Sun 15 Nov 23:50 JST: before the goal's first week (which starts Mon 16 Nov 00:00 JST).
    add_logged(store, social, utc_time(2026, 11, 15, 14, 50), 100);
    // Mon 16 Nov 00:10 JST = Sun 15 Nov 15:10 UTC: week of 16 Nov locally (week of 9 Nov in UTC).
    add_logged(store, social, utc_time(2026, 11, 15, 15, 10), 20);
    // Sun 22 Nov 23:30 JST: the last minutes of the week of 16 Nov.
    add_logged(store, social, utc_time(2026, 11, 22, 14, 30), 30);
    // Mon 23 Nov 00:30 JST = Sun 22 Nov 15:30 UTC: the week of 23 Nov locally, of 16 Nov in UTC.
    add_logged(store, social, utc_time(2026, 11, 22, 15, 30), 45);
    // At the evaluation instant itself: counts (an occurrence, no minutes).
    add_logged(store, social, now, std::nullopt);
    // After the evaluation instant: does not count.
    add_logged(store, social, now + 1, 60);
    add_logged(store, social, utc_time(2026, 11, 24, 10), 60);
    // Another slice: does not count.
    add_logged(store, career, utc_time(2026, 11, 23, 1), 200);
    std::int64_t goal_id = add_goal_committed(store, goal);
    goal = *store.goal(goal_id);

    GoalFacts facts = store.goal_lookups(goal, now);
    check_totals(facts, goal, date_of(2026, 11, 9), 1, 100);  // Sun 15 Nov 23:50 JST: the week before
    CHECK(facts.ratings.empty());
    check_totals(facts, goal, date_of(2026, 11, 16), 2, 50);
    check_totals(facts, goal, date_of(2026, 11, 23), 2, 45);

    pie::GoalStatus status = pie::evaluate_goal(goal, now, facts);
    CHECK(status.progress == 2);
    CHECK(status.met);
    CHECK(status.streak == 2);

    // Evaluated a minute before the instant entry: the week of 23 Nov has only the 00:30 one.
    GoalFacts earlier = store.goal_lookups(goal, now - 60);
    check_totals(earlier, goal, date_of(2026, 11, 23), 1, 45);
    status = pie::evaluate_goal(goal, now - 60, earlier);
    CHECK_FALSE(status.met);
    CHECK(status.streak == 1);
}

TEST_CASE("goal_lookups groups by local ISO week west of UTC: Sunday 23:30 in New York is Monday in UTC") {
    pie::test::ZoneGuard zone("America/New_York");
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = id_of_slice(store, "social");
    Goal goal = weekly_goal(social, utc_time(2026, 11, 9, 15));  // Mon 9 Nov 10:00 EST
    // Sun 22 Nov 23:30 EST = Mon 23 Nov 04:30 UTC: week of 16 Nov.
    add_logged(store, social, utc_time(2026, 11, 23, 4, 30), 30);
    // Mon 23 Nov 00:30 EST = 05:30 UTC: week of 23 Nov.
    add_logged(store, social, utc_time(2026, 11, 23, 5, 30), 15);
    // Mon 16 Nov 00:00 EST exactly = 05:00 UTC: week of 16 Nov; one second earlier: week of 9 Nov.
    add_logged(store, social, utc_time(2026, 11, 16, 5), 10);
    add_logged(store, social, utc_time(2026, 11, 16, 5) - 1, 5);
    std::int64_t goal_id = add_goal_committed(store, goal);
    goal = *store.goal(goal_id);

    const Instant now = utc_time(2026, 11, 24, 23, 30);  // Tue 24 Nov 18:30 EST
    GoalFacts facts = store.goal_lookups(goal, now);
    check_totals(facts, goal, date_of(2026, 11, 2), 0, 0);
    check_totals(facts, goal, date_of(2026, 11, 9), 1, 5);
    check_totals(facts, goal, date_of(2026, 11, 16), 2, 40);
    check_totals(facts, goal, date_of(2026, 11, 23), 1, 15);
    pie::GoalStatus status = pie::evaluate_goal(goal, now, facts);
    CHECK(status.met);
    CHECK(status.streak == 3);
}

TEST_CASE("goal_lookups groups by local day and local month (Asia/Tokyo)") {
    pie::test::ZoneGuard zone("Asia/Tokyo");
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t health = id_of_slice(store, "health-fitness");

    Goal daily = weekly_goal(health, utc_time(2026, 11, 22, 0));  // Sun 22 Nov 09:00 JST
    daily.every = PeriodKind::day;
    daily.times.reset();
    daily.minutes = 30;
    Goal monthly = weekly_goal(health, utc_time(2026, 10, 10, 0));  // Sat 10 Oct 09:00 JST
    monthly.every = PeriodKind::month;

    // Sat 31 Oct 23:59 JST: October.
    add_logged(store, health, utc_time(2026, 10, 31, 14, 59), 10);
    // Sun 1 Nov 00:00 JST = Sat 31 Oct 15:00 UTC: November (and day 1 Nov).
    add_logged(store, health, utc_time(2026, 10, 31, 15), 20);
    // Tue 24 Nov 08:00 JST = Mon 23 Nov 23:00 UTC: the local day 24 Nov.
    add_logged(store, health, utc_time(2026, 11, 23, 23), 25);
    // Mon 23 Nov 23:59:59 JST = 14:59:59 UTC: day 23 Nov.
    add_logged(store, health, utc_time(2026, 11, 23, 14, 59, 59), 30);
    // Mon 30 Nov 23:30 JST: November; Tue 1 Dec 00:30 JST = Mon 30 Nov 15:30 UTC: December.
    add_logged(store, health, utc_time(2026, 11, 30, 14, 30), 40);
    add_logged(store, health, utc_time(2026, 11, 30, 15, 30), 50);
    daily = *store.goal(add_goal_committed(store, daily));
    monthly = *store.goal(add_goal_committed(store, monthly));

    const Instant dec1 = utc_time(2026, 12, 1, 0);  // Tue 1 Dec 09:00 JST
    GoalFacts months = store.goal_lookups(monthly, dec1);
    check_totals(months, monthly, date_of(2026, 9, 1), 0, 0);
    check_totals(months, monthly, date_of(2026, 10, 1), 1, 10);
    check_totals(months, monthly, date_of(2026, 11, 1), 4, 20 + 25 + 30 + 40);
    check_totals(months, monthly, date_of(2026, 12, 1), 1, 50);

    const Instant nov24 = utc_time(2026, 11, 24, 9, 30);  // Tue 24 Nov 18:30 JST
    GoalFacts days = store.goal_lookups(daily, nov24);
    // Nothing on 22 Nov; 23 Nov ends at 23:59:59 JST.
    check_totals(days, daily, date_of(2026, 11, 22), 0, 0);
    check_totals(days, daily, date_of(2026, 11, 23), 1, 30);
    check_totals(days, daily, date_of(2026, 11, 24), 1, 25);
    pie::GoalStatus status = pie::evaluate_goal(daily, nov24, days);
    CHECK(status.progress == 25);
    CHECK_FALSE(status.met);
    CHECK(status.streak == 1);
}

TEST_CASE("goal_lookups groups by local week across the October DST change (Europe/Berlin)") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = id_of_slice(store, "social");
    Goal goal = weekly_goal(social, utc_time(2026, 10, 12, 8));  // Mon 12 Oct 10:00 CEST
    // Sun 25 Oct 23:30 CET = 22:30 UTC: week of 19 Oct.
    add_logged(store, social, utc_time(2026, 10, 25, 22, 30), 30);
    // Mon 26 Oct 00:30 CET = Sun 25 Oct 23:30 UTC: week of 26 Oct.
    add_logged(store, social, utc_time(2026, 10, 25, 23, 30), 20);
    // Sun 18 Oct 23:30 CEST = 21:30 UTC: week of 12 Oct.
    add_logged(store, social, utc_time(2026, 10, 18, 21, 30), 10);
    goal = *store.goal(add_goal_committed(store, goal));
    GoalFacts facts = store.goal_lookups(goal, utc_time(2026, 10, 27, 12));
    check_totals(facts, goal, date_of(2026, 10, 5), 0, 0);
    check_totals(facts, goal, date_of(2026, 10, 12), 1, 10);
    check_totals(facts, goal, date_of(2026, 10, 19), 1, 30);
    check_totals(facts, goal, date_of(2026, 10, 26), 1, 20);
}

TEST_CASE("--match counts notes containing the text, any case, and entries carrying it as a tag") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = id_of_slice(store, "social");
    std::int64_t family = id_of_slice(store, "family");
    Goal goal = weekly_goal(social, utc_time(2026, 11, 23, 7));  // Mon 23 Nov 08:00 CET
    goal.match = "Consult";
    const Instant t = utc_time(2026, 11, 23, 9);
    add_logged(store, social, t, 10, "peer consultation");                     // counts: note, other case
    add_logged(store, social, t + 1, 20, "CONSULT call");                      // counts
    add_logged(store, social, t + 2, 30, "walk", {"consult"});                 // counts: the tag
    add_logged(store, social, t + 3, 40, "walk", {"consulting"});              // no: a longer tag
    add_logged(store, social, t + 4, 50, "walk", {"peer-consult"});            // no: a longer tag
    add_logged(store, social, t + 5, 60, "dinner", {"home", "consult", "x"});  // counts: a middle tag
    add_logged(store, social, t + 6, 70, "consulting session");                // counts: notes match inside words
    add_logged(store, social, t + 7, 80, "walk");                              // no
    add_logged(store, social, t + 8, std::nullopt, "", {"consult"});           // counts, no minutes
    add_logged(store, family, t + 9, 90, "consult");                           // no: another slice
    goal = *store.goal(add_goal_committed(store, goal));

    GoalFacts facts = store.goal_lookups(goal, utc_time(2026, 11, 24, 17, 30));
    check_totals(facts, goal, date_of(2026, 11, 23), 6, 10 + 20 + 30 + 60 + 70);

    // Without --match, every entry of the slice counts.
    Goal all = goal;
    all.match.reset();
    GoalFacts unfiltered = store.goal_lookups(all, utc_time(2026, 11, 24, 17, 30));
    check_totals(unfiltered, all, date_of(2026, 11, 23), 9, 10 + 20 + 30 + 40 + 50 + 60 + 70 + 80);
}

TEST_CASE("--match with a space is not a tag: two tags in a row do not make one") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = id_of_slice(store, "social");
    Goal goal = weekly_goal(social, utc_time(2026, 11, 23, 7));
    goal.match = "peer group";
    const Instant t = utc_time(2026, 11, 23, 9);
    add_logged(store, social, t, 10, "the peer group met");           // counts: the note
    add_logged(store, social, t + 1, 20, "walk", {"peer", "group"});  // tags 'peer' and 'group', not 'peer group'
    goal = *store.goal(add_goal_committed(store, goal));
    GoalFacts facts = store.goal_lookups(goal, utc_time(2026, 11, 24, 17, 30));
    // Regression (was a bug): tags are stored space-joined and matched as ' ' || TEXT || ' ' in
    // ' ' || tags || ' ', so a --match TEXT with a space matched consecutive tags ("peer" "group");
    // §5 counts only entries "that carry tag TEXT", and no tag can contain a space.
    check_totals(facts, goal, date_of(2026, 11, 23), 1, 10);
}

TEST_CASE("--match is case-insensitive beyond ASCII") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t mental = id_of_slice(store, "mental-health");
    Goal goal = weekly_goal(mental, utc_time(2026, 11, 23, 7));
    goal.match = "übung";
    const Instant t = utc_time(2026, 11, 23, 9);
    add_logged(store, mental, t, 10, "Atem-Übung");  // counts: Ü is ü in another case
    add_logged(store, mental, t + 1, 20, "übung");   // counts
    goal = *store.goal(add_goal_committed(store, goal));
    GoalFacts facts = store.goal_lookups(goal, utc_time(2026, 11, 24, 17, 30));
    // Regression (was a bug): SQLite's lower() folds only ASCII, so "Atem-Übung" does not contain "übung"
    // case-insensitively as far as goal_facts is concerned (§5: "note contains TEXT (case-insensitive)").
    check_totals(facts, goal, date_of(2026, 11, 23), 2, 30);
}

TEST_CASE(
    "goal_lookups for a rating goal: the slice's ratings up to the instant, oldest first, from the last "
    "one the evaluation needs") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t mental = id_of_slice(store, "mental-health");
    std::int64_t social = id_of_slice(store, "social");
    const Instant now = utc_time(2026, 11, 24, 17, 30);
    {
        auto change = store.change(now);
        for (auto [slice, at, score] :
             std::vector<std::tuple<std::int64_t, Instant, int>>{{mental, utc_time(2026, 11, 20), 8},
                                                                 {mental, utc_time(2026, 11, 10), 5},
                                                                 {social, utc_time(2026, 11, 21), 2},
                                                                 {mental, now, 6},
                                                                 {mental, now + 1, 9}}) {
            pie::Rating rating;
            rating.slice_id = slice;
            rating.at = at;
            rating.score = score;
            store.add_rating(rating);
        }
        change.commit("rated");
    }
    Goal goal;
    goal.slice_id = mental;
    goal.title = "feel rested";
    goal.kind = GoalKind::rating;
    goal.rating = 7;
    goal.every = PeriodKind::week;
    goal.created_at = goal.changed_at = utc_time(2026, 11, 1);
    Goal weekly = *store.goal(add_goal_committed(store, goal));
    store.database().exec("DELETE FROM goal_streaks");  // no kept streak: the walk reads them all
    GoalFacts facts = store.goal_lookups(weekly, now);
    CHECK_FALSE(facts.period_totals);
    REQUIRE(facts.ratings.size() == 3);
    CHECK(facts.ratings[0] == std::pair<Instant, int>{utc_time(2026, 11, 10), 5});
    CHECK(facts.ratings[1] == std::pair<Instant, int>{utc_time(2026, 11, 20), 8});
    CHECK(facts.ratings[2] == std::pair<Instant, int>{now, 6});
    pie::GoalStatus status = pie::evaluate_goal(weekly, now, facts);
    CHECK(status.progress == 6);
    CHECK_FALSE(status.met);

    // Without the streak (nudge) or without periods, only the rating at the instant counts: the
    // last one before it and those at it are read.
    GoalFacts current = store.goal_lookups(weekly, now, false);
    REQUIRE(current.ratings.size() == 2);
    CHECK(current.ratings[0] == std::pair<Instant, int>{utc_time(2026, 11, 20), 8});
    CHECK(current.ratings[1] == std::pair<Instant, int>{now, 6});
    CHECK(pie::evaluate_goal(weekly, now, current, false).progress == 6);
    goal.every.reset();
    Goal latest = *store.goal(add_goal_committed(store, goal));
    CHECK(store.goal_lookups(latest, now).ratings.size() == 2);
    status = pie::evaluate_goal(latest, now + 1, store.goal_lookups(latest, now + 1));
    CHECK(status.progress == 9);
    CHECK(status.met);
}

TEST_CASE("goal_lookups for a one-off goal is empty") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t family = id_of_slice(store, "family");
    add_logged(store, family, utc_time(2026, 11, 24, 9), 30);
    Goal goal;
    goal.slice_id = family;
    goal.title = "visit grandma";
    goal.kind = GoalKind::one_off;
    goal.created_at = goal.changed_at = utc_time(2026, 11, 1);
    goal = *store.goal(add_goal_committed(store, goal));
    GoalFacts facts = store.goal_lookups(goal, utc_time(2026, 11, 24, 17, 30));
    CHECK_FALSE(facts.period_totals);
    CHECK(facts.ratings.empty());
}

// --- Migration from schema 1 --------------------------------------------------------------------

TEST_CASE("migrate() brings an in-memory schema-1 store to the current schema, keeping its entries") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    pie::Store store = pie::Store::open_in_memory(1);
    CHECK(store.schema_version() == 1);
    CHECK_FALSE(has_table(store, "goals"));
    CHECK(has_table(store, "entries"));
    std::int64_t social = id_of_slice(store, "social");
    std::int64_t e1 = add_logged(store, social, utc_time(2026, 11, 23, 9), 45, "peer consultation", {"peer"});
    std::int64_t e2 = add_logged(store, social, utc_time(2026, 11, 24, 9), std::nullopt, "call");

    store.migrate();
    CHECK(store.schema_version() == pie::k_schema_version);
    CHECK(store.database().execAndGet("PRAGMA application_id").getInt() == pie::k_application_id);
    CHECK(has_table(store, "goals"));
    auto entries = store.entries({});
    REQUIRE(entries.size() == 2);
    CHECK(entries[0].id == e1);
    CHECK(entries[0].minutes == 45);
    CHECK(entries[0].note == "peer consultation");
    CHECK(entries[0].tags == std::vector<std::string>{"peer"});
    CHECK(entries[1].id == e2);
    CHECK_FALSE(entries[1].minutes.has_value());

    Goal goal = weekly_goal(social, utc_time(2026, 11, 23, 8));
    std::int64_t goal_id = add_goal_committed(store, goal, "added goal #1");
    REQUIRE(store.goal(goal_id).has_value());
    GoalFacts facts = store.goal_lookups(*store.goal(goal_id), utc_time(2026, 11, 24, 17, 30));
    check_totals(facts, *store.goal(goal_id), date_of(2026, 11, 23), 2, 45);

    // Undo works across the migration: the goal, then the entries logged at schema 1.
    CHECK(store.undo(0) == "added goal #1");
    CHECK(store.goals(true).empty());
    CHECK(store.undo(0) == "logged");
    CHECK(store.entries({}).size() == 1);

    // Migrating again is a no-op.
    store.migrate();
    CHECK(store.schema_version() == pie::k_schema_version);
}

TEST_CASE("open_for_write migrates a schema-1 file and keeps its entries") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    TempDir dir;
    fs::path path = dir / "old.db";
    std::vector<std::int64_t> ids = make_v1_file(path);
    {
        pie::Store store = pie::Store::open_for_write(path);
        CHECK(store.schema_version() == pie::k_schema_version);
        auto entries = store.entries({});
        REQUIRE(entries.size() == 2);
        CHECK(entries[0].id == ids[0]);
        CHECK(entries[0].note == "peer consultation");
        CHECK(entries[0].minutes == 45);
        CHECK(entries[1].id == ids[1]);
        CHECK(entries[1].tags == std::vector<std::string>{"call"});
        CHECK(store.slices().size() == 8);
        add_goal_committed(store, weekly_goal(id_of_slice(store, "social"), utc_time(2026, 11, 24, 17, 30)));
    }
    CHECK(file_user_version(path) == pie::k_schema_version);
    pie::Store again = pie::Store::open_for_read(path);
    CHECK(again.goals(false).size() == 1);
    CHECK(again.entries({}).size() == 2);
}

TEST_CASE("open_for_read migrates a schema-1 file and keeps its entries") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    TempDir dir;
    fs::path path = dir / "old.db";
    std::vector<std::int64_t> ids = make_v1_file(path);
    {
        pie::Store store = pie::Store::open_for_read(path);
        CHECK(store.schema_version() == pie::k_schema_version);
        CHECK(store.goals(true).empty());
        auto entries = store.entries({});
        REQUIRE(entries.size() == 2);
        CHECK(entries[0].id == ids[0]);
        CHECK(entries[1].id == ids[1]);
        // The goal query works on the migrated file.
        Goal goal = weekly_goal(id_of_slice(store, "social"), utc_time(2026, 11, 16, 8));
        GoalFacts facts = store.goal_lookups(goal, utc_time(2026, 11, 24, 17, 30));
        check_totals(facts, goal, date_of(2026, 11, 16), 1, 45);
        check_totals(facts, goal, date_of(2026, 11, 23), 1, 0);
    }
    CHECK(file_user_version(path) == pie::k_schema_version);
}

TEST_CASE(
    "goal_lookups, one period at a time, evaluates every goal as one GROUP BY of the history does (Europe/Berlin)") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t social = id_of_slice(store, "social");
    // Entries on a few weeks around the October DST change, at period edges, with and without minutes.
    for (Instant at : {utc_time(2026, 10, 4, 21, 59), utc_time(2026, 10, 4, 22), utc_time(2026, 10, 11, 9),
                       utc_time(2026, 10, 18, 21, 30), utc_time(2026, 10, 25, 22, 30), utc_time(2026, 10, 25, 23, 30),
                       utc_time(2026, 11, 1, 9), utc_time(2026, 11, 9, 9), utc_time(2026, 11, 16, 9),
                       utc_time(2026, 11, 16, 10), utc_time(2026, 11, 23, 9), utc_time(2026, 11, 24, 18)}) {
        add_logged(store, social, at, at % 2 ? std::optional<int>(25) : std::nullopt, at % 3 ? "consult" : "walk");
    }
    for (PeriodKind every : {PeriodKind::day, PeriodKind::week, PeriodKind::month}) {
        for (int variant = 0; variant < 4; ++variant) {
            Goal goal = weekly_goal(social, utc_time(2026, 9, 28, 8));
            goal.every = every;
            if (variant == 1) goal.times = 2;
            if (variant == 2) {
                goal.times.reset();
                goal.minutes = 20;
            }
            if (variant == 3) goal.match = "consult";
            goal = *store.goal(add_goal_committed(store, goal));
            for (Instant at :
                 {utc_time(2026, 11, 24, 17, 30), utc_time(2026, 11, 16, 9, 30), utc_time(2026, 10, 26, 0)}) {
                CAPTURE(pie::period_kind_name(every));
                CAPTURE(variant);
                CAPTURE(at);
                pie::GoalStatus full = pie::evaluate_goal(goal, at, reference_facts(store, goal, at));
                pie::GoalStatus lookups = pie::evaluate_goal(goal, at, store.goal_lookups(goal, at));
                CHECK(lookups.progress == full.progress);
                CHECK(lookups.met == full.met);
                CHECK(lookups.streak == full.streak);
            }
        }
    }
}
