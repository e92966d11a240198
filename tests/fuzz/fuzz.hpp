#pragma once

// Shared by the fuzz targets in tests/fuzz/: each defines LLVMFuzzerTestOneInput, built with
// libFuzzer by scripts/fuzz (clang, PIE_FUZZ=ON) and replayed over its corpus and regressions by
// ctest in every build (replay_main.cpp), under ASan and UBSan.

#include <pie/store.hpp>

#include <cstdint>
#include <cstdlib>
#include <ctime>
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

}  // namespace pie::fuzz
