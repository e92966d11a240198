// Fuzz target: DURATION (§1) through looks_like_duration, parse_duration and format_duration.
// Any text parses to 1..1440 minutes or throws UserError; a word that parses has a duration's
// shape; format_duration's text parses back to the same minutes.

#include "fuzz.hpp"

#include <pie/error.hpp>
#include <pie/time.hpp>

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = pie::fuzz::text_of(data, size);
    bool shaped = pie::looks_like_duration(text);
    try {
        int minutes = pie::parse_duration(text);
        pie::fuzz::require(minutes >= 1 && minutes <= 1440);
        pie::fuzz::require(shaped);
        std::string again = pie::format_duration(minutes);
        pie::fuzz::require(pie::parse_duration(again) == minutes);
    } catch (const pie::UserError& e) {
        // Out of range is said only of a word with a duration's shape (it is never part of a note).
        std::string message = e.what();
        pie::fuzz::require(message.starts_with("invalid duration '") || message.starts_with("duration '"));
        pie::fuzz::require(!message.starts_with("duration '") || shaped);
    }
    return 0;
}
