#include <pie/run.hpp>

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/slice.hpp>
#include <pie/store.hpp>
#include <pie/text.hpp>

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <ctime>
#include <memory>
#include <optional>
#include <sstream>
#include <string_view>
#include <vector>

namespace pie {

namespace {

constexpr int k_exit_runtime = 1;
constexpr int k_exit_usage = 2;
constexpr std::size_t k_help_width = 80;

int fail(int code, std::string_view message, std::string_view hint = {}) {
    fmt::print(stderr, "pie: error: {}\n", display_text(message, false));
    if (!hint.empty()) fmt::print(stderr, "hint: {}\n", display_text(hint, false));
    return code;
}

// `text` with its lines broken at spaces to at most `width` columns (help text is ASCII).
std::string wrap_help(std::string_view text, std::size_t width) {
    std::string out;
    std::size_t line_start = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = std::min(text.find_first_of(" \n", pos), text.size());
        bool fits = out.size() == line_start || out.size() - line_start + 1 + (end - pos) <= width;
        if (out.size() > line_start) out += fits ? " " : "\n";
        if (!fits) line_start = out.size();
        out.append(text.substr(pos, end - pos));
        if (end < text.size() && text[end] == '\n') {
            out += '\n';
            line_start = out.size();
        }
        pos = end + 1;
    }
    return out;
}

// CLI11's help with each description of an option or a command wrapped to fit 80 columns.
class HelpFormatter : public CLI::Formatter {
public:
    std::string make_option_desc(const CLI::Option* option) const override {
        return wrap_help(CLI::Formatter::make_option_desc(option), k_help_width - get_column_width());
    }
    std::string make_subcommand(const CLI::App* command) const override {
        std::stringstream out;
        CLI::detail::format_help(out, command->get_display_name(true),
                                 wrap_help(command->get_description(), k_help_width - get_column_width()),
                                 get_column_width());
        return out.str();
    }
};

// The command chosen: the innermost subcommand parsed (the app itself when none was).
CLI::App& chosen_command(CLI::App& app) {
    CLI::App* command = &app;
    while (!command->get_subcommands().empty()) command = command->get_subcommands().front();
    return *command;
}

// `pie goals add` for the app of `goals add`.
std::string help_path(const CLI::App& command) {
    std::string path;
    for (const CLI::App* c = &command; c->get_parent(); c = c->get_parent()) path = " " + c->get_name() + path;
    return "pie" + path;
}

// Where to read how to use `command` (the app: pie itself).
std::string help_hint(const CLI::App& command) {
    if (!command.get_parent()) return "'pie --help' shows how to use pie";
    return fmt::format("'{} --help' shows how to use it", help_path(command));
}

// Words `command` has no place for, as a usage error.
UserError unexpected_words(const CLI::App& command, const std::vector<std::string>& words) {
    std::string message = words.size() == 1 ? fmt::format("unexpected argument '{}'", words.front())
                                            : fmt::format("unexpected arguments: {}", fmt::join(words, " "));
    return UserError(message, help_hint(command));
}

// Words typed after `--` are positional words of the command chosen, as if typed before `--`
// but never read as an option or a command. CLI11 would end the command at `--`, so run takes
// them out before parsing, and a hidden option of the app (there only when words follow `--`)
// hands them over in its callback, which CLI11 always runs (forced) after parsing, before it
// stores the command's options and checks the required ones. Each word goes to the first positional with room, as a
// word typed before
// `--` would; a command with no room for them refuses them.
void hand_over_words_after_dashes(CLI::App& app, std::vector<std::string> words) {
    if (words.empty()) return;
    auto hand_over = [&app, words](const CLI::results_t&) {
        CLI::App& command = chosen_command(app);
        std::vector<std::string> unexpected;
        for (const std::string& word : words) {
            std::vector<CLI::Option*> positionals = command.get_options([](CLI::Option* option) {
                return option->get_positional() &&
                       (static_cast<int>(option->count()) < option->get_items_expected_min() ||
                        option->get_allow_extra_args());
            });
            if (positionals.empty()) {
                unexpected.push_back(word);
            } else {
                positionals.front()->add_result(word);
            }
        }
        if (!unexpected.empty()) throw unexpected_words(command, unexpected);
        return true;
    };
    app.add_option("--words-after-dashes", CLI::callback_t(hand_over))->group("")->force_callback();
}

// The app that has the option CLI11 calls `name`: `command` or, for a global option, one above.
const CLI::App* option_owner(const CLI::App& command, const std::string& name) {
    for (const CLI::App* c = &command; c; c = c->get_parent()) {
        if (c->get_option_no_throw(name)) return c;
    }
    return nullptr;
}

// `a, b or c`
std::string one_of(const std::vector<std::string>& choices) {
    if (choices.size() < 2) return fmt::format("{}", fmt::join(choices, ""));
    return fmt::format("{} or {}", fmt::join(choices.begin(), choices.end() - 1, ", "), choices.back());
}

// A parse error of `command` in pie's words. CLI11 2.1 says "Could not convert: --times = abc",
// "--quiet: Should be true/false or a number", "--db: 1 required TEXT missing", "--db: At Most 1
// required but received 2" or "--color: blue not in {auto,always,never}"; other errors (such as
// "SLICE is required") are pie's words already.
UserError in_pie_words(const CLI::ParseError& e, const CLI::App& command) {
    std::string what = e.what();
    constexpr std::string_view k_conversion = "Could not convert: ";
    std::size_t equals = what.find(" = ");
    bool converting =
        dynamic_cast<const CLI::ConversionError*>(&e) && what.starts_with(k_conversion) && equals != std::string::npos;
    std::string name =
        converting ? what.substr(k_conversion.size(), equals - k_conversion.size()) : what.substr(0, what.find(": "));
    std::string detail = what.substr(std::min(what.size(), name.size() + 2));
    const CLI::App* owner = option_owner(command, name);
    const CLI::Option* option = owner ? owner->get_option_no_throw(name) : nullptr;
    std::size_t set = detail.find(" not in {");
    std::size_t excludes = what.find(" excludes ");
    std::string message = what;
    if (converting && option && option->get_expected_max() == 0) {
        message = fmt::format("{} takes no value", name);  // a flag
    } else if (converting) {
        std::string value = what.substr(equals + 3);
        bool whole = option && option->get_type_name().find("INT") != std::string::npos;
        std::size_t sign = value.starts_with('-') ? 1 : 0;
        bool digits = value.size() > sign && value.find_first_not_of("0123456789", sign) == std::string::npos;
        message = whole && digits ? fmt::format("{} '{}' is out of range", name, value)
                                  : fmt::format("{} '{}' is not a {}", name, value, whole ? "whole number" : "number");
    } else if (dynamic_cast<const CLI::ConversionError*>(&e)) {
        message = fmt::format("{} takes no value", name);
    } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) && detail.ends_with(" missing")) {
        message = fmt::format("{} needs a value", name);
    } else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) && detail.starts_with("At Most ")) {
        message = fmt::format("{} is given more than once", name);
    } else if (dynamic_cast<const CLI::ValidationError*>(&e) && set != std::string::npos && detail.ends_with('}')) {
        std::vector<std::string> choices = CLI::detail::split(detail.substr(set + 9, detail.size() - set - 10), ',');
        message = fmt::format("{} '{}' must be {}", name, detail.substr(0, set), one_of(choices));
    } else if (dynamic_cast<const CLI::ExcludesError*>(&e) && excludes != std::string::npos) {
        // "add excludes --names": a subcommand by its path, as typed.
        std::string first = what.substr(0, excludes);
        if (first == command.get_name()) first = "'" + help_path(command) + "'";
        message = fmt::format("{} and {} cannot be used together", first, what.substr(excludes + 10));
    }
    return UserError(message, help_hint(owner ? *owner : command));
}

