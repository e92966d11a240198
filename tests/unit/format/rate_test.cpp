#include <doctest/doctest.h>

#include "../support.hpp"

#include <pie/format/rate.hpp>

#include <nlohmann/json.hpp>

// Unit tests of `pie rate --list`'s renderers (§4): the table, JSON and CSV.

using pie::Rating;
using pie::test::k_now;
using pie::test::utc_time;

namespace {

std::vector<Rating> sample() {
    Rating first;
    first.id = 3;
    first.uuid = "33333333-3333-4333-8333-333333333333";
    first.slice = "social";
    first.at = utc_time(2025, 12, 31, 22);
    first.score = 4;
    first.note = "missing my peer group";
    Rating second;
    second.id = 10;
    second.uuid = "44444444-4444-4444-8444-444444444444";
    second.slice = "career";
    second.at = k_now;
    second.score = 10;
    return {first, second};
}

}  // namespace

TEST_CASE("ratings as a table: N/10 right-aligned, a year only when it is not now's") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    CHECK(pie::render_ratings_text(sample(), k_now, std::nullopt, false) ==
          "when                   slice   rating  note\n"
          "Wed 31 Dec 2025 23:00  social    4/10  missing my peer group\n"
          "Tue 24 Nov 18:30       career   10/10\n");
    CHECK(pie::render_ratings_text({}, k_now, std::nullopt, false) == "No ratings yet.\n");
}

TEST_CASE("ratings as a table: notes made safe, --ascii, cut to the width") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    std::vector<Rating> ratings = {sample().front()};
    ratings[0].note = "line\none \xE2\x9C\x93";
    CHECK(pie::render_ratings_text(ratings, k_now, std::nullopt, true) ==
          "when                   slice   rating  note\n"
          "Wed 31 Dec 2025 23:00  social    4/10  line one ?\n");
    CHECK(pie::render_ratings_text(ratings, k_now, 44, true) ==
          "when                   slice   rating  note\n"
          "Wed 31 Dec 2025 23:00  social    4/10  li...\n");
}

TEST_CASE("ratings as JSON and CSV") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    auto json = nlohmann::ordered_json::parse(pie::render_ratings_json(sample()));
    REQUIRE(json.size() == 2);
    CHECK(json[0].dump() == R"({"id":3,"uuid":"33333333-3333-4333-8333-333333333333","at":"2025-12-31T23:00:00+01:00",)"
                            R"("slice":"social","score":4,"note":"missing my peer group"})");
    CHECK(json[1]["note"] == "");
    CHECK(pie::render_ratings_json({}) == "[]\n");
    CHECK(pie::render_ratings_csv(sample()) ==
          "at,slice,score,note\n"
          "2025-12-31T23:00:00+01:00,social,4,missing my peer group\n"
          "2026-11-24T18:30:00+01:00,career,10,\n");
}
