#include <pie/format/number.hpp>
#include <pie/format/trend.hpp>

#include <pie/format/csv.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>

namespace pie {

namespace {

constexpr int k_gap = 2;          // between columns
constexpr int k_indent = 2;       // lines under a name in the narrow layout
constexpr int k_series_col = 10;  // "  share   " before a sparkline in the narrow layout

// The amount a slice's cells show: time with --by minutes, entries with --by count.
std::string amount_text(const Trend& trend, std::int64_t entries, std::int64_t minutes) {
    if (trend.basis == Basis::count) return fmt::format("{}", entries);
    return minutes > 0 ? format_duration(static_cast<int>(minutes)) : "-";
}

// `text` broken at spaces into lines of at most `width` columns, continuation lines after `indent`.
std::vector<std::string> wrap_words(const std::string& text, int width, int indent) {
    std::vector<std::string> lines{""};
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = std::min(text.find(' ', pos), text.size());
        std::string word = text.substr(pos, end - pos);
        std::string& line = lines.back();
        bool fresh = display_width(line) <= (lines.size() == 1 ? 0 : indent);
        if (!fresh && display_width(line) + 1 + display_width(word) > width) {
            lines.push_back(std::string(static_cast<std::size_t>(indent), ' ') + word);
        } else {
            line += (fresh ? "" : " ") + word;
        }
        pos = end + 1;
    }
    return lines;
}

// A sparkline after `prefix`, cut into pieces that fit `width`, the later ones under the first.
void add_series(std::vector<std::string>& lines, const std::string& prefix,
                const std::vector<std::optional<double>>& series, int width, bool ascii) {
    int room = std::max(1, width - display_width(prefix));
    std::string pad(static_cast<std::size_t>(display_width(prefix)), ' ');
    for (std::size_t from = 0; from < series.size() || from == 0; from += static_cast<std::size_t>(room)) {
        auto first = series.begin() + static_cast<std::ptrdiff_t>(std::min(from, series.size()));
        auto last = series.begin() +
                    static_cast<std::ptrdiff_t>(std::min(from + static_cast<std::size_t>(room), series.size()));
        std::string spark = sparkline({first, last}, ascii);
        lines.push_back(from == 0 ? prefix + spark : pad + spark);
        if (series.empty()) break;
    }
}

std::string rstrip(std::string line) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

// The sparklines: balance, then one row per slice; a table when it fits, else a block per slice.
std::vector<std::string> body_lines(const Trend& trend, const RenderOptions& options) {
    int n = static_cast<int>(trend.periods.size());
    std::string this_head = fmt::format("This {}", unit_name(trend, false));
    int name_w = display_width("Balance");
    int this_w = display_width(this_head);
    int total_w = display_width("Total");
    struct Row {
        std::string name, now, total;
    };
    std::vector<Row> rows;
    for (const TrendSlice& slice : trend.slices) {
        TrendAmounts amounts = trend_amounts(trend, slice);
        Row row{display_text(slice.name, options.ascii), amounts.now, amounts.total};
        name_w = std::max(name_w, display_width(row.name));
        this_w = std::max(this_w, display_width(row.now));
        total_w = std::max(total_w, display_width(row.total));
        rows.push_back(std::move(row));
    }
    std::vector<std::string> lines;
    std::string stats = balance_stats(trend);
    int table_w = name_w + k_gap + std::max(n, 5) + k_gap + this_w + k_gap + total_w + k_gap + std::max(n, 7);
    if (table_w <= options.width) {
        std::string gap(k_gap, ' ');
        std::string head = pad_right("Balance", name_w) + gap + sparkline(balance_series(trend), options.ascii);
        if (display_width(head) + k_gap + display_width(stats) <= options.width) {
            lines.push_back(head + gap + stats);
        } else {
            lines.push_back(rstrip(head));
            lines.push_back(std::string(static_cast<std::size_t>(name_w + k_gap), ' ') + stats);
        }
        if (rows.empty()) return lines;
        lines.emplace_back();
        lines.push_back(pad_right("Slice", name_w) + gap + pad_right("Share", std::max(n, 5)) + gap +
                        pad_left(this_head, this_w) + gap + pad_left("Total", total_w) + gap + "Ratings");
        for (std::size_t s = 0; s < rows.size(); ++s) {
            lines.push_back(rstrip(pad_right(rows[s].name, name_w) + gap +
                                   pad_right(sparkline(share_series(trend.slices[s]), options.ascii), std::max(n, 5)) +
                                   gap + pad_left(rows[s].now, this_w) + gap + pad_left(rows[s].total, total_w) + gap +
                                   sparkline(rating_series(trend.slices[s]), options.ascii)));
        }
        return lines;
    }
    std::string indent(k_indent, ' ');
    lines.emplace_back("Balance");
    auto balance = balance_series(trend);
    if (std::any_of(balance.begin(), balance.end(), [](const auto& x) { return x.has_value(); })) {
        add_series(lines, indent, balance, options.width, options.ascii);
    }
    for (const std::string& line : wrap_words(stats, options.width - k_indent, 0)) lines.push_back(indent + line);
    for (std::size_t s = 0; s < rows.size(); ++s) {
        lines.emplace_back();
        std::string details = fmt::format("{} this {}, {} in all", rows[s].now, unit_name(trend, false), rows[s].total);
        if (display_width(rows[s].name) + k_gap + display_width(details) <= options.width) {
            lines.push_back(rows[s].name + std::string(k_gap, ' ') + details);
        } else {
            lines.push_back(rows[s].name);
            lines.push_back(indent + details);
        }
        add_series(lines, pad_right("  share", k_series_col), share_series(trend.slices[s]), options.width,
                   options.ascii);
        auto ratings = rating_series(trend.slices[s]);
        bool rated = std::any_of(ratings.begin(), ratings.end(), [](const auto& x) { return x.has_value(); });
        add_series(lines, pad_right("  rating", k_series_col), ratings, options.width, options.ascii);
        if (!rated) lines.back() = pad_right("  rating", k_series_col) + "not rated";
    }
    return lines;
}

std::string lines_text(const std::vector<std::string>& lines) {
    std::string out;
    for (const std::string& line : lines) out += rstrip(line) + "\n";
    return out;
}

}  // namespace

