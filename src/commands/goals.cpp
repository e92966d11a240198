// pie goals [--all] [--format text|json] | goals add | goals done ID | goals drop ID   (§5)

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/format/goals.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <memory>

namespace pie {

namespace {

struct GoalsOptions {
    bool all = false;
    std::string format = "text";
    // add
    std::vector<std::string> words;  // SLICE TITLE...
    std::string every;
    int times = 0;
    std::string minutes;
    std::string match;
    int rating = 0;
    // done, drop, pause, resume
    std::string id;
    std::string until;  // pause
};

void run_list(const GoalsOptions& options, Context& context) {
    Instant now = context.now();
    Store& store = context.read_store();
    std::vector<GoalReport> goals;
    for (Goal& goal : store.goals(options.all)) {
        GoalStatus status = evaluate_goal(goal, now, store.goal_lookups(goal, now));
        goals.push_back({std::move(goal), status});
    }
    print(options.format == "json" ? render_goals_json(goals) : render_goals_text(goals, options.all, context.ascii()));
}

void run_add(GoalsOptions options, Context& context, const CLI::App& add) {
    Instant now = context.now();
    for (const std::string& word : options.words) require_utf8(word, "the title");
    require_utf8(options.match, "--match");
    Goal goal;
    goal.title = join_words(options.words, 1);
    if (goal.title.find_first_not_of(' ') == std::string::npos) {
        throw UserError("a goal needs a title", "pie goals add SLICE TITLE..., e.g. pie goals add social supervision");
    }
    if (!options.every.empty()) goal.every = parse_period_kind(options.every);
    if (add.count("--times") > 0) goal.times = options.times;
    if (add.count("--minutes") > 0) {
        // A DURATION up to the length of the goal's period (§5); validate_goal checks the rest.
        goal.minutes =
            parse_duration(options.minutes, goal.every ? goal_minutes_limit(*goal.every) : k_longest_goal_minutes);
    }
    if (add.count("--match") > 0) goal.match = options.match;
    if (add.count("--rating") > 0) goal.rating = options.rating;
    goal.kind = goal.rating ? GoalKind::rating : goal.every ? GoalKind::recurring : GoalKind::one_off;
    if (goal.kind == GoalKind::recurring && !goal.minutes && !goal.times) goal.times = 1;
    validate_goal(goal);

    Store& store = context.write_store();
    std::vector<Slice> slices = store.slices();
    const Slice& slice = require_active(resolve_slice(options.words.front(), slices));
    goal.slice_id = slice.id;
    goal.slice = slice.name;
    goal.created_at = goal.changed_at = now;
    auto change = store.change(now);
    goal.id = store.add_goal(goal);
    std::string summary = "added goal " + describe_goal(goal);
    change.commit(summary);
    print(context.show(summary) + "\n");
}

// The goal `id_text` names, in the store opened for writing; a usage error when there is none
// (a missing database is not created for it).
std::pair<Store*, Goal> goal_to_change(const std::string& id_text, Context& context) {
    std::int64_t id = parse_id(id_text);
    if (Store* store = context.existing_store()) {
        if (std::optional<Goal> goal = store->goal(id)) return {store, *goal};
    }
    throw UserError(fmt::format("no goal #{}", id), "'pie goals --all' lists goals with their ids");
}

void run_set_state(const GoalsOptions& options, Context& context, GoalState state) {
    Instant now = context.now();
    auto [store, goal] = goal_to_change(options.id, context);
    std::int64_t id = goal.id;
    if (goal.state != GoalState::active) {
        throw UserError(fmt::format("goal #{} is already {}", id, goal_state_name(goal.state)));
    }
    if (state == GoalState::done && goal.kind != GoalKind::one_off) {
        throw UserError(
            fmt::format("goal #{} is a {} goal, met by what you log and rate", id, goal_kind_name(goal.kind)),
            fmt::format("'pie goals drop {}' retires it", id));
    }
    auto change = store->change(now);
    store->set_goal_state(id, state, now);
    std::string summary =
        fmt::format("{} goal {}", state == GoalState::done ? "achieved" : "dropped", describe_goal(goal));
    change.commit(summary);
    print(context.show(summary) + "\n");
}

// pie goals pause ID [--until WHEN] | pie goals resume ID (§5).
void run_pause(const GoalsOptions& options, Context& context, bool pause) {
    Instant now = context.now();
    std::optional<Instant> until;
    if (pause && !options.until.empty()) until = parse_until(options.until, now);
    auto [store, goal] = goal_to_change(options.id, context);
    std::string summary = pause_summary(goal, store->goal_pauses(goal.id), now, until, pause);
    auto change = store->change(now);
    if (pause) {
        store->add_goal_pause(goal.id, GoalPause{now, until});
    } else {
        store->end_goal_pause(goal.id, now);
    }
    summary += " " + describe_goal(goal);
    if (until && *until == start_of_day(local_date(*until))) {  // ends at midnight: through the day before
        Date last = local_date(*until - 1);
        summary += fmt::format(" through {} {} {}", weekday_abbrev(std::chrono::weekday(std::chrono::sys_days(last))),
                               static_cast<unsigned>(last.day()), month_abbrev(last.month()));
    } else if (until) {
        summary += " until " + format_short(*until, now);
    }
    change.commit(summary);
    print(context.show(summary) + "\n");
}

}  // namespace

void register_goals(CLI::App& command, Context& context) {
    auto options = std::make_shared<GoalsOptions>();
    CLI::App* goals = &command;
    goals->require_subcommand(0, 1);
    goals->add_flag("--all", options->all, "also goals done and dropped");
    goals->add_option("--format", options->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
    set_examples(goals,
                 "  pie goals\n"
                 "  pie goals add social supervision --every month\n"
                 "  pie goals add social peer consultation --every week --match consult\n"
                 "  pie goals add health move --every day --minutes 30m\n"
                 "  pie goals add mental feel rested --rating 7\n"
                 "  pie goals add family visit grandma   # one-off: 'pie goals done ID' when done\n"
                 "  pie goals done 4\n"
                 "  pie goals drop 2\n"
                 "  pie goals pause 2 --until sunday     # ill or away: keeps the streak\n"
                 "  pie goals resume 2\n");

    CLI::App* add = goals->add_subcommand("add", "Set a goal for a slice");
    add->add_option("SLICE TITLE", options->words, "the slice, then the goal's title")->required();
    add->add_option("--every", options->every, "recurring: day, week or month")
        ->check(CLI::IsMember({"day", "week", "month"}));
    add->add_option("--times", options->times, "entries per period (default 1)");
    add->add_option("--minutes", options->minutes, "time per period: a DURATION, up to the period");
    add->add_option("--match", options->match, "count only entries whose note contains TEXT or tagged TEXT");
    add->add_option("--rating", options->rating, "met when the slice's latest rating is at least N (1-10)");
    set_examples(add,
                 "  pie goals add social supervision --every month\n"
                 "  pie goals add health move --every day --minutes 30m\n"
                 "  pie goals add social friends --every week --times 2 --match friends\n"
                 "  pie goals add mental feel rested --rating 7\n");
    add->callback([options, &context, add] { run_add(*options, context, *add); });

    CLI::App* done = goals->add_subcommand("done", "Mark a one-off goal as achieved");
    done->add_option("ID", options->id, "the goal's id")->required();
    set_examples(done, "  pie goals done 4\n");
    done->callback([options, &context] { run_set_state(*options, context, GoalState::done); });

    CLI::App* drop = goals->add_subcommand("drop", "Retire a goal; it stays in history");
    drop->add_option("ID", options->id, "the goal's id")->required();
    set_examples(drop, "  pie goals drop 2\n");
    drop->callback([options, &context] { run_set_state(*options, context, GoalState::dropped); });

    CLI::App* pause = goals->add_subcommand("pause", "Pause a goal (illness, travel): its streak waits");
    pause->add_option("ID", options->id, "the goal's id")->required();
    pause->add_option("--until", options->until, "WHEN it ends (a day alone: through that day)");
    set_examples(pause,
                 "  pie goals pause 2                      # until 'pie goals resume 2'\n"
                 "  pie goals pause 2 --until 2026-12-06   # travel: back on Monday\n");
    pause->callback([options, &context] { run_pause(*options, context, true); });

    CLI::App* resume = goals->add_subcommand("resume", "End a goal's pause now");
    resume->add_option("ID", options->id, "the goal's id")->required();
    set_examples(resume, "  pie goals resume 2\n");
    resume->callback([options, &context] { run_pause(*options, context, false); });

    goals->callback([goals, options, &context] {
        if (goals->get_subcommands().empty()) run_list(*options, context);
    });
}

}  // namespace pie
