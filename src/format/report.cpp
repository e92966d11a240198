#include <pie/format/number.hpp>
#include <pie/format/report.hpp>

#include <pie/format/chart.hpp>
#include <pie/format/csv.hpp>
#include <pie/format/goal_text.hpp>
#include <pie/format/json.hpp>
#include <pie/format/report_words.hpp>
#include <pie/format/review.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <functional>

namespace pie {

namespace {

constexpr int k_indent = 2;      // sections are indented under their titles
constexpr int k_legend_gap = 3;  // between a chart and its legend
constexpr int k_min_rows = 9;    // the smallest chart drawn beside its legend
constexpr int k_max_rows = 17;   // the largest chart

// "a", "a or b", "a, b or c".
std::string either(const std::vector<std::string>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " or " : ", ";
        out += names[i];
    }
    return out;
}

}  // namespace

std::string percent(double share) { return fmt::format("{:.1f}%", round_to(share * 100, 1)); }

// "Mon 16 Nov to Sun 22 Nov 2026"; "Tue 24 Nov 2026" for one day.
std::string dates_text(const ReportPeriod& period) {
    Date first = local_date(period.from);
    Date last = local_date(period.to - 1);
    auto day = [](const Date& date, bool with_year) {
        std::string out = fmt::format("{} {} {}", weekday_abbrev(std::chrono::weekday{date}),
                                      static_cast<unsigned>(date.day()), month_abbrev(date.month()));
        return with_year ? fmt::format("{} {}", out, static_cast<int>(date.year())) : out;
    };
    if (first == last) return day(last, true);
    return fmt::format("{} to {}", day(first, first.year() != last.year()), day(last, true));
}

// "Life balance 2026-W47".
std::string title_text(const Report& report) { return "Life balance " + report.period.label; }

// "12 entries, 9h30m logged, 8 slices." and how shares are taken.
std::string totals_text(const Report& report) {
    if (report.totals.entries == 0) {
        return fmt::format("Nothing logged {}; {} in the pie.", report.period.words,
                           plural(static_cast<std::int64_t>(report.slices.size()), "slice", "slices"));
    }
    std::string out = plural(report.totals.entries, "entry", "entries");
    if (report.totals.minutes > 0)
        out += fmt::format(", {} logged", format_duration(static_cast<int>(report.totals.minutes)));
    out += ", " + plural(static_cast<std::int64_t>(report.slices.size()), "slice", "slices");
    if (report.basis == Basis::count) out += "; shares count entries";
    return out + ".";
}

std::string time_cell(const Report& report, const SliceReport& slice) {
    if (report.basis == Basis::count) return plural(slice.entries, "entry", "entries");
    return slice.minutes > 0 ? format_duration(static_cast<int>(slice.minutes)) : "-";
}

std::string rating_cell(const SliceReport& slice) {
    return slice.rating ? fmt::format("{}/10", *slice.rating) : "not rated";
}

std::string change_cell(const SliceReport& slice) {
    if (!slice.rating_change) return "";
    return *slice.rating_change == 0 ? "=" : fmt::format("{:+d}", *slice.rating_change);
}

std::string average_text(const Report& report) {
    if (!report.average_rating) return "Nothing rated yet: 'pie rate SLICE SCORE' records how a slice feels.";
    std::int64_t rated = std::count_if(report.slices.begin(), report.slices.end(),
                                       [](const SliceReport& s) { return s.rating.has_value(); });
    return fmt::format("Average rating {:.1f}/10 over {}.", round_to(*report.average_rating, 1),
                       plural(rated, "slice", "slices"));
}

std::string goal_details(const GoalReport& item) {
    const Goal& goal = item.goal;
    if (goal.kind == GoalKind::one_off) return "one-off";
    if (goal.every) return fmt::format("{}, streak {}", goal_every_word(goal), item.status.streak.value_or(0));
    return "latest rating";
}

// A goal's details: "career: peer consultation (weekly, streak 3)".
std::string goal_text(const GoalReport& item, bool ascii) {
    return fmt::format("{}: {} ({})", item.goal.slice, display_text(item.goal.title, ascii), goal_details(item));
}

// `text` broken into lines of at most `width` columns at spaces: the first line starts with
// `first`, the others with `next` (both as wide as each other).
std::vector<std::string> wrap(std::string_view text, int width, std::string_view first, std::string_view next,
                              bool ascii) {
    std::vector<std::string> lines;
    std::string line(first);
    int room = width - display_width(first);
    int used = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find(' ', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string word = truncate_to_width(text.substr(pos, end - pos), room, ascii);
        int w = display_width(word);
        if (used > 0 && used + 1 + w > room) {
            lines.push_back(line);
            line = std::string(next);
            used = 0;
        }
        if (used > 0) {
            line += ' ';
            ++used;
        }
        line += word;
        used += w;
        pos = end + 1;
    }
    lines.push_back(line);
    return lines;
}

