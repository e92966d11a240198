#include <doctest/doctest.h>

#include "support.hpp"

#include <pie/goal.hpp>
#include <pie/period.hpp>
#include <pie/store.hpp>
#include <pie/time.hpp>
#include <pie/uuid.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <tuple>
#include <vector>

// The kept goal streaks (table goal_streaks, schema 5): after random sequences of every kind of
// write (log, edit, rm, ratings, undo, imports, pauses and resumes, goal changes, a write
// outside pie, a change rolled back, the clock going back), each goal's streak read with the
// kept one equals the streak counted from scratch, and every kept row is what counting from
// scratch gives for its period. Fixed seeds; a run stays well under a few seconds.

using pie::Entry;
using pie::Goal;
using pie::GoalFacts;
using pie::GoalKind;
using pie::Instant;
using pie::PeriodKind;
using pie::test::k_day;
using pie::test::utc_time;

namespace {

struct Scenario {
    explicit Scenario(unsigned seed) : random(seed), store(pie::Store::open_in_memory()) {
        for (const pie::Slice& slice : store.slices()) {
            if (slice.name == "social" || slice.name == "health-fitness") slices.push_back(slice.id);
        }
        REQUIRE(slices.size() == 2);
    }

    int pick(int from, int to) { return std::uniform_int_distribution<int>(from, to)(random); }

    Entry random_entry(Instant latest) {
        Entry entry;
        entry.slice_id = slices[static_cast<std::size_t>(pick(0, 1))];
        entry.at = latest - pick(0, 40 * 24) * 3600;
        if (pick(0, 4) > 0) entry.minutes = pick(5, 90);
        entry.note = pick(0, 2) == 0 ? "dinner with Ann" : "walk";
        return entry;
    }

    Goal goal(std::size_t slice, PeriodKind every, Instant created_at) {
        Goal goal;
        goal.slice_id = slices[slice];
        goal.title = "keep it up";
        goal.kind = GoalKind::recurring;
        goal.every = every;
        goal.created_at = goal.changed_at = created_at;
        return goal;
    }

    // A day of history before the random writes: an entry most days, so streaks run long.
    void seed_history(Instant from, Instant to) {
        auto change = store.change(to);
        auto importer = store.importer();
        for (Instant day = from; day < to; day += k_day) {
            for (std::int64_t slice : slices) {
                if (pick(0, 9) == 0) continue;
                Entry entry;
                entry.slice_id = slice;
                entry.at = day + pick(8, 20) * 3600;
                entry.minutes = pick(20, 60);
                entry.note = pick(0, 1) == 0 ? "dinner" : "run";
                importer.add_entry(entry);
            }
        }
        importer.finish();
        change.commit("imported");
    }

    std::vector<std::int64_t> ids(const char* table) {
        std::vector<std::int64_t> ids;
        SQLite::Statement select(store.database(), std::string("SELECT id FROM ") + table + " ORDER BY id");
        while (select.executeStep()) ids.push_back(select.getColumn(0).getInt64());
        return ids;
    }

    std::optional<std::int64_t> any_of(const char* table) {
        std::vector<std::int64_t> all = ids(table);
        if (all.empty()) return std::nullopt;
        return all[static_cast<std::size_t>(pick(0, static_cast<int>(all.size()) - 1))];
    }

