// The questions reports and goals ask: aggregates over ranges of the indexes (a count and sum per
// slice, a latest rating, a last entry), never the rows themselves, through statements kept for
// the process.

#include "internal.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace pie {

using namespace store_internal;

std::vector<SliceActivity> Store::slice_activity() {
    SQLite::Statement query(*m_db, "SELECT slice_id, count(*), max(at) FROM entries GROUP BY slice_id");
    std::vector<SliceActivity> activity;
    while (query.executeStep()) {
        activity.push_back(
            {query.getColumn(0).getInt64(), query.getColumn(1).getInt64(), query.getColumn(2).getInt64()});
    }
    return activity;
}

std::optional<Rating> Store::latest_rating(std::int64_t slice_id, Instant at) {
    SQLite::Statement& select = cached(
        "SELECT r.id, r.uuid, r.slice_id, s.name, r.at, r.score, r.note FROM ratings r JOIN slices s ON s.id = "
        "r.slice_id "
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
    SQLite::Statement& select = cached(
        "SELECT count(*), coalesce(sum(minutes), 0) FROM entries "
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
    SQLite::Statement select(*m_db,
                             "SELECT (SELECT min(at) FROM entries), (SELECT max(at) FROM entries), "
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

namespace {

// The local time the kept streaks were counted in: periods are local, so a streak kept under
// another TZ is not read (and the next write counts it again).
std::string zone_key() {
    const char* zone = std::getenv("TZ");
    return zone ? zone : "";
}

// The first schema with kept streaks (nudge_facts reads older ones).
constexpr int k_streaks_version = 5;

}  // namespace

GoalFacts Store::goal_lookups(const Goal& goal, Instant at, bool with_streak) {
    GoalFacts facts;
    facts.pauses = goal_pauses(goal.id);
    if (with_streak && goal.every && m_read_version >= k_streaks_version) {
        SQLite::Statement& select = cached("SELECT until_at, run FROM goal_streaks WHERE goal_id = ? AND zone = ?");
        select.bind(1, goal.id);
        select.bind(2, zone_key());
        if (select.executeStep())
            facts.known = StreakMark{select.getColumn(0).getInt64(), select.getColumn(1).getInt()};
        select.reset();
    }
    if (goal.kind == GoalKind::rating) {
        // Only what the evaluation reads: the rating at `at` without a streak; from the last one
        // before the kept streak's end on when it is brought forward; else all of them.
        Instant since = std::numeric_limits<Instant>::min();
        if (!with_streak || !goal.every) {
            since = at;
        } else if (facts.known && resumes_streak(goal, at, *facts.known)) {
            since = facts.known->until;
        }
        SQLite::Statement& select = cached(
            "SELECT at, score FROM ratings WHERE slice_id = ?1 AND at <= ?2 AND at >= coalesce((SELECT max(at) "
            "FROM ratings WHERE slice_id = ?1 AND at < ?3), ?3) ORDER BY at, id");
        select.bind(1, goal.slice_id);
        select.bind(2, static_cast<std::int64_t>(at));
        select.bind(3, static_cast<std::int64_t>(since));
        while (select.executeStep())
            facts.ratings.emplace_back(select.getColumn(0).getInt64(), select.getColumn(1).getInt());
        select.reset();
        return facts;
    }
    if (goal.kind != GoalKind::recurring || !goal.every) return facts;
    // Without --match the rows come from the (slice_id, at, minutes) index alone; each period is
    // one range of it, read only as far as `enough`. A kept statement, bound afresh at each call
    // and reset after, so the facts of several goals may share it.
    std::string sql = fmt::format("SELECT minutes FROM entries WHERE slice_id = ?1 AND at >= ?2 AND at < ?3{}",
                                  goal.match ? k_match_clause : "");
    facts.period_totals = [this, sql, goal, at](const Period& period, std::int64_t enough) {
        SQLite::Statement& select = cached(sql);
        select.bind(1, goal.slice_id);
        select.bind(2, static_cast<std::int64_t>(period.from));
        select.bind(3, static_cast<std::int64_t>(std::min(period.to, at + 1)));
        if (goal.match) select.bind(4, *goal.match);
        Totals totals;
        while ((goal.minutes ? totals.minutes : totals.entries) < enough && select.executeStep()) {
            ++totals.entries;
            totals.minutes += select.getColumn(0).getInt64();  // NULL, an occurrence: 0
        }
        select.reset();  // ends the read: a kept statement must not hold the snapshot
        return totals;
    };
    return facts;
}

void Store::keep_streaks(Instant now) {
    if (m_read_version < k_streaks_version) return;  // a test's older schema
    // The goals whose kept streak does not end where the current period starts: new goals, those
    // a trigger dropped, and those whose periods closed since it was counted.
    std::string zone = zone_key();
    std::vector<Goal> stale;
    SQLite::Statement& select = cached(fmt::format(
        "SELECT {}, c.until_at FROM goals g JOIN slices s ON s.id = g.slice_id "
        "LEFT JOIN goal_streaks c ON c.goal_id = g.id AND c.zone = ? WHERE g.every IS NOT NULL ORDER BY g.id",
        k_goal_columns));
    select.bind(1, zone);
    while (select.executeStep()) {
        Goal goal = read_goal(select);
        SQLite::Column until = select.getColumn(16);
        if (until.isNull() || until.getInt64() != period_containing(*goal.every, now).from) {
            stale.push_back(std::move(goal));
        }
    }
    select.reset();
    for (const Goal& goal : stale) {
        StreakMark mark = closed_streak(goal, now, goal_lookups(goal, now));
        SQLite::Statement& keep = cached(
            "INSERT OR REPLACE INTO goal_streaks(goal_id, slice_id, ratings, zone, until_at, run) "
            "VALUES (?, ?, ?, ?, ?, ?)");
        keep.bind(1, goal.id);
        keep.bind(2, goal.slice_id);
        keep.bind(3, goal.kind == GoalKind::rating ? 1 : 0);
        keep.bind(4, zone);
        keep.bind(5, static_cast<std::int64_t>(mark.until));
        keep.bind(6, mark.run);
        exec_and_reset(keep);
    }
}

}  // namespace pie
