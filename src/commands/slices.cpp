// pie slices [--names | add NAME [--label TEXT] | rename OLD NEW | retire NAME | restore NAME]   (§2)

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/format/slices.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace pie {

namespace {

struct SlicesOptions {
    std::string name;
    std::string new_name;
    std::optional<std::string> label;
    bool names = false;
};

void require_new_name(const std::string& name, const std::vector<Slice>& slices) {
    require_slice_name(name);
    bool taken = std::any_of(slices.begin(), slices.end(), [&](const Slice& s) { return s.name == name; });
    if (taken) throw UserError(fmt::format("slice '{}' already exists", name));
}

void run_list(Context& context) {
    Store& store = context.read_store();
    print(render_slices_text(store.slices(), store.slice_activity(), context.now(), context.ascii()));
}

void run_names(Context& context) { print(render_slice_names(context.read_store().slices())); }

void run_add(const SlicesOptions& options, Context& context) {
    Instant now = context.now();
    require_slice_name(options.name);
    require_utf8(options.label.value_or(""), "the label");
    std::string label = options.label.value_or(default_label(options.name));
    if (label.find_first_not_of(' ') == std::string::npos) throw UserError("the label is empty");
    Store& store = context.write_store();
    require_new_name(options.name, store.slices());
    auto change = store.change(now);
    store.add_slice(options.name, label, now);
    std::string summary = fmt::format("added slice {} \"{}\"", options.name, label);
    change.commit(summary);
    print(context.show(summary) + "\n");
}

void run_rename(const SlicesOptions& options, Context& context) {
    Instant now = context.now();
    Store& store = context.write_store();
    std::vector<Slice> slices = store.slices();
    const Slice& slice = resolve_slice(options.name, slices);
    require_new_name(options.new_name, slices);
    auto change = store.change(now);
    // A label that was only the old name spelled out follows the name.
    std::string label = slice.label == default_label(slice.name) ? default_label(options.new_name) : slice.label;
    store.rename_slice(slice.id, options.new_name, label, now);
    std::string summary = fmt::format("renamed slice {} to {}", slice.name, options.new_name);
    change.commit(summary);
    print(summary + "\n");
}

void run_retire(const SlicesOptions& options, Context& context, bool retire) {
    Instant now = context.now();
    Store& store = context.write_store();
    std::vector<Slice> slices = store.slices();
    const Slice& slice = resolve_slice(options.name, slices);
    if (slice.retired() == retire) {
        throw UserError(fmt::format("slice '{}' is already {}", slice.name, retire ? "retired" : "active"));
    }
    auto change = store.change(now);
    store.set_retired(slice.id, retire ? std::optional<Instant>(now) : std::nullopt, now);
    std::string summary = fmt::format("{} slice {}", retire ? "retired" : "restored", slice.name);
    change.commit(summary);
    print(summary + "\n");
}

}  // namespace

void register_slices(CLI::App& command, Context& context) {
    auto options = std::make_shared<SlicesOptions>();
    CLI::App* slices = &command;
    slices->require_subcommand(0, 1);
    CLI::Option* names =
        slices->add_flag("--names", options->names, "only the names of the active slices, one per line (for scripts)");
    set_examples(slices,
                 "  pie slices\n"
                 "  pie slices --names       # e.g. for n in $(pie slices --names); do ...; done\n"
                 "  pie slices add hobbies --label 'Hobbies outside work'\n"
                 "  pie slices rename social friends\n"
                 "  pie slices retire finances\n"
                 "  pie slices restore finances\n");

    CLI::App* add = slices->add_subcommand("add", "Add a slice");
    add->add_option("NAME", options->name, "lowercase a-z, 0-9 and '-', starting with a letter")->required();
    add->add_option("--label", options->label, "how reports name it (default: from NAME)");
    set_examples(add, "  pie slices add hobbies\n  pie slices add supervision --label 'Clinical supervision'\n");
    add->callback([options, &context] { run_add(*options, context); });

    CLI::App* rename = slices->add_subcommand("rename", "Rename a slice; its history follows it");
    rename->add_option("OLD", options->name, "the slice")->required();
    rename->add_option("NEW", options->new_name, "its new name")->required();
    set_examples(rename, "  pie slices rename social friends\n");
    rename->callback([options, &context] { run_rename(*options, context); });

    CLI::App* retire = slices->add_subcommand("retire", "Retire a slice: no new logs or ratings; history stays");
    retire->add_option("NAME", options->name, "the slice")->required();
    set_examples(retire, "  pie slices retire finances\n");
    retire->callback([options, &context] { run_retire(*options, context, true); });

    CLI::App* restore = slices->add_subcommand("restore", "Bring a retired slice back");
    restore->add_option("NAME", options->name, "the slice")->required();
    set_examples(restore, "  pie slices restore finances\n");
    restore->callback([options, &context] { run_retire(*options, context, false); });

    for (CLI::App* command : {add, rename, retire, restore}) command->excludes(names);
    slices->callback([slices, options, &context] {
        if (!slices->get_subcommands().empty()) return;
        if (options->names) {
            run_names(context);
        } else {
            run_list(context);
        }
    });
}

}  // namespace pie
