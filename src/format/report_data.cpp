// A Report as data (§6): JSON exactly as the contract's schema, and CSV, one row per counted slice.

#include <pie/format/csv.hpp>
#include <pie/format/json.hpp>
#include <pie/format/number.hpp>
#include <pie/format/report.hpp>
#include <pie/format/review.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace pie {

namespace {

// Shares to 4 decimals, the average rating to 1 (§6 "Numbers").
}  // namespace

nlohmann::ordered_json balance_json(const Report& report) {
    using json = nlohmann::ordered_json;
    return {{"score", report.balance ? json(*report.balance) : json(nullptr)},
            {"hyper_focus", report.hyper_focus},
            {"neglected", report.neglected},
            {"needs_care", report.needs_care}};
}

std::string render_json(const Report& report) {
    using json = nlohmann::ordered_json;
    auto optional = [](const auto& value) { return value ? json(*value) : json(nullptr); };
    json slices = json::array();
    for (const SliceReport& slice : report.slices) {
        slices.push_back({{"name", slice.name},
                          {"label", slice.label},
                          {"entries", slice.entries},
                          {"minutes", slice.minutes},
                          {"share", round_to(slice.share, 4)},
                          {"rating", optional(slice.rating)},
                          {"rating_change", optional(slice.rating_change)},
                          {"last_logged", slice.last_logged ? json(format_iso(*slice.last_logged)) : json(nullptr)},
                          {"days_since_last", optional(slice.days_since_last)},
                          {"neglected", slice.neglected},
                          {"hyper_focus", slice.hyper_focus},
                          {"needs_care", slice.needs_care}});
    }
    json goals = json::array();
    for (const GoalReport& item : report.goals) goals.push_back(goal_json(item.goal, JsonUse::listed, item.status));
    json out = {
        {"period",
         {{"from", format_iso(report.period.from)},
          {"to", format_iso(report.period.to)},
          {"label", report.period.label}}},
        {"basis", basis_name(report.basis)},
        {"totals", {{"entries", report.totals.entries}, {"minutes", report.totals.minutes}}},
        {"slices", slices},
        {"balance", balance_json(report)},
        {"ratings", {{"average", report.average_rating ? json(round_to(*report.average_rating, 1)) : json(nullptr)}}},
        {"goals", goals},
        {"intentions", intentions_json(report)},
    };
    return json_text(out);
}

std::string render_csv(const Report& report) {
    std::string out =
        csv_row({"slice", "label", "entries", "minutes", "share", "rating", "rating_change", "days_since_last"});
    auto optional = [](const auto& value) { return value ? fmt::format("{}", *value) : std::string(); };
    for (const SliceReport& slice : report.slices) {
        out += csv_row({slice.name, slice.label, std::to_string(slice.entries), std::to_string(slice.minutes),
                        fmt::format("{}", round_to(slice.share, 4)), optional(slice.rating),
                        optional(slice.rating_change), optional(slice.days_since_last)});
    }
    return out;
}

}  // namespace pie
