#include <doctest/doctest.h>

#include <pie/slice.hpp>
#include <pie/sync.hpp>

#include <string>
#include <vector>

// Unit tests of the pure part of sync (§12): change-file names, the FNV-1a checksum, versions,
// and the lines of a change file read back as written or refused as damaged or foreign.

namespace {

constexpr pie::Instant k_now = 1795000000;

pie::SyncChange round_trip(const pie::SyncChange& change) {
    pie::SyncLine line = pie::decode_line(pie::encode_change(change), k_now);
    REQUIRE(line.change);
    return *line.change;
}

pie::SyncChange entry_change() {
    pie::SyncChange change;
    change.kind = pie::SyncKind::entry;
    change.uuid = "0d4f3c1e-7a6b-4c2d-9e8f-1a2b3c4d5e6f";
    change.version = {2, k_now, "a0000000-0000-4000-8000-000000000001"};
    change.slice_uuid = "b0000000-0000-4000-8000-000000000002";
    change.entry.uuid = change.uuid;
    change.entry.slice = "social";
    change.entry.at = k_now - 3600;
    change.entry.minutes = 45;
    change.entry.note = "peer group \"quoted\"\n";
    change.entry.tags = {"a", "B"};
    change.entry.changed_at = k_now - 60;
    return change;
}

}  // namespace

TEST_CASE("change files are named by number; every other name is ignored") {
    CHECK(pie::change_file_name(7) == "changes-00000007.jsonl");
    CHECK(pie::change_file_seq("changes-00000007.jsonl") == 7);
    CHECK(pie::change_file_seq("changes-123456789.jsonl") == 123456789);
    CHECK_FALSE(pie::change_file_seq(".changes-00000007.jsonl.tmp"));
    CHECK_FALSE(pie::change_file_seq("changes-00000007.jsonl.sync-conflict"));
    CHECK_FALSE(pie::change_file_seq("changes-7.jsonl"));
    CHECK_FALSE(pie::change_file_seq("changes-000000007.jsonl"));  // one name per number
    CHECK_FALSE(pie::change_file_seq("changes-00000000.jsonl"));
    CHECK_FALSE(pie::change_file_seq("changes-0000000x.jsonl"));
    CHECK_FALSE(pie::change_file_seq("notes.txt"));
}

TEST_CASE("the checksum is 64-bit FNV-1a") {
    pie::Fnv1a empty;
    CHECK(empty.hex() == "cbf29ce484222325");
    pie::Fnv1a a;
    a.add("a");
    CHECK(a.hex() == "af63dc4c8601ec8c");
    pie::Fnv1a foobar;
    foobar.add("foo");
    foobar.add("bar");
    CHECK(foobar.hex() == "85944171f73967e8");
}

TEST_CASE("a version with more deletes and restores wins, then the later time, then the greater device") {
    pie::SyncVersion edit{0, 200, "b"};
    pie::SyncVersion deleted{1, 100, "a"};
    pie::SyncVersion restored{2, 150, "a"};
    CHECK(edit < deleted);  // an edit made before a delete it did not know of loses
    CHECK(deleted < restored);
    CHECK(pie::SyncVersion{0, 100, "a"} < pie::SyncVersion{0, 101, "a"});
    CHECK(pie::SyncVersion{0, 100, "a"} < pie::SyncVersion{0, 100, "b"});
}

