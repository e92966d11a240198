// pie trend [--weeks N | --months N] [--slice SLICE]... [--by minutes|count]
//           [--format text|markdown|json|csv|svg|html] [--width N]   (§10, §13)

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/format/trend.hpp>
#include <pie/format/trend_pictures.hpp>
#include <pie/trend.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace pie {

namespace {

struct TrendOptions {
    std::string weeks;
    std::string months;
    std::vector<std::string> slices;
    std::string by = "minutes";
    std::string format = "text";
    std::string width;
};

// The slices --slice names, as stored; a usage error for an unknown, ambiguous or repeated one.
std::vector<std::string> named_slices(const std::vector<std::string>& typed, const std::vector<Slice>& pie) {
    std::vector<std::string> names;
    for (const std::string& word : typed) {
        const Slice& slice = resolve_slice(word, pie);
        if (std::find(names.begin(), names.end(), slice.name) != names.end()) {
            throw UserError(fmt::format("--slice {} is given twice", slice.name));
        }
        names.push_back(slice.name);
    }
    return names;
}

void run_trend(const TrendOptions& options, const CLI::App& command, Context& context) {
    bool weeks = command.count("--weeks") > 0;
    bool months = command.count("--months") > 0;
    if (weeks && months) throw UserError("--weeks and --months exclude each other", "choose one of them");
    PeriodKind unit = months ? PeriodKind::month : PeriodKind::week;
    int count = months  ? parse_number(options.months, "--months", k_min_trend_periods, k_max_trend_months)
                : weeks ? parse_number(options.weeks, "--weeks", k_min_trend_periods, k_max_trend_weeks)
                        : 12;
    RenderOptions render;
    render.width = output_width(options.width, context);
    render.ascii = context.ascii();
    Instant now = context.now();
    Store& store = context.read_store();
    std::vector<std::string> only = named_slices(options.slices, store.slices());

    std::vector<ReportPeriod> periods = trend_periods(unit, count, now);
    std::vector<std::vector<SliceFacts>> facts;
    for (const ReportPeriod& period : periods) facts.push_back(report_facts(store, period));
    Basis basis = options.by == "count" ? Basis::count : Basis::minutes;
    Trend trend = compute_trend(unit, basis, now, periods, facts, only);

    if (options.format == "json") {
        print(render_json(trend));
    } else if (options.format == "csv") {
        print(render_csv(trend));
    } else if (options.format == "svg") {
        print(render_svg(trend));
    } else if (options.format == "html") {
        print(render_html(trend));
    } else if (options.format == "markdown") {
        print(render_markdown(trend, render));
    } else {
        print(render_text(trend, render));
    }
}

}  // namespace

void register_trend(CLI::App& app, Context& context) {
    auto options = std::make_shared<TrendOptions>();
    CLI::App* trend = &app;
    trend->add_option("--weeks", options->weeks, "the last N ISO weeks, this one included (2-104, default: 12)")
        ->type_name("N");
    trend->add_option("--months", options->months, "the last N months, this one included (2-60)")->type_name("N");
    trend->add_option("--slice", options->slices, "show only this slice (repeatable); balance stays the whole pie's")
        ->type_name("SLICE");
    trend->add_option("--by", options->by, "shares of minutes (default) or of entry counts")
        ->check(CLI::IsMember({"minutes", "count"}));
    trend->add_option("--format", options->format, "text (default), markdown, json, csv, svg or html")
        ->check(CLI::IsMember({"text", "markdown", "json", "csv", "svg", "html"}));
    trend->add_option("--width", options->width, "columns of text and markdown (default: the terminal's, else 80)")
        ->type_name("N");
    set_examples(trend,
                 "  pie trend\n"
                 "  pie trend --weeks 26 --slice social --slice career\n"
                 "  pie trend --months 6 --format markdown >> notes.md\n"
                 "  pie trend --format csv > trend.csv\n"
                 "  pie trend --weeks 26 --format svg > trend.svg\n"
                 "  pie trend --weeks 52 --format json | jq '.periods[].balance'\n");
    trend->callback([options, trend, &context] { run_trend(*options, *trend, context); });
}

}  // namespace pie
