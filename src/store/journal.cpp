// The journal: every write is a Change (one IMMEDIATE transaction, one row of `journal`); the
// triggers of schema.cpp record how to revert it, and undo() runs that backwards.

#include "internal.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <string_view>

namespace pie {

Store::Change::Change(Store& store, Instant now)
    : m_store(store),
      m_transaction(std::make_unique<SQLite::Transaction>(*store.m_db, SQLite::TransactionBehavior::IMMEDIATE)),
      m_now(now) {
    SQLite::Statement insert(*m_store.m_db, "INSERT INTO journal(at, summary) VALUES (?, '')");
    insert.bind(1, static_cast<std::int64_t>(now));
    insert.exec();
    m_id = m_store.m_db->getLastInsertRowid();
    store_internal::stamp_change(*m_store.m_db, now);
}

void Store::Change::commit(const std::string& summary) {
    m_store.keep_streaks(m_now);
    SQLite::Statement update(*m_store.m_db, "UPDATE journal SET summary = ? WHERE id = ?");
    update.bind(1, summary);
    update.bind(2, m_id);
    update.exec();
    m_transaction->commit();
}

Store::Change::Change(Change&&) noexcept = default;
Store::Change::~Change() = default;

Store::Change Store::change(Instant now) { return Change(*this, now); }

std::optional<std::string> Store::undo(Instant now) {
    SQLite::Transaction transaction(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    store_internal::stamp_change(*m_db, now);
    SQLite::Statement last(*m_db, "SELECT id, summary FROM journal ORDER BY id DESC LIMIT 1");
    if (!last.executeStep()) return std::nullopt;
    std::int64_t id = last.getColumn(0).getInt64();
    std::string summary = last.getColumn(1).getString();
    last.reset();

    // One statement at a time, straight from the cursor: an import may have left millions.
    m_db->exec("UPDATE journal_state SET recording = 0");
    SQLite::Statement ops(*m_db, "SELECT statement FROM journal_ops WHERE change_id = ? ORDER BY id DESC");
    ops.bind(1, id);
    try {
        while (ops.executeStep()) m_db->exec(ops.getColumn(0).getText());
    } catch (const SQLite::Exception& e) {
        if ((e.getErrorCode() & 0xff) != SQLITE_CONSTRAINT) throw;
        // Only sync (§12) makes a revert impossible: records from other devices depend on the row.
        bool slice = std::string_view(e.what()).find("slice that went to other devices") != std::string_view::npos;
        throw Error(fmt::format("cannot undo '{}': {}", summary,
                                slice ? "a slice it added went to other devices with 'pie sync'"
                                      : "records that came from other devices depend on it"),
                    slice ? "retire the slice instead: 'pie slices retire NAME'" : "");
    }
    ops.reset();
    m_db->exec("UPDATE journal_state SET recording = 1");
    SQLite::Statement forget(*m_db, "DELETE FROM journal WHERE id = ?");
    forget.bind(1, id);
    forget.exec();
    transaction.commit();
    return summary;
}

bool Store::has_changes() {
    if (m_db->execAndGet("SELECT EXISTS (SELECT 1 FROM journal)").getInt() != 0) return true;
    // A sync writes no journal (it is no step of undo), yet what it applied or wrote is kept.
    return m_db->tableExists("sync_state") &&
           m_db->execAndGet("SELECT EXISTS (SELECT 1 FROM sync_peers) OR (SELECT out_seq FROM sync_state) > 0")
                   .getInt() != 0;
}

}  // namespace pie