    // One random write at `now`.
    void write(Instant now) {
        int kind = pick(0, 13);
        if (kind == 0) {  // a write outside pie (the sqlite3 shell): the triggers see it too
            Entry entry = random_entry(now);
            store.database().exec(fmt_insert(entry));
            return;
        }
        if (kind == 1) {
            store.undo(now);
            return;
        }
        auto change = store.change(now);
        if (kind <= 4) {
            store.add_entry(random_entry(now));
        } else if (kind == 5) {
            if (auto id = any_of("entries")) {
                Entry entry = *store.entry(*id);
                Entry moved = random_entry(now);
                entry.at = pick(0, 1) ? moved.at : entry.at;
                entry.slice_id = pick(0, 3) ? entry.slice_id : moved.slice_id;
                entry.minutes = moved.minutes;
                entry.note = moved.note;
                entry.changed_at = now;
                store.update_entry(entry);
            }
        } else if (kind == 6) {
            if (auto id = any_of("entries")) store.delete_entry(*id);
        } else if (kind == 7) {
            pie::Rating rating;
            rating.slice_id = slices[static_cast<std::size_t>(pick(0, 1))];
            rating.at = now - pick(0, 30 * 24) * 3600;
            rating.score = pick(3, 9);
            store.add_rating(rating);
        } else if (kind == 8) {
            auto goal = any_of("goals");
            if (goal) store.add_goal_pause(*goal, {now - pick(0, 20) * k_day, std::nullopt});
        } else if (kind == 9) {
            if (auto goal = any_of("goals")) store.end_goal_pause(*goal, now - pick(0, 10) * k_day);
        } else if (kind == 10) {  // a goal's target or start changed (import, a future `goals edit`)
            if (auto goal = any_of("goals")) {
                store.database().exec("UPDATE goals SET created_at = created_at - " +
                                      std::to_string(pick(0, 30) * k_day) +
                                      ", times = CASE WHEN times IS NULL THEN NULL ELSE " + std::to_string(pick(1, 3)) +
                                      " END WHERE id = " + std::to_string(*goal));
            }
        } else if (kind == 11) {
            auto importer = store.importer();
            for (int i = pick(1, 5); i > 0; --i) importer.add_entry(random_entry(now));
            importer.finish();
        } else if (kind == 12) {
            if (auto goal = any_of("goals")) {
                store.set_goal_state(*goal, pick(0, 1) ? pie::GoalState::done : pie::GoalState::dropped, now);
            }
        } else {  // rolled back: nothing of it stays, the kept streaks included
            store.add_entry(random_entry(now));
            return;
        }
        change.commit("changed");
    }

    static std::string fmt_insert(const Entry& entry) {
        return "INSERT INTO entries(uuid, slice_id, at, minutes, note) VALUES ('" + pie::new_uuid() + "', " +
               std::to_string(entry.slice_id) + ", " + std::to_string(entry.at) + ", " +
               (entry.minutes ? std::to_string(*entry.minutes) : "NULL") + ", '" + entry.note + "')";
    }

    // Every goal's streak at `at` with the kept streak and from scratch; every kept row against
    // the streak counted from scratch for its period. Returns how many reads used a kept streak.
    int check(Instant at) {
        int used = 0;
        for (const Goal& goal : store.goals(true)) {
            if (!goal.every) continue;
            CAPTURE(goal.id);
            CAPTURE(at);
            GoalFacts facts = store.goal_lookups(goal, at);
            if (facts.known && facts.known->until <= pie::period_containing(*goal.every, at).from) ++used;
            pie::GoalStatus kept = pie::evaluate_goal(goal, at, facts);
            pie::GoalStatus scratch = pie::evaluate_goal(goal, at, scratch_facts(goal, at));
            REQUIRE(kept.streak == scratch.streak);
            CHECK(kept.met == scratch.met);
        }
        std::vector<std::tuple<std::int64_t, Instant, int>> kept_rows;
        SQLite::Statement rows(store.database(), "SELECT goal_id, until_at, run FROM goal_streaks");
        while (rows.executeStep()) {
            kept_rows.emplace_back(rows.getColumn(0).getInt64(), rows.getColumn(1).getInt64(),
                                   rows.getColumn(2).getInt());
        }
        for (const auto& row : kept_rows) {
            Goal goal = *store.goal(std::get<0>(row));
            Instant until = std::get<1>(row);
            CAPTURE(goal.id);
            CAPTURE(until);
            pie::StreakMark mark = pie::closed_streak(goal, until, scratch_facts(goal, until));
            CHECK(mark.until == until);
            REQUIRE(mark.run == std::get<2>(row));
        }
        return used;
    }

    // The facts of `goal` at `at` as a store without kept streaks reads them (all of its ratings).
    GoalFacts scratch_facts(const Goal& goal, Instant at) {
        store.database().exec("SAVEPOINT scratch; DELETE FROM goal_streaks");
        GoalFacts facts = store.goal_lookups(goal, at);
        store.database().exec("ROLLBACK TO scratch; RELEASE scratch");
        REQUIRE_FALSE(facts.known);
        return facts;
    }

