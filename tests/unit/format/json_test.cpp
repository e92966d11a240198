#include <doctest/doctest.h>

#include "../support.hpp"

#include <pie/format/json.hpp>

// Unit tests of the one JSON shape per record type: listed (with the local id) and exported
// (without it; the fields import reads back, docs/ARCHITECTURE.md "Moving data").

using pie::JsonUse;
using pie::test::utc_time;

TEST_CASE("entry_json: listed with its id first, exported without it") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    pie::Entry entry;
    entry.id = 42;
    entry.uuid = "11111111-1111-4111-8111-111111111111";
    entry.slice = "social";
    entry.at = utc_time(2026, 11, 24, 17, 30);
    entry.note = "line\nbreak";
    entry.tags = {"a", "B"};
    CHECK(pie::entry_json(entry, JsonUse::listed).dump() ==
          R"({"id":42,"uuid":"11111111-1111-4111-8111-111111111111","at":"2026-11-24T18:30:00+01:00",)"
          R"("slice":"social","minutes":null,"note":"line\nbreak","tags":["a","B"]})");
    entry.minutes = 45;
    CHECK(pie::entry_json(entry, JsonUse::exported).dump() ==
          R"({"uuid":"11111111-1111-4111-8111-111111111111","at":"2026-11-24T18:30:00+01:00",)"
          R"("slice":"social","minutes":45,"note":"line\nbreak","tags":["a","B"],"changed_at":null})");
}

TEST_CASE("rating_json: listed with its id first, exported without it") {
    pie::test::ZoneGuard zone("UTC");
    pie::Rating rating;
    rating.id = 7;
    rating.uuid = "33333333-3333-4333-8333-333333333333";
    rating.slice = "career";
    rating.at = utc_time(2026, 11, 24, 9);
    rating.score = 6;
    CHECK(pie::rating_json(rating, JsonUse::listed).dump() ==
          R"({"id":7,"uuid":"33333333-3333-4333-8333-333333333333","at":"2026-11-24T09:00:00+00:00",)"
          R"("slice":"career","score":6,"note":""})");
    CHECK(pie::rating_json(rating, JsonUse::exported).dump() ==
          R"({"uuid":"33333333-3333-4333-8333-333333333333","at":"2026-11-24T09:00:00+00:00",)"
          R"("slice":"career","score":6,"note":""})");
}

TEST_CASE("slice_json: null for always and never") {
    pie::test::ZoneGuard zone("UTC");
    pie::Slice slice;
    slice.uuid = "55555555-5555-4555-8555-555555555555";
    slice.name = "social";
    slice.label = "Social network";
    CHECK(pie::slice_json(slice).dump() ==
          R"({"uuid":"55555555-5555-4555-8555-555555555555","name":"social","label":"Social network",)"
          R"("added_at":null,"retired_at":null,"changed_at":null,"history":[]})");
    slice.added_at = utc_time(2026, 11, 1);
    slice.retired_at = utc_time(2026, 11, 2);
    slice.changed_at = utc_time(2026, 11, 2);
    CHECK(pie::slice_json(slice).dump() ==
          R"({"uuid":"55555555-5555-4555-8555-555555555555","name":"social","label":"Social network",)"
          R"("added_at":"2026-11-01T00:00:00+00:00","retired_at":"2026-11-02T00:00:00+00:00",)"
          R"("changed_at":"2026-11-02T00:00:00+00:00","history":[]})");
}

TEST_CASE("goal_json: listed with how it stands, exported as the stored record") {
    pie::test::ZoneGuard zone("UTC");
    pie::Goal goal;
    goal.id = 2;
    goal.uuid = "66666666-6666-4666-8666-666666666666";
    goal.slice = "health-fitness";
    goal.title = "move";
    goal.kind = pie::GoalKind::recurring;
    goal.every = pie::PeriodKind::day;
    goal.minutes = 30;
    goal.created_at = goal.changed_at = utc_time(2026, 11, 1);
    pie::GoalStatus status;
    status.target = 30;
    status.streak = 3;
    CHECK(pie::goal_json(goal, JsonUse::listed, status).dump() ==
          R"({"id":2,"slice":"health-fitness","title":"move","every":"day","target":{"minutes":30},)"
          R"("progress":{"minutes":null},"met":false,"streak":3,"paused":false})");
    CHECK(pie::goal_json(goal, JsonUse::exported).dump() ==
          R"({"uuid":"66666666-6666-4666-8666-666666666666","slice":"health-fitness","title":"move",)"
          R"("kind":"recurring","every":"day","times":null,"minutes":30,"match":null,"rating":null,)"
          R"("state":"active","created_at":"2026-11-01T00:00:00+00:00","done_at":null,"dropped_at":null,)"
          R"("changed_at":"2026-11-01T00:00:00+00:00","pauses":[]})");
}
