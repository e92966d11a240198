#pragma once

// `pie import` (§7): reading pie's JSON export, CSV entries and Timewarrior's export into the
// store, with the merge rules of §7. It only reads input and calls the store; the command opens
// the Change that makes the whole import one transaction and one step of `pie undo`.

#include <pie/store.hpp>
#include <pie/time.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <istream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace pie {

// The version of the JSON export format this pie writes and reads (its "pie_export" member).
inline constexpr int k_export_format = 1;

// The header of CSV entries, as `pie export --format csv` writes it.
inline constexpr std::string_view k_csv_header = "at,slice,minutes,note,tags";

// How an import went.
struct ImportCounts {
    std::int64_t entries_added = 0;
    std::int64_t ratings_added = 0;
    std::int64_t slices_added = 0;
    std::int64_t goals_added = 0;
    std::int64_t entries_updated = 0;  // edited later in the file than here (§9)
    std::int64_t slices_updated = 0;
    std::int64_t goals_updated = 0;
    std::int64_t pauses_added = 0;  // goal pauses added, or ended as the imported one ends
    std::int64_t reviews_added = 0;
    std::int64_t present = 0;            // entries and ratings skipped: already present
                                         // (slices and goals are updated or left as they are)
    std::int64_t intervals_skipped = 0;  // Timewarrior intervals that make no entry

    // Whether the import changes the database.
    bool changes() const;
    // "120 entries, 4 ratings added; 2 slices updated": what changed ("nothing added" when nothing).
    std::string describe_changes() const;
    // describe_changes() and what was skipped and why.
    std::string describe() const;
};

class ImportSession {
public:
    // Imports into `store` (inside a Change). `tag_map` maps a tag (or a CSV slice) to a slice name;
    // `now` resolves the WHEN forms a CSV `at` may take.
    ImportSession(Store& store, std::map<std::string, std::string> tag_map, Instant now);

    // Each reads the whole input, record by record, and records in the journal how to revert it
    // (one statement per table for the entries and ratings added); bad input throws UserError naming the line
    // ("line 4: ...") or the record ("entries[3]: ...", "interval 2: ...").
    void read_json(std::istream& in);
    // `first_line`: the line number of the input's next byte (blank lines already read count).
    void read_csv(std::istream& in, std::size_t first_line = 1);
    void read_timewarrior(std::istream& in);

    const ImportCounts& counts() const { return m_counts; }

    // One line for each Timewarrior interval skipped: "skipped interval 20261120T090000Z (open: still running)".
    const std::vector<std::string>& skipped() const { return m_skipped; }

private:
    void add_slice_record(const nlohmann::json& record);
    void add_goal_record(const nlohmann::json& record);
    void add_entry_record(const nlohmann::json& record);
    void add_rating_record(const nlohmann::json& record);
    void add_review_record(const nlohmann::json& record);
    // The "pauses" of a goal record (none when absent), joined to local goal `goal_id`'s.
    void add_goal_pauses(const nlohmann::json& record, std::int64_t goal_id);
    void add_entry(Entry& entry, bool derived_uuid);
    // Ends an import of entries with derived UUIDs (CSV, Timewarrior), which the importer may
    // have staged (CSV): repeats it found then count as present.
    void finish_derived();
    // Adds to slice `slice_id` the events of `history` it does not hold; whether it added any.
    bool merge_slice_history(std::int64_t slice_id, const std::vector<SliceEvent>& history);
    // When the local entry with `entry`'s UUID was changed before `entry` (or never), gives it
    // `entry`'s content and counts it updated; whether it did.
    bool update_entry_if_later(const Entry& entry);
    void refresh_slices();
    // The local slice an imported record's slice name means: the slice the file's slice of that
    // name became, else the local slice of that name. Throws UserError when there is none.
    std::int64_t slice_id_for(const std::string& name);
    // The local slice a CSV slice or Timewarrior tag names (after --map), exact name ignoring case.
    const Slice* local_slice(const std::string& name) const;

    Store& m_store;
    Store::Importer m_importer;
    std::map<std::string, std::string> m_tag_map;
    Instant m_now;
    std::vector<Slice> m_slices;                        // the local slices, kept current
    std::map<std::string, std::int64_t> m_file_slices;  // a slice name in the file -> local slice id
    ImportCounts m_counts;
    std::vector<std::string> m_skipped;
};

}  // namespace pie
