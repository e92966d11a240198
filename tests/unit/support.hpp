#pragma once

// What several unit tests need: the time zone set for one test, instants and dates written as
// calendar readings, and a temporary directory.

#include <pie/time.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>

namespace pie::test {

// Seconds since the epoch of a UTC calendar reading (plain proleptic-Gregorian arithmetic).
constexpr Instant utc_time(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
    using namespace std::chrono;
    return sys_days{year{y} / month{m} / day{d}}.time_since_epoch().count() * 86400 + hh * 3600 + mm * 60 + ss;
}

// The tests' clock: an hour and a day of seconds, and "now", Tue 2026-11-24 18:30 in Berlin
// (17:30 UTC), the PIE_NOW of the end-to-end cases.
inline constexpr Instant k_hour = 3600;
inline constexpr Instant k_day = 86400;
inline constexpr Instant k_now = utc_time(2026, 11, 24, 17, 30);

// A calendar date.
constexpr Date date_of(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// Sets the process's time zone (TZ) for the life of the object, restoring the previous value (or
// its absence) after.

class ZoneGuard {
public:
    explicit ZoneGuard(const char* zone) {
        if (const char* old = std::getenv("TZ")) m_old = old;
        ::setenv("TZ", zone, 1);
        ::tzset();
    }
    ~ZoneGuard() {
        if (m_old) {
            ::setenv("TZ", m_old->c_str(), 1);
        } else {
            ::unsetenv("TZ");
        }
        ::tzset();
    }
    ZoneGuard(const ZoneGuard&) = delete;
    ZoneGuard& operator=(const ZoneGuard&) = delete;

private:
    std::optional<std::string> m_old;
};

// A fresh directory under the system temp directory, removed with everything in it at the end.
class TempDir {
public:
    TempDir() {
        std::string pattern = (std::filesystem::temp_directory_path() / "pie-unit-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        m_path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::permissions(m_path, std::filesystem::perms::owner_all, std::filesystem::perm_options::add, ec);
        std::filesystem::remove_all(m_path, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::filesystem::path& child) const { return m_path / child; }

private:
    std::filesystem::path m_path;
};

}  // namespace pie::test
