// What an import merges rather than adds (§7): slice histories as the union of their events, and
// entries edited on both sides by the later change (§9).

#include <pie/import.hpp>

#include <cstddef>
#include <vector>

namespace pie {

bool ImportSession::merge_slice_history(std::int64_t slice_id, const std::vector<SliceEvent>& history) {
    // A union of multisets: an event the slice holds as often as the file, or more, is not added
    // again (a retire, restore and retire in one second keep all three).
    std::vector<SliceEvent> local = m_store.slice_history(slice_id);
    std::vector<bool> matched(local.size(), false);
    bool added = false;
    for (const SliceEvent& event : history) {
        auto same = [&](std::size_t i) {
            return !matched[i] && local[i].at == event.at && local[i].retire == event.retire;
        };
        std::size_t i = 0;
        while (i < local.size() && !same(i)) ++i;
        if (i < local.size()) {
            matched[i] = true;
            continue;
        }
        m_importer.record_each();
        m_store.add_slice_event(slice_id, event);
        added = true;
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
