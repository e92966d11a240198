// pie history [--since WHEN] [--until WHEN] [--slice SLICE] [--limit N] [--format text|json|csv]   (§3)

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/format/history.hpp>

#include <fmt/format.h>

#include <charconv>
#include <memory>

namespace pie {

namespace {

struct HistoryOptions {
    std::string since;
    std::string until;
    std::string slice;
    std::string limit = "20";
    std::string format = "text";
};

void run_history(const HistoryOptions& options, Context& context) {
    Instant now = context.now();
    RecordQuery query = time_range(options.since, options.until, now);
    auto [end, ec] = std::from_chars(options.limit.data(), options.limit.data() + options.limit.size(), query.limit);
    if (options.limit.empty() || ec != std::errc() || end != options.limit.data() + options.limit.size() ||
        query.limit < 0) {
        throw UserError(fmt::format("invalid --limit '{}'", options.limit), "a whole number; 0 lists all");
    }
    Store& store = context.read_store();
    if (!options.slice.empty()) query.slice_id = resolve_slice(options.slice, store.slices()).id;
    std::vector<Entry> entries = store.entries(query);
    if (options.format == "json") {
        print(render_history_json(entries));
    } else if (options.format == "csv") {
        print(render_history_csv(entries));
    } else {
        print(render_history_text(entries, now, context.terminal_width(), context.ascii()));
    }
}

}  // namespace

void register_history(CLI::App& command, Context& context) {
    auto options = std::make_shared<HistoryOptions>();
    CLI::App* history = &command;
    history->add_option("--since", options->since, "from this WHEN on (inclusive)")->type_name("WHEN");
    history->add_option("--until", options->until, "up to this WHEN (exclusive; a day alone is included)")
        ->type_name("WHEN");
    history->add_option("--slice", options->slice, "only this slice");
    history->add_option("-n,--limit", options->limit, "the last N entries (default 20; 0 for all)")->type_name("N");
    history->add_option("--format", options->format, "text (default), json or csv")
        ->check(CLI::IsMember({"text", "json", "csv"}));
    set_examples(history,
                 "  pie history\n"
                 "  pie history --since mon --slice social\n"
                 "  pie history --since 2026-11-01 --until 2026-11-30 --limit 0 --format csv\n");
    history->callback([options, &context] { run_history(*options, context); });
}

}  // namespace pie
