#pragma once

// Reading what `timew export` prints (§7 `--format timewarrior`): timestamps, and how an interval
// becomes an entry. Pure: no database, no command line.

#include <pie/time.hpp>

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pie {

// A Timewarrior timestamp: UTC in ISO 8601 basic format, "20261120T090000Z"; nullopt otherwise.
std::optional<Instant> parse_timew_time(std::string_view text);

// An interval as `timew export` prints it; `end` is empty while it is still running.
struct TimewInterval {
    std::string start_text;
    Instant start = 0;
    std::optional<Instant> end;
    std::vector<std::string> tags;
    std::string annotation;
};

// An interval turned into the parts of an entry, or the reason it is skipped.
struct TimewEntry {
    std::string slice;
    int minutes = 0;
    std::vector<std::string> tags;  // the other tags, spaces inside a tag turned into '-'
    std::string uuid;               // derived from start, end and tags: the same interval, the same UUID
    std::string skipped;            // why it is skipped ("no tag names a slice"); empty when not
};

// Maps `interval` to an entry. `slice_of_tag` gives the slice a tag names (through --map or as a
// slice name), or nullopt; the first tag that names one is the slice.
TimewEntry map_interval(const TimewInterval& interval,
                        const std::function<std::optional<std::string>(const std::string&)>& slice_of_tag);

}  // namespace pie
