#include <pie/format/history.hpp>

#include <pie/format/csv.hpp>
#include <pie/format/json.hpp>
#include <pie/format/table.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

namespace pie {

std::string render_history_text(const std::vector<Entry>& entries, Instant now, std::optional<int> width, bool ascii) {
    if (entries.empty()) return "No entries.\n";
    std::vector<std::vector<std::string>> rows;
    for (const Entry& entry : entries) {
        std::string note = entry.note;
        for (const std::string& tag : entry.tags) note += (note.empty() ? "+" : " +") + tag;
        rows.push_back({std::to_string(entry.id), format_short(entry.at, now), entry.slice,
                        entry.minutes ? format_duration(*entry.minutes) : "-", display_text(note, ascii)});
    }
    return render_table({{"id", Align::right}, {"when"}, {"slice"}, {"time", Align::right}, {"note"}}, rows, width,
                        ascii);
}

std::string render_history_json(const std::vector<Entry>& entries) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Entry& entry : entries) out.push_back(entry_json(entry, JsonUse::listed));
    return json_text(out);
}

std::string render_history_csv(const std::vector<Entry>& entries) {
    std::string out = csv_row({"id", "at", "slice", "minutes", "note", "tags"});
    for (const Entry& entry : entries) {
        out += csv_row({std::to_string(entry.id), format_iso(entry.at), entry.slice,
                        entry.minutes ? std::to_string(*entry.minutes) : "", entry.note,
                        fmt::format("{}", fmt::join(entry.tags, " "))});
    }
    return out;
}

}  // namespace pie
