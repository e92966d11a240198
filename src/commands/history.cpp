// pie history [--since WHEN] [--until WHEN] [--slice SLICE] [--limit N] [--format text|json|csv]   (§3)

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/format/csv.hpp>
#include <pie/format/table.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

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

std::string render_text(const std::vector<Entry>& entries, Context& context) {
    if (entries.empty()) return "No entries.\n";
    Instant now = context.now();
    std::vector<std::vector<std::string>> rows;
    for (const Entry& entry : entries) {
        std::string note = entry.note;
        for (const std::string& tag : entry.tags) note += (note.empty() ? "+" : " +") + tag;
        rows.push_back({std::to_string(entry.id), format_short(entry.at, now), entry.slice,
                        entry.minutes ? format_duration(*entry.minutes) : "-", context.show(note)});
    }
    return render_table({{"id", Align::right}, {"when"}, {"slice"}, {"time", Align::right}, {"note"}}, rows,
                        context.terminal_width(), context.ascii());
}

std::string render_json(const std::vector<Entry>& entries) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Entry& entry : entries) {
        out.push_back({{"id", entry.id},
                       {"uuid", entry.uuid},
                       {"at", format_iso(entry.at)},
                       {"slice", entry.slice},
                       {"minutes", entry.minutes ? nlohmann::ordered_json(*entry.minutes) : nlohmann::ordered_json(nullptr)},
                       {"note", entry.note},
                       {"tags", entry.tags}});
    }
    return json_text(out);
}

std::string render_csv(const std::vector<Entry>& entries) {
    std::string out = csv_row({"id", "at", "slice", "minutes", "note", "tags"});
    for (const Entry& entry : entries) {
        out += csv_row({std::to_string(entry.id), format_iso(entry.at), entry.slice,
                        entry.minutes ? std::to_string(*entry.minutes) : "", entry.note, join_words(entry.tags)});
    }
    return out;
}

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
        print(render_json(entries));
    } else if (options.format == "csv") {
        print(render_csv(entries));
    } else {
        print(render_text(entries, context));
    }
}

}  // namespace

void register_history(CLI::App& command, Context& context) {
    auto options = std::make_shared<HistoryOptions>();
    CLI::App* history = &command;
    history->add_option("--since", options->since, "from this WHEN on (inclusive)")->type_name("WHEN");
    history->add_option("--until", options->until, "up to this WHEN (exclusive; a day alone is included)")->type_name("WHEN");
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
