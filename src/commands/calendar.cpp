// pie calendar [SLICE]... [--weeks N] [--by minutes|count] [--format text|json|csv]   (§10)

#include <pie/calendar.hpp>
#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/format/calendar.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace pie {

namespace {

struct CalendarOptions {
    std::vector<std::string> slices;
    std::string weeks;
    std::string by = "minutes";
    std::string format = "text";
};

void run_calendar(const CalendarOptions& options, Context& context) {
    int weeks = options.weeks.empty()
                    ? k_default_calendar_weeks
                    : parse_number(options.weeks, "--weeks", k_min_calendar_weeks, k_max_calendar_weeks);
    Instant now = context.now();
    Store& store = context.read_store();
    std::vector<Slice> pie = store.slices();
    std::vector<std::int64_t> ids;
    std::vector<std::string> names;
    for (const std::string& typed : options.slices) {
        const Slice& slice = resolve_slice(typed, pie);
        if (std::find(ids.begin(), ids.end(), slice.id) != ids.end()) {
            throw UserError(fmt::format("slice {} is given twice", slice.name));
        }
        ids.push_back(slice.id);
        names.push_back(slice.name);
    }
    Date today = local_date(now);
    std::vector<Instant> starts;
    for (Date day = calendar_first_day(weeks, today); day <= add_days(today, 1); day = add_days(day, 1)) {
        starts.push_back(start_of_day(day));
    }
    Basis by = options.by == "count" ? Basis::count : Basis::minutes;
    Calendar calendar = compute_calendar(weeks, by, today, store.day_totals(starts, ids));
    if (options.format == "json") {
        print(render_json(calendar));
    } else if (options.format == "csv") {
        print(render_csv(calendar));
    } else {
        std::string subject = names.empty() ? "every slice" : fmt::format("{}", fmt::join(names, ", "));
        print(render_text(calendar, subject, context.ascii()));
    }
}

}  // namespace

void register_calendar(CLI::App& app, Context& context) {
    auto options = std::make_shared<CalendarOptions>();
    CLI::App* calendar = &app;
    calendar->add_option("SLICE", options->slices, "count only these slices' entries (default: every slice)");
    calendar->add_option("--weeks", options->weeks, "the last N ISO weeks, this one included (1-53, default: 26)")
        ->type_name("N");
    calendar->add_option("--by", options->by, "a day's value: its minutes (default) or its entries")
        ->check(CLI::IsMember({"minutes", "count"}));
    calendar->add_option("--format", options->format, "text (default), json or csv")
        ->check(CLI::IsMember({"text", "json", "csv"}));
    set_examples(calendar,
                 "  pie calendar\n"
                 "  pie calendar social family --weeks 53\n"
                 "  pie calendar --by count --format csv > days.csv\n");
    calendar->callback([options, &context] { run_calendar(*options, context); });
}

}  // namespace pie
