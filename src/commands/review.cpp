// pie review [--rate SLICE=SCORE]... [--done ID]... [--intention TEXT] [--format text|markdown|json]
// pie review --list [--format text|json]   (§11): the weekly check-in, written as one change.

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/format/goal_text.hpp>
#include <pie/format/review.hpp>
#include <pie/score.hpp>
#include <pie/text.hpp>
#include <pie/uuid.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <sstream>

namespace pie {

namespace {

struct ReviewOptions {
    std::vector<std::string> rate;
    std::vector<std::string> done;
    std::optional<std::string> intention;
    std::string format = "text";
    bool list = false;
};

// What a review answers: ratings (slice, score) in pie order, one-off goals done, the intention.
struct Answers {
    std::vector<std::pair<Slice, int>> ratings;
    std::vector<Goal> done;
    std::optional<std::string> intention;
};

// An open one-off goal by its id as typed; a usage error for any other goal or an unknown id.
Goal open_one_off(Store& store, std::string_view typed) {
    std::int64_t id = parse_id(typed);
    std::optional<Goal> goal = store.goal(id);
    if (!goal) throw UserError(fmt::format("no goal #{}", id), "'pie goals' lists goals with their ids");
    if (goal->kind != GoalKind::one_off || goal->state != GoalState::active) {
        throw UserError(fmt::format("goal #{} is not an open one-off goal", id),
                        "--done marks one-off goals (those without --every) that are still open");
    }
    return *goal;
}

void add_done(Answers& answers, Goal goal) {
    bool twice = std::any_of(answers.done.begin(), answers.done.end(), [&](const Goal& g) { return g.id == goal.id; });
    if (twice) throw UserError(fmt::format("goal #{} named twice", goal.id));
    answers.done.push_back(std::move(goal));
}

Answers from_options(const ReviewOptions& options, Store& store, const std::vector<Slice>& slices) {
    Answers answers;
    for (const std::string& pair : options.rate) {
        auto eq = pair.find('=');
        if (eq == std::string::npos || eq == 0) {
            throw UserError(fmt::format("expected SLICE=SCORE, got '{}'", pair), "e.g. pie review --rate social=6");
        }
        const Slice& slice = require_active(resolve_slice(pair.substr(0, eq), slices));
        int score = parse_score(std::string_view(pair).substr(eq + 1));
        bool twice = std::any_of(answers.ratings.begin(), answers.ratings.end(),
                                 [&](const auto& r) { return r.first.id == slice.id; });
        if (twice) throw UserError(fmt::format("slice '{}' rated twice", slice.name));
        answers.ratings.emplace_back(slice, score);
    }
    for (const std::string& id : options.done) add_done(answers, open_one_off(store, id));
    if (options.intention) {
        require_utf8(*options.intention, "the intention");
        answers.intention = clean_intention(*options.intention);
    }
    return answers;
}

// A line typed on the terminal, blanks trimmed; end of input cancels the whole review.
std::string ask_line(Context& context, std::string_view prompt) {
    print(context.show(prompt));
    std::fflush(stdout);
    std::string line;
    if (!std::getline(std::cin, line)) {
        print("\n");
        throw Error("review cancelled: nothing written");
    }
    require_utf8(line, "the answer");
    return clean_intention(line).value_or("");
}

Answers ask_review(Store& store, const std::vector<Slice>& slices, Instant now, Context& context) {
    Answers answers;
    Report week = read_report(store, days_period(7, now), Basis::minutes, now);
    RenderOptions render;
    render.width = std::max(k_min_width, context.terminal_width().value_or(80));
    print(render_review_week(week, render));

    print("\nHow does each slice feel? A number from 1 to 10 rates it; Enter keeps it as it is.\n");
    for (const Slice& slice : slices) {
        if (slice.retired()) continue;
        std::optional<Rating> last = store.latest_rating(slice.id, now);
        std::string now_text = last ? fmt::format(" [{}]", last->score) : " [not rated]";
        for (;;) {
            std::string line = ask_line(context, fmt::format("{} ({}){}: ", slice.label, slice.name, now_text));
            if (line.empty()) break;
            if (std::optional<int> score = read_score(line)) {
                answers.ratings.emplace_back(slice, *score);
                break;
            }
            print("  please type a whole number from 1 to 10, or press Enter to keep it\n");
        }
    }

    std::vector<GoalReport> open;
    print("\nGoals\n");
    if (week.goals.empty()) print("  none yet: 'pie goals add SLICE TITLE' sets one\n");
    for (const GoalReport& item : week.goals) {
        print(context.show(fmt::format("  #{} {}: {}  {}", item.goal.id, item.goal.slice, item.goal.title,
                                       goal_progress(item.goal, item.status, context.ascii()))) +
              "\n");
        if (item.goal.kind == GoalKind::one_off && item.goal.state == GoalState::active) open.push_back(item);
    }
    while (!open.empty()) {
        std::string line = ask_line(context, "Ids of one-off goals you have done (Enter for none): ");
        std::replace(line.begin(), line.end(), ',', ' ');
        std::istringstream words(line);
        Answers tried;
        try {
            for (std::string word; words >> word;) add_done(tried, open_one_off(store, word));
            answers.done = std::move(tried.done);
            break;
        } catch (const UserError& e) {
            print(context.show(fmt::format("  {}; type the ids of open one-off goals, or press Enter", e.what())) +
                  "\n");
        }
    }

    print("\n");
    answers.intention = clean_intention(ask_line(context, "One intention for the coming week (Enter for none): "));
    print("\n");
    return answers;
}

void run_list(const ReviewOptions& options, Context& context) {
    if (!options.rate.empty() || !options.done.empty() || options.intention) {
        throw UserError("--list takes no --rate, --done or --intention");
    }
    if (options.format == "markdown") throw UserError("--list prints text or json", "pie review --list --format json");
    std::vector<Review> reviews = context.read_store().reviews();
    print(options.format == "json" ? render_review_list_json(reviews)
                                   : render_review_list_text(reviews, context.now(), context.ascii()));
}

void run_review(const ReviewOptions& options, Context& context) {
    if (options.list) return run_list(options, context);
    Instant now = context.now();
    bool scripted = !options.rate.empty() || !options.done.empty() || options.intention;
    if (!scripted && !context.stdin_is_terminal()) {
        throw UserError("nothing to review",
                        "run 'pie review' on a terminal, or give --rate SLICE=SCORE, --done ID or --intention TEXT");
    }
    Answers answers;
    {
        Store& store = context.read_store();  // asking creates nothing: only the end writes
        std::vector<Slice> slices = store.slices();
        answers = scripted ? from_options(options, store, slices) : ask_review(store, slices, now, context);
    }

    Store& store = context.write_store();
    ReviewSummary summary;
    summary.review = Review{0, new_uuid(), now, answers.intention};
    std::vector<std::string> parts;
    auto change = store.change(now);
    for (const Slice& slice : store.slices()) {  // pie order
        for (const auto& [rated, score] : answers.ratings) {
            if (rated.uuid != slice.uuid) continue;
            std::optional<Rating> before = store.latest_rating(slice.id, now);
            summary.ratings.push_back(
                {slice.name, score, before ? std::optional(score - before->score) : std::nullopt});
            store.add_rating(Rating{0, "", slice.id, slice.name, now, score, ""});
            parts.push_back(fmt::format("{} {}/10", slice.name, score));
        }
    }
    for (const Goal& goal : answers.done) {
        store.set_goal_state(goal.id, GoalState::done, now);
        parts.push_back(fmt::format("goal #{} done", goal.id));
    }
    store.add_review(summary.review);
    if (answers.intention) parts.push_back(fmt::format("intention \"{}\"", *answers.intention));
    change.commit(parts.empty() ? std::string("reviewed the week")
                                : fmt::format("reviewed the week: {}", fmt::join(parts, ", ")));

    summary.report = read_report(store, days_period(7, now), Basis::minutes, now);
    RenderOptions render;
    render.width = std::max(k_min_width, context.terminal_width().value_or(80));
    render.ascii = context.ascii();
    if (options.format == "json") {
        print(render_review_json(summary));
    } else if (options.format == "markdown") {
        print(render_review_markdown(summary, render));
    } else {
        print(render_review_text(summary, render));
    }
}

}  // namespace

void register_review(CLI::App& app, Context& context) {
    auto options = std::make_shared<ReviewOptions>();
    CLI::App* review = &app;
    review->add_option("--rate", options->rate, "rate a slice, SLICE=SCORE (again for more)")->type_name("SLICE=SCORE");
    review->add_option("--done", options->done, "mark an open one-off goal done (again for more)")->type_name("ID");
    review->add_option("--intention", options->intention, "one intention for the coming week")->type_name("TEXT");
    review->add_option("--format", options->format, "the summary: text (default), markdown or json")
        ->check(CLI::IsMember({"text", "markdown", "json"}));
    review->add_flag("--list", options->list, "past reviews, newest first, with their intentions");
    set_examples(review,
                 "  pie review              # on a terminal: walks through the week\n"
                 "  pie review --rate social=6 --rate career=7 --intention 'call an old friend'\n"
                 "  pie review --done 4 --format markdown >> notes.md\n"
                 "  pie review --list\n");
    review->callback([options, &context] { run_review(*options, context); });
}

}  // namespace pie
