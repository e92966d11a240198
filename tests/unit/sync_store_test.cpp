#include <doctest/doctest.h>

#include <pie/store.hpp>
#include <pie/uuid.hpp>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <algorithm>
#include <string>
#include <vector>

// Unit tests of sync in the store (§12), two databases in memory exchanging changes without
// files: what the migration and the capture triggers mark to go out, and the rules by which a
// change is applied (later version, deleted stays deleted, undo of a deletion, slice merges).

namespace {

constexpr pie::Instant k_t = 1795000000;

// Every pending change of `from`, then applied to `to`; returns how many went.
std::size_t exchange(pie::Store& from, pie::Store& to) {
    std::vector<pie::SyncChange> changes;
    pie::Store::Sync out(from);
    out.each_outgoing([&](const pie::SyncChange& change) { changes.push_back(change); });
    out.commit(from.sync_state().out_seq + 1, "dir");
    pie::Store::Sync in(to);
    in.begin_file();
    for (const pie::SyncChange& change : changes) in.apply(change);
    in.end_file(true);
    in.commit(to.sync_state().out_seq, "dir");
    return changes.size();
}

std::int64_t log(pie::Store& store, pie::Instant at, const std::string& note, std::int64_t slice = 1) {
    pie::Store::Change change = store.change(at);
    pie::Entry entry;
    entry.slice_id = slice;
    entry.at = at;
    entry.note = note;
    std::int64_t id = store.add_entry(entry);
    change.commit("log");
    return id;
}

void edit(pie::Store& store, std::int64_t id, pie::Instant at, const std::string& note) {
    pie::Store::Change change = store.change(at);
    pie::Entry entry = *store.entry(id);
    entry.note = note;
    entry.changed_at = at;
    store.update_entry(entry);
    change.commit("edit");
}

void remove(pie::Store& store, std::int64_t id, pie::Instant at) {
    pie::Store::Change change = store.change(at);
    store.delete_entry(id);
    change.commit("rm");
}

// `changes` changes of `each` entries; returns their UUIDs in the order a sync sends them: change
// by change, by UUID within one.
std::vector<std::string> log_many(pie::Store& store, int changes, int each) {
    std::vector<std::string> order;
    for (int c = 0; c < changes; ++c) {
        pie::Store::Change change = store.change(k_t + c);
        std::vector<std::string> uuids;
        for (int i = 0; i < each; ++i) {
            pie::Entry entry;
            entry.uuid = pie::new_uuid();
            entry.slice_id = 1;
            entry.at = k_t + c;
            store.add_entry(entry);
            uuids.push_back(entry.uuid);
        }
        change.commit("log");
        std::sort(uuids.begin(), uuids.end());
        order.insert(order.end(), uuids.begin(), uuids.end());
    }
    return order;
}

std::vector<std::string> notes(pie::Store& store) {
    std::vector<std::string> out;
    for (const pie::Entry& entry : store.entries({})) out.push_back(entry.note);
    return out;
}

}  // namespace

TEST_CASE("the migration gives a database a device id and marks everything to go out") {
    pie::Store store = pie::Store::open_in_memory(4);
    store.database().exec("UPDATE journal_state SET recording = 0");
    store.database().exec(
        "INSERT INTO entries(uuid, slice_id, at) VALUES ('00000000-0000-4000-8000-000000000001', 1, 5)");
    store.database().exec("UPDATE slices SET name = 'friends', changed_at = 7 WHERE id = 6");
    store.database().exec("UPDATE journal_state SET recording = 1");
    store.migrate();
    pie::Store::SyncState state = store.sync_state();
    CHECK(state.device.size() == 36);
    CHECK(state.dir.empty());
    CHECK(store.sync_pending_out() == 2);  // the entry and the renamed slice; the other slices are everyone's
    CHECK(pie::Store::open_in_memory().sync_state().device != state.device);
}

TEST_CASE("every change of a command is captured; applying another device's changes is not") {
    pie::Store a = pie::Store::open_in_memory();
    pie::Store b = pie::Store::open_in_memory();
    CHECK(a.sync_pending_out() == 0);
    std::int64_t id = log(a, k_t, "first");
    edit(a, id, k_t + 10, "edited");
    CHECK(a.sync_pending_out() == 1);  // one record, its state as it is now
    CHECK(exchange(a, b) == 1);
    CHECK(a.sync_pending_out() == 0);
    CHECK(b.sync_pending_out() == 0);
    CHECK(notes(b) == std::vector<std::string>{"edited"});
    CHECK_FALSE(b.undo(k_t + 20));  // nothing of b's own to undo
}

