// pie import [FILE|-] [--format json|csv|timewarrior] [--map TAG=SLICE]... [--dry-run]   (§7)

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/import.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>

namespace pie {

namespace {

struct ImportOptions {
    std::string file;  // empty: stdin, as "-"
    std::string format;
    std::vector<std::string> maps;
    bool dry_run = false;
};

// --map TAG=SLICE options as a map from tag (lowercase: tags match ignoring ASCII case) to slice
// name; the slices are resolved like any slice on the command line (a unique prefix will do).
std::map<std::string, std::string> parse_maps(const std::vector<std::string>& maps, const std::vector<Slice>& slices) {
    std::map<std::string, std::string> out;
    for (const std::string& map : maps) {
        require_utf8(map, "--map");
        auto equals = map.find('=');
        if (equals == std::string::npos || equals == 0 || equals + 1 == map.size()) {
            throw UserError(fmt::format("invalid --map '{}'", map), "--map TAG=SLICE, e.g. --map gym=health-fitness");
        }
        std::string tag = lower_ascii(map.substr(0, equals));
        if (out.contains(tag)) throw UserError(fmt::format("--map gives tag '{}' twice", tag));
        out[tag] = resolve_slice(map.substr(equals + 1), slices).name;
    }
    return out;
}

// Opens the input: a file, or stdin for "-".
std::unique_ptr<std::istream> open_input(const std::string& file) {
    std::string path = file == "-" ? "/dev/stdin" : file;
    auto in = std::make_unique<std::ifstream>(path, std::ios::binary);
    std::error_code ec;
    if (!*in || std::filesystem::is_directory(path, ec)) {
        int error = errno;
        throw UserError(fmt::format("cannot read {}: {}", file == "-" ? "stdin" : "'" + file + "'",
                                    std::filesystem::is_directory(path, ec) ? "is a directory" : std::strerror(error)));
    }
    return in;
}

// Reads a leading UTF-8 byte-order mark (a spreadsheet's CSV often starts with one), if any.
void skip_byte_order_mark(std::istream& in) {
    if (in.peek() != 0xEF) return;
    in.get();
    if (in.peek() != 0xBB) {
        in.putback('\xEF');  // one character back is always possible
        return;
    }
    in.get();
    if (in.get() != 0xBF) throw UserError("line 1: not valid UTF-8");
}

// Reads the input's byte-order mark and leading blank bytes and names the format its first other
// byte implies (§7): '{' json, '[' timewarrior, anything else csv. Counts the lines it read in
// `lines`.
std::string sniff_format(std::istream& in, std::size_t& lines) {
    skip_byte_order_mark(in);
    for (int c = in.peek(); c == ' ' || c == '\t' || c == '\r' || c == '\n'; c = in.peek()) {
        if (in.get() == '\n') ++lines;
    }
    int first = in.peek();
    return first == '{' ? "json" : first == '[' ? "timewarrior" : "csv";
}

void run_import(ImportOptions options, Context& context) {
    Instant now = context.now();
    if (options.file.empty()) {
        if (context.stdin_is_terminal()) {
            throw UserError("nothing to import: give a FILE, or pipe the data in",
                            "e.g. pie import backup.json, or timew export | pie import");
        }
        options.file = "-";
    }
    std::string source = options.file == "-" ? "stdin" : options.file;
    std::unique_ptr<std::istream> in = open_input(options.file);
    std::size_t blank_lines = 0;
    std::string format;
    try {
        format = sniff_format(*in, blank_lines);
    } catch (const UserError& e) {
        throw UserError(fmt::format("{}: {}", source, e.what()), e.hint());
    }
    if (!options.format.empty()) format = options.format;
    if (format == "json" && !options.maps.empty()) {
        throw UserError("--map is for csv and timewarrior imports", "a pie export names its slices itself");
    }
    if (in->peek() == std::char_traits<char>::eof())
        throw UserError(fmt::format("{}: nothing to import: it is empty", source));

    // A dry run on a missing database reads as on a new one, which lives in memory only.
    Store* existing = options.dry_run ? context.existing_store() : &context.write_store();
    Store& store = existing ? *existing : context.read_store();
    std::map<std::string, std::string> tag_map = parse_maps(options.maps, store.slices());

    auto change = store.change(now);
    ImportSession session(store, std::move(tag_map), now);
    try {
        if (format == "json") {
            session.read_json(*in);
        } else if (format == "timewarrior") {
            session.read_timewarrior(*in);
        } else {
            session.read_csv(*in, blank_lines + 1);
        }
    } catch (const UserError& e) {
        throw UserError(fmt::format("{}: {}", source, e.what()), e.hint());
    }
    if (in->bad()) throw Error(fmt::format("reading {}: {}", source, std::strerror(errno)));

    const ImportCounts& counts = session.counts();
    for (const std::string& line : session.skipped()) fmt::print(stderr, "pie: {}\n", context.show(line));
    if (options.dry_run) {
        print(fmt::format("dry run: {}; nothing written\n", counts.describe()));
        return;  // the change rolls back
    }
    if (counts.changes()) change.commit(fmt::format("import from {}: {}", source, counts.describe_changes()));
    print(fmt::format("imported: {}\n", counts.describe()));
}

}  // namespace

void register_import(CLI::App& app, Context& context) {
    auto options = std::make_shared<ImportOptions>();
    CLI::App* command = &app;
    command->add_option("FILE", options->file, "the file to read; '-' or none for stdin");
    command
        ->add_option("--format", options->format,
                     "json, csv or timewarrior (default: from the first byte: '{' json, '[' timewarrior, else csv)")
        ->check(CLI::IsMember({"json", "csv", "timewarrior"}));
    command->add_option("--map", options->maps, "file entries tagged TAG (csv: of slice TAG) under SLICE (repeatable)")
        ->type_name("TAG=SLICE");
    command->add_flag("-n,--dry-run", options->dry_run, "report what would be imported, write nothing");
    set_examples(command,
                 "  pie import pie-backup.json\n"
                 "  ssh laptop pie export | pie import       # merge another machine's data\n"
                 "  pie import november.csv --dry-run\n"
                 "  timew export | pie import --map gym=health-fitness --map choir=social\n");
    command->callback([options, &context] { run_import(*options, context); });
}

}  // namespace pie
