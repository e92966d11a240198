// pie report [--days N | --week [this|last|YYYY-Www] | --month [this|last|YYYY-MM]
//             | --since WHEN [--until WHEN] | --all]
//            [--by minutes|count] [--format text|markdown|json|csv|svg|html] [--width N]   (§6, §13)

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/format/report.hpp>
#include <pie/format/report_pictures.hpp>
#include <pie/report.hpp>

#include <fmt/format.h>

#include <memory>

namespace pie {

namespace {

struct ReportOptions {
    std::string days;
    std::string week;
    std::string month;
    std::string since;
    std::string until;
    bool all = false;
    std::string by = "minutes";
    std::string format = "text";
    std::string width;
};

// The period the options name; only --all reads the database, for its first and last record.
ReportPeriod choose_period(const ReportOptions& options, const CLI::App& command, Context& context, Instant now) {
    std::vector<std::string> given;
    for (const char* option : {"--days", "--week", "--month", "--since", "--all"}) {
        if (command.count(option) > 0) given.emplace_back(option);
    }
    if (given.size() > 1) {
        throw UserError(fmt::format("{} and {} exclude each other", given[0], given[1]),
                        "choose one of --days, --week, --month, --since and --all");
    }
    if (command.count("--until") > 0 && command.count("--since") == 0) {
        throw UserError("--until needs --since", "e.g. pie report --since 2026-11-01 --until 2026-11-14");
    }
    if (command.count("--week") > 0) return week_period(options.week, now);
    if (command.count("--month") > 0) return month_period(options.month, now);
    if (command.count("--since") > 0) {
        bool until = command.count("--until") > 0;
        Instant from = parse_when(options.since, now).at;
        Instant to = until ? parse_until(options.until, now) : days_period(1, now).to;
        if (from >= to) {
            throw UserError(!until
                                ? fmt::format("--since '{}' is after today", options.since)
                                : fmt::format("--since '{}' is not before --until '{}'", options.since, options.until));
        }
        return range_period(from, to);
    }
    if (options.all) {
        auto span = context.read_store().record_span();
        return all_period(span ? std::optional(span->first) : std::nullopt,
                          span ? std::optional(span->second) : std::nullopt, now);
    }
    if (command.count("--days") > 0) return days_period(parse_number(options.days, "--days", 1, k_max_days), now);
    return days_period(7, now);
}

void run_report(const ReportOptions& options, const CLI::App& command, Context& context) {
    Instant now = context.now();
    RenderOptions render;
    render.width = output_width(options.width, context);
    ReportPeriod period = choose_period(options, command, context, now);
    Basis basis = options.by == "count" ? Basis::count : Basis::minutes;
    Report report = read_report(context.read_store(), period, basis, now);
    render.ascii = context.ascii();
    render.color = context.color();
    if (options.format == "json") {
        print(render_json(report));
    } else if (options.format == "csv") {
        print(render_csv(report));
    } else if (options.format == "svg") {
        print(render_svg(report));
    } else if (options.format == "html") {
        print(render_html(report));
    } else if (options.format == "markdown") {
        print(render_markdown(report, render));
    } else {
        print(render_text(report, render));
    }
}

}  // namespace

Report read_report(Store& store, const ReportPeriod& period, Basis basis, Instant now) {
    Instant last_instant = period.to - 1;
    std::vector<SliceFacts> slices = report_facts(store, period);
    std::vector<GoalReport> goals;
    for (Goal& goal : store.goals(true)) {
        if (!goal_in_report(goal, period)) continue;
        GoalStatus status = evaluate_goal(goal, last_instant, store.goal_lookups(goal, last_instant));
        goals.push_back({std::move(goal), status});
    }
    Report report = compute_report(period, basis, now, slices, std::move(goals));
    std::vector<Review> reviews = store.reviews(period.from, period.to);  // newest first
    for (auto it = reviews.rbegin(); it != reviews.rend(); ++it) {
        if (it->intention) report.intentions.emplace_back(it->at, *it->intention);
    }
    return report;
}

void register_report(CLI::App& command, Context& context) {
    auto options = std::make_shared<ReportOptions>();
    CLI::App* report = &command;
    report->add_option("--days", options->days, "today and the N-1 days before it (default: 7)")->type_name("N");
    report->add_option("--week", options->week, "a calendar week: this (default), last or YYYY-Www")
        ->expected(0, 1)
        ->type_name("[WEEK]");
    report->add_option("--month", options->month, "a calendar month: this (default), last or YYYY-MM")
        ->expected(0, 1)
        ->type_name("[MONTH]");
    report->add_option("--since", options->since, "from this WHEN on (inclusive)")->type_name("WHEN");
    report->add_option("--until", options->until, "with --since: up to this WHEN (exclusive; a day alone is included)")
        ->type_name("WHEN");
    report->add_flag("--all", options->all, "everything, from the first record on");
    report->add_option("--by", options->by, "shares of minutes (default) or of entry counts")
        ->check(CLI::IsMember({"minutes", "count"}));
    report->add_option("--format", options->format, "text (default), markdown, json, csv, svg or html")
        ->check(CLI::IsMember({"text", "markdown", "json", "csv", "svg", "html"}));
    report->add_option("--width", options->width, "columns of text and markdown (default: the terminal's, else 80)")
        ->type_name("N");
    set_examples(report,
                 "  pie report\n"
                 "  pie report --week last\n"
                 "  pie report --month 2026-10 --by count\n"
                 "  pie report --since 2026-11-01 --until 2026-11-14 --format csv\n"
                 "  pie report --week last --format markdown >> notes.md\n"
                 "  pie report --week last --format svg > week.svg\n"
                 "  pie report --all --format json | jq .balance\n");
    report->callback([options, report, &context] { run_report(*options, *report, context); });
}

}  // namespace pie
