// pie rm ID...   (§3): delete entries, as one undoable change.

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace pie {

namespace {

struct RmOptions {
    std::vector<std::string> ids;
};

std::vector<std::string> ids_text(const std::vector<std::int64_t>& ids) {
    std::vector<std::string> out;
    for (std::int64_t id : ids) out.push_back(fmt::format("#{}", id));
    return out;
}

void run_rm(RmOptions options, Context& context) {
    Instant now = context.now();
    if (options.ids.empty()) throw UserError("ID is required", "'pie history' lists entries with their ids");
    std::vector<std::int64_t> ids;
    for (const std::string& text : options.ids) {
        std::int64_t id = parse_id(text);
        if (std::find(ids.begin(), ids.end(), id) != ids.end()) {
            throw UserError(fmt::format("entry #{} given twice", id));
        }
        ids.push_back(id);
    }
    Store* existing = context.existing_store();
    if (!existing)
        throw UserError(fmt::format("no entry #{}", ids.front()), "'pie history' lists entries with their ids");
    Store& store = *existing;
    auto change = store.change(now);
    std::vector<std::string> lines;
    for (std::int64_t id : ids) {
        std::optional<Entry> entry = store.entry(id);
        if (!entry) throw UserError(fmt::format("no entry #{}", id), "'pie history' lists entries with their ids");
        store.delete_entry(id);
        lines.push_back("removed " + describe_entry(*entry, now));
    }
    std::string summary = lines.size() == 1
                              ? lines.front()
                              : fmt::format("removed {} entries ({})", lines.size(), fmt::join(ids_text(ids), ", "));
    change.commit(summary);
    for (const std::string& line : lines) print(context.show(line) + "\n");
}

}  // namespace

void register_rm(CLI::App& command, Context& context) {
    auto options = std::make_shared<RmOptions>();
    CLI::App* rm = &command;
    // Not ->required(): run_rm says it, with where to find the ids.
    rm->add_option("ID", options->ids, "entry ids, as 'pie history' shows them");
    set_examples(rm,
                 "  pie rm 42\n"
                 "  pie rm 41 42 43\n");
    rm->callback([options, &context] { run_rm(*options, context); });
}

}  // namespace pie
