#pragma once

// `pie sync` (§12), the pure part: the change files' names, their header, body and trailer
// lines (JSON, records in the shapes of the export), the FNV-1a checksum, and the versions by
// which every device decides a conflict the same way. No SQLite, no file system.

#include <pie/goal.hpp>
#include <pie/records.hpp>
#include <pie/review.hpp>
#include <pie/slice.hpp>
#include <pie/time.hpp>

#include <compare>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pie {

// The version of the change-file format this pie writes and reads (the header's "pie_sync").
inline constexpr int k_sync_format = 1;

// A change file's name: "changes-" and its sequence number, 8 digits or more, then ".jsonl".
std::string change_file_name(std::int64_t seq);
// The sequence number a file name holds, or nullopt for any other name (temporary files of pie
// or of a sync tool, dotfiles, notes), which sync ignores.
std::optional<std::int64_t> change_file_seq(std::string_view name);

// 64-bit FNV-1a over bytes: the checksum of a change file (every byte before its last line).
class Fnv1a {
public:
    void add(std::string_view bytes);
    // 16 lowercase hex digits.
    std::string hex() const;

private:
    std::uint64_t m_hash = 0xcbf29ce484222325ULL;
};

// Which change made a record's state: records count deletes and restores (`gen`), so an edit
// made before a delete or restore it did not know of loses; then the later time wins, then
// the greater device id.
struct SyncVersion {
    std::int64_t gen = 0;
    Instant at = 0;
    std::string device;
    auto operator<=>(const SyncVersion&) const = default;
};

enum class SyncKind { slice, goal, entry, rating, review };
std::string_view sync_kind_name(SyncKind kind);

// One change of one record: its state as the export shapes it, or its deletion.
struct SyncChange {
    SyncKind kind = SyncKind::entry;
    std::string uuid;
    SyncVersion version;
    bool deleted = false;
    std::string slice_uuid;               // entry, rating, goal: the slice it belongs to
    std::optional<std::string> added_as;  // slice: its name when added (same-named slices merge)
    Slice slice;
    std::vector<SliceEvent> history;
    Goal goal;
    std::vector<GoalPause> pauses;
    Entry entry;
    Rating rating;
    Review review;
};

// A change file's first line.
struct SyncHeader {
    int format = k_sync_format;
    std::string device;
    std::int64_t seq = 0;
    Instant written_at = 0;
    std::string attempt;  // a nonce of the sync that wrote it (a lost commit is told from a copy)
};

// What is wrong with a change file: damaged (bad JSON, a checksum that does not match, cut
// short) or foreign (a newer format).
class SyncFileError : public std::runtime_error {
public:
    SyncFileError(const std::string& message, bool foreign = false) : std::runtime_error(message), m_foreign(foreign) {}
    bool foreign() const { return m_foreign; }

private:
    bool m_foreign;
};

// The lines of a change file, without their newline.
std::string encode_header(const SyncHeader& header);
std::string encode_change(const SyncChange& change);
std::string encode_trailer(std::int64_t changes, const Fnv1a& checksum);

// Reading them back; `now` resolves nothing relative (times carry their offset). A line that is
// not what it should be throws SyncFileError. decode_line tells a change from the trailer.
SyncHeader decode_header(std::string_view line);
struct SyncLine {
    std::optional<SyncChange> change;  // empty: the trailer
    std::int64_t changes = 0;          // the trailer's count of changes
    std::string checksum;              // the trailer's checksum
};
SyncLine decode_line(std::string_view line, Instant now);

// What `pie sync --status` shows of one device seen in DIR.
struct SyncDeviceStatus {
    std::string device;
    bool self = false;                        // this database's device
    std::int64_t files = 0;                   // its change files in DIR
    std::optional<Instant> last_wrote;        // the time in the header of its latest file
    std::int64_t applied = 0;                 // the last of its files applied here (other devices)
    std::int64_t pending_in = 0;              // its files not yet applied here
    std::optional<std::int64_t> waiting_for;  // the missing file the pending ones wait for
};

// `pie sync --status`: the DIR (empty: never synced), this device, what waits to go out, and
// every device seen, this one first.
struct SyncStatus {
    std::string dir;
    std::string device;
    std::int64_t pending_out = 0;
    std::vector<SyncDeviceStatus> devices;
};

// The name of slice `uuid` while a sync decides its own: `s` and the last 31 hex digits of its
// UUID (the default slices' UUIDs differ only at the end), a name no other slice has.
std::string sync_placeholder_name(std::string_view uuid);

// The names a slice may take when another slice, not merged with it, holds its name, to be tried
// in order: its name cut to fit, a hyphen and the last 4, 8 or 12 hex digits of its UUID, then
// its placeholder name.
std::vector<std::string> sync_name_candidates(std::string_view name, std::string_view uuid);

}  // namespace pie