std::string unit_name(const Trend& trend, bool plural) {
    std::string_view unit = period_kind_name(trend.unit);
    return plural ? fmt::format("{}s", unit) : std::string(unit);
}

std::string trend_span(const Trend& trend) {
    std::string first = trend.periods.empty() ? "" : trend.periods.front().period.label;
    std::string last = trend.periods.empty() ? "" : trend.periods.back().period.label;
    return fmt::format("{} to {}", first, last);
}

std::string trend_title(const Trend& trend) {
    return fmt::format("Trend by {}, {}", unit_name(trend, false), trend_span(trend));
}

std::string trend_subtitle(const Trend& trend) {
    return fmt::format("{} {}, shares of {}.", trend.periods.size(), unit_name(trend, true),
                       trend.basis == Basis::count ? "entries" : "minutes");
}

std::string balance_stats(const Trend& trend) {
    std::vector<int> scores;
    for (const TrendPeriod& p : trend.periods) {
        if (p.balance) scores.push_back(*p.balance);
    }
    if (scores.empty()) return fmt::format("no score in any {}", unit_name(trend, false));
    return fmt::format("first {}, last {}, low {}, high {}", scores.front(), scores.back(),
                       *std::min_element(scores.begin(), scores.end()),
                       *std::max_element(scores.begin(), scores.end()));
}

TrendAmounts trend_amounts(const Trend& trend, const TrendSlice& slice) {
    std::int64_t entries = 0;
    std::int64_t minutes = 0;
    for (std::size_t i = 0; i < slice.entries.size(); ++i) {
        entries += slice.entries[i];
        minutes += slice.minutes[i];
    }
    return {amount_text(trend, slice.entries.empty() ? 0 : slice.entries.back(),
                        slice.minutes.empty() ? 0 : slice.minutes.back()),
            amount_text(trend, entries, minutes)};
}

std::vector<std::string> period_cells(const TrendPeriod& p) {
    return {p.period.label, format_date(local_date(p.period.from)), fmt::format("{}", p.totals.entries),
            p.totals.minutes > 0 ? format_duration(static_cast<int>(p.totals.minutes)) : "-",
            p.balance ? fmt::format("{}", *p.balance) : "-"};
}

std::vector<std::optional<double>> balance_series(const Trend& trend) {
    std::vector<std::optional<double>> out;
    for (const TrendPeriod& p : trend.periods)
        out.push_back(p.balance ? std::optional(*p.balance / 100.0) : std::nullopt);
    return out;
}

std::vector<std::optional<double>> share_series(const TrendSlice& slice) {
    double high = slice.share.empty() ? 0 : *std::max_element(slice.share.begin(), slice.share.end());
    std::vector<std::optional<double>> out;
    for (double share : slice.share) out.emplace_back(high > 0 ? share / high : 0.0);
    return out;
}

std::vector<std::optional<double>> rating_series(const TrendSlice& slice) {
    std::vector<std::optional<double>> out;
    for (const auto& rating : slice.rating) out.push_back(rating ? std::optional((*rating - 1) / 9.0) : std::nullopt);
    return out;
}

std::string sparkline(const std::vector<std::optional<double>>& scaled, bool ascii) {
    static constexpr std::array<std::string_view, 8> k_blocks = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
    static constexpr std::string_view k_ascii = "_.-=+*#@";
    std::string out;
    for (const auto& x : scaled) {
        if (!x) {
            out += ' ';
            continue;
        }
        auto level = static_cast<std::size_t>(std::clamp<long>(std::lround(7 * std::clamp(*x, 0.0, 1.0)), 0, 7));
        if (ascii) {
            out += k_ascii[level];
        } else {
            out += k_blocks[level];
        }
    }
    return out;
}

