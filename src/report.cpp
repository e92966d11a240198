#include <pie/report.hpp>

#include <pie/error.hpp>
#include <pie/period.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

namespace pie {

namespace {

// "2026-11-19..2026-11-25": the first and last day of [from, to), both inclusive.
std::string days_label(Instant from, Instant to) {
    return fmt::format("{}..{}", format_date(local_date(from)), format_date(local_date(to - 1)));
}

// A number of exactly `digits` digits at `text[pos]`; nullopt otherwise.
std::optional<int> digits_at(std::string_view text, std::size_t pos, std::size_t digits) {
    if (pos + digits > text.size()) return std::nullopt;
    int value = 0;
    auto [end, ec] = std::from_chars(text.data() + pos, text.data() + pos + digits, value);
    if (ec != std::errc() || end != text.data() + pos + digits) return std::nullopt;
    return value;
}

ReportPeriod whole_period(const Period& period, std::string words) {
    return ReportPeriod{period.from, period.to, period_label(period), std::move(words)};
}

// "this" (or nothing) and "last": the week or month holding now, or the one before it.
std::optional<ReportPeriod> relative_period(PeriodKind kind, std::string_view value, Instant now) {
    Period current = period_containing(kind, now);
    std::string_view unit = period_kind_name(kind);
    if (value.empty() || value == "this") return whole_period(current, fmt::format("this {}", unit));
    if (value == "last") return whole_period(previous_period(current), fmt::format("last {}", unit));
    return std::nullopt;
}

}  // namespace

ReportPeriod days_period(int days, Instant now) {
    Date today = local_date(now);
    Instant from = start_of_day(add_days(today, -(days - 1)));
    Instant to = start_of_day(add_days(today, 1));
    std::string words = days == 1 ? "today" : fmt::format("in the last {} days", days);
    return ReportPeriod{from, to, days_label(from, to), std::move(words)};
}

ReportPeriod week_period(std::string_view value, Instant now) {
    if (auto relative = relative_period(PeriodKind::week, value, now)) return *relative;
    // YYYY-Www
    auto year = digits_at(value, 0, 4);
    auto week = digits_at(value, 6, 2);
    bool shaped = value.size() == 8 && value[4] == '-' && (value[5] == 'W' || value[5] == 'w');
    if (!shaped || !year || !week || *year < 1970) {
        throw UserError(fmt::format("invalid --week '{}'", value), "this, last or an ISO week like 2026-W47");
    }
    std::optional<Date> monday = iso_week_monday(*year, static_cast<unsigned>(*week));
    if (!monday) throw UserError(fmt::format("--week {}: {} has no week {}", value, *year, *week));
    Period period = period_of_date(PeriodKind::week, *monday);
    return whole_period(period, "in " + period_label(period));
}

ReportPeriod month_period(std::string_view value, Instant now) {
    if (auto relative = relative_period(PeriodKind::month, value, now)) return *relative;
    // YYYY-MM
    auto year = digits_at(value, 0, 4);
    auto month = digits_at(value, 5, 2);
    if (value.size() != 7 || value[4] != '-' || !year || !month || *year < 1970) {
        throw UserError(fmt::format("invalid --month '{}'", value), "this, last or a month like 2026-11");
    }
    if (*month < 1 || *month > 12) throw UserError(fmt::format("--month {}: there is no month {}", value, *month));
    Date first{std::chrono::year{*year}, std::chrono::month{static_cast<unsigned>(*month)}, std::chrono::day{1}};
    static constexpr std::array<std::string_view, 12> names = {"January",   "February", "March",    "April",
                                                               "May",       "June",     "July",     "August",
                                                               "September", "October",  "November", "December"};
    Period period = period_of_date(PeriodKind::month, first);
    return whole_period(period, fmt::format("in {} {}", names[static_cast<std::size_t>(*month - 1)], *year));
}

ReportPeriod range_period(Instant from, Instant to) {
    return ReportPeriod{from, to, days_label(from, to), "in this period"};
}

ReportPeriod all_period(std::optional<Instant> earliest, std::optional<Instant> latest, Instant now) {
    Date today = local_date(now);
    Instant from = start_of_day(earliest ? std::min(local_date(*earliest), today) : today);
    Instant to = start_of_day(add_days(today, 1));
    if (latest) to = std::max(to, start_of_day(add_days(local_date(*latest), 1)));
    return ReportPeriod{from, to, days_label(from, to), "so far"};
}

bool slice_counted(const SliceFacts& facts, const ReportPeriod& period) {
    if (facts.totals.entries > 0) return true;
    bool retired =
        facts.retired_at_end ? *facts.retired_at_end : facts.slice.retired_at && *facts.slice.retired_at <= period.to;
    return facts.slice.added_at < period.to && !retired;
}

bool goal_in_report(const Goal& goal, const ReportPeriod& period) {
    if (goal_active_at(goal, period.to - 1)) return true;
    return goal.kind == GoalKind::one_off && goal.done_at && *goal.done_at >= period.from && *goal.done_at < period.to;
}

std::string_view basis_name(Basis basis) { return basis == Basis::minutes ? "minutes" : "count"; }

std::optional<int> balance_score(const std::vector<double>& shares) {
    if (shares.size() < 2) return std::nullopt;
    double total = 0;
    double entropy = 0;
    for (double p : shares) {
        total += p;
        if (p > 0) entropy -= p * std::log(p);
    }
    if (total <= 0) return std::nullopt;
    return static_cast<int>(std::lround(100 * entropy / std::log(static_cast<double>(shares.size()))));
}

Report compute_report(const ReportPeriod& period, Basis basis, Instant now, const std::vector<SliceFacts>& slices,
                      std::vector<GoalReport> goals) {
    Report report;
    report.period = period;
    report.now = now;
    report.goals = std::move(goals);

    std::vector<const SliceFacts*> counted;
    for (const SliceFacts& facts : slices) {
        if (!slice_counted(facts, period)) continue;
        counted.push_back(&facts);
        report.totals.entries += facts.totals.entries;
        report.totals.minutes += facts.totals.minutes;
    }
    report.basis =
        basis == Basis::minutes && report.totals.minutes == 0 && report.totals.entries > 0 ? Basis::count : basis;
    auto amount = [&](const Totals& totals) {
        return static_cast<double>(report.basis == Basis::minutes ? totals.minutes : totals.entries);
    };
    double total = amount(report.totals);
    double even_share = counted.empty() ? 0 : 1.0 / static_cast<double>(counted.size());
    Instant horizon = std::min(period.to, now);

    std::vector<double> shares;
    double rating_sum = 0;
    int rated = 0;
    for (const SliceFacts* facts : counted) {
        SliceReport slice;
        slice.name = facts->slice.name;
        slice.label = facts->slice.label;
        slice.entries = facts->totals.entries;
        slice.minutes = facts->totals.minutes;
        slice.share = total > 0 ? amount(facts->totals) / total : 0;
        slice.rating = facts->rating;
        if (facts->rating && facts->rating_before) slice.rating_change = *facts->rating - *facts->rating_before;
        slice.last_logged = facts->last_logged;
        if (facts->last_logged) slice.days_since_last = std::max<Instant>(0, (horizon - *facts->last_logged) / k_day);
        slice.neglected = slice.entries == 0;
        slice.hyper_focus = slice.share > k_hyper_focus_share;
        slice.needs_care = slice.rating && *slice.rating <= k_needs_care_rating && slice.share < even_share;
        if (slice.hyper_focus) report.hyper_focus.push_back(slice.name);
        if (slice.neglected) report.neglected.push_back(slice.name);
        if (slice.needs_care) report.needs_care.push_back(slice.name);
        if (slice.rating) {
            rating_sum += *slice.rating;
            ++rated;
        }
        shares.push_back(slice.share);
        report.slices.push_back(std::move(slice));
    }
    report.balance = balance_score(shares);
    if (rated > 0) report.average_rating = rating_sum / rated;
    return report;
}

}  // namespace pie
