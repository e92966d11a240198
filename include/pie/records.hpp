#pragma once

// The records a pie holds besides slices and goals: entries and ratings, and how much each slice
// was used. Plain data: the store reads and writes them, src/format/ renders them.

#include <pie/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pie {

// A logged entry. `minutes` is empty for an occurrence with no time.
struct Entry {
    std::int64_t id = 0;
    std::string uuid;
    std::int64_t slice_id = 0;
    std::string slice;  // the slice's current name
    Instant at = 0;
    std::optional<int> minutes;
    std::string note;
    std::vector<std::string> tags;
    std::optional<Instant> changed_at;  // the last `pie edit` of it; empty: never edited
};

// A rating of a slice, 1-10.
struct Rating {
    std::int64_t id = 0;
    std::string uuid;
    std::int64_t slice_id = 0;
    std::string slice;
    Instant at = 0;
    int score = 0;
    std::string note;
};

// A retire or restore of a slice, kept so past periods count it as it was then (§2).
struct SliceEvent {
    Instant at = 0;
    bool retire = true;  // false: a restore
};

// How much a slice has been used: for `pie slices`.
struct SliceActivity {
    std::int64_t slice_id = 0;
    std::int64_t entries = 0;
    std::optional<Instant> last_logged;
};

}  // namespace pie
