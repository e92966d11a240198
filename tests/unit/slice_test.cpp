#include <doctest/doctest.h>

#include <pie/error.hpp>
#include <pie/slice.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

// Unit tests of the slice module against the contract's §1 "Slice names" and §2.

namespace {

// Slices with the given names, ids 1, 2, ... in that order; labels from the names.
std::vector<pie::Slice> slices_named(const std::vector<std::string>& names) {
    std::vector<pie::Slice> slices;
    for (const std::string& name : names) {
        pie::Slice slice;
        slice.id = static_cast<std::int64_t>(slices.size()) + 1;
        slice.name = name;
        slice.label = pie::default_label(name);
        slices.push_back(slice);
    }
    return slices;
}

// The UserError resolve_slice throws for `typed`; fails the test when it throws nothing or something else.
pie::UserError resolve_error(std::string_view typed, const std::vector<pie::Slice>& slices) {
    try {
        const pie::Slice& slice = pie::resolve_slice(typed, slices);
        FAIL("resolved '" << std::string(typed) << "' to '" << slice.name << "', expected a UserError");
    } catch (const pie::UserError& error) {
        return error;
    }
    return pie::UserError("unreachable");
}

bool is_lower_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); }

// 8-4-4-4-12 lowercase hex digits.
bool is_well_formed_uuid(std::string_view uuid) {
    if (uuid.size() != 36) return false;
    for (std::size_t i = 0; i < uuid.size(); ++i) {
        bool dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? uuid[i] != '-' : !is_lower_hex(uuid[i])) return false;
    }
    return true;
}

}  // namespace

TEST_CASE("require_slice_name accepts lowercase letters, digits and dashes, 1-32 long, starting with a letter") {
    for (std::string_view name : {"a", "social", "health-fitness", "q3-goals", "x-", "a-b-c", "z9",
                                  "abcdefghijklmnopqrstuvwxyz012345" /* 32 */}) {
        CAPTURE(name);
        CHECK_NOTHROW(pie::require_slice_name(name));
    }
}

TEST_CASE("require_slice_name rejects anything else as a UserError") {
    const std::string too_long(33, 'a');
    for (std::string_view name :
         {std::string_view(""), std::string_view(too_long), std::string_view("Social"), std::string_view("socialA"),
          std::string_view("1social"), std::string_view("9"), std::string_view("-social"),
          std::string_view("health_fitness"), std::string_view("health fitness"), std::string_view("café"),
          std::string_view("日本"), std::string_view("a.b"), std::string_view("a/b"), std::string_view("a\nb"),
          std::string_view("social\0x", 8)}) {
        CAPTURE(name);
        CHECK_THROWS_AS(pie::require_slice_name(name), pie::UserError);
    }
}

TEST_CASE("require_slice_name's error names the bad name and hints at the rule") {
    try {
        pie::require_slice_name("Bad_Name");
        FAIL("no error");
    } catch (const pie::UserError& error) {
        CHECK(std::string(error.what()).find("Bad_Name") != std::string::npos);
        CHECK_FALSE(error.hint().empty());
    }
}

TEST_CASE("default_label capitalises the first letter and turns dashes into spaces") {
    CHECK(pie::default_label("cultural-identity") == "Cultural identity");
    CHECK(pie::default_label("reading") == "Reading");
    CHECK(pie::default_label("x") == "X");
    CHECK(pie::default_label("q3-goals") == "Q3 goals");
    CHECK(pie::default_label("a-b-c") == "A b c");
    CHECK(pie::default_label("") == "");
}

TEST_CASE("edit_distance counts insertions, deletions, substitutions and neighbour swaps as one edit each") {
    CHECK(pie::edit_distance("", "") == 0);
    CHECK(pie::edit_distance("abc", "") == 3);
    CHECK(pie::edit_distance("", "abc") == 3);
    CHECK(pie::edit_distance("social", "social") == 0);
    CHECK(pie::edit_distance("socail", "social") == 1);  // a swap of neighbours is one edit
    CHECK(pie::edit_distance("lgo", "log") == 1);
    CHECK(pie::edit_distance("ab", "ba") == 1);
    CHECK(pie::edit_distance("abc", "ca") == 3);  // optimal string alignment: no edit of a swapped pair
    CHECK(pie::edit_distance("kitten", "sitting") == 3);
    CHECK(pie::edit_distance("sitting", "kitten") == 3);  // symmetric
    CHECK(pie::edit_distance("flaw", "lawn") == 2);
    CHECK(pie::edit_distance("carer", "career") == 1);
    CHECK(pie::edit_distance("family", "familly") == 1);
    CHECK(pie::edit_distance("finances", "fiances") == 1);
}