TEST_CASE("every kind of change reads back as written") {
    pie::SyncChange entry = round_trip(entry_change());
    CHECK(entry.version == entry_change().version);
    CHECK(entry.slice_uuid == entry_change().slice_uuid);
    CHECK(entry.entry.at == entry_change().entry.at);
    CHECK(entry.entry.minutes == 45);
    CHECK(entry.entry.note == entry_change().entry.note);
    CHECK(entry.entry.tags == entry_change().entry.tags);
    CHECK(entry.entry.changed_at == entry_change().entry.changed_at);

    pie::SyncChange deleted = entry_change();
    deleted.deleted = true;
    CHECK(round_trip(deleted).deleted);

    pie::SyncChange slice;
    slice.kind = pie::SyncKind::slice;
    slice.uuid = "c0000000-0000-4000-8000-000000000003";
    slice.added_as = "chess";
    slice.slice = {0, slice.uuid, "board-games", "Board games", k_now - 100, k_now - 10, k_now - 10};
    slice.history = {{k_now - 50, true}, {k_now - 40, false}, {k_now - 10, true}};
    pie::SyncChange slice_back = round_trip(slice);
    CHECK(slice_back.added_as == "chess");
    CHECK(slice_back.slice.name == "board-games");
    CHECK(slice_back.slice.retired_at == k_now - 10);
    CHECK(slice_back.history.size() == 3);
    CHECK_FALSE(slice_back.history[1].retire);

    pie::SyncChange goal;
    goal.kind = pie::SyncKind::goal;
    goal.uuid = "d0000000-0000-4000-8000-000000000004";
    goal.slice_uuid = slice.uuid;
    goal.goal.uuid = goal.uuid;
    goal.goal.title = "play";
    goal.goal.kind = pie::GoalKind::recurring;
    goal.goal.every = pie::PeriodKind::week;
    goal.goal.times = 2;
    goal.goal.created_at = k_now - 1000;
    goal.goal.changed_at = k_now - 5;
    goal.pauses = {{k_now - 500, k_now - 400}, {k_now - 100, std::nullopt}};
    pie::SyncChange goal_back = round_trip(goal);
    CHECK(goal_back.goal.every == pie::PeriodKind::week);
    CHECK(goal_back.goal.times == 2);
    CHECK(goal_back.pauses.size() == 2);
    CHECK_FALSE(goal_back.pauses[1].until);

    pie::SyncChange review;
    review.kind = pie::SyncKind::review;
    review.uuid = "e0000000-0000-4000-8000-000000000005";
    review.review = {0, review.uuid, k_now, "less screen"};
    CHECK(round_trip(review).review.intention == "less screen");
}

TEST_CASE("a header is read first; a newer format is foreign, anything else damaged") {
    pie::SyncHeader header{pie::k_sync_format, "a0000000-0000-4000-8000-000000000001", 3, k_now, "nonce"};
    pie::SyncHeader back = pie::decode_header(pie::encode_header(header));
    CHECK(back.seq == 3);
    CHECK(back.attempt == "nonce");
    CHECK(pie::encode_header(header).starts_with("{\"pie_sync\":1,"));
    try {
        pie::decode_header(R"({"pie_sync": 99, "device": "x"})");
        FAIL("a newer format was read");
    } catch (const pie::SyncFileError& e) {
        CHECK(e.foreign());
    }
    CHECK_THROWS_AS(pie::decode_header("{\"pie_export\": 1}"), pie::SyncFileError);
    CHECK_THROWS_AS(pie::decode_header("not json"), pie::SyncFileError);
}

TEST_CASE("a damaged change line is refused, never half read") {
    std::string line = pie::encode_change(entry_change());
    CHECK_THROWS_AS(pie::decode_line(line.substr(0, line.size() / 2), k_now), pie::SyncFileError);
    CHECK_THROWS_AS(pie::decode_line(R"({"change": "put", "kind": "spaceship"})", k_now), pie::SyncFileError);
    std::string wrong_type = line;
    wrong_type.replace(wrong_type.find("\"minutes\":45"), 12, "\"minutes\":\"45\"");
    CHECK_THROWS_AS(pie::decode_line(wrong_type, k_now), pie::SyncFileError);
    pie::Fnv1a checksum;
    checksum.add("x");
    pie::SyncLine trailer = pie::decode_line(pie::encode_trailer(4, checksum), k_now);
    CHECK_FALSE(trailer.change);
    CHECK(trailer.changes == 4);
    CHECK(trailer.checksum == checksum.hex());
}

TEST_CASE("a slice that cannot keep its name gets a unique one of at most 32 characters") {
    std::string uuid = "0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f05";
    CHECK(pie::sync_name_candidates("chess", uuid) == std::vector<std::string>{"chess-1f05", "chess-8a4b1f05",
                                                                               "chess-7c2e8a4b1f05",
                                                                               "sb6d3f0e5f3a4c6e9d1a7c2e8a4b1f05"});
    CHECK(pie::sync_placeholder_name(uuid) == "sb6d3f0e5f3a4c6e9d1a7c2e8a4b1f05");
    for (const std::string& name : pie::sync_name_candidates(std::string(32, 'a'), uuid)) {
        CAPTURE(name);
        CHECK(name.size() == 32);
        CHECK_NOTHROW(pie::require_slice_name(name));
    }
}
