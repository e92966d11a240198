#include <doctest/doctest.h>

#include <pie/format/goals.hpp>

#include <nlohmann/json.hpp>

// Unit tests of `pie goals`'s renderers (§5): the table, JSON, and a goal in words.

using pie::Goal;
using pie::GoalKind;
using pie::GoalReport;
using pie::GoalStatus;
using pie::PeriodKind;

namespace {

GoalReport weekly() {
    Goal goal;
    goal.id = 4;
    goal.slice = "social";
    goal.title = "peer consultation";
    goal.kind = GoalKind::recurring;
    goal.every = PeriodKind::week;
    goal.times = 2;
    goal.match = "consult";
    GoalStatus status;
    status.target = 2;
    status.progress = 1;
    status.streak = 0;
    return {goal, status};
}

GoalReport one_off() {
    Goal goal;
    goal.id = 12;
    goal.slice = "family";
    goal.title = "visit grandma";
    goal.state = pie::GoalState::done;
    GoalStatus status;
    status.met = true;
    return {goal, status};
}

}  // namespace

TEST_CASE("goals as a table: progress bars, a state column only with --all") {
    std::vector<GoalReport> goals = {weekly(), one_off()};
    CHECK(pie::render_goals_text(goals, false, true) ==
          "id  slice   goal               every   progress        streak\n"
          " 4  social  peer consultation  weekly  #####----- 1/2       0\n"
          "12  family  visit grandma      -       done ok              -\n");
    CHECK(pie::render_goals_text(goals, true, false) ==
          "id  state   slice   goal               every   progress        streak\n"
          " 4  active  social  peer consultation  weekly  \xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88\xE2\x96\x88"
          "\xE2\x96\x91\xE2\x96\x91\xE2\x96\x91\xE2\x96\x91\xE2\x96\x91 1/2       0\n"
          "12  done    family  visit grandma      -       done \xE2\x9C\x93               -\n");
}

TEST_CASE("goals as a table: none, and titles shown harmlessly") {
    CHECK(pie::render_goals_text({}, false, false) == "No active goals. 'pie goals add SLICE TITLE' sets one.\n");
    CHECK(pie::render_goals_text({}, true, false) == "No goals yet.\n");
    GoalReport goal = one_off();
    goal.goal.title = "caf\xC3\xA9\x1b[31m";
    CHECK(pie::render_goals_text({goal}, false, true).find("caf??[31m") != std::string::npos);
}

TEST_CASE("goals as JSON: the goal objects of §5") {
    auto json = nlohmann::ordered_json::parse(pie::render_goals_json({weekly(), one_off()}));
    REQUIRE(json.size() == 2);
    CHECK(json[0].dump() ==
          R"({"id":4,"slice":"social","title":"peer consultation","every":"week","target":{"times":2},)"
          R"("progress":{"times":1},"met":false,"streak":0,"paused":false})");
    CHECK(json[1].dump() ==
          R"({"id":12,"slice":"family","title":"visit grandma","every":null,"target":null,"progress":null,)"
          R"("met":true,"streak":null,"paused":false})");
    CHECK(pie::render_goals_json({}) == "[]\n");
}

TEST_CASE("describe_goal: a goal in words for goals add, done and drop") {
    CHECK(pie::describe_goal(weekly().goal) == "#4 social \"peer consultation\", 2 times a week matching \"consult\"");
    Goal once = weekly().goal;
    once.times = 1;
    once.match.reset();
    CHECK(pie::describe_goal(once) == "#4 social \"peer consultation\", 1 time a week");
    Goal minutes = once;
    minutes.times.reset();
    minutes.minutes = 1800;
    minutes.every = PeriodKind::week;
    CHECK(pie::describe_goal(minutes) == "#4 social \"peer consultation\", 30h a week");
    Goal rating;
    rating.id = 3;
    rating.slice = "mental-health";
    rating.title = "rested";
    rating.kind = GoalKind::rating;
    rating.rating = 7;
    CHECK(pie::describe_goal(rating) == "#3 mental-health \"rested\", rated at least 7");
    rating.every = PeriodKind::month;
    CHECK(pie::describe_goal(rating) == "#3 mental-health \"rested\", rated at least 7 every month");
    CHECK(pie::describe_goal(one_off().goal) == "#12 family \"visit grandma\"");
}
