#include <pie/timewarrior.hpp>

#include <pie/text.hpp>
#include <pie/uuid.hpp>

#include <algorithm>
#include <chrono>

namespace pie {

std::optional<Instant> parse_timew_time(std::string_view text) {
    // YYYYMMDDTHHMMSSZ
    if (text.size() != 16 || text[8] != 'T' || text[15] != 'Z') return std::nullopt;
    auto number = [&](std::size_t from, std::size_t count) -> std::optional<int> {
        int value = 0;
        for (std::size_t i = from; i < from + count; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            value = value * 10 + (text[i] - '0');
        }
        return value;
    };
    auto y = number(0, 4), mo = number(4, 2), d = number(6, 2), h = number(9, 2), mi = number(11, 2), s = number(13, 2);
    if (!y || !mo || !d || !h || !mi || !s) return std::nullopt;
    using namespace std::chrono;
    year_month_day date{year{*y}, month{static_cast<unsigned>(*mo)}, day{static_cast<unsigned>(*d)}};
    if (!date.ok() || *y < 1970 || *h > 23 || *mi > 59 || *s > 59) return std::nullopt;
    return sys_days{date}.time_since_epoch().count() * k_day + *h * 3600 + *mi * 60 + *s;
}

TimewEntry map_interval(const TimewInterval& interval,
                        const std::function<std::optional<std::string>(const std::string&)>& slice_of_tag) {
    TimewEntry entry;
    if (!interval.end) {
        entry.skipped = "open: still running";
        return entry;
    }
    Instant length = *interval.end - interval.start;
    if (length > k_day) {
        entry.skipped = "longer than 24h";
        return entry;
    }
    // Whole minutes, halves up; under half a minute there is nothing to log.
    entry.minutes = static_cast<int>((length + 30) / 60);
    if (entry.minutes < 1) {
        entry.skipped = "shorter than a minute";
        return entry;
    }
    bool found = false;
    for (const std::string& tag : interval.tags) {
        if (!found) {
            if (auto slice = slice_of_tag(tag)) {
                entry.slice = *slice;
                found = true;
                continue;
            }
        }
        std::string word = tag_word(tag);  // Timewarrior tags may hold spaces; a pie tag is one word
        if (!word.empty() && std::find(entry.tags.begin(), entry.tags.end(), word) == entry.tags.end()) {
            entry.tags.push_back(word);
        }
    }
    if (!found) {
        entry.skipped = "no tag names a slice";
        return entry;
    }
    std::vector<std::string> parts = {"timewarrior", std::to_string(interval.start), std::to_string(*interval.end)};
    parts.insert(parts.end(), interval.tags.begin(), interval.tags.end());
    entry.uuid = record_uuid(parts);
    return entry;
}

}  // namespace pie
