// pie undo   (§3): revert the most recent change of any command; again to go further back.

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>

namespace pie {

namespace {

void run_undo(Context& context) {
    std::optional<std::string> summary;
    if (Store* store = context.existing_store()) summary = store->undo(context.now());
    if (!summary) throw Error("nothing to undo");
    print(context.show("undone: " + *summary) + "\n");
}

}  // namespace

void register_undo(CLI::App& command, Context& context) {
    CLI::App* undo = &command;
    set_examples(undo,
                 "  pie undo          # revert the last change\n"
                 "  pie undo; pie undo  # and the one before it\n");
    undo->callback([&context] { run_undo(context); });
}

}  // namespace pie
