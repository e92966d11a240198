// pie goals [--all] [--format text|json] | goals add | goals done ID | goals drop ID   (§5)

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/format/goals.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

#include <algorithm>
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
    // done, drop
    std::string id;
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
        goal.minutes = parse_duration(options.minutes, goal.every ? goal_minutes_limit(*goal.every)
                                                                  : k_longest_goal_minutes);
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

void run_set_state(const GoalsOptions& options, Context& context, GoalState state) {
    Instant now = context.now();
    std::int64_t id = parse_id(options.id);
    Store* store = context.existing_store();
    std::optional<Goal> goal = store ? store->goal(id) : std::nullopt;
    if (!goal) throw UserError(fmt::format("no goal #{}", id), "'pie goals --all' lists goals with their ids");
    if (goal->state != GoalState::active) {
        throw UserError(fmt::format("goal #{} is already {}", id, goal_state_name(goal->state)));
    }
    if (state == GoalState::done && goal->kind != GoalKind::one_off) {
        throw UserError(fmt::format("goal #{} is a {} goal, met by what you log and rate", id,
                                    goal_kind_name(goal->kind)),
                        fmt::format("'pie goals drop {}' retires it", id));
    }
    auto change = store->change(now);
    store->set_goal_state(id, state, now);
    std::string summary = fmt::format("{} goal {}", state == GoalState::done ? "achieved" : "dropped", describe_goal(*goal));
    change.commit(summary);
    print(context.show(summary) + "\n");
}

}  // namespace

void register_goals(CLI::App& command, Context& context) {
    auto options = std::make_shared<GoalsOptions>();
    CLI::App* goals = &command;
    goals->require_subcommand(0, 1);
    goals->add_flag("--all", options->all, "also goals done and dropped");
    goals->add_option("--format", options->format, "text (default) or json")
        ->check(CLI::IsMember({"text", "json"}));
    set_examples(goals,
                 "  pie goals\n"
                 "  pie goals add social supervision --every month\n"
                 "  pie goals add social peer consultation --every week --match consult\n"
                 "  pie goals add health move --every day --minutes 30m\n"
                 "  pie goals add mental feel rested --rating 7\n"
                 "  pie goals add family visit grandma   # one-off: 'pie goals done ID' when done\n"
                 "  pie goals done 4\n"
                 "  pie goals drop 2\n");

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

    goals->callback([goals, options, &context] {
        if (goals->get_subcommands().empty()) run_list(*options, context);
    });
}

}  // namespace pie
