// Fuzz target: importing pie's JSON export (§7) into an in-memory pie, one rolled-back change per input.
// Any input either imports or throws UserError with a message (a usage error naming the line or
// record); nothing else escapes: no SQLite error from a record that breaks a constraint, no
// crash, leak or undefined behaviour.

#include "fuzz.hpp"

#include <pie/error.hpp>
#include <pie/import.hpp>
#include <pie/store.hpp>

#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static pie::Store& store = pie::fuzz::import_store();
    std::istringstream in{std::string(pie::fuzz::text_of(data, size))};
    auto change = store.change(pie::fuzz::k_import_now);  // never committed: rolls back
    pie::ImportSession session(store, {{"gym", "health-fitness"}, {"work", "career"}}, pie::fuzz::k_import_now);
    try {
        session.read_json(in);
    } catch (const pie::UserError& e) {
        pie::fuzz::require(*e.what() != '\0');
    }
    return 0;
}