    std::mt19937 random;
    pie::Store store;
    std::vector<std::int64_t> slices;
};

}  // namespace

TEST_CASE("a kept goal streak equals the streak counted from scratch after random writes") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    for (unsigned seed : {17u, 1234u, 99u}) {
        CAPTURE(seed);
        Scenario scenario(seed);
        Instant start = utc_time(2026, 1, 5, 12);
        scenario.seed_history(start - 150 * k_day, start);
        Goal weekly = scenario.goal(0, PeriodKind::week, start - 140 * k_day);
        weekly.times = 2;
        Goal daily = scenario.goal(1, PeriodKind::day, start - 120 * k_day);
        daily.times = 1;
        Goal monthly = scenario.goal(0, PeriodKind::month, start - 150 * k_day);
        monthly.minutes = 300;
        Goal dinners = scenario.goal(0, PeriodKind::week, start - 100 * k_day);
        dinners.times = 1;
        dinners.match = "dinner";
        Goal rating = scenario.goal(1, PeriodKind::week, start - 60 * k_day);
        rating.kind = GoalKind::rating;
        rating.rating = 5;
        {
            auto change = scenario.store.change(start);
            for (const Goal& goal : {weekly, daily, monthly, dinners, rating}) scenario.store.add_goal(goal);
            change.commit("added goals");
        }
        int used = 0;
        Instant now = start;
        for (int step = 0; step < 70; ++step) {
            // Mostly forward by hours to days; now and then back (PIE_NOW set to an earlier time).
            now += scenario.pick(0, 9) == 0 ? -scenario.pick(1, 10) * k_day : scenario.pick(1, 60) * 3600;
            CAPTURE(step);
            scenario.write(now);
            used += scenario.check(now);
            if (step % 5 == 0) used += scenario.check(now - scenario.pick(1, 30) * k_day);  // a past report
        }
        CHECK(used > 100);  // most reads started from a kept streak
    }
}

TEST_CASE("closed_streak brings a kept streak forward over the periods closed since") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    Goal goal;
    goal.kind = GoalKind::recurring;
    goal.every = PeriodKind::day;
    goal.times = 1;
    goal.created_at = utc_time(2026, 11, 1, 12);
    GoalFacts facts;
    int lookups = 0;
    Instant unmet_day = pie::period_containing(PeriodKind::day, utc_time(2026, 11, 20, 12)).from;
    facts.period_totals = [&](const pie::Period& period, std::int64_t) {
        ++lookups;
        return pie::Totals{period.from == unmet_day ? 0 : 1, 0};
    };
    Instant now = utc_time(2026, 11, 24, 12);
    Instant today = pie::period_containing(PeriodKind::day, now).from;
    SUBCASE("from scratch: back to the unmet day") {
        pie::StreakMark mark = pie::closed_streak(goal, now, facts);
        CHECK(mark.until == today);
        CHECK(mark.run == 3);  // the 21st, 22nd and 23rd
        CHECK(lookups == 4);
    }
    SUBCASE("kept up to two days ago: two days forward") {
        facts.known = pie::StreakMark{today - 2 * k_day, 40};
        pie::StreakMark mark = pie::closed_streak(goal, now, facts);
        CHECK(mark.run == 42);
        CHECK(lookups == 2);
        CHECK(pie::evaluate_goal(goal, now, facts).streak == 43);  // today met too
    }
    SUBCASE("kept across the unmet day: broken there") {
        facts.known = pie::StreakMark{today - 5 * k_day, 40};
        CHECK(pie::closed_streak(goal, now, facts).run == 3);
    }
    SUBCASE("kept up to a later day, or not at a day's start: counted from scratch") {
        facts.known = pie::StreakMark{today + k_day, 40};
        CHECK(pie::closed_streak(goal, now, facts).run == 3);
        facts.known = pie::StreakMark{today - k_day + 3600, 40};
        CHECK(pie::closed_streak(goal, now, facts).run == 3);
    }
}
