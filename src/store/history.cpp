// Slice history (§2, §7): every retire and restore, so that a report of a past period counts a
// slice as it was at that period's end, and so that two machines' histories merge.

#include "internal.hpp"

namespace pie {

std::optional<bool> Store::retired_by_history(std::int64_t slice_id, Instant at) {
    SQLite::Statement& select =
        cached("SELECT event FROM slice_events WHERE slice_id = ? AND at <= ? ORDER BY at DESC, id DESC LIMIT 1");
    select.bind(1, slice_id);
    select.bind(2, static_cast<std::int64_t>(at));
    std::optional<bool> retired;
    if (select.executeStep()) retired = select.getColumn(0).getString() == "retire";
    select.reset();
    return retired;
}

std::vector<SliceEvent> Store::slice_history(std::int64_t slice_id) {
    SQLite::Statement& select = cached("SELECT at, event FROM slice_events WHERE slice_id = ? ORDER BY at, id");
    select.bind(1, slice_id);
    std::vector<SliceEvent> events;
    while (select.executeStep()) {
        events.push_back({select.getColumn(0).getInt64(), select.getColumn(1).getString() == "retire"});
    }
    select.reset();
    return events;
}

void Store::add_slice_event(std::int64_t slice_id, const SliceEvent& event) {
    SQLite::Statement& insert = cached("INSERT INTO slice_events(slice_id, at, event) VALUES (?, ?, ?)");
    insert.bind(1, slice_id);
    insert.bind(2, static_cast<std::int64_t>(event.at));
    insert.bind(3, event.retire ? "retire" : "restore");
    insert.exec();
    insert.reset();
}

}  // namespace pie