namespace {

std::string rstrip(std::string line) {
    while (!line.empty() && line.back() == ' ') line.pop_back();
    return line;
}

// One legend line: the wedge's glyph, then columns of text.
struct LegendLine {
    int wedge = 0;
    std::string text;
};

// Columns padded to line up: the first left-aligned, the rest right-aligned.
std::vector<LegendLine> legend_lines(const std::vector<std::vector<std::string>>& rows) {
    std::vector<int> widths;
    for (const auto& row : rows) {
        if (widths.size() < row.size()) widths.resize(row.size(), 0);
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
    }
    std::vector<LegendLine> lines;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::string text;
        for (std::size_t i = 0; i < rows[r].size(); ++i) {
            if (i > 0) text += "  ";
            text += i == 0 ? pad_right(rows[r][i], widths[i]) : pad_left(rows[r][i], widths[i]);
        }
        lines.push_back({static_cast<int>(r), rstrip(text)});
    }
    return lines;
}

int legend_width(const std::vector<LegendLine>& legend) {
    int width = 0;
    for (const LegendLine& line : legend) width = std::max(width, 2 + display_width(line.text));
    return width;
}

// A chart (`make` draws it a given number of rows high) and its legend: side by side when the
// width allows a chart of k_min_rows, else the legend under the chart.
std::string chart_block(const std::function<ChartGrid(int rows)>& make, const std::vector<LegendLine>& legend,
                        const RenderOptions& options) {
    int width = options.width;
    int rows = std::clamp(width / 6, k_min_rows, k_max_rows);
    int beside_rows = std::min(rows, (width - k_indent - k_legend_gap - legend_width(legend)) / 2);
    bool beside = beside_rows >= k_min_rows;
    rows = beside ? beside_rows : std::clamp((width - k_indent) / 2, 5, 11);
    ChartGrid grid = make(rows);
    std::vector<std::string> chart = draw_chart(grid, options.ascii, options.color);

    std::string indent(k_indent, ' ');
    auto legend_text = [&](const LegendLine& line, int room) {
        std::string text = truncate_to_width(line.text, std::max(0, room - 2), options.ascii);
        return colored(wedge_glyph(line.wedge, options.ascii), line.wedge, options.color) + " " + text;
    };
    std::string out;
    if (beside) {
        int room = width - k_indent - grid.cols - k_legend_gap;
        int top = std::max(0, (grid.rows - static_cast<int>(legend.size())) / 2);
        int height = std::max(grid.rows, top + static_cast<int>(legend.size()));
        for (int i = 0; i < height; ++i) {
            std::string line =
                indent + (i < grid.rows ? chart[static_cast<std::size_t>(i)] : std::string(grid.cols, ' '));
            int item = i - top;
            if (item >= 0 && item < static_cast<int>(legend.size())) {
                line += std::string(k_legend_gap, ' ') + legend_text(legend[static_cast<std::size_t>(item)], room);
            }
            out += rstrip(line) + "\n";
        }
    } else {
        for (const std::string& line : chart) out += rstrip(indent + line) + "\n";
        out += "\n";
        for (const LegendLine& line : legend) out += indent + legend_text(line, width - k_indent) + "\n";
    }
    return out;
}

std::vector<double> shares_of(const Report& report) {
    std::vector<double> shares;
    for (const SliceReport& slice : report.slices) shares.push_back(slice.share);
    return shares;
}

std::vector<std::optional<int>> ratings_of(const Report& report) {
    std::vector<std::optional<int>> ratings;
    for (const SliceReport& slice : report.slices) ratings.push_back(slice.rating);
    return ratings;
}

std::vector<std::vector<std::string>> attention_rows(const Report& report) {
    std::vector<std::vector<std::string>> rows;
    for (const SliceReport& slice : report.slices)
        rows.push_back({slice.name, time_cell(report, slice), percent(slice.share)});
    return rows;
}

std::vector<std::vector<std::string>> feeling_rows(const Report& report) {
    std::vector<std::vector<std::string>> rows;
    for (const SliceReport& slice : report.slices) rows.push_back({slice.name, rating_cell(slice), change_cell(slice)});
    return rows;
}

enum class MdAlign { left, center, right };

