#pragma once

// The commands of pie, one file each under src/commands/, and the table that names them.

#include <pie/context.hpp>

#include <CLI/CLI.hpp>

#include <string_view>

namespace pie {

// A command of pie: a row of k_commands.
struct Command {
    std::string_view name;     // as typed: `pie NAME`
    std::string_view summary;  // its line in `pie --help`
    // Gives the command pie::run made for this row (named, summarised) its options, subcommands
    // and callback; the callback does the work through the Context. Positional options take
    // the words typed after `--` too (a NOTE or NAME may start with '-' that way).
    void (*add)(CLI::App& command, Context& context);
};

void register_log(CLI::App& command, Context& context);
void register_rate(CLI::App& command, Context& context);
void register_goals(CLI::App& command, Context& context);
void register_report(CLI::App& command, Context& context);
void register_trend(CLI::App& command, Context& context);
void register_calendar(CLI::App& command, Context& context);
void register_review(CLI::App& command, Context& context);
void register_nudge(CLI::App& command, Context& context);
void register_history(CLI::App& command, Context& context);
void register_edit(CLI::App& command, Context& context);
void register_rm(CLI::App& command, Context& context);
void register_undo(CLI::App& command, Context& context);
void register_slices(CLI::App& command, Context& context);
void register_export(CLI::App& command, Context& context);
void register_import(CLI::App& command, Context& context);
void register_sync(CLI::App& command, Context& context);
void register_completion(CLI::App& command, Context& context);

// Every command, in the order `pie --help` lists them: the one place a command is named. Help,
// dispatch and the test that checks the man page, completions and README (tests/shell/commands)
// all read it.
inline constexpr Command k_commands[] = {
    {"log", "Log what you did for a slice", register_log},
    {"rate", "Rate how satisfied you are with a slice, 1-10", register_rate},
    {"goals", "Goals per slice, with progress in the current period", register_goals},
    {"report", "Show where attention went, how each slice feels, the balance, and goal progress", register_report},
    {"trend", "Show how the pie changed over the last weeks or months", register_trend},
    {"calendar", "Show a heatmap of the days of the last weeks", register_calendar},
    {"review", "The weekly check-in: ratings, goals and one intention, as one change", register_review},
    {"nudge", "One kind line, or nothing, for a shell prompt or a login", register_nudge},
    {"history", "List logged entries, oldest first, with their ids", register_history},
    {"edit", "Change an entry's time, duration, slice, note or tags", register_edit},
    {"rm", "Delete entries by id ('pie undo' brings them back)", register_rm},
    {"undo", "Revert the most recent change (log, rm, rate, slices, ...)", register_undo},
    {"slices", "List the slices of your pie, or change them", register_slices},
    {"export", "Write everything as JSON, or entries as CSV, to stdout", register_export},
    {"import", "Read a pie export, CSV entries or Timewarrior's export into your pie", register_import},
    {"sync", "Exchange changes with your other devices through a shared folder", register_sync},
    {"completion", "Print a completion script for bash, zsh or fish", register_completion},
};

}  // namespace pie
