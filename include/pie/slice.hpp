#pragma once

// Slices of the pie: names, the default pie, and finding a slice by what the user typed (§2).
// Pure: no database, no command line.

#include <pie/time.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pie {

// A slice as stored.
struct Slice {
    std::int64_t id = 0;
    std::string uuid;
    std::string name;
    std::string label;
    Instant added_at = 0;               // 0 for the default slices: present since always
    std::optional<Instant> retired_at;  // set while retired
    Instant changed_at = 0;             // last rename, relabel, retire or restore (for merges)

    bool retired() const { return retired_at.has_value(); }
};

// A slice of the default pie: the same UUID in every database, so two machines' data merge.
struct DefaultSlice {
    std::string_view uuid;
    std::string_view name;
    std::string_view label;
};

// The default pie, in pie order.
const std::vector<DefaultSlice>& default_slices();

// The longest a slice's name may be.
constexpr std::size_t k_max_slice_name = 32;

// Throws UserError unless `name` is a valid slice name: lowercase [a-z0-9-], 1-32 characters,
// starting with a letter.
void require_slice_name(std::string_view name);

// The label a new slice gets when none is given: "cultural-identity" -> "Cultural identity".
std::string default_label(std::string_view name);

// The slice `typed` names among `slices`: an exact name (case-insensitive), else the one slice
// it is a prefix of. Throws UserError for an ambiguous prefix (listing the candidates) or an
// unknown name (suggesting the closest within typo_limit: by its whole name, its first letters
// or one of its hyphen-separated parts, "helth" -> "health-fitness").
const Slice& resolve_slice(std::string_view typed, const std::vector<Slice>& slices);

// `slice` itself, unless it is retired: no new entries, ratings or goals go to a retired slice,
// so that is a UserError with a hint to restore it.
const Slice& require_active(const Slice& slice);

// Edits between two names: insertions, deletions, substitutions and swaps of two neighbouring
// characters each count one ("socail" is 1 from "social"; optimal string alignment distance).
std::size_t edit_distance(std::string_view a, std::string_view b);

// The most edits a typo of `typed` may have and still get a "did you mean": a third of its
// length, at least 1 ("lgo" -> "log", "hisotry" -> "history", but "xyzzyplugh" gets none).
std::size_t typo_limit(std::string_view typed);

// For "did you mean" of commands and slices: the index in `names` of the name fewest edits from
// `typed` (the first of a tie), or nullopt when even that one is more than `max_distance` away.
std::optional<std::size_t> closest_name(std::string_view typed, const std::vector<std::string_view>& names,
                                        std::size_t max_distance);

}  // namespace pie
