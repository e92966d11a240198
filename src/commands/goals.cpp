// pie goals [--all] [--format text|json] | goals add | goals done ID | goals drop ID   (§5)

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/format/goal_text.hpp>
#include <pie/format/json.hpp>
#include <pie/format/table.hpp>
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
    std::vector<Goal> goals = store.goals(options.all);
    if (options.format == "json") {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const Goal& goal : goals) out.push_back(goal_json(goal, evaluate_goal(goal, now, store.goal_lookups(goal, now))));
        print(json_text(out));
        return;
    }
    if (goals.empty()) {
        print(options.all ? "No goals yet.\n" : "No active goals. 'pie goals add SLICE TITLE' sets one.\n");
        return;
    }
    std::vector<Column> columns = {{"id", Align::right}, {"slice"}, {"goal"}, {"every"}, {"progress"},
                                   {"streak", Align::right}};
    if (options.all) columns.insert(columns.begin() + 1, Column{"state"});
    std::vector<std::vector<std::string>> rows;
    for (const Goal& goal : goals) {
        GoalStatus status = evaluate_goal(goal, now, store.goal_lookups(goal, now));
        std::vector<std::string> row = {std::to_string(goal.id), goal.slice, context.show(goal.title),
                                        std::string(goal_every_word(goal)), goal_progress(goal, status, context.ascii()),
                                        status.streak ? std::to_string(*status.streak) : "-"};
        if (options.all) row.insert(row.begin() + 1, std::string(goal_state_name(goal.state)));
        rows.push_back(std::move(row));
    }
    print(render_table(columns, rows, std::nullopt, context.ascii()));
}

// "social "peer consultation" every week, 1 time": a goal in words.
std::string describe_goal(const Goal& goal) {
    std::string out = fmt::format("#{} {} \"{}\"", goal.id, goal.slice, goal.title);
    if (goal.kind == GoalKind::recurring) {
        std::string amount = goal.minutes ? format_duration(*goal.minutes)
                                          : fmt::format("{} time{}", *goal.times, *goal.times == 1 ? "" : "s");
        out += fmt::format(", {} a {}", amount, period_kind_name(*goal.every));
        if (goal.match) out += fmt::format(" matching \"{}\"", *goal.match);
    } else if (goal.kind == GoalKind::rating) {
        out += fmt::format(", rated at least {}", *goal.rating);
        if (goal.every) out += fmt::format(" every {}", period_kind_name(*goal.every));
    }
    return out;
}

void run_add(GoalsOptions options, Context& context, const CLI::App& add) {
    Instant now = context.now();
    options.words.insert(options.words.end(), words_after_dashes().begin(), words_after_dashes().end());
    for (const std::string& word : options.words) require_utf8(word, "the title");
    require_utf8(options.match, "--match");
    Goal goal;
    goal.title = join_words(options.words, 1);
    if (goal.title.find_first_not_of(' ') == std::string::npos) {
        throw UserError("a goal needs a title", "pie goals add SLICE TITLE..., e.g. pie goals add social supervision");
    }
    bool has_times = add.count("--times") > 0;
    bool has_minutes = add.count("--minutes") > 0;
    bool has_match = add.count("--match") > 0;
    bool has_rating = add.count("--rating") > 0;
    if (has_times && has_minutes) throw UserError("--times and --minutes exclude each other");
    if (has_times && (options.times < 1 || options.times > 10000)) {
        throw UserError(fmt::format("--times {} is out of range: it must be from 1 to 10000", options.times));
    }
    if (has_rating && (options.rating < 1 || options.rating > 10)) {
        throw UserError(fmt::format("--rating {} is out of range: it must be from 1 to 10", options.rating));
    }
    if (has_rating && (has_times || has_minutes || has_match)) {
        throw UserError("--rating excludes --times, --minutes and --match");
    }
    if (options.every.empty() && (has_times || has_minutes || has_match)) {
        throw UserError("--times, --minutes and --match need --every day|week|month");
    }
    if (has_match && options.match.empty()) throw UserError("--match needs a text");
    if (!options.every.empty()) goal.every = parse_period_kind(options.every);
    if (has_minutes) goal.minutes = parse_duration(options.minutes);
    if (has_match) goal.match = options.match;
    if (has_rating) {
        goal.kind = GoalKind::rating;
        goal.rating = options.rating;
    } else if (goal.every) {
        goal.kind = GoalKind::recurring;
        if (!goal.minutes) goal.times = has_times ? options.times : 1;
    }

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
    std::error_code ec;
    if (std::filesystem::exists(context.db_path(), ec)) {
        Store& store = context.write_store();
        if (std::optional<Goal> goal = store.goal(id)) return {&store, *goal};
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
        throw UserError(fmt::format("goal #{} is a {} goal: what you log and rate decides when it is met", id,
                                    goal_kind_name(goal.kind)),
                        fmt::format("'pie goals drop {}' retires it", id));
    }
    auto change = store->change(now);
    store->set_goal_state(id, state, now);
    std::string summary = fmt::format("{} goal {}", state == GoalState::done ? "achieved" : "dropped", describe_goal(goal));
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

void register_goals(CLI::App& app, Context& context) {
    auto options = std::make_shared<GoalsOptions>();
    CLI::App* goals = app.add_subcommand("goals", "Goals per slice, with progress in the current period");
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
                 "  pie goals add family visit grandma        # one-off: 'pie goals done ID' when done\n"
                 "  pie goals done 4\n"
                 "  pie goals drop 2\n"
                 "  pie goals pause 2 --until sunday     # ill or away: keeps the streak\n"
                 "  pie goals resume 2\n");

    CLI::App* add = goals->add_subcommand("add", "Set a goal for a slice");
    add->add_option("SLICE TITLE", options->words, "the slice, then the goal's title")->required();
    add->add_option("--every", options->every, "recurring: day, week or month")
        ->check(CLI::IsMember({"day", "week", "month"}));
    add->add_option("--times", options->times, "entries per period (default 1)");
    add->add_option("--minutes", options->minutes, "time per period, a DURATION (e.g. 2h)");
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
    set_examples(pause, "  pie goals pause 2                      # until 'pie goals resume 2'\n"
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
