#include <doctest/doctest.h>

#include "support.hpp"

#include <pie/store.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

// Unit tests of the store's slice history and entry changes (§2, §7, §9): the migration turns the
// current state into the history, retire and restore are kept and undone, an import's union adds
// only the events that are missing, and an entry's edit is kept and undone.

using pie::Instant;
using pie::SliceEvent;

namespace {

std::int64_t slice_id(pie::Store& store, const std::string& name) {
    for (const pie::Slice& slice : store.slices()) {
        if (slice.name == name) return slice.id;
    }
    FAIL("no slice " << name);
    return 0;
}

}  // namespace

TEST_CASE("the migration makes each retired slice's retirement its history") {
    pie::Store store = pie::Store::open_in_memory(2);
    // Written as an older pie did, outside any change (the journal has none yet).
    store.database().exec("UPDATE journal_state SET recording = 0");
    store.database().exec("UPDATE slices SET retired_at = 1000, changed_at = 1000 WHERE name = 'career'");
    store.database().exec(
        "INSERT INTO entries(uuid, slice_id, at, minutes) "
        "VALUES ('00000000-0000-4000-8000-000000000001', 1, 500, 30)");
    store.database().exec("UPDATE journal_state SET recording = 1");
    store.migrate();
    CHECK(store.schema_version() == pie::k_schema_version);
    std::int64_t career = slice_id(store, "career");
    auto history = store.slice_history(career);
    REQUIRE(history.size() == 1);
    CHECK(history[0].at == 1000);
    CHECK(history[0].retire);
    CHECK(store.slice_history(slice_id(store, "social")).empty());
    CHECK(store.retired_by_history(career, 999) == std::nullopt);
    CHECK(store.retired_by_history(career, 1000) == true);
    // Entries keep their rows and have never been edited.
    auto entry = store.entry(1);
    REQUIRE(entry);
    CHECK(entry->minutes == 30);
    CHECK_FALSE(entry->changed_at);
    // The migration is no change to undo.
    CHECK_FALSE(store.undo(0));
}

TEST_CASE("retire and restore are kept, judged at an instant, and undone with their change") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t career = slice_id(store, "career");
    {
        auto change = store.change(100);
        store.set_retired(career, Instant{100}, 100);
        change.commit("retired career");
    }
    {
        auto change = store.change(200);
        store.set_retired(career, std::nullopt, 200);
        change.commit("restored career");
    }
    CHECK(store.retired_by_history(career, 99) == std::nullopt);
    CHECK(store.retired_by_history(career, 150) == true);
    CHECK(store.retired_by_history(career, 200) == false);
    CHECK(store.slice_history(career).size() == 2);
    CHECK(store.undo(0) == "restored career");
    CHECK(store.slice_history(career).size() == 1);
    CHECK(store.retired_by_history(career, 300) == true);
}

TEST_CASE("slice_history is in time order, events of one instant in the order they were added") {
    pie::Store store = pie::Store::open_in_memory();
    std::int64_t family = slice_id(store, "family");
    auto change = store.change(10);
    store.add_slice_event(family, SliceEvent{50, true});
    store.add_slice_event(family, SliceEvent{50, false});
    store.add_slice_event(family, SliceEvent{40, true});
    change.commit("merged");
    auto history = store.slice_history(family);
    REQUIRE(history.size() == 3);
    CHECK(history[0].at == 40);
    CHECK(history[1].retire);
    CHECK_FALSE(history[2].retire);
    CHECK(store.retired_by_history(family, 50) == false);
}

TEST_CASE("update_entry changes an entry in place with its change time, undoably") {
    pie::Store store = pie::Store::open_in_memory();
    pie::Entry entry;
    entry.slice_id = slice_id(store, "social");
    entry.at = 1000;
    entry.minutes = 45;
    entry.note = "peer group";
    entry.tags = {"online"};
    {
        auto change = store.change(1000);
        entry.id = store.add_entry(entry);
        change.commit("logged");
    }
    std::string uuid = store.entry(entry.id)->uuid;
    pie::Entry edited = *store.entry(entry.id);
    edited.slice_id = slice_id(store, "family");
    edited.minutes.reset();
    edited.note = "";
    edited.tags = {"a", "B"};
    edited.changed_at = 2000;
    {
        auto change = store.change(2000);
        store.update_entry(edited);
        change.commit("edited");
    }
    auto now = store.entry_by_uuid(uuid);
    REQUIRE(now);
    CHECK(now->id == entry.id);
    CHECK(now->slice == "family");
    CHECK_FALSE(now->minutes);
    CHECK(now->note.empty());
    CHECK(now->tags == std::vector<std::string>{"a", "B"});
    CHECK(now->changed_at == 2000);
    CHECK(store.undo(0) == "edited");
    auto back = store.entry(entry.id);
    CHECK(back->slice == "social");
    CHECK(back->minutes == 45);
    CHECK(back->note == "peer group");
    CHECK_FALSE(back->changed_at);
}
