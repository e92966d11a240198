// Per-day totals for `pie calendar`: one ordered pass over the (at, slice_id, minutes) index,
// bucketed by the local days' start instants, so no row is turned into a local date by SQLite.

#include "internal.hpp"

#include <algorithm>

namespace pie {

std::vector<Totals> Store::day_totals(const std::vector<Instant>& starts, const std::vector<std::int64_t>& slice_ids) {
    if (starts.size() < 2) return {};
    std::vector<Totals> days(starts.size() - 1);
    SQLite::Statement& select =
        cached("SELECT at, slice_id, minutes FROM entries WHERE at >= ? AND at < ? ORDER BY at");
    select.bind(1, static_cast<std::int64_t>(starts.front()));
    select.bind(2, static_cast<std::int64_t>(starts.back()));
    std::size_t day = 0;
    while (select.executeStep()) {
        Instant at = select.getColumn(0).getInt64();
        while (at >= starts[day + 1]) ++day;
        if (!slice_ids.empty() &&
            std::find(slice_ids.begin(), slice_ids.end(), select.getColumn(1).getInt64()) == slice_ids.end()) {
            continue;
        }
        ++days[day].entries;
        days[day].minutes += select.getColumn(2).isNull() ? 0 : select.getColumn(2).getInt64();
    }
    select.reset();
    return days;
}

}  // namespace pie
