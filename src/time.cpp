#include <pie/time.hpp>

#include <pie/error.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <ctime>

namespace pie {

namespace {

using namespace std::chrono;

constexpr std::string_view k_when_hint =
    "use e.g. 2026-11-24, 18:30, today, yesterday 18:30, mon 09:00, 3d ago, 2h ago";
constexpr std::string_view k_duration_hint = "use e.g. 45m, 2h, 1h30m, 1.5h or 1:30";

Instant days_of(const Date& date) { return sys_days{date}.time_since_epoch().count(); }

long offset_at(Instant at) {
    std::time_t t = static_cast<std::time_t>(at);
    std::tm tm{};
    localtime_r(&t, &tm);
    return tm.tm_gmtoff;
}

// A small cursor over the text being parsed; every read either consumes or leaves it as it was.
class Scanner {
public:
    explicit Scanner(std::string_view text) : m_text(text) {}

    bool done() const { return m_pos == m_text.size(); }
    std::string_view rest() const { return m_text.substr(m_pos); }
    char peek() const { return done() ? '\0' : m_text[m_pos]; }

    bool eat(char c) {
        if (peek() != c) return false;
        ++m_pos;
        return true;
    }

    // Reads between min and max decimal digits; nullopt (nothing consumed) when fewer than min.
    std::optional<long> digits(std::size_t min, std::size_t max) {
        std::size_t start = m_pos;
        long value = 0;
        while (!done() && std::isdigit(static_cast<unsigned char>(peek())) && m_pos - start < max) {
            value = value * 10 + (peek() - '0');
            ++m_pos;
        }
        if (m_pos - start < min) {
            m_pos = start;
            return std::nullopt;
        }
        return value;
    }

