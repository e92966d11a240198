// Fuzz target: WHEN (§1) through parse_when and parse_until. Any text either parses to an instant
// of the years 1970-9999 or throws UserError; nothing else escapes, crashes or overflows.
// The first byte picks the time zone and the instant taken as now (DST changes included).

#include "fuzz.hpp"

#include <pie/error.hpp>
#include <pie/time.hpp>

#include <array>
#include <string>

namespace {

constexpr std::array k_zones = {
    "Europe/Berlin", "UTC", "America/New_York", "Australia/Lord_Howe", "Pacific/Kiritimati", "America/St_Johns"};
// 2026-11-24T18:30 Berlin, the DST changes of 2026 in Berlin, 1970-01-01, 9999-12-31.
constexpr std::array<pie::Instant, 5> k_nows = {1795541400, 1774746000, 1792890000, 0, 253402300799};

void check_instant(pie::Instant at) {
    int y = static_cast<int>(pie::local_date(at).year());
    pie::fuzz::require(y >= 1969 && y <= 10000);  // a valid year, give or take the zone's offset
    pie::fuzz::require(!pie::format_iso(at).empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    pie::fuzz::use_time_zone(k_zones[data[0] % k_zones.size()]);
    pie::Instant now = k_nows[(data[0] / k_zones.size()) % k_nows.size()];
    std::string_view text = pie::fuzz::text_of(data + 1, size - 1);
    try {
        pie::When when = pie::parse_when(text, now);
        check_instant(when.at);
        pie::Instant until = pie::parse_until(text, now);
        pie::fuzz::require(until >= when.at);
        check_instant(until);
    } catch (const pie::UserError& e) {
        pie::fuzz::require(std::string(e.what()).starts_with("invalid time '"));
    }
    return 0;
}
