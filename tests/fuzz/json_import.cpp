// Fuzz target: importing pie's JSON export (§7) into an in-memory pie, one rolled-back change per input.
// Any input either imports or throws UserError with a message (a usage error naming the line or
// record); nothing else escapes: no SQLite error from a record that breaks a constraint, no
// crash, leak or undefined behaviour.

#include "fuzz.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return pie::fuzz::import_input(data, size,
                                   [](pie::ImportSession& session, std::istream& in) { session.read_json(in); });
}