TEST_CASE("typo_limit allows a third of the typed length, at least one edit") {
    CHECK(pie::typo_limit("") == 1);
    CHECK(pie::typo_limit("lg") == 1);
    CHECK(pie::typo_limit("lgo") == 1);
    CHECK(pie::typo_limit("socail") == 2);
    CHECK(pie::typo_limit("xyzzyplugh") == 3);
}

TEST_CASE("closest_name: the index of the name fewest edits away, within the limit") {
    std::vector<std::string_view> commands = {"log",  "rate",   "goals",  "report", "history",   "rm",
                                              "undo", "slices", "export", "import", "completion"};
    auto suggest = [&](std::string_view typed) -> std::string {
        std::optional<std::size_t> i = pie::closest_name(typed, commands, pie::typo_limit(typed));
        return i ? std::string(commands[*i]) : "(none)";
    };
    CHECK(suggest("lgo") == "log");
    CHECK(suggest("histroy") == "history");
    CHECK(suggest("hisotry") == "history");
    CHECK(suggest("reprot") == "report");
    CHECK(suggest("imprt") == "import");
    CHECK(suggest("slice") == "slices");
    CHECK(suggest("xyzzyplugh") == "(none)");  // 3 edits allowed; every command is further
    CHECK(suggest("banana") == "(none)");
    CHECK(suggest("") == "(none)");  // 1 edit allowed; the shortest name has 2 letters
    CHECK(suggest("rn") == "rm");
}

TEST_CASE("closest_name: a tie goes to the first name; the limit is inclusive") {
    std::vector<std::string_view> names = {"rate", "rm", "date"};
    CHECK(pie::closest_name("xate", names, 1) == std::optional<std::size_t>(0));
    CHECK(pie::closest_name("xate", names, 0) == std::nullopt);
    CHECK(pie::closest_name("date", names, 0) == std::optional<std::size_t>(2));
    CHECK(pie::closest_name("rmxyz", names, 2) == std::nullopt);  // 3 from rm, 4 from rate
    CHECK(pie::closest_name("rmxyz", names, 3) == std::optional<std::size_t>(1));
    CHECK(pie::closest_name("x", {}, 10) == std::nullopt);
}

TEST_CASE("resolve_slice: an exact name wins over a prefix of a longer name, wherever it stands") {
    for (const auto& names : {std::vector<std::string>{"car", "career"}, std::vector<std::string>{"career", "car"}}) {
        auto slices = slices_named(names);
        CHECK(pie::resolve_slice("car", slices).name == "car");
        CHECK(pie::resolve_slice("care", slices).name == "career");
        CHECK(pie::resolve_slice("career", slices).name == "career");
    }
}

TEST_CASE("resolve_slice is case-insensitive") {
    auto slices = slices_named({"car", "career", "social"});
    CHECK(pie::resolve_slice("CAR", slices).name == "car");
    CHECK(pie::resolve_slice("Car", slices).name == "car");
    CHECK(pie::resolve_slice("CAREER", slices).name == "career");
    CHECK(pie::resolve_slice("SoC", slices).name == "social");
}

TEST_CASE("resolve_slice returns the one slice a unique prefix names, by reference into the list") {
    auto slices = slices_named({"spiritual", "career", "cultural-identity", "health-fitness", "family", "social",
                                "mental-health", "finances"});
    CHECK(&pie::resolve_slice("sp", slices) == &slices[0]);
    CHECK(pie::resolve_slice("so", slices).name == "social");
    CHECK(pie::resolve_slice("h", slices).name == "health-fitness");
    CHECK(pie::resolve_slice("m", slices).name == "mental-health");
    CHECK(pie::resolve_slice("fa", slices).name == "family");
    CHECK(pie::resolve_slice("fi", slices).name == "finances");
    CHECK(pie::resolve_slice("cu", slices).name == "cultural-identity");
    CHECK(pie::resolve_slice("cultural-", slices).name == "cultural-identity");
}

TEST_CASE("resolve_slice: an ambiguous prefix is a UserError listing every candidate") {
    auto slices = slices_named({"car", "career", "cultural-identity", "social"});
    pie::UserError error = resolve_error("ca", slices);
    std::string message = error.what();
    CHECK(message.find("ca") != std::string::npos);
    CHECK(message.find("car") != std::string::npos);
    CHECK(message.find("career") != std::string::npos);
    CHECK(message.find("social") == std::string::npos);
    CHECK(message.find("cultural-identity") == std::string::npos);

    pie::UserError wider = resolve_error("C", slices);
    std::string listed = wider.what();
    CHECK(listed.find("car") != std::string::npos);
    CHECK(listed.find("career") != std::string::npos);
    CHECK(listed.find("cultural-identity") != std::string::npos);
}