// CLI11's parse errors in pie's words. An unknown command is said the way git does.
int fail_parse(const CLI::ParseError& e, CLI::App& app) {
    std::vector<std::string> extras = app.remaining();
    if (app.get_subcommands().empty() && !extras.empty() && !extras.front().starts_with('-')) {
        std::vector<std::string_view> names;
        for (const Command& command : k_commands) names.push_back(command.name);
        std::optional<std::size_t> closest = closest_name(extras.front(), names, typo_limit(extras.front()));
        std::string hint = closest
                               ? fmt::format("did you mean '{}'? ('pie --help' lists the commands)", names[*closest])
                               : "'pie --help' lists the commands";
        return fail(k_exit_usage, fmt::format("unknown command '{}'", extras.front()), hint);
    }
    if (app.get_subcommands().empty() && dynamic_cast<const CLI::RequiredError*>(&e)) {
        return fail(k_exit_usage, "a command is required", "'pie --help' lists the commands");
    }
    const CLI::App& command = chosen_command(app);
    if (dynamic_cast<const CLI::ExtrasError*>(&e)) {
        // Gathered from the command up through its parents (fallthrough), in the order typed.
        std::vector<std::string> unexpected = command.remaining();
        for (const CLI::App* c = &command; c; c = c->get_parent()) {
            for (const std::string& arg : c->remaining()) {
                if (std::find(unexpected.begin(), unexpected.end(), arg) == unexpected.end()) unexpected.push_back(arg);
            }
        }
        UserError error = unexpected_words(command, unexpected);
        return fail(k_exit_usage, error.what(), error.hint());
    }
    UserError error = in_pie_words(e, command);
    return fail(k_exit_usage, error.what(), error.hint());
}

