#pragma once

// The weekly review (§11): the record it leaves, and what its summary shows. Pure: the command
// gathers the facts, format/review.hpp draws them.

#include <pie/report.hpp>
#include <pie/time.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pie {

// A review as stored: when it took place and the intention it set, if any.
struct Review {
    std::int64_t id = 0;
    std::string uuid;
    Instant at = 0;
    std::optional<std::string> intention;
};

// A rating given in a review, with its change against the slice's rating before it.
struct ReviewRating {
    std::string slice;
    int score = 0;
    std::optional<int> change;
};

// What a review's summary holds: the review, its ratings (pie order) and the report of the last
// 7 days as it stands after the review (goals, balance, findings).
struct ReviewSummary {
    Review review;
    std::vector<ReviewRating> ratings;
    Report report;
};

// The intention as typed: surrounding blanks trimmed; nullopt when nothing is left.
std::optional<std::string> clean_intention(std::string_view text);

}  // namespace pie
