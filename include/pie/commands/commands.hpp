#pragma once

// The commands of pie, one file each under src/commands/. Each adds its subcommand to the app,
// with an options struct and a callback that does the work through the Context.

#include <pie/context.hpp>

#include <CLI/CLI.hpp>

namespace pie {

void register_slices(CLI::App& app, Context& context);
void register_log(CLI::App& app, Context& context);
void register_history(CLI::App& app, Context& context);
void register_rm(CLI::App& app, Context& context);
void register_edit(CLI::App& app, Context& context);
void register_rate(CLI::App& app, Context& context);
void register_undo(CLI::App& app, Context& context);
void register_goals(CLI::App& app, Context& context);
void register_report(CLI::App& app, Context& context);
void register_trend(CLI::App& app, Context& context);
void register_calendar(CLI::App& app, Context& context);
void register_export(CLI::App& app, Context& context);
void register_import(CLI::App& app, Context& context);
void register_completion(CLI::App& app, Context& context);

// Every command, in the order `pie --help` lists them.
inline constexpr void (*k_commands[])(CLI::App&, Context&) = {
    register_log,    register_rate,   register_goals, register_report, register_trend, register_calendar, register_history,   register_edit, register_rm,
    register_undo,   register_slices, register_export, register_import, register_completion,
};

}  // namespace pie
