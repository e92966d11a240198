// pie edit ID [--at WHEN] [-d|--duration DURATION | --no-duration] [--slice SLICE]
//             [--note TEXT] [-t|--tag TAG]... [--untag TAG]... [-q|--quiet]   (§9)

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace pie {

namespace {

struct EditOptions {
    std::string id;
    std::optional<std::string> at;
    std::optional<std::string> duration;
    bool no_duration = false;
    std::optional<std::string> slice;
    std::optional<std::string> note;
    std::vector<std::string> tags;
    std::vector<std::string> untags;
    bool quiet = false;
};

// The entry as the options make it; every check `pie log` makes, before anything is written.
Entry edited_entry(Entry entry, const EditOptions& options, Store& store, Instant now) {
    if (options.duration && options.no_duration) {
        throw UserError("--duration and --no-duration exclude each other");
    }
    if (options.at) entry.at = resolve_at(options.at, now);
    if (options.duration) entry.minutes = parse_duration(*options.duration);
    if (options.no_duration) entry.minutes.reset();
    if (options.slice) {
        std::vector<Slice> slices = store.slices();
        const Slice& slice = resolve_slice(*options.slice, slices);
        if (slice.id != entry.slice_id) require_active(slice);
        entry.slice_id = slice.id;
        entry.slice = slice.name;
    }
    if (options.note) {
        require_utf8(*options.note, "the note");
        entry.note = *options.note;
    }
    require_tags(options.tags);
    require_tags(options.untags);
    for (const std::string& tag : options.untags) {
        if (std::find(options.tags.begin(), options.tags.end(), tag) != options.tags.end()) {
            throw UserError(fmt::format("tag '{}' is both added and removed", tag));
        }
        auto found = std::find(entry.tags.begin(), entry.tags.end(), tag);
        if (found == entry.tags.end()) {
            throw UserError(fmt::format("entry #{} has no tag '{}'", entry.id, tag),
                            "tags match exactly, case included");
        }
        entry.tags.erase(found);
    }
    for (const std::string& tag : options.tags) {
        if (std::find(entry.tags.begin(), entry.tags.end(), tag) == entry.tags.end()) entry.tags.push_back(tag);
    }
    entry.changed_at = now;
    return entry;
}

void run_edit(const EditOptions& options, const CLI::App& command, Context& context) {
    bool any = false;
    for (const char* option : {"--at", "--duration", "--no-duration", "--slice", "--note", "--tag", "--untag"}) {
        any = any || command.count(option) > 0;
    }
    std::int64_t id = parse_id(options.id);
    if (!any) {
        throw UserError("nothing to change", "give --at, --duration, --no-duration, --slice, --note, --tag or --untag");
    }
    Instant now = context.now();
    Store* existing = context.existing_store();
    std::optional<Entry> entry = existing ? existing->entry(id) : std::nullopt;
    if (!entry) throw UserError(fmt::format("no entry #{}", id), "'pie history' lists entries with their ids");
    Store& store = *existing;
    Entry edited = edited_entry(*entry, options, store, now);

    auto change = store.change(now);
    store.update_entry(edited);
    std::string summary = "edited " + describe_entry(edited, now);
    change.commit(summary);
    if (!options.quiet) print(context.show(summary) + "\n");
}

}  // namespace

void register_edit(CLI::App& app, Context& context) {
    auto options = std::make_shared<EditOptions>();
    CLI::App* edit = &app;
    edit->add_option("ID", options->id, "the entry's id, as 'pie history' shows it")->required();
    edit->add_option("--at", options->at, "when it happened, e.g. 'yesterday 18:30'")->type_name("WHEN");
    edit->add_option("-d,--duration", options->duration, "how long: 45m, 2h, 1h30m, 1.5h, 1:30");
    edit->add_flag("--no-duration", options->no_duration, "make it an occurrence with no minutes");
    edit->add_option("--slice", options->slice, "move it to this slice (not a retired one)")->type_name("SLICE");
    edit->add_option("--note", options->note, "the new note ('' clears it)")->type_name("TEXT");
    edit->add_option("-t,--tag", options->tags, "add a tag (repeatable)")->allow_extra_args(false)->type_name("TAG");
    edit->add_option("--untag", options->untags, "remove a tag, matched exactly (repeatable)")
        ->allow_extra_args(false)
        ->type_name("TAG");
    edit->add_flag("-q,--quiet", options->quiet, "print nothing");
    set_examples(edit,
                 "  pie edit 42 --duration 1h30m\n"
                 "  pie edit 42 --at 'yesterday 18:30' --slice family\n"
                 "  pie edit 42 --note 'peer consultation group' -t peer --untag misc\n"
                 "  pie edit 42 --no-duration\n");
    edit->callback([options, edit, &context] { run_edit(*options, *edit, context); });
}

}  // namespace pie
