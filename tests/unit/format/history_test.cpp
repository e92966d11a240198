#include <doctest/doctest.h>

#include "../support.hpp"

#include <pie/format/history.hpp>

#include <nlohmann/json.hpp>

// Unit tests of `pie history`'s renderers (§3): the table, JSON and CSV.

using pie::Entry;
using pie::test::k_now;
using pie::test::utc_time;

namespace {

std::vector<Entry> sample() {
    Entry timed;
    timed.id = 1;
    timed.uuid = "11111111-1111-4111-8111-111111111111";
    timed.slice = "social";
    timed.at = k_now;
    timed.minutes = 90;
    timed.note = "peer group";
    timed.tags = {"work"};
    Entry occurrence;
    occurrence.id = 12;
    occurrence.uuid = "22222222-2222-4222-8222-222222222222";
    occurrence.slice = "health-fitness";
    occurrence.at = utc_time(2026, 11, 23, 8);
    occurrence.tags = {"a", "b"};
    return {timed, occurrence};
}

}  // namespace

TEST_CASE("history as a table: ids right, times relative to now, tags after the note") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    CHECK(pie::render_history_text(sample(), k_now, std::nullopt, false) ==
          "id  when              slice            time  note\n"
          " 1  Tue 24 Nov 18:30  social          1h30m  peer group +work\n"
          "12  Mon 23 Nov 09:00  health-fitness      -  +a +b\n");
    CHECK(pie::render_history_text({}, k_now, std::nullopt, false) == "No entries.\n");
}

TEST_CASE("history as a table shows control characters harmlessly, cuts the note to the width") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    std::vector<Entry> entries = {sample().front()};
    entries[0].note = "caf\xC3\xA9\tbell\x07 and a long tail";
    CHECK(pie::render_history_text(entries, k_now, std::nullopt, true) ==
          "id  when              slice    time  note\n"
          " 1  Tue 24 Nov 18:30  social  1h30m  caf? bell? and a long tail +work\n");
    CHECK(pie::render_history_text(entries, k_now, 50, false) ==
          "id  when              slice    time  note\n"
          " 1  Tue 24 Nov 18:30  social  1h30m  caf\xC3\xA9 bell? a\xE2\x80\xA6\n");
}

TEST_CASE("history as JSON: entry objects with their ids, user text exact") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    std::vector<Entry> entries = sample();
    entries[0].note = "tab\there";
    auto json = nlohmann::ordered_json::parse(pie::render_history_json(entries));
    REQUIRE(json.size() == 2);
    CHECK(json[0].dump() == R"({"id":1,"uuid":"11111111-1111-4111-8111-111111111111","at":"2026-11-24T18:30:00+01:00",)"
                            R"("slice":"social","minutes":90,"note":"tab\there","tags":["work"]})");
    CHECK(json[1]["minutes"].is_null());
    CHECK(json[1]["tags"] == nlohmann::ordered_json::array({"a", "b"}));
    CHECK(pie::render_history_json({}) == "[]\n");
}

TEST_CASE("history as CSV: a header, ids, minutes empty for an occurrence, tags space-separated") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    std::vector<Entry> entries = sample();
    entries[0].note = "say \"hi\", then go";
    CHECK(pie::render_history_csv(entries) ==
          "id,at,slice,minutes,note,tags\n"
          "1,2026-11-24T18:30:00+01:00,social,90,\"say \"\"hi\"\", then go\",work\n"
          "12,2026-11-23T09:00:00+01:00,health-fitness,,,a b\n");
    CHECK(pie::render_history_csv({}) == "id,at,slice,minutes,note,tags\n");
}
