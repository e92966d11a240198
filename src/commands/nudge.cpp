// pie nudge [--all] [--format text|json]   (§11): one kind line, or nothing, for a prompt.

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/format/nudge.hpp>
#include <pie/nudge.hpp>

#include <memory>

namespace pie {

namespace {

struct NudgeOptions {
    bool all = false;
    std::string format = "text";
};

void run_nudge(const NudgeOptions& options, Context& context) {
    std::vector<Nudge> nudges;
    std::error_code ec;
    if (std::filesystem::exists(context.db_path(), ec)) {  // a missing database: nothing, created never
        // Busy (a writer in the way): nothing rather than a wait before the prompt.
        if (std::optional<NudgeFacts> facts = Store::nudge_facts(context.db_path(), context.now())) {
            nudges = compute_nudges(*facts);
        }
    }
    if (!options.all && nudges.size() > 1) nudges.resize(1);
    if (options.format == "json") {
        print(render_nudges_json(nudges));
    } else {
        print(render_nudges_text(nudges, context.ascii(), context.options.color == "always"));
    }
}

}  // namespace

void register_nudge(CLI::App& app, Context& context) {
    auto options = std::make_shared<NudgeOptions>();
    CLI::App* nudge = &app;
    nudge->add_flag("--all", options->all, "every candidate, one per line, most timely first");
    nudge->add_option("--format", options->format, "text (default) or json")->check(CLI::IsMember({"text", "json"}));
    set_examples(nudge,
                 "  pie nudge                   # e.g. 'social has been quiet for 12 days ...'\n"
                 "  pie nudge --all             # every candidate\n"
                 "  PROMPT_COMMAND='pie nudge'  # bash: see README for zsh, login and cron\n");
    nudge->callback([options, &context] { run_nudge(*options, context); });
}

}  // namespace pie
