// pie export [--format json|csv] [--since WHEN] [--until WHEN]   (§7)

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/format/csv.hpp>
#include <pie/format/json.hpp>
#include <pie/import.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <tuple>

namespace pie {

namespace {

using Json = nlohmann::ordered_json;

struct ExportOptions {
    std::string format = "json";
    std::string since;
    std::string until;
};

// Prints the members of the export object as they come, one record a line, so memory does not
// grow with the records. nlohmann writes every value; only the punctuation between them is ours.
class ExportWriter {
public:
    ExportWriter() { print(fmt::format("{{\n  {}: {},\n", Json("pie_export").dump(), k_export_format)); }
    ~ExportWriter() = default;

    void begin(std::string_view member) {
        print(fmt::format("{}  {}: [", m_members++ == 0 ? "" : ",\n", Json(member).dump()));
        m_records = 0;
    }
    void record(const Json& value) { print(fmt::format("{}    {}", m_records++ == 0 ? "\n" : ",\n", value.dump())); }
    void end() { print(m_records == 0 ? "]" : "\n  ]"); }
    void finish() { print("\n}\n"); }

private:
    int m_members = 0;
    std::int64_t m_records = 0;
};

void run_export(const ExportOptions& options, Context& context) {
    Instant now = context.now();
    RecordQuery query = time_range(options.since, options.until, now);
    Store& store = context.read_store();
    if (options.format == "csv") {
        print(std::string(k_csv_header) + "\n");
        store.each_entry(query, [](const Entry& entry) {
            print(csv_row({format_iso(entry.at), entry.slice, entry.minutes ? std::to_string(*entry.minutes) : "",
                           entry.note, join_words(entry.tags)}));
        });
        return;
    }
    // Orders that do not depend on one machine's ids or positions, so that two machines that
    // merged each other's data export the same: slices as they were added (the default ones
    // first, in pie order), goals as they were created.
    std::vector<Slice> slices = store.slices();
    std::sort(slices.begin(), slices.end(), [](const Slice& a, const Slice& b) {
        return std::tie(a.added_at, a.uuid) < std::tie(b.added_at, b.uuid);
    });
    std::vector<Goal> goals = store.goals(true);
    std::sort(goals.begin(), goals.end(), [](const Goal& a, const Goal& b) {
        return std::tie(a.created_at, a.uuid) < std::tie(b.created_at, b.uuid);
    });

    ExportWriter out;
    out.begin("slices");
    for (const Slice& slice : slices) out.record(slice_json(slice, store.slice_history(slice.id)));
    out.end();
    out.begin("goals");
    for (const Goal& goal : goals) out.record(goal_json(goal, JsonUse::exported, {}, store.goal_pauses(goal.id)));
    out.end();
    out.begin("entries");
    store.each_entry(query, [&](const Entry& entry) { out.record(entry_json(entry, JsonUse::exported)); });
    out.end();
    out.begin("ratings");
    store.each_rating(query, [&](const Rating& rating) { out.record(rating_json(rating, JsonUse::exported)); });
    out.end();
    out.begin("reviews");  // by time, then UUID: the same order on every machine
    std::vector<Review> reviews = store.reviews(query.since, query.until);
    std::sort(reviews.begin(), reviews.end(),
              [](const Review& a, const Review& b) { return std::tie(a.at, a.uuid) < std::tie(b.at, b.uuid); });
    for (const Review& review : reviews) out.record(review_json(review));
    out.end();
    out.finish();
}

}  // namespace

void register_export(CLI::App& app, Context& context) {
    auto options = std::make_shared<ExportOptions>();
    CLI::App* command = &app;
    command
        ->add_option("--format", options->format,
                     "json (default: slices, goals, entries, ratings, reviews) or csv (entries)")
        ->check(CLI::IsMember({"json", "csv"}));
    command->add_option("--since", options->since, "entries and ratings from this WHEN on (inclusive)")
        ->type_name("WHEN");
    command
        ->add_option("--until", options->until,
                     "entries and ratings up to this WHEN (exclusive; a day alone is included)")
        ->type_name("WHEN");
    set_examples(command,
                 "  pie export > pie-backup.json\n"
                 "  pie export --format csv --since 2026-11-01 --until 2026-11-30 > november.csv\n"
                 "  pie export | ssh laptop pie import   # merge this data into another pie\n");
    command->callback([options, &context] { run_export(*options, context); });
}

}  // namespace pie