    bool skip_spaces() {
        std::size_t start = m_pos;
        while (peek() == ' ') ++m_pos;
        return m_pos > start;
    }

private:
    std::string_view m_text;
    std::size_t m_pos = 0;
};

struct ClockTime {
    int hour = 0;
    int minute = 0;
    int second = 0;
};

// H:MM or HH:MM, optionally :SS.
std::optional<ClockTime> scan_clock(Scanner& in) {
    auto hour = in.digits(1, 2);
    if (!hour || !in.eat(':')) return std::nullopt;
    auto minute = in.digits(2, 2);
    if (!minute) return std::nullopt;
    long second = 0;
    if (in.eat(':')) {
        auto s = in.digits(2, 2);
        if (!s) return std::nullopt;
        second = *s;
    }
    if (*hour > 23 || *minute > 59 || second > 59) return std::nullopt;
    return ClockTime{static_cast<int>(*hour), static_cast<int>(*minute), static_cast<int>(second)};
}

// Z, +HH:MM, +HHMM or +HH: seconds east of UTC.
std::optional<long> scan_offset(Scanner& in) {
    if (in.eat('Z') || in.eat('z')) return 0;
    int sign = in.eat('+') ? 1 : in.eat('-') ? -1 : 0;
    if (sign == 0) return std::nullopt;
    auto hours = in.digits(2, 2);
    if (!hours) return std::nullopt;
    long minutes = 0;
    if (in.eat(':')) {  // after a colon the minutes are required: "+01:" is no offset
        auto mm = in.digits(2, 2);
        if (!mm) return std::nullopt;
        minutes = *mm;
    } else {
        minutes = in.digits(2, 2).value_or(0);
    }
    if (*hours > 18 || minutes > 59) return std::nullopt;
    return sign * (*hours * 3600 + minutes * 60);
}

// today, yesterday, monday..sunday, mon..sun: the local date meant, relative to `today`.
std::optional<Date> day_word(std::string_view word, const Date& today) {
    if (word == "today") return today;
    if (word == "yesterday") return add_days(today, -1);
    static constexpr std::array<std::string_view, 7> names = {"sunday",   "monday", "tuesday", "wednesday",
                                                              "thursday", "friday", "saturday"};
    for (unsigned i = 0; i < names.size(); ++i) {
        if (word == names[i] || word == names[i].substr(0, 3)) {
            unsigned today_index = weekday{sys_days{today}}.c_encoding();
            int back = static_cast<int>((today_index + 7 - i) % 7);
            return add_days(today, -back);
        }
    }
    return std::nullopt;
}

[[noreturn]] void bad_when(std::string_view text) {
    throw UserError(fmt::format("invalid time '{}'", text), std::string(k_when_hint));
}

bool valid_year(long year) { return year >= 1970 && year <= 9999; }

// "3d ago", "1w ago", "2h ago", "90m ago", also combined ("1d2h ago"): calendar units first.
std::optional<Instant> parse_ago(std::string_view text, Instant now) {
    constexpr std::string_view suffix = "ago";
    if (text.size() <= suffix.size() || text.substr(text.size() - suffix.size()) != suffix) return std::nullopt;
    Scanner in(text.substr(0, text.size() - suffix.size()));
    long days = 0, seconds = 0;
    bool any = false;
    while (auto n = in.digits(1, 6)) {
        any = true;
        char unit = in.peek();
        if (!in.eat(unit)) return std::nullopt;
        switch (unit) {
            case 'w': days += *n * 7; break;
            case 'd': days += *n; break;
            case 'h': seconds += *n * 3600; break;
            case 'm': seconds += *n * 60; break;
            default: return std::nullopt;
        }
        // Far past any valid year (1970..9999 is under 3 million days): stop before the sums
        // outgrow the int that add_days takes and wrap round to a near date.
        if (days > 4'000'000 || seconds > 4'000'000 * k_day) return std::nullopt;
    }
    in.skip_spaces();
    if (!any || !in.done()) return std::nullopt;
    LocalTime local = to_local(now);
    Date day = add_days(local.date, static_cast<int>(-days));
    if (!day.ok() || !valid_year(static_cast<int>(day.year()))) return std::nullopt;
    // Hours and minutes are exact: count them from now itself, not from its clock reading, which
    // names the earlier instant when now is in the hour repeated as clocks go back.
    Instant base = days == 0 ? now : from_local(day, local.hour, local.minute, local.second);
    Instant at = base - seconds;
    if (!valid_year(static_cast<int>(local_date(at).year()))) return std::nullopt;
    return at;
}

}  // namespace

LocalTime to_local(Instant at) {
    std::time_t t = static_cast<std::time_t>(at);
    std::tm tm{};
    localtime_r(&t, &tm);
    return LocalTime{Date{year{tm.tm_year + 1900}, month{static_cast<unsigned>(tm.tm_mon + 1)},
                          day{static_cast<unsigned>(tm.tm_mday)}},
                     tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_gmtoff};
}

Instant from_local(const Date& date, int hour, int minute, int second) {
    // The reading as if it were UTC; the true instant is it minus the offset in force then, which
    // is one of the offsets a day either side of it.
    Instant naive = days_of(date) * k_day + hour * 3600 + minute * 60 + second;
    std::optional<Instant> best;
    for (long offset : {offset_at(naive - k_day), offset_at(naive), offset_at(naive + k_day)}) {
        Instant candidate = naive - offset;
        LocalTime back = to_local(candidate);
        if (back.date == date && back.hour == hour && back.minute == minute && back.second == second &&
            (!best || candidate < *best)) {
            best = candidate;
        }
    }
    if (best) return *best;
    // In a gap: read the clock with the offset from before the change, which lands past the gap.
    return naive - offset_at(naive - k_day);
}

Date local_date(Instant at) { return to_local(at).date; }

Instant start_of_day(const Date& date) { return from_local(date); }

Date add_days(const Date& date, int n) { return Date{sys_days{date} + days{n}}; }

When parse_when(std::string_view text, Instant now) {
    std::string word = lower_ascii(text);
    // Leading and trailing blanks are noise from scripts; inner ones separate a day and a time.
    auto first = word.find_first_not_of(' ');
    if (first == std::string::npos) bad_when(text);
    word = word.substr(first, word.find_last_not_of(' ') - first + 1);

    if (word == "now") return When{now, false};
    if (auto ago = parse_ago(word, now)) return When{*ago, false};

    Date today = local_date(now);
    // A day word, alone or followed by a clock time.
    std::string_view head = std::string_view(word).substr(0, word.find(' '));
    if (auto day = day_word(head, today)) {
        Scanner in(std::string_view(word).substr(head.size()));
        if (in.done()) return When{start_of_day(*day), true};
        in.skip_spaces();
        auto clock = scan_clock(in);
        if (!clock || !in.done()) bad_when(text);
        return When{from_local(*day, clock->hour, clock->minute, clock->second), false};
    }

    Scanner in(word);
    // A clock time alone: today.
    {
        Scanner probe = in;
        if (auto clock = scan_clock(probe); clock && probe.done()) {
            return When{from_local(today, clock->hour, clock->minute, clock->second), false};
        }
    }
    // ISO 8601: a date, then optionally a time ('T' or a space), then optionally an offset.
    auto y = in.digits(4, 4);
    if (!y || !in.eat('-')) bad_when(text);
    auto m = in.digits(2, 2);
    if (!m || !in.eat('-')) bad_when(text);
    auto d = in.digits(2, 2);
    if (!d) bad_when(text);
    Date date{year{static_cast<int>(*y)}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
    if (!date.ok() || !valid_year(*y)) bad_when(text);
    if (in.done()) return When{start_of_day(date), true};
    if (!in.eat('t') && !in.skip_spaces()) bad_when(text);
    auto clock = scan_clock(in);
    if (!clock) bad_when(text);
    if (in.done()) return When{from_local(date, clock->hour, clock->minute, clock->second), false};
    auto offset = scan_offset(in);
    if (!offset || !in.done()) bad_when(text);
    Instant at = days_of(date) * k_day + clock->hour * 3600 + clock->minute * 60 + clock->second - *offset;
    return When{at, false};
}

Instant parse_until(std::string_view text, Instant now) {
    When when = parse_when(text, now);
    return when.day_only ? start_of_day(add_days(local_date(when.at), 1)) : when.at;
}

namespace {

// The value of a DURATION-shaped word in (unrounded) minutes, or nullopt when it has another shape.
std::optional<double> duration_value(std::string_view s) {
    auto digits_end = [s](std::size_t from) {
        while (from < s.size() && std::isdigit(static_cast<unsigned char>(s[from]))) ++from;
        return from;
    };
    // strtod, unlike stod, saturates instead of throwing on a thousand-digit number.
    auto number = [s](std::size_t from, std::size_t to) {
        return std::strtod(std::string(s.substr(from, to - from)).c_str(), nullptr);
    };
    std::size_t i = digits_end(0);
    if (i == 0 || i == s.size()) return std::nullopt;
    double whole = number(0, i);
    char unit = s[i];
    if (unit == 'm') return i + 1 == s.size() ? std::optional<double>(whole) : std::nullopt;
    if (unit == ':') {  // h:mm
        std::size_t j = digits_end(i + 1);
        if (j != s.size() || j - i - 1 != 2) return std::nullopt;
        return whole * 60 + number(i + 1, j);
    }
    if (unit == '.') {  // 1.5h, 2.5m
        std::size_t j = digits_end(i + 1);
        if (j == i + 1 || j + 1 != s.size() || (s[j] != 'h' && s[j] != 'm')) return std::nullopt;
        double value = number(0, j);
        return s[j] == 'h' ? value * 60 : value;
    }
    if (unit != 'h') return std::nullopt;
    if (i + 1 == s.size()) return whole * 60;
    std::size_t j = digits_end(i + 1);  // 1h30m
    if (j == i + 1 || j + 1 != s.size() || s[j] != 'm') return std::nullopt;
    return whole * 60 + number(i + 1, j);
}

}  // namespace

bool looks_like_duration(std::string_view text) {
    std::string word = lower_ascii(text);
    if (!word.empty() && word.front() == '-') word.erase(0, 1);  // "-5m" is a duration, out of range
    return duration_value(word).has_value();
}

int parse_duration(std::string_view text, int max_minutes) {
    std::string word = lower_ascii(text);
    bool negative = !word.empty() && word.front() == '-';
    auto value = duration_value(negative ? std::string_view(word).substr(1) : std::string_view(word));
    if (!value) throw UserError(fmt::format("invalid duration '{}'", text), std::string(k_duration_hint));
    // h:mm is a duration's shape whatever its minutes, but they must be 00-59 (§1).
    if (auto colon = word.find(':'); colon != std::string::npos) {
        int mm = (word[colon + 1] - '0') * 10 + (word[colon + 2] - '0');  // exactly 2 digits
        if (mm > 59) {
            throw UserError(fmt::format("duration '{}' is out of range: the minutes of h:mm must be 00 to 59", text),
                            std::string(k_duration_hint));
        }
    }
    // Whole minutes, halves up, of the decimal as written: first snap away the binary error that
    // makes e.g. 1.025h * 60 = 61.4999... instead of 61.5.
    double rounded = std::round(std::round(*value * 1e9) / 1e9);
    if (negative || !(rounded >= 1 && rounded <= max_minutes)) {
        throw UserError(
            fmt::format("duration '{}' is out of range: it must be from 1m to {}", text, format_duration(max_minutes)));
    }
    return static_cast<int>(rounded);
}

std::string format_duration(int minutes) {
    int hours = minutes / 60;
    int rest = minutes % 60;
    if (hours == 0) return fmt::format("{}m", rest);
    if (rest == 0) return fmt::format("{}h", hours);
    return fmt::format("{}h{}m", hours, rest);
}

std::string format_iso(Instant at) {
    LocalTime t = to_local(at);
    long offset = t.utc_offset;
    char sign = offset < 0 ? '-' : '+';
    offset = std::labs(offset);
    return fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", format_date(t.date), t.hour, t.minute, t.second, sign,
                       offset / 3600, offset % 3600 / 60);
}

std::string format_short(Instant at, Instant now) {
    LocalTime t = to_local(at);
    std::string_view name = weekday_abbrev(weekday{sys_days{t.date}});
    std::string_view mon = month_abbrev(t.date.month());
    unsigned d = static_cast<unsigned>(t.date.day());
    if (t.date.year() != local_date(now).year()) {
        return fmt::format("{} {} {} {} {:02}:{:02}", name, d, mon, static_cast<int>(t.date.year()), t.hour, t.minute);
    }
    return fmt::format("{} {} {} {:02}:{:02}", name, d, mon, t.hour, t.minute);
}

std::string format_minute(Instant at) {
    LocalTime t = to_local(at);
    return fmt::format("{} {:02}:{:02}", format_date(t.date), t.hour, t.minute);
}

std::string format_date(const Date& date) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()), static_cast<unsigned>(date.month()),
                       static_cast<unsigned>(date.day()));
}

std::string_view weekday_abbrev(weekday day) {
    static constexpr std::array<std::string_view, 7> names = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    return names[day.c_encoding()];
}

std::string_view month_abbrev(month m) {
    static constexpr std::array<std::string_view, 12> names = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                               "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return names[static_cast<unsigned>(m) - 1];
}

}  // namespace pie
