// pie log SLICE [DURATION] [NOTE...] [--at WHEN] [-t TAG]... [-d DURATION] [-q]   (§3)

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace pie {

namespace {

struct LogOptions {
    std::vector<std::string> words;       // SLICE, then maybe a DURATION, then the note
    std::optional<std::string> duration;  // given empty (-d ''), a malformed DURATION
    std::optional<std::string> at;
    std::vector<std::string> tags;
    bool quiet = false;
};

void run_log(LogOptions options, Context& context) {
    Instant now = context.now();
    for (std::size_t i = 1; i < options.words.size(); ++i) require_utf8(options.words[i], "the note");
    require_tags(options.tags);

    Entry entry;
    std::size_t note_from = 1;
    if (options.duration) entry.minutes = parse_duration(*options.duration);
    if (options.words.size() > 1 && looks_like_duration(options.words[1])) {
        if (entry.minutes) {
            throw UserError(fmt::format("two durations: '{}' and --duration {}", options.words[1], *options.duration));
        }
        entry.minutes = parse_duration(options.words[1]);
        note_from = 2;
    }
    entry.note = join_words(options.words, note_from);
    entry.tags = options.tags;
    entry.at = resolve_at(options.at, now);

    Store& store = context.write_store();
    std::vector<Slice> slices = store.slices();
    const Slice& slice = require_active(resolve_slice(options.words.front(), slices));
    entry.slice_id = slice.id;
    entry.slice = slice.name;

    auto change = store.change(now);
    entry.id = store.add_entry(entry);
    std::string summary = "logged " + describe_entry(entry, now);
    change.commit(summary);
    if (!options.quiet) print(context.show(summary) + "\n");
}

}  // namespace

void register_log(CLI::App& command, Context& context) {
    auto options = std::make_shared<LogOptions>();
    CLI::App* log = &command;
    log->add_option("SLICE", options->words,
                    "the slice (a unique prefix will do), then optionally a DURATION, then a note "
                    "(after '--' a note may start with '-')")
        ->required();
    log->add_option("-d,--duration", options->duration, "how long: 45m, 2h, 1h30m, 1.5h, 1:30");
    log->add_option("--at", options->at, "when it happened (default: now), e.g. 'yesterday 18:30', '2h ago'")
        ->type_name("WHEN");
    // One word per -t: the words after it stay note text.
    log->add_option("-t,--tag", options->tags, "a tag (repeatable)")->allow_extra_args(false)->type_name("TAG");
    log->add_flag("-q,--quiet", options->quiet, "print nothing");
    set_examples(log,
                 "  pie log social 45m peer consultation\n"
                 "  pie log health 1h30m run --at 'yesterday 07:00'\n"
                 "  pie log spiritual meditation -t morning\n"
                 "  pie log fam 2h dinner with my sister\n"
                 "  pie log mental 20m -- -5 degrees, walked anyway\n");
    log->callback([options, &context] { run_log(*options, context); });
}

}  // namespace pie
