// Goal pauses (§5) and reviews (§11): small tables read by id or by a range of their index.

#include "internal.hpp"

#include <pie/error.hpp>
#include <pie/uuid.hpp>

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>

namespace pie {

using namespace store_internal;

std::optional<NudgeFacts> Store::nudge_facts(const std::filesystem::path& path, Instant now) {
    try {
        auto db = std::make_unique<SQLite::Database>(path.string(), SQLite::OPEN_READONLY);
        configure(*db);
        db->setBusyTimeout(0);
        int version = db->execAndGet("PRAGMA user_version").getInt();
        if (version > k_schema_version) {
            throw Error(fmt::format("opening {}: written by a newer pie (schema {}; this pie knows up to {})",
                                    path.string(), version, k_schema_version),
                        "install a newer pie to use this database");
        }
        if (version == 0) return NudgeFacts{now, {}, {}, {}};  // an empty file: a new pie
        Store store(std::move(db), path.string());
        store.m_read_version = version;
        NudgeFacts facts;
        facts.now = now;
        Date today = local_date(now);
        Instant recent_from = start_of_day(nudge_window_start(now));
        Instant week_from = start_of_day(add_days(today, -6));
        Instant tomorrow = start_of_day(add_days(today, 1));
        for (const Slice& slice : store.slices()) {
            NudgeSlice item{slice.name,
                            !slice.retired(),
                            {},
                            store.last_logged(slice.id, now + 1),
                            store.slice_totals(slice.id, week_from, tomorrow).minutes};
            if (may_be_quiet(item.active, item.last_entry, now))
                item.recent_entries = store.entry_times(slice.id, recent_from, tomorrow);
            if (std::optional<Rating> rating = store.latest_rating(slice.id, now)) {
                facts.last_rating = std::max(facts.last_rating.value_or(rating->at), rating->at);
            }
            facts.slices.push_back(std::move(item));
        }
        if (version < 2) return facts;  // no goals yet
        for (const Goal& goal : store.goals(false)) {
            if (!may_be_due(goal, now)) continue;
            facts.goals.push_back(
                NudgeGoal{goal, evaluate_goal(goal, now, store.goal_lookups(goal, now, false), false)});
        }
        return facts;
    } catch (const SQLite::Exception& e) {
        if ((e.getErrorCode() & 0xff) == SQLITE_BUSY) return std::nullopt;
        throw database_error(path, e, "reading");
    }
}

std::vector<Instant> Store::entry_times(std::int64_t slice_id, Instant from, Instant to) {
    SQLite::Statement& select = cached("SELECT at FROM entries WHERE slice_id = ? AND at >= ? AND at < ? ORDER BY at");
    select.bind(1, slice_id);
    select.bind(2, static_cast<std::int64_t>(from));
    select.bind(3, static_cast<std::int64_t>(to));
    std::vector<Instant> times;
    while (select.executeStep()) times.push_back(select.getColumn(0).getInt64());
    select.reset();
    return times;
}

std::vector<GoalPause> Store::goal_pauses(std::int64_t goal_id) {
    if (m_read_version < 3) return {};  // a database from before pauses, read by nudge_facts
    SQLite::Statement& select = cached("SELECT from_at, until_at FROM goal_pauses WHERE goal_id = ? ORDER BY from_at");
    select.reset();
    select.bind(1, goal_id);
    std::vector<GoalPause> pauses;
    while (select.executeStep())
        pauses.push_back(GoalPause{select.getColumn(0).getInt64(), column_optional<Instant>(select, 1)});
    select.reset();
    return pauses;
}

bool Store::add_goal_pause(std::int64_t goal_id, const GoalPause& pause) {
    SQLite::Statement& insert = cached(
        "INSERT INTO goal_pauses(goal_id, from_at, until_at) VALUES (?, ?, ?) ON CONFLICT (goal_id, from_at) "
        "DO UPDATE SET until_at = excluded.until_at WHERE until_at IS NULL AND excluded.until_at IS NOT NULL");
    insert.bind(1, goal_id);
    insert.bind(2, static_cast<std::int64_t>(pause.from));
    bind_optional(insert, 3, pause.until);
    exec_and_reset(insert);
    return m_db->getChanges() > 0;
}

void Store::end_goal_pause(std::int64_t goal_id, Instant at) {
    // A pause that has not begun yet ends before it began: it goes.
    SQLite::Statement remove(*m_db, "DELETE FROM goal_pauses WHERE goal_id = ?1 AND from_at >= ?2");
    remove.bind(1, goal_id);
    remove.bind(2, static_cast<std::int64_t>(at));
    remove.exec();
    SQLite::Statement update(*m_db,
                             "UPDATE goal_pauses SET until_at = ?2 WHERE goal_id = ?1 AND from_at < ?2 "
                             "AND (until_at IS NULL OR until_at > ?2)");
    update.bind(1, goal_id);
    update.bind(2, static_cast<std::int64_t>(at));
    update.exec();
}

std::int64_t Store::add_review(const Review& review) {
    SQLite::Statement insert(*m_db, "INSERT INTO reviews(uuid, at, intention) VALUES (?, ?, ?)");
    insert.bind(1, review.uuid.empty() ? new_uuid() : review.uuid);
    insert.bind(2, static_cast<std::int64_t>(review.at));
    bind_optional(insert, 3, review.intention);
    insert.exec();
    return m_db->getLastInsertRowid();
}

std::vector<Review> Store::reviews(std::optional<Instant> since, std::optional<Instant> until) {
    SQLite::Statement select(*m_db,
                             "SELECT id, uuid, at, intention FROM reviews WHERE (?1 IS NULL OR at >= ?1) "
                             "AND (?2 IS NULL OR at < ?2) ORDER BY at DESC, id DESC");
    bind_optional(select, 1, since);
    bind_optional(select, 2, until);
    std::vector<Review> reviews;
    while (select.executeStep()) {
        reviews.push_back(Review{select.getColumn(0).getInt64(), select.getColumn(1).getString(),
                                 select.getColumn(2).getInt64(), column_optional<std::string>(select, 3)});
    }
    return reviews;
}

bool Store::has_review(const std::string& uuid) {
    SQLite::Statement& select = cached("SELECT 1 FROM reviews WHERE uuid = ?");
    select.bind(1, uuid);
    return finds_row(select);
}

}  // namespace pie
