// What an import merges rather than adds (§7): slice histories as the union of their events, and
// entries edited on both sides by the later change (§9).

#include <pie/import.hpp>

namespace pie {

bool ImportSession::merge_slice_history(std::int64_t slice_id, const std::vector<SliceEvent>& history) {
    bool added = false;
    for (const SliceEvent& event : history) {
        if (!added) m_importer.record_each();
        added = m_store.add_slice_event(slice_id, event) || added;
    }
    return added;
}

bool ImportSession::update_entry_if_later(const Entry& entry) {
    std::optional<Entry> local = m_store.entry_by_uuid(entry.uuid);
    if (!local || !entry.changed_at || (local->changed_at && *local->changed_at >= *entry.changed_at)) return false;
    Entry updated = entry;
    updated.id = local->id;
    m_importer.record_each();
    m_store.update_entry(updated);
    ++m_counts.entries_updated;
    return true;
}

}  // namespace pie
