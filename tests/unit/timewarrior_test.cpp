#include <doctest/doctest.h>

#include <pie/text.hpp>
#include <pie/timewarrior.hpp>

#include <map>
#include <optional>
#include <string>

// Unit tests of reading Timewarrior's export (§7): its timestamps, and intervals made entries.

namespace {

constexpr pie::Instant k_start = 1795165200;  // 2026-11-20T09:00:00Z

// Slices as a tag names them: "social" and "family" by name, "gym" through --map.
std::optional<std::string> slice_of(const std::string& tag) {
    static const std::map<std::string, std::string> slices = {
        {"social", "social"}, {"family", "family"}, {"gym", "health-fitness"}};
    auto it = slices.find(tag);
    return it == slices.end() ? std::nullopt : std::optional<std::string>(it->second);
}

pie::TimewInterval interval(pie::Instant length, std::vector<std::string> tags) {
    pie::TimewInterval out;
    out.start_text = "20261120T090000Z";
    out.start = k_start;
    out.end = k_start + length;
    out.tags = std::move(tags);
    return out;
}

}  // namespace

TEST_CASE("parse_timew_time reads UTC basic-format timestamps") {
    CHECK(pie::parse_timew_time("20261120T090000Z") == k_start);
    CHECK(pie::parse_timew_time("19700101T000000Z") == 0);
    CHECK(pie::parse_timew_time("20240229T235959Z") == 1709251199);
    CHECK_FALSE(pie::parse_timew_time("2026-11-20T09:00:00Z"));
    CHECK_FALSE(pie::parse_timew_time("20261120T090000"));
    CHECK_FALSE(pie::parse_timew_time("20261120 090000Z"));
    CHECK_FALSE(pie::parse_timew_time("20261320T090000Z"));
    CHECK_FALSE(pie::parse_timew_time("20250229T090000Z"));
    CHECK_FALSE(pie::parse_timew_time("20261120T246000Z"));
    CHECK_FALSE(pie::parse_timew_time("2026112OT090000Z"));
    CHECK_FALSE(pie::parse_timew_time(""));
}

TEST_CASE("map_interval: the first tag naming a slice is the slice, the others are tags") {
    pie::TimewEntry entry = pie::map_interval(interval(5400, {"peer group", "social", "family", "x"}), slice_of);
    CHECK(entry.skipped.empty());
    CHECK(entry.slice == "social");
    CHECK(entry.minutes == 90);
    CHECK(entry.tags == std::vector<std::string>{"peer-group", "family", "x"});
    CHECK(entry.uuid[14] == '5');

    CHECK(pie::map_interval(interval(2700, {"gym", "morning"}), slice_of).slice == "health-fitness");
}

TEST_CASE("map_interval makes every tag one word by pie's tag rule, each once") {
    // A tab, a no-break space (U+00A0) and a C1 control (U+0085) break a word as a space does.
    pie::TimewEntry entry = pie::map_interval(interval(600, {"social", "a\tb",
                                                             "no\xC2\xA0"
                                                             "break",
                                                             "next\xC2\x85"
                                                             "line",
                                                             "a b"}),
                                              slice_of);
    CHECK(entry.tags == std::vector<std::string>{"a-b", "no-break", "next-line"});
    CHECK_NOTHROW(pie::require_tags(entry.tags));
}

TEST_CASE("map_interval rounds to whole minutes, halves up, and allows exactly 24 hours") {
    CHECK(pie::map_interval(interval(89, {"social"}), slice_of).minutes == 1);
    CHECK(pie::map_interval(interval(90, {"social"}), slice_of).minutes == 2);
    CHECK(pie::map_interval(interval(30, {"social"}), slice_of).minutes == 1);
    CHECK(pie::map_interval(interval(86400, {"social"}), slice_of).minutes == 1440);
}

TEST_CASE("map_interval skips what makes no entry, saying why") {
    pie::TimewInterval open = interval(60, {"social"});
    open.end.reset();
    CHECK(pie::map_interval(open, slice_of).skipped == "open: still running");
    CHECK(pie::map_interval(interval(86401, {"social"}), slice_of).skipped == "longer than 24h");
    CHECK(pie::map_interval(interval(29, {"social"}), slice_of).skipped == "shorter than a minute");
    CHECK(pie::map_interval(interval(600, {"errands"}), slice_of).skipped == "no tag names a slice");
    CHECK(pie::map_interval(interval(600, {}), slice_of).skipped == "no tag names a slice");
}

TEST_CASE("map_interval derives the same UUID from the same start, end and tags only") {
    std::string uuid = pie::map_interval(interval(600, {"social", "a"}), slice_of).uuid;
    CHECK(pie::map_interval(interval(600, {"social", "a"}), slice_of).uuid == uuid);
    CHECK(pie::map_interval(interval(660, {"social", "a"}), slice_of).uuid != uuid);
    CHECK(pie::map_interval(interval(600, {"social", "b"}), slice_of).uuid != uuid);
}