// A GitHub pipe table with padded columns; when it would be wider than `width`, a list instead,
// each row one item: the first `key_columns` cells, then the others ("- `#` career: 4h, 40.0%").
std::string md_table(const std::vector<std::string>& headers, const std::vector<MdAlign>& aligns,
                     const std::vector<std::vector<std::string>>& rows, std::size_t key_columns,
                     const RenderOptions& options) {
    std::vector<int> widths(headers.size(), 3);
    for (std::size_t i = 0; i < headers.size(); ++i) widths[i] = std::max(widths[i], display_width(headers[i]));
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], display_width(row[i]));
    }
    int total = 1;
    for (int w : widths) total += w + 3;
    if (total <= options.width) {
        auto line = [&](const std::vector<std::string>& cells) {
            std::string out = "|";
            for (std::size_t i = 0; i < cells.size(); ++i) {
                out += ' ';
                out += aligns[i] == MdAlign::right ? pad_left(cells[i], widths[i]) : pad_right(cells[i], widths[i]);
                out += " |";
            }
            return out + "\n";
        };
        std::string out = line(headers);
        out += "|";
        for (std::size_t i = 0; i < widths.size(); ++i) {
            std::string rule(static_cast<std::size_t>(widths[i]), '-');
            if (aligns[i] != MdAlign::left) rule.back() = ':';
            if (aligns[i] == MdAlign::center) rule.front() = ':';
            out += " " + rule + " |";
        }
        out += "\n";
        for (const auto& row : rows) out += line(row);
        return out;
    }
    std::string out;
    for (const auto& row : rows) {
        std::string item;
        for (std::size_t i = 0; i < row.size(); ++i) {
            if (row[i].empty()) continue;
            if (!item.empty()) item += i < key_columns ? " " : i == key_columns ? ": " : ", ";
            item += row[i];
        }
        for (const std::string& line : wrap(item, options.width, "- ", "  ", options.ascii)) out += line + "\n";
    }
    return out;
}

std::string md_chart(const ChartGrid& grid, bool ascii) {
    std::string out = "```text\n";
    for (const std::string& line : draw_chart(grid, ascii, false)) out += rstrip(line) + "\n";
    return out + "```\n";
}

std::string glyph_cell(int wedge, bool ascii) { return fmt::format("`{}`", wedge_glyph(wedge, ascii)); }

}  // namespace

std::vector<std::string> report_findings(const Report& report) {
    std::vector<std::string> out;
    const std::string& words = report.period.words;
    if (report.totals.entries == 0) {
        out.push_back(fmt::format("Nothing was logged {}, so there is no balance score yet.", words));
    } else if (!report.balance) {
        out.push_back(
            fmt::format("All of it went to {}; with one slice there is no balance score.", report.slices.front().name));
    } else {
        int score = *report.balance;
        std::string_view how = score >= 80   ? "Attention was spread evenly"
                               : score >= 60 ? "Attention was spread fairly evenly"
                               : score >= 40 ? "Attention leaned toward a few slices"
                                             : "Attention went mostly to one or two slices";
        out.push_back(fmt::format("{} (balance {}/100).", how, score));
    }
    std::string_view measure = report.basis == Basis::minutes ? "time" : "entries";
    for (const SliceReport& slice : report.slices) {
        if (slice.hyper_focus && report.slices.size() > 1) {
            out.push_back(
                fmt::format("{} took {:.0f}% of your logged {}.", slice.name, round_to(slice.share * 100, 0), measure));
        }
    }
    if (report.totals.entries > 0 && !report.neglected.empty()) {
        out.push_back(fmt::format("Nothing logged for {} {}.", either(report.neglected), words));
    }
    for (const SliceReport& slice : report.slices) {
        if (!slice.needs_care) continue;
        out.push_back(fmt::format("{} feels low ({}/10) and got {}: it may need care.", slice.name, *slice.rating,
                                  slice.neglected ? "no time" : "little time"));
    }
    if (report.totals.entries > 0 && report.hyper_focus.empty() && report.neglected.empty() &&
        report.needs_care.empty()) {
        out.push_back(fmt::format("No slice was neglected or over-weighted {}.", words));
    }
    return out;
}

