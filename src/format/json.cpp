#include <pie/format/json.hpp>

namespace pie {

namespace {

using Json = nlohmann::ordered_json;

Json time_or_null(std::optional<Instant> at) { return at ? Json(format_iso(*at)) : Json(nullptr); }

// 0 stands for "always" (a default slice's added_at) and "never" (its changed_at).
Json time_or_null(Instant at) { return at == 0 ? Json(nullptr) : Json(format_iso(at)); }

template <typename T>
Json value_or_null(const std::optional<T>& value) {
    return value ? Json(*value) : Json(nullptr);
}

// The record's fields, with its local id in front when listed.
Json record(JsonUse use, std::int64_t id, Json fields) {
    if (use == JsonUse::exported) return fields;
    Json out = {{"id", id}};
    out.update(fields);
    return out;
}

Json listed_goal(const Goal& goal, const GoalStatus& status) {
    std::string measure(goal_measure(goal));
    Json target = nullptr;
    Json progress = nullptr;
    if (!measure.empty()) {
        target = Json{{measure, *status.target}};
        progress = Json{{measure, value_or_null(status.progress)}};
    }
    return Json{{"id", goal.id},          {"slice", goal.slice},
                {"title", goal.title},    {"every", goal.every ? Json(period_kind_name(*goal.every)) : Json(nullptr)},
                {"target", target},       {"progress", progress},
                {"met", status.met},      {"streak", value_or_null(status.streak)},
                {"paused", status.paused}};
}

// A goal's pauses (§5), oldest first.
Json pauses_json(const std::vector<GoalPause>& pauses) {
    Json out = Json::array();
    for (const GoalPause& pause : pauses) {
        out.push_back({{"from", format_iso(pause.from)}, {"until", time_or_null(pause.until)}});
    }
    return out;
}

Json exported_goal(const Goal& goal, const std::vector<GoalPause>& pauses) {
    return {{"uuid", goal.uuid},
            {"slice", goal.slice},
            {"title", goal.title},
            {"kind", goal_kind_name(goal.kind)},
            {"every", goal.every ? Json(period_kind_name(*goal.every)) : Json(nullptr)},
            {"times", value_or_null(goal.times)},
            {"minutes", value_or_null(goal.minutes)},
            {"match", value_or_null(goal.match)},
            {"rating", value_or_null(goal.rating)},
            {"state", goal_state_name(goal.state)},
            {"created_at", format_iso(goal.created_at)},
            {"done_at", time_or_null(goal.done_at)},
            {"dropped_at", time_or_null(goal.dropped_at)},
            {"changed_at", format_iso(goal.changed_at)},
            {"pauses", pauses_json(pauses)}};
}

}  // namespace

Json entry_json(const Entry& entry, JsonUse use) {
    Json out = record(use, entry.id,
                      {{"uuid", entry.uuid},
                       {"at", format_iso(entry.at)},
                       {"slice", entry.slice},
                       {"minutes", value_or_null(entry.minutes)},
                       {"note", entry.note},
                       {"tags", entry.tags}});
    if (use == JsonUse::exported) out["changed_at"] = time_or_null(entry.changed_at);
    return out;
}

Json rating_json(const Rating& rating, JsonUse use) {
    return record(use, rating.id,
                  {{"uuid", rating.uuid},
                   {"at", format_iso(rating.at)},
                   {"slice", rating.slice},
                   {"score", rating.score},
                   {"note", rating.note}});
}

Json slice_json(const Slice& slice, const std::vector<SliceEvent>& history) {
    Json events = Json::array();
    for (const SliceEvent& event : history) {
        events.push_back({{"at", format_iso(event.at)}, {"event", event.retire ? "retire" : "restore"}});
    }
    return {{"uuid", slice.uuid},
            {"name", slice.name},
            {"label", slice.label},
            {"added_at", time_or_null(slice.added_at)},
            {"retired_at", time_or_null(slice.retired_at)},
            {"changed_at", time_or_null(slice.changed_at)},
            {"history", events}};
}

Json goal_json(const Goal& goal, JsonUse use, const GoalStatus& status, const std::vector<GoalPause>& pauses) {
    return use == JsonUse::listed ? listed_goal(goal, status) : exported_goal(goal, pauses);
}

std::string json_text(const Json& value) { return value.dump(2, ' ', false, Json::error_handler_t::replace) + "\n"; }

Json review_json(const Review& review) {
    return {{"uuid", review.uuid}, {"at", format_iso(review.at)}, {"intention", value_or_null(review.intention)}};
}

}  // namespace pie