TEST_CASE("the later change wins on both devices") {
    pie::Store a = pie::Store::open_in_memory();
    pie::Store b = pie::Store::open_in_memory();
    std::int64_t id = log(a, k_t, "first");
    exchange(a, b);
    edit(b, id, k_t + 200, "b, later");
    edit(a, id, k_t + 100, "a, earlier");
    exchange(a, b);
    exchange(b, a);
    CHECK(notes(a) == std::vector<std::string>{"b, later"});
    CHECK(notes(b) == std::vector<std::string>{"b, later"});
}

TEST_CASE("a deleted entry stays deleted; undo of the deletion on its device brings it back") {
    pie::Store a = pie::Store::open_in_memory();
    pie::Store b = pie::Store::open_in_memory();
    std::int64_t id = log(a, k_t, "first");
    exchange(a, b);
    remove(a, id, k_t + 100);
    exchange(a, b);
    CHECK(notes(b).empty());
    CHECK(a.undo(k_t + 150) == "rm");
    CHECK(notes(a) == std::vector<std::string>{"first"});
    exchange(a, b);
    CHECK(notes(b) == std::vector<std::string>{"first"});
}

TEST_CASE("an edit made before a deletion it had not seen loses, even when it is later") {
    pie::Store a = pie::Store::open_in_memory();
    pie::Store b = pie::Store::open_in_memory();
    std::int64_t id = log(a, k_t, "first");
    exchange(a, b);
    remove(a, id, k_t + 100);
    edit(b, id, k_t + 300, "edited on b after the deletion");
    CHECK(a.undo(k_t + 200) == "rm");  // undone before b's edit, which arrives after the undo
    exchange(b, a);
    exchange(a, b);
    CHECK(notes(a) == std::vector<std::string>{"first"});
    CHECK(notes(b) == std::vector<std::string>{"first"});
}

TEST_CASE("slices added under one name on two devices become one, the UUID that sorts first") {
    pie::Store a = pie::Store::open_in_memory();
    pie::Store b = pie::Store::open_in_memory();
    auto add = [](pie::Store& store, const std::string& label) {
        pie::Store::Change change = store.change(k_t);
        std::int64_t id = store.add_slice("chess", label, k_t);
        change.commit("add");
        return id;
    };
    log(a, k_t + 1, "from a", add(a, "Chess at a"));
    log(b, k_t + 2, "from b", add(b, "Chess at b"));
    std::string first = std::min(a.slices().back().uuid, b.slices().back().uuid);
    std::string label = first == a.slices().back().uuid ? "Chess at a" : "Chess at b";
    exchange(a, b);
    exchange(b, a);
    exchange(a, b);
    for (pie::Store* store : {&a, &b}) {
        std::vector<pie::Slice> slices = store->slices();
        CHECK(slices.size() == 9);
        CHECK(slices.back().uuid == first);
        CHECK(slices.back().label == label);
        std::vector<std::string> got = notes(*store);
        CHECK(got.size() == 2);
        for (const pie::Entry& entry : store->entries({})) CHECK(entry.slice == "chess");
    }
}

TEST_CASE("many pending changes go out in the order they were made, read in a pass per change or by row") {
    for (int changes : {3, 12}) {  // a pass over the versions per change; more changes than passes
        CAPTURE(changes);
        pie::Store a = pie::Store::open_in_memory();
        std::vector<std::string> expected = log_many(a, changes, 2400 / changes);  // more than read by index
        if (changes > 3) {
            // Then the records go in the order of their rows, the deleted ones after them.
            edit(a, 2, k_t + 100, "edited");
            std::vector<std::string> deleted = {a.entry(7)->uuid, a.entry(3)->uuid};
            remove(a, 7, k_t + 101);
            remove(a, 3, k_t + 102);
            std::sort(deleted.begin(), deleted.end());
            expected.clear();
            SQLite::Statement select(a.database(), "SELECT uuid FROM entries ORDER BY id");
            while (select.executeStep()) expected.push_back(select.getColumn(0).getString());
            expected.insert(expected.end(), deleted.begin(), deleted.end());
        }
        std::vector<std::string> sent;
        std::vector<std::string> sent_deleted;
        pie::Store::Sync out(a);
        out.each_outgoing([&](const pie::SyncChange& change) {
            if (change.kind == pie::SyncKind::entry) sent.push_back(change.uuid);
            if (change.deleted) sent_deleted.push_back(change.uuid);
        });
        out.commit(1, "dir");
        CHECK(sent == expected);
        CHECK(sent_deleted.size() == (changes > 3 ? 2 : 0));
        CHECK(a.sync_pending_out() == 0);
    }
}