std::vector<std::string> trend_sentences(const Trend& trend) {
    std::vector<std::string> out;
    for (const TrendSlice& slice : trend.slices) {
        if (!slice.rating_by_time) continue;
        double more = round_to(slice.rating_by_time->more.mean_rating, 1);
        double less = round_to(slice.rating_by_time->less.mean_rating, 1);
        if (std::abs(more - less) < 1.0 - 1e-9) continue;
        out.push_back(
            fmt::format("In the {} {} with more {} time you rated {} {:.1f} on average; in the other {}, {:.1f}.",
                        slice.rating_by_time->more.periods, unit_name(trend, true), slice.name, slice.name, more,
                        slice.rating_by_time->less.periods, less));
    }
    return out;
}

std::string render_text(const Trend& trend, const RenderOptions& options) {
    std::vector<std::string> lines;
    for (const std::string& text : {trend_title(trend), trend_subtitle(trend)}) {
        for (std::string& line : wrap_words(text, options.width, 0)) lines.push_back(std::move(line));
    }
    lines.emplace_back();
    for (std::string& line : body_lines(trend, options)) lines.push_back(std::move(line));
    for (const std::string& sentence : trend_sentences(trend)) {
        lines.emplace_back();
        for (std::string& line : wrap_words(display_text(sentence, options.ascii), options.width, 0))
            lines.push_back(std::move(line));
    }
    return lines_text(lines);
}

std::string render_markdown(const Trend& trend, const RenderOptions& options) {
    std::vector<std::string> lines;
    lines.push_back("## " + trend_title(trend));
    lines.emplace_back();
    lines.push_back(trend_subtitle(trend));
    lines.emplace_back();
    lines.emplace_back("```text");
    for (std::string& line : body_lines(trend, options)) lines.push_back(std::move(line));
    lines.emplace_back("```");
    lines.emplace_back();
    std::string unit = unit_name(trend, false);
    unit[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(unit[0])));
    lines.push_back(fmt::format("| {} | From | Entries | Time | Balance |", unit));
    lines.emplace_back("| --- | --- | ---: | ---: | ---: |");
    for (const TrendPeriod& p : trend.periods) {
        std::vector<std::string> cells = period_cells(p);
        lines.push_back(fmt::format("| {} |", fmt::join(cells, " | ")));
    }
    for (const std::string& sentence : trend_sentences(trend)) {
        lines.emplace_back();
        for (std::string& line : wrap_words(display_text(sentence, options.ascii), options.width, 0))
            lines.push_back(std::move(line));
    }
    return lines_text(lines);
}

std::string render_json(const Trend& trend) {
    using json = nlohmann::ordered_json;
    auto optional = [](const auto& value) { return value ? json(*value) : json(nullptr); };
    json periods = json::array();
    for (const TrendPeriod& p : trend.periods) {
        periods.push_back({{"label", p.period.label},
                           {"from", format_iso(p.period.from)},
                           {"to", format_iso(p.period.to)},
                           {"totals", {{"entries", p.totals.entries}, {"minutes", p.totals.minutes}}},
                           {"balance", optional(p.balance)}});
    }
    json slices = json::array();
    for (const TrendSlice& slice : trend.slices) {
        json shares = json::array();
        for (double share : slice.share) shares.push_back(round_to(share, 4));
        json ratings = json::array();
        for (const auto& rating : slice.rating) ratings.push_back(optional(rating));
        json by_time = nullptr;
        if (slice.rating_by_time) {
            auto group = [](const RatingGroup& g) {
                return json{{"periods", g.periods}, {"mean_rating", round_to(g.mean_rating, 1)}};
            };
            by_time = {{"more", group(slice.rating_by_time->more)}, {"less", group(slice.rating_by_time->less)}};
        }
        slices.push_back({{"name", slice.name},
                          {"label", slice.label},
                          {"entries", slice.entries},
                          {"minutes", slice.minutes},
                          {"share", shares},
                          {"rating", ratings},
                          {"rating_by_time", by_time}});
    }
    json out = {{"unit", period_kind_name(trend.unit)},
                {"basis", basis_name(trend.basis)},
                {"periods", periods},
                {"slices", slices}};
    return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string render_csv(const Trend& trend) {
    std::string out = csv_row({"period", "from", "to", "slice", "entries", "minutes", "share", "rating", "balance"});
    for (std::size_t i = 0; i < trend.periods.size(); ++i) {
        const TrendPeriod& p = trend.periods[i];
        for (const TrendSlice& slice : trend.slices) {
            out += csv_row({p.period.label, format_iso(p.period.from), format_iso(p.period.to), slice.name,
                            fmt::format("{}", slice.entries[i]), fmt::format("{}", slice.minutes[i]),
                            fmt::format("{}", round_to(slice.share[i], 4)),
                            slice.rating[i] ? fmt::format("{}", *slice.rating[i]) : "",
                            p.balance ? fmt::format("{}", *p.balance) : ""});
        }
    }
    return out;
}

}  // namespace pie
