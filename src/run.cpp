#include <pie/run.hpp>

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/slice.hpp>
#include <pie/store.hpp>
#include <pie/text.hpp>

#include <CLI/CLI.hpp>
#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>

#include <algorithm>
#include <ctime>
#include <iterator>
#include <optional>
#include <string_view>
#include <vector>

namespace pie {

namespace {

constexpr int k_exit_runtime = 1;
constexpr int k_exit_usage = 2;

int fail(int code, std::string_view message, std::string_view hint = {}) {
    fmt::print(stderr, "pie: error: {}\n", display_text(message, false));
    if (!hint.empty()) fmt::print(stderr, "hint: {}\n", display_text(hint, false));
    return code;
}

// CLI11 reports an unknown command as a missing one or an unexpected argument; say it the way
// git does.
int fail_parse(const CLI::ParseError& e, CLI::App& app) {
    std::vector<std::string> extras = app.remaining();
    if (app.get_subcommands().empty() && !extras.empty() && !extras.front().starts_with('-')) {
        std::string closest;
        std::size_t best = 0;
        for (const CLI::App* command : app.get_subcommands(nullptr)) {
            std::size_t distance = edit_distance(extras.front(), command->get_name());
            if (closest.empty() || distance < best) {
                closest = command->get_name();
                best = distance;
            }
        }
        return fail(k_exit_usage, fmt::format("unknown command '{}'", extras.front()),
                    fmt::format("did you mean '{}'? ('pie --help' lists the commands)", closest));
    }
    if (app.get_subcommands().empty() && dynamic_cast<const CLI::RequiredError*>(&e)) {
        return fail(k_exit_usage, "a command is required", "'pie --help' lists the commands");
    }
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
        // Gathered from the command up through its parents (fallthrough), in the order typed.
        const CLI::App* command = &app;
        while (!command->get_subcommands().empty()) command = command->get_subcommands().front();
        std::vector<std::string> unexpected = command->remaining();
        for (const CLI::App* c = command; c; c = c->get_parent()) {
            for (const std::string& arg : c->remaining()) {
                if (std::find(unexpected.begin(), unexpected.end(), arg) == unexpected.end()) unexpected.push_back(arg);
            }
        }
        std::string message = unexpected.size() == 1
                                  ? fmt::format("unexpected argument '{}'", unexpected.front())
                                  : fmt::format("unexpected arguments: {}", fmt::join(unexpected, " "));
        std::string path;
        for (const CLI::App* c = command; c && c->get_parent(); c = c->get_parent()) path = " " + c->get_name() + path;
        return fail(k_exit_usage, message, fmt::format("'pie{} --help' shows how to use it", path));
    }
    std::string hint = app.get_subcommands().empty()
                           ? "'pie --help' shows how to use pie"
                           : fmt::format("'pie {} --help' shows how to use it", app.get_subcommands().front()->get_name());
    return fail(k_exit_usage, e.what(), hint);
}

// The names of k_commands, in its order.
constexpr std::string_view k_command_names[] = {"log",  "rate",   "goals",  "report", "trend", "calendar", "history", "edit",  "rm",
                                                "undo", "slices", "export", "import", "completion"};
static_assert(std::size(k_command_names) == std::size(k_commands));

// The command `args` name when nothing before it but global options (--db PATH, --color WHEN,
// --ascii) needs the others: then only that command is built, which is a fifth of the start-up
// of `pie log`. Anything else (--help, a typo, no command) builds them all.
std::optional<std::size_t> named_command(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--db" || arg == "--color") {
            ++i;
            continue;
        }
        if (arg == "--ascii" || arg.starts_with("--db=") || arg.starts_with("--color=")) continue;
        if (arg.starts_with('-')) return std::nullopt;
        auto found = std::find(std::begin(k_command_names), std::end(k_command_names), arg);
        if (found == std::end(k_command_names)) return std::nullopt;
        return static_cast<std::size_t>(found - std::begin(k_command_names));
    }
    return std::nullopt;
}

}  // namespace

int run(int argc, char** argv) {
    tzset();
    Context context;
    CLI::App app("pie: a life-balance tracker for the terminal. Log what you do for each slice of your\n"
                 "life, rate how each feels, and see in a report where your attention went.",
                 "pie");
    app.set_version_flag("--version", "pie " PIE_VERSION);
    app.add_option("--db", context.options.db,
                   "the database file (default: $PIE_DB, else $XDG_DATA_HOME/pie/pie.db, else "
                   "~/.local/share/pie/pie.db)");
    app.add_option("--color", context.options.color, "auto (default), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_flag("--ascii", context.options.ascii, "7-bit ASCII output only");
    app.require_subcommand(1);
    app.fallthrough();
    std::vector<std::string> args(argv + 1, argv + argc);
    if (auto named = named_command(args)) {
        k_commands[*named](app, context);
    } else {
        for (auto register_command : k_commands) register_command(app, context);
    }
    set_examples(&app,
                 "  pie log social 45m peer consultation\n"
                 "  pie rate social 4\n"
                 "  pie history --since mon\n"
                 "  pie undo\n"
                 "  pie <command> --help     # more about one command\n");

    // Words after the first `--` are kept from CLI11, which would end the subcommand there.
    auto dashes = std::find(args.begin(), args.end(), "--");
    if (dashes != args.end()) {
        words_after_dashes().assign(dashes + 1, args.end());
        args.erase(dashes, args.end());
    }
    std::reverse(args.begin(), args.end());  // CLI11 takes them last first

    int code = 0;
    try {
        bool takes_words = std::any_of(args.begin(), args.end(), [](const std::string& arg) {
            return arg == "log" || arg == "rate" || arg == "add" || arg == "rm";
        });
        if (!takes_words && !words_after_dashes().empty()) {
            throw UserError("words after '--' are only for 'pie log', 'pie rate', 'pie goals add' and 'pie rm'");
        }
        app.parse(args);
    } catch (const CLI::CallForHelp&) {
        fmt::print("{}", app.help());
    } catch (const CLI::CallForAllHelp&) {
        fmt::print("{}", app.help("", CLI::AppFormatMode::All));
    } catch (const CLI::CallForVersion& e) {
        fmt::print("{}\n", e.what());
    } catch (const CLI::ParseError& e) {
        code = fail_parse(e, app);
    } catch (const UserError& e) {
        code = fail(k_exit_usage, e.what(), e.hint());
    } catch (const Error& e) {
        code = fail(k_exit_runtime, e.what(), e.hint());
    } catch (const SQLite::Exception& e) {
        Error error = database_error(context.db_path(), e, "database");
        code = fail(k_exit_runtime, error.what(), error.hint());
    } catch (const std::exception& e) {
        code = fail(k_exit_runtime, e.what());
    }
    // A database this run created but wrote no change to goes again: reading or failing
    // leaves nothing behind.
    context.discard_unused_new_database();
    return code;
}

}  // namespace pie
