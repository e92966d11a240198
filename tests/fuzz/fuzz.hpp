#pragma once

// Shared by the fuzz targets in tests/fuzz/: each defines LLVMFuzzerTestOneInput, built with
// libFuzzer by scripts/fuzz (clang, PIE_FUZZ=ON) and replayed over its corpus and regressions by
// ctest in every build (replay_main.cpp), under ASan and UBSan.

#include <pie/error.hpp>
#include <pie/import.hpp>
#include <pie/store.hpp>

#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <sstream>
#include <string>
#include <string_view>

namespace pie::fuzz {

// The fuzzer's bytes as text.
inline std::string_view text_of(const std::uint8_t* data, std::size_t size) {
    return {reinterpret_cast<const char*>(data), size};
}

// A check that must hold for every input: a failure aborts, which libFuzzer reports as a crash
// and saves the input that caused it.
inline void require(bool condition) {
    if (!condition) std::abort();
}

// Sets the process's time zone, as pie's tests do with TZ.
inline void use_time_zone(const char* zone) {
    ::setenv("TZ", zone, 1);
    ::tzset();
}

// For the import targets: now (2026-11-24T18:30 in Berlin), and one in-memory pie for all inputs,
// made once with the time zone set.
inline constexpr std::int64_t k_import_now = 1795541400;
inline pie::Store& import_store() {
    use_time_zone("Europe/Berlin");
    static pie::Store store = pie::Store::open_in_memory();
    return store;
}

// One input of an import target: `read` (a reader of ImportSession) on the bytes, inside a change
// that is never committed, so every input starts from the same pie. Anything but a usage error
// with a message escapes and is reported as a crash.
inline int import_input(const std::uint8_t* data, std::size_t size, void (*read)(ImportSession&, std::istream&)) {
    static Store& store = import_store();
    std::istringstream in{std::string(text_of(data, size))};
    auto change = store.change(k_import_now);  // never committed: rolls back
    ImportSession session(store, {{"gym", "health-fitness"}, {"work", "career"}}, k_import_now);
    try {
        read(session, in);
    } catch (const UserError& e) {
        require(*e.what() != '\0');
    }
    return 0;
}

}  // namespace pie::fuzz
