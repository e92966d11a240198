#pragma once

// The review's summary and list (§11), and the intentions a report shows (§6).

#include <pie/format/report.hpp>
#include <pie/review.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace pie {

// "Intention of Mon 23 Nov: call mum on Sunday", one per intention of the report, oldest first,
// user text shown harmlessly.
std::vector<std::string> intention_lines(const Report& report, bool ascii);

// [{"at", "text"}], oldest first.
nlohmann::ordered_json intentions_json(const Report& report);

// "Weekly review: the last 7 days (LABEL)" and the findings, wrapped to options.width: the few
// lines the review on a terminal starts with.
std::string render_review_week(const Report& week, const RenderOptions& options);

// The summary: period, balance and findings, the ratings given with their change, goals with
// progress, the intention. Text fits options.width but for user text; markdown for notes.
std::string render_review_text(const ReviewSummary& summary, const RenderOptions& options);
std::string render_review_markdown(const ReviewSummary& summary, const RenderOptions& options);
// {"uuid", "at", "intention", "ratings", "goals", "balance"}.
std::string render_review_json(const ReviewSummary& summary);

// Past reviews, newest first: one line each ("Tue 24 Nov 18:30  intention"), or JSON
// [{"uuid", "at", "intention"}].
std::string render_review_list_text(const std::vector<Review>& reviews, Instant now, bool ascii);
std::string render_review_list_json(const std::vector<Review>& reviews);

}  // namespace pie
