// Records: slices, entries, ratings and goals, each read and written through named functions,
// and the row mappers the other files of the store share.

#include "internal.hpp"

#include <pie/uuid.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <sstream>

namespace pie {

using namespace store_internal;

namespace store_internal {

std::string join_tags(const std::vector<std::string>& tags) { return fmt::format("{}", fmt::join(tags, " ")); }

std::vector<std::string> split_tags(const std::string& text) {
    std::vector<std::string> tags;
    std::istringstream in(text);
    for (std::string tag; in >> tag;) tags.push_back(tag);
    return tags;
}

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

namespace {

// The columns entries, ratings and goals begin with: id, uuid, slice_id, the slice's name.
template <typename Record>
Record read_record_head(SQLite::Statement& row) {
    Record record;
    record.id = row.getColumn(0).getInt64();
    record.uuid = row.getColumn(1).getString();
    record.slice_id = row.getColumn(2).getInt64();
    record.slice = row.getColumn(3).getString();
    return record;
}

}  // namespace

Entry read_entry(SQLite::Statement& row) {
    auto entry = read_record_head<Entry>(row);
    entry.at = row.getColumn(4).getInt64();
    entry.minutes = column_optional<int>(row, 5);
    entry.note = row.getColumn(6).getString();
    entry.tags = split_tags(row.getColumn(7).getString());
    entry.changed_at = column_optional<Instant>(row, 8);
    return entry;
}

Rating read_rating(SQLite::Statement& row) {
    auto rating = read_record_head<Rating>(row);
    rating.at = row.getColumn(4).getInt64();
    rating.score = row.getColumn(5).getInt();
    rating.note = row.getColumn(6).getString();
    return rating;
}

Goal read_goal(SQLite::Statement& row) {
    auto goal = read_record_head<Goal>(row);
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

std::string_view insert_entry_sql(const Entry& entry) {
    return entry.changed_at ? k_insert_edited_entry : k_insert_entry;
}

void bind_entry(SQLite::Statement& insert, const Entry& entry) {
    insert.bind(1, entry.uuid.empty() ? new_uuid() : entry.uuid);
    insert.bind(2, entry.slice_id);
    insert.bind(3, static_cast<std::int64_t>(entry.at));
    bind_optional(insert, 4, entry.minutes);
    insert.bind(5, entry.note);
    insert.bind(6, join_tags(entry.tags));
    if (entry.changed_at) insert.bind(7, static_cast<std::int64_t>(*entry.changed_at));
}

void bind_rating(SQLite::Statement& insert, const Rating& rating) {
    insert.bind(1, rating.uuid.empty() ? new_uuid() : rating.uuid);
    insert.bind(2, rating.slice_id);
    insert.bind(3, static_cast<std::int64_t>(rating.at));
    insert.bind(4, rating.score);
    insert.bind(5, rating.note);
}

void bind_goal(SQLite::Statement& statement, const Goal& goal, int first) {
    statement.bind(first, goal.slice_id);
    statement.bind(first + 1, goal.title);
    statement.bind(first + 2, std::string(goal_kind_name(goal.kind)));
    bind_optional(statement, first + 3,
                  goal.every ? std::optional<std::string>(period_kind_name(*goal.every)) : std::nullopt);
    bind_optional(statement, first + 4, goal.times);
    bind_optional(statement, first + 5, goal.minutes);
    bind_optional(statement, first + 6, goal.match);
    bind_optional(statement, first + 7, goal.rating);
    statement.bind(first + 8, std::string(goal_state_name(goal.state)));
    statement.bind(first + 9, static_cast<std::int64_t>(goal.created_at));
    bind_optional(statement, first + 10, goal.done_at);
    bind_optional(statement, first + 11, goal.dropped_at);
    statement.bind(first + 12, static_cast<std::int64_t>(goal.changed_at));
}

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

}  // namespace store_internal

namespace {

// The last `query.limit` records (all with 0) of a SELECT over `table` aliased `t`, oldest first.
template <typename Record>
std::vector<Record> read_last(SQLite::Database& db, std::string_view columns, std::string_view table,
                              std::string_view t, const RecordQuery& query, Record (*read)(SQLite::Statement&)) {
    SQLite::Statement select(db, fmt::format("SELECT {} FROM {} {} JOIN slices s ON s.id = {}.slice_id{} "
                                             "ORDER BY {}.at DESC, {}.id DESC LIMIT ?4",
                                             columns, table, t, t, where_clause(query, t), t, t));
    bind_query(select, query);
    select.bind(4, query.limit > 0 ? query.limit : std::int64_t{-1});
    std::vector<Record> records;
    while (select.executeStep()) records.push_back(read(select));
    std::reverse(records.begin(), records.end());
    return records;
}

}  // namespace

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
    SQLite::Statement event(*m_db, "INSERT INTO slice_events(slice_id, at, event) VALUES (?, ?, ?)");
    event.bind(1, id);
    event.bind(2, static_cast<std::int64_t>(retired_at.value_or(now)));
    event.bind(3, retired_at ? "retire" : "restore");
    event.exec();
}

std::int64_t Store::add_entry(const Entry& entry) {
    SQLite::Statement& insert = cached(insert_entry_sql(entry));
    bind_entry(insert, entry);
    insert.exec();
    return m_db->getLastInsertRowid();
}

std::optional<Entry> Store::entry(std::int64_t id) {
    SQLite::Statement query(
        *m_db,
        fmt::format("SELECT {} FROM entries e JOIN slices s ON s.id = e.slice_id WHERE e.id = ?", k_entry_columns));
    query.bind(1, id);
    if (!query.executeStep()) return std::nullopt;
    return read_entry(query);
}

void Store::update_entry(const Entry& entry) {
    SQLite::Statement& update =
        cached("UPDATE entries SET slice_id = ?, at = ?, minutes = ?, note = ?, tags = ?, changed_at = ? WHERE id = ?");
    update.bind(1, entry.slice_id);
    update.bind(2, static_cast<std::int64_t>(entry.at));
    bind_optional(update, 3, entry.minutes);
    update.bind(4, entry.note);
    update.bind(5, join_tags(entry.tags));
    bind_optional(update, 6, entry.changed_at);
    update.bind(7, entry.id);
    update.exec();
}

std::optional<Entry> Store::entry_by_uuid(const std::string& uuid) {
    SQLite::Statement& query = cached(
        fmt::format("SELECT {} FROM entries e JOIN slices s ON s.id = e.slice_id WHERE e.uuid = ?", k_entry_columns));
    query.bind(1, uuid);
    if (!query.executeStep()) return std::nullopt;
    Entry entry = read_entry(query);
    query.reset();
    return entry;
}

void Store::delete_entry(std::int64_t id) {
    SQLite::Statement remove(*m_db, "DELETE FROM entries WHERE id = ?");
    remove.bind(1, id);
    remove.exec();
}

std::vector<Entry> Store::entries(const RecordQuery& query) {
    return read_last(*m_db, k_entry_columns, "entries", "e", query, read_entry);
}

std::int64_t Store::add_rating(const Rating& rating) {
    SQLite::Statement& insert = cached(k_insert_rating);
    bind_rating(insert, rating);
    insert.exec();
    return m_db->getLastInsertRowid();
}

std::vector<Rating> Store::ratings(const RecordQuery& query) {
    return read_last(*m_db, k_rating_columns, "ratings", "r", query, read_rating);
}

std::int64_t Store::add_goal(const Goal& goal) {
    SQLite::Statement insert(*m_db,
                             "INSERT INTO goals(uuid, slice_id, title, kind, every, times, minutes, match, rating, "
                             "state, created_at, done_at, dropped_at, changed_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, goal.uuid.empty() ? new_uuid() : goal.uuid);
    bind_goal(insert, goal, 2);
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

}  // namespace pie
