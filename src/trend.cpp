#include <pie/trend.hpp>

#include <algorithm>

namespace pie {

std::vector<ReportPeriod> trend_periods(PeriodKind unit, int count, Instant now) {
    std::vector<Period> periods{period_containing(unit, now)};
    while (static_cast<int>(periods.size()) < count) periods.push_back(previous_period(periods.back()));
    std::vector<ReportPeriod> out;
    for (auto it = periods.rbegin(); it != periods.rend(); ++it) {
        std::string label = period_label(*it);
        out.push_back(unit == PeriodKind::month ? month_period(label, now) : week_period(label, now));
    }
    return out;
}

std::optional<RatingByTime> rating_by_time(const std::vector<std::pair<std::int64_t, int>>& rated) {
    if (static_cast<int>(rated.size()) < k_min_rated_periods) return std::nullopt;
    std::vector<std::int64_t> minutes;
    for (const auto& [m, rating] : rated) minutes.push_back(m);
    std::sort(minutes.begin(), minutes.end());
    std::size_t n = minutes.size();
    double median = n % 2 == 1 ? static_cast<double>(minutes[n / 2])
                               : (static_cast<double>(minutes[n / 2 - 1]) + static_cast<double>(minutes[n / 2])) / 2;
    RatingByTime out;
    double more_sum = 0;
    double less_sum = 0;
    for (const auto& [m, rating] : rated) {
        RatingGroup& group = static_cast<double>(m) >= median ? out.more : out.less;
        (&group == &out.more ? more_sum : less_sum) += rating;
        ++group.periods;
    }
    if (out.more.periods == 0 || out.less.periods == 0) return std::nullopt;
    out.more.mean_rating = more_sum / out.more.periods;
    out.less.mean_rating = less_sum / out.less.periods;
    return out;
}

Trend compute_trend(PeriodKind unit, Basis basis, Instant now, const std::vector<ReportPeriod>& periods,
                    const std::vector<std::vector<SliceFacts>>& facts, const std::vector<std::string>& only) {
    Trend trend;
    trend.unit = unit;
    trend.basis = basis;
    std::vector<Report> reports;
    for (std::size_t i = 0; i < periods.size(); ++i) {
        reports.push_back(compute_report(periods[i], basis, now, facts[i], {}));
        const Report& report = reports.back();
        trend.periods.push_back({periods[i], report.totals, report.basis, report.balance});
    }
    if (facts.empty()) return trend;
    int later = 0;  // slices shown or counted, but not counted in the current period
    for (std::size_t s = 0; s < facts.front().size(); ++s) {
        const Slice& slice = facts.front()[s].slice;
        bool named = std::find(only.begin(), only.end(), slice.name) != only.end();
        TrendSlice row{slice.name, slice.label, {}, {}, {}, {}, std::nullopt, 0};
        bool counted = false;
        std::vector<std::pair<std::int64_t, int>> rated;
        for (std::size_t i = 0; i < periods.size(); ++i) {
            const auto& in = reports[i].slices;
            auto found = std::find_if(in.begin(), in.end(), [&](const SliceReport& r) { return r.name == slice.name; });
            counted = counted || found != in.end();
            row.entries.push_back(found != in.end() ? found->entries : 0);
            row.minutes.push_back(found != in.end() ? found->minutes : 0);
            row.share.push_back(found != in.end() ? found->share : 0);
            const SliceFacts& f = facts[i][s];
            std::optional<int> inside;
            if (f.rating && f.rating_at && *f.rating_at >= periods[i].from) inside = f.rating;
            row.rating.push_back(inside);
            if (inside) rated.emplace_back(row.minutes.back(), *inside);
        }
        // Counted now: the place in this period's report; else after every slice counted now.
        const auto& now_counted = reports.back().slices;
        auto here = std::find_if(now_counted.begin(), now_counted.end(),
                                 [&](const SliceReport& r) { return r.name == slice.name; });
        if (here != now_counted.end()) {
            row.colour = static_cast<int>(here - now_counted.begin());
        } else if (counted || named) {
            row.colour = static_cast<int>(now_counted.size()) + later++;
        }
        if (only.empty() ? !counted : !named) continue;
        row.rating_by_time = rating_by_time(rated);
        trend.slices.push_back(std::move(row));
    }
    return trend;
}

}  // namespace pie
