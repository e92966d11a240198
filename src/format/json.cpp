#include <pie/format/json.hpp>

namespace pie {

nlohmann::ordered_json goal_json(const Goal& goal, const GoalStatus& status) {
    using json = nlohmann::ordered_json;
    std::string measure(goal_measure(goal));
    json target = nullptr;
    json progress = nullptr;
    if (!measure.empty()) {
        target = json{{measure, *status.target}};
        progress = json{{measure, status.progress ? json(*status.progress) : json(nullptr)}};
    }
    return json{{"id", goal.id},
                {"slice", goal.slice},
                {"title", goal.title},
                {"every", goal.every ? json(period_kind_name(*goal.every)) : json(nullptr)},
                {"target", target},
                {"progress", progress},
                {"met", status.met},
                {"streak", status.streak ? json(*status.streak) : json(nullptr)},
                {"paused", status.paused}};
}

}  // namespace pie