std::string render_text(const Report& report, const RenderOptions& options) {
    int width = std::max(options.width, k_min_width);
    RenderOptions fitted = options;
    fitted.width = width;
    bool ascii = options.ascii;
    auto heading = [&](std::string_view text) {
        std::string line = truncate_to_width(text, width, ascii);
        return (options.color ? fmt::format("{}{}{}", k_bold, line, k_plain) : line) + "\n";
    };
    auto paragraph = [&](std::string_view text, std::string_view first, std::string_view next) {
        std::string out;
        for (const std::string& line : wrap(text, width, first, next, ascii)) out += rstrip(line) + "\n";
        return out;
    };

    std::string out;
    out += heading(title_text(report));
    out += paragraph(dates_text(report.period), "", "");
    out += paragraph(totals_text(report), "", "");

    out += "\n" + heading("Where your attention went") + "\n";
    out += chart_block([&](int rows) { return pie_chart(shares_of(report), rows); },
                       legend_lines(attention_rows(report)), fitted);

    out += "\n" + heading("How each slice feels") + "\n";
    out += chart_block([&](int rows) { return wheel_chart(ratings_of(report), rows); },
                       legend_lines(feeling_rows(report)), fitted);
    out += "\n" + paragraph(average_text(report), "  ", "  ");

    out += "\n" + heading("Balance");
    for (const std::string& finding : report_findings(report)) out += paragraph(finding, "  - ", "    ");

    out += "\n" + heading("Goals");
    if (report.goals.empty()) {
        out += paragraph("No goals yet: 'pie goals add SLICE TITLE' sets one.", "  ", "  ");
    } else {
        std::vector<std::string> bars;
        int bar_width = 0;
        for (const GoalReport& item : report.goals) {
            bars.push_back(goal_progress(item.goal, item.status, ascii));
            bar_width = std::max(bar_width, display_width(bars.back()));
        }
        // One line each; where that does not fit, the goal in words goes under its bar.
        for (std::size_t i = 0; i < report.goals.size(); ++i) {
            std::string text = goal_text(report.goals[i], ascii);
            std::string line = "  " + pad_right(bars[i], bar_width) + "  " + text;
            if (display_width(line) <= width) {
                out += rstrip(line) + "\n";
            } else {
                out += rstrip(truncate_to_width("  " + bars[i], width, ascii)) + "\n";
                out += paragraph(text, "    ", "    ");
            }
        }
    }
    for (const std::string& line : intention_lines(report, ascii)) out += paragraph(line, "  ", "    ");
    return out;
}

std::string render_markdown(const Report& report, const RenderOptions& options) {
    RenderOptions md = options;
    md.width = std::max(options.width, k_min_width);
    md.color = false;
    bool ascii = md.ascii;
    auto paragraph = [&](std::string_view text) {
        std::string out;
        for (const std::string& line : wrap(text, md.width, "", "", ascii)) out += rstrip(line) + "\n";
        return out;
    };
    int rows = std::clamp(md.width / 6, k_min_rows, k_max_rows);

    std::string out;
    out += "## " + title_text(report) + "\n";
    out += "\n" + paragraph(dates_text(report.period) + ". " + totals_text(report));

    out += "\n### Where your attention went\n\n";
    out += md_chart(pie_chart(shares_of(report), rows), ascii) + "\n";
    std::vector<std::vector<std::string>> attention;
    for (std::size_t i = 0; i < report.slices.size(); ++i) {
        const SliceReport& slice = report.slices[i];
        attention.push_back(
            {glyph_cell(static_cast<int>(i), ascii), slice.name, time_cell(report, slice), percent(slice.share)});
    }
    out += md_table({"", "slice", report.basis == Basis::count ? "entries" : "time", "share"},
                    {MdAlign::center, MdAlign::left, MdAlign::right, MdAlign::right}, attention, 2, md);

    out += "\n### How each slice feels\n\n";
    out += md_chart(wheel_chart(ratings_of(report), rows), ascii) + "\n";
    std::vector<std::vector<std::string>> feeling;
    for (std::size_t i = 0; i < report.slices.size(); ++i) {
        const SliceReport& slice = report.slices[i];
        feeling.push_back({glyph_cell(static_cast<int>(i), ascii), slice.name, rating_cell(slice), change_cell(slice)});
    }
    out += md_table({"", "slice", "rating", "change"}, {MdAlign::center, MdAlign::left, MdAlign::right, MdAlign::right},
                    feeling, 2, md);
    out += "\n" + paragraph(average_text(report));

    out += "\n### Balance\n\n";
    for (const std::string& finding : report_findings(report)) {
        for (const std::string& line : wrap(finding, md.width, "- ", "  ", ascii)) out += line + "\n";
    }

    out += "\n### Goals\n\n";
    if (report.goals.empty()) {
        out += paragraph("No goals yet: 'pie goals add SLICE TITLE' sets one.");
    } else {
        for (const GoalReport& item : report.goals) {
            std::string text =
                fmt::format("`{}` {}", goal_progress(item.goal, item.status, ascii), goal_text(item, ascii));
            for (const std::string& line : wrap(text, md.width, "- ", "  ", ascii)) out += line + "\n";
        }
    }
    for (const std::string& line : intention_lines(report, ascii)) {
        out += '\n';
        out += paragraph(line);
    }
    return out;
}

}  // namespace pie