// The row of the command `args` name when nothing before it but global options (--db PATH,
// --color WHEN, --ascii) needs the others: then only that command is built, which is a fifth of
// the start-up of `pie log`. Anything else (--help, a typo, no command) builds them all.
const Command* named_command(const std::vector<std::string>& args) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg == "--db" || arg == "--color") {
            ++i;
            continue;
        }
        if (arg == "--ascii" || arg.starts_with("--db=") || arg.starts_with("--color=")) continue;
        if (arg.starts_with('-')) return nullptr;
        auto row = std::find_if(std::begin(k_commands), std::end(k_commands),
                                [&arg](const Command& command) { return command.name == arg; });
        return row == std::end(k_commands) ? nullptr : row;
    }
    return nullptr;
}

}  // namespace

int run(int argc, char** argv) {
    tzset();
    Context context;
    CLI::App app(
        "pie: a life-balance tracker for the terminal. Log what you do for each slice of\n"
        "your life, rate how each feels, and see in a report where your attention went.",
        "pie");
    app.formatter(std::make_shared<HelpFormatter>());
    app.set_version_flag("--version", "pie " PIE_VERSION);
    app.add_option("--db", context.options.db,
                   "the database file (default: $PIE_DB, else $XDG_DATA_HOME/pie/pie.db, else "
                   "~/.local/share/pie/pie.db)");
    app.add_option("--color", context.options.color, "auto (default), always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    app.add_flag("--ascii", context.options.ascii, "7-bit ASCII output only");
    app.require_subcommand(1);
    app.fallthrough();
    set_examples(&app,
                 "  pie log social 45m peer consultation\n"
                 "  pie rate social 4\n"
                 "  pie history --since mon\n"
                 "  pie undo\n"
                 "  pie <command> --help     # more about one command\n");

    std::vector<std::string> args(argv + 1, argv + argc);
    auto dashes = std::find(args.begin(), args.end(), "--");
    std::vector<std::string> words(dashes == args.end() ? dashes : dashes + 1, args.end());
    args.erase(dashes, args.end());
    const Command* named = named_command(args);
    for (const Command& command : k_commands) {
        if (named && named != &command) continue;
        command.add(*app.add_subcommand(std::string(command.name), std::string(command.summary)), context);
    }
    hand_over_words_after_dashes(app, std::move(words));
    std::reverse(args.begin(), args.end());  // CLI11 takes them last first

    int code = 0;
    try {
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
