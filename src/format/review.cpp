#include <pie/format/goal_text.hpp>
#include <pie/format/json.hpp>
#include <pie/format/report.hpp>
#include <pie/format/review.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

namespace pie {

namespace {

using json = nlohmann::ordered_json;

// "Mon 23 Nov": the local day of an instant.
std::string day_text(Instant at) {
    Date date = local_date(at);
    return fmt::format("{} {} {}", weekday_abbrev(std::chrono::weekday(std::chrono::sys_days(date))),
                       static_cast<unsigned>(date.day()), month_abbrev(date.month()));
}

// `text` in lines of at most `width` columns, words kept whole, the first line after `first`
// and the others after `next`.
std::string wrapped(std::string_view text, int width, std::string_view first, std::string_view next) {
    std::string out;
    std::string line(first);
    bool empty = true;
    std::size_t at = 0;
    while (at < text.size()) {
        std::size_t end = text.find(' ', at);
        std::string_view word = text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
        at = end == std::string_view::npos ? text.size() : end + 1;
        if (word.empty()) continue;
        if (!empty && display_width(line) + 1 + display_width(word) > width) {
            out += line + "\n";
            line = std::string(next);
            empty = true;
        }
        line += (empty ? "" : " ") + std::string(word);
        empty = false;
    }
    return out + line + "\n";
}

// "+2", "-1", "0", or "new" when the slice had no rating before.
std::string change_text(const std::optional<int>& change) {
    if (!change) return "new";
    return *change > 0 ? fmt::format("+{}", *change) : std::to_string(*change);
}

// "#4 family: visit grandma": a goal in a summary (shown text).
std::string goal_words(const Goal& goal, bool ascii) {
    return fmt::format("#{} {}: {}", goal.id, goal.slice, display_text(goal.title, ascii));
}

}  // namespace

std::vector<std::string> intention_lines(const Report& report, bool ascii) {
    std::vector<std::string> out;
    for (const auto& [at, text] : report.intentions) {
        out.push_back(fmt::format("Intention of {}: {}", day_text(at), display_text(text, ascii)));
    }
    return out;
}

json intentions_json(const Report& report) {
    json out = json::array();
    for (const auto& [at, text] : report.intentions) out.push_back({{"at", format_iso(at)}, {"text", text}});
    return out;
}

std::string render_review_week(const Report& week, const RenderOptions& options) {
    std::string out = fmt::format("Weekly review: the last 7 days ({})\n", week.period.label);
    for (const std::string& finding : report_findings(week)) {
        out += wrapped(finding, std::max(options.width, k_min_width), "  - ", "    ");
    }
    return out;
}

std::string render_review_text(const ReviewSummary& summary, const RenderOptions& options) {
    const Report& report = summary.report;
    bool ascii = options.ascii;
    int width = std::max(options.width, k_min_width);
    std::string out = fmt::format("Weekly review, {}\n", format_minute(summary.review.at));
    out += fmt::format("\nThe last 7 days ({})\n", report.period.label);
    for (const std::string& finding : report_findings(report)) out += wrapped(finding, width, "  - ", "    ");
    out += "\nRatings\n";
    if (summary.ratings.empty()) out += "  none given: each slice kept its rating\n";
    for (const ReviewRating& rating : summary.ratings) {
        out += fmt::format("  {} {}/10 ({})\n", rating.slice, rating.score, change_text(rating.change));
    }
    out += "\nGoals\n";
    if (report.goals.empty()) out += "  none: 'pie goals add SLICE TITLE' sets one\n";
    int bar_width = 0;
    for (const GoalReport& item : report.goals) {
        bar_width = std::max(bar_width, display_width(goal_progress(item.goal, item.status, ascii)));
    }
    for (const GoalReport& item : report.goals) {
        out += fmt::format("  {}  {}\n", pad_right(goal_progress(item.goal, item.status, ascii), bar_width),
                           goal_words(item.goal, ascii));
    }
    out += "\nIntention for the coming week\n";
    out += summary.review.intention ? "  " + display_text(*summary.review.intention, ascii) + "\n" : "  none\n";
    return out;
}

std::string render_review_markdown(const ReviewSummary& summary, const RenderOptions& options) {
    const Report& report = summary.report;
    bool ascii = options.ascii;
    int width = std::max(options.width, k_min_width);
    std::string out = fmt::format("## Weekly review {}\n\n", format_date(local_date(summary.review.at)));
    out += fmt::format("### The last 7 days ({})\n\n", report.period.label);
    for (const std::string& finding : report_findings(report)) out += wrapped(finding, width, "- ", "  ");
    out += "\n### Ratings\n\n";
    if (summary.ratings.empty()) {
        out += "None given: each slice kept its rating.\n";
    } else {
        out += "| slice | rating | change |\n| --- | ---: | ---: |\n";
        for (const ReviewRating& rating : summary.ratings) {
            out += fmt::format("| {} | {}/10 | {} |\n", rating.slice, rating.score, change_text(rating.change));
        }
    }
    out += "\n### Goals\n\n";
    if (report.goals.empty()) out += "None yet.\n";
    for (const GoalReport& item : report.goals) {
        out += fmt::format("- `{}` {}\n", goal_progress(item.goal, item.status, ascii), goal_words(item.goal, ascii));
    }
    out += "\n### Intention for the coming week\n\n";
    out += summary.review.intention ? display_text(*summary.review.intention, ascii) + "\n" : "None.\n";
    return out;
}

std::string render_review_json(const ReviewSummary& summary) {
    const Report& report = summary.report;
    json ratings = json::array();
    for (const ReviewRating& rating : summary.ratings) {
        ratings.push_back({{"slice", rating.slice},
                           {"score", rating.score},
                           {"change", rating.change ? json(*rating.change) : json(nullptr)}});
    }
    json goals = json::array();
    for (const GoalReport& item : report.goals) goals.push_back(goal_json(item.goal, JsonUse::listed, item.status));
    json out = review_json(summary.review);
    out["ratings"] = ratings;
    out["goals"] = goals;
    out["balance"] = balance_json(report);
    return json_text(out);
}

std::string render_review_list_text(const std::vector<Review>& reviews, Instant now, bool ascii) {
    if (reviews.empty()) return "No reviews yet: 'pie review' on a terminal walks through one.\n";
    std::string out;
    for (const Review& review : reviews) {
        out += fmt::format("{}  {}\n", format_short(review.at, now),
                           review.intention ? display_text(*review.intention, ascii) : "(no intention)");
    }
    return out;
}

std::string render_review_list_json(const std::vector<Review>& reviews) {
    json out = json::array();
    for (const Review& review : reviews) out.push_back(review_json(review));
    return json_text(out);
}

}  // namespace pie