TEST_CASE("resolve_slice: an unknown name is a UserError whose hint suggests the closest name") {
    auto slices = slices_named({"spiritual", "career", "cultural-identity", "health-fitness", "family", "social",
                                "mental-health", "finances"});
    struct Case {
        std::string_view typed;
        std::string_view closest;
    };
    for (Case c :
         {Case{"carer", "career"}, Case{"socail", "social"}, Case{"famliy", "family"}, Case{"finanses", "finances"},
          Case{"helth-fitness", "health-fitness"}, Case{"Sprititual", "spiritual"}}) {
        CAPTURE(c.typed);
        pie::UserError error = resolve_error(c.typed, slices);
        CHECK(std::string(error.what()).find(std::string(c.typed)) != std::string::npos);
        CHECK(error.hint().find("'" + std::string(c.closest) + "'") != std::string::npos);
    }
}

TEST_CASE("resolve_slice: a typo gets a suggestion by a misspelt prefix or a hyphen-separated part") {
    auto slices = slices_named({"spiritual", "career", "cultural-identity", "health-fitness", "family", "social",
                                "mental-health", "finances"});
    CHECK(resolve_error("helth", slices).hint() == "did you mean 'health-fitness'? ('pie slices' lists them all)");
    CHECK(resolve_error("fitnes", slices).hint() == "did you mean 'health-fitness'? ('pie slices' lists them all)");
    CHECK(resolve_error("idnetity", slices).hint() ==
          "did you mean 'cultural-identity'? ('pie slices' lists them all)");
    CHECK(resolve_error("scoi", slices).hint() == "did you mean 'social'? ('pie slices' lists them all)");
}

TEST_CASE("resolve_slice: a name far from every slice gets no suggestion, only where to look") {
    auto slices = slices_named({"spiritual", "career", "cultural-identity", "health-fitness", "family", "social",
                                "mental-health", "finances"});
    for (std::string_view typed : {"nosuch", "gardening", "xyzzyplugh", "", "q"}) {
        CAPTURE(typed);
        CHECK(resolve_error(typed, slices).hint() == "'pie slices' lists them all");
    }
    CHECK(resolve_error("social", {}).hint() == "'pie slices add NAME' adds one");
}

TEST_CASE("resolve_slice: nothing to choose from, or an empty name, is a UserError") {
    CHECK_THROWS_AS(pie::resolve_slice("social", {}), pie::UserError);
    auto slices = slices_named({"social"});
    CHECK_THROWS_AS(pie::resolve_slice("", slices), pie::UserError);
    CHECK_THROWS_AS(pie::resolve_slice("socialx", slices), pie::UserError);  // longer than any name
}

TEST_CASE("default_slices is the default pie of §2, in pie order") {
    const auto& slices = pie::default_slices();
    REQUIRE(slices.size() == 8);
    const std::vector<std::pair<std::string_view, std::string_view>> expected = {
        {"spiritual", "Spiritual"},
        {"career", "Career"},
        {"cultural-identity", "Cultural identity"},
        {"health-fitness", "Health and fitness"},
        {"family", "Family"},
        {"social", "Social network"},
        {"mental-health", "Mental health"},
        {"finances", "Finances"},
    };
    for (std::size_t i = 0; i < slices.size(); ++i) {
        CAPTURE(i);
        CHECK(slices[i].name == expected[i].first);
        CHECK(slices[i].label == expected[i].second);
        CHECK_NOTHROW(pie::require_slice_name(slices[i].name));
    }
}

TEST_CASE("default_slices carry unique, well-formed UUIDs") {
    std::set<std::string_view> seen;
    for (const pie::DefaultSlice& slice : pie::default_slices()) {
        CAPTURE(slice.uuid);
        CHECK(is_well_formed_uuid(slice.uuid));
        CHECK(seen.insert(slice.uuid).second);
    }
    CHECK(seen.size() == 8);
    // Pinned: data from every machine refers to these, so they may never change.
    const std::vector<std::string_view> pinned = {
        "0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f01", "0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f02",
        "0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f03", "0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f04",
        "0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f05", "0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f06",
        "0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f07", "0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f08",
    };
    for (std::size_t i = 0; i < pinned.size(); ++i) CHECK(pie::default_slices()[i].uuid == pinned[i]);
    // The same object every call: the UUIDs are fixed, not generated.
    CHECK(&pie::default_slices() == &pie::default_slices());
}
