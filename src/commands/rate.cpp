// pie rate SLICE SCORE [NOTE...] | pie rate SLICE=SCORE... | pie rate | pie rate --list   (§4)

#include <pie/commands/commands.hpp>
#include <pie/commands/common.hpp>
#include <pie/error.hpp>
#include <pie/format/rate.hpp>
#include <pie/score.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>

namespace pie {

namespace {

struct RateOptions {
    std::vector<std::string> words;
    std::optional<std::string> at;
    bool list = false;
    std::string slice;
    std::string format = "text";
};

// SLICE=SCORE pairs, or SLICE SCORE NOTE...: (typed slice, score, note) triples.
struct Typed {
    std::string slice;
    int score = 0;
    std::string note;
};

std::vector<Typed> parse_words(const std::vector<std::string>& words) {
    std::vector<Typed> typed;
    if (words.front().find('=') == std::string::npos) {
        if (words.size() < 2) {
            throw UserError(fmt::format("a rating for '{}' is missing", words.front()),
                            "pie rate SLICE SCORE [NOTE...], e.g. pie rate social 4");
        }
        typed.push_back({words[0], parse_score(words[1]), join_words(words, 2)});
        return typed;
    }
    for (const std::string& word : words) {
        auto eq = word.find('=');
        if (eq == std::string::npos) {
            throw UserError(fmt::format("expected SLICE=SCORE, got '{}'", word),
                            "pie rate social=4 career=6 (no notes in this form)");
        }
        if (eq == 0) {
            throw UserError(fmt::format("expected SLICE=SCORE, got '{}'", word),
                            "pie rate social=4 career=6 (no notes in this form)");
        }
        typed.push_back({word.substr(0, eq), parse_score(std::string_view(word).substr(eq + 1)), ""});
    }
    return typed;
}

// Asks for each active slice on the terminal; Enter skips, end of input stops.
std::vector<Typed> ask_ratings(Store& store, const std::vector<Slice>& slices, Instant at, Context& context) {
    std::vector<Typed> typed;
    print("Rate each slice, 1 (not at all satisfied) to 10 (fully satisfied); Enter skips.\n");
    for (const Slice& slice : slices) {
        if (slice.retired()) continue;
        std::optional<Rating> last = store.latest_rating(slice.id, at);
        std::string was = last ? fmt::format(" [was {}]", last->score) : "";
        for (;;) {
            print(context.show(fmt::format("{} ({}){}: ", slice.label, slice.name, was)));
            std::fflush(stdout);
            std::string line;
            if (!std::getline(std::cin, line)) {
                print("\n");
                return typed;
            }
            line.erase(0, line.find_first_not_of(" \t"));
            line.erase(line.find_last_not_of(" \t\r") + 1);
            if (line.empty()) break;
            if (auto score = read_score(line)) {
                typed.push_back({slice.name, *score, ""});
                break;
            }
            print("  please type a whole number from 1 to 10, or press Enter to skip\n");
        }
    }
    return typed;
}

void run_list(const RateOptions& options, Context& context) {
    if (!options.words.empty() || options.at) {
        throw UserError("--list takes no ratings and no --at", "pie rate --list [--slice SLICE]");
    }
    Store& store = context.read_store();
    RecordQuery query;
    if (!options.slice.empty()) query.slice_id = resolve_slice(options.slice, store.slices()).id;
    std::vector<Rating> ratings = store.ratings(query);
    if (options.format == "json") {
        print(render_ratings_json(ratings));
    } else if (options.format == "csv") {
        print(render_ratings_csv(ratings));
    } else {
        print(render_ratings_text(ratings, context.now(), context.terminal_width(), context.ascii()));
    }
}

void run_rate(RateOptions options, Context& context) {
    if (options.list) return run_list(options, context);
    if (!options.slice.empty() || options.format != "text") {
        throw UserError("--slice and --format go with --list");
    }
    Instant now = context.now();
    for (const std::string& word : options.words) require_utf8(word, "the note");
    Instant at = resolve_at(options.at, now);
    std::vector<Typed> typed;
    if (!options.words.empty()) {
        typed = parse_words(options.words);
    } else if (!context.stdin_is_terminal()) {
        throw UserError("nothing to rate", "pie rate SLICE SCORE, or SLICE=SCORE..., or run 'pie rate' on a terminal");
    }

    Store& store = context.write_store();
    std::vector<Slice> slices = store.slices();
    if (options.words.empty()) typed = ask_ratings(store, slices, at, context);
    if (typed.empty()) {
        print("Nothing rated.\n");
        return;
    }

    std::vector<Rating> ratings;
    for (const Typed& t : typed) {
        const Slice& slice = require_active(resolve_slice(t.slice, slices));
        bool twice =
            std::any_of(ratings.begin(), ratings.end(), [&](const Rating& r) { return r.slice_id == slice.id; });
        if (twice) throw UserError(fmt::format("slice '{}' rated twice", slice.name));
        Rating rating;
        rating.slice_id = slice.id;
        rating.slice = slice.name;
        rating.at = at;
        rating.score = t.score;
        rating.note = t.note;
        ratings.push_back(std::move(rating));
    }

    std::vector<std::string> lines, parts;
    for (const Rating& rating : ratings) {
        std::optional<Rating> before = store.latest_rating(rating.slice_id, at);
        std::string line = fmt::format("rated {} {}/10", rating.slice, rating.score);
        parts.push_back(fmt::format("{} {}/10", rating.slice, rating.score));
        if (before) line += fmt::format(" (was {})", before->score);
        if (!rating.note.empty()) line += fmt::format(" \"{}\"", rating.note);
        lines.push_back(line + " " + format_short(at, now));
    }
    auto change = store.change(now);
    for (const Rating& rating : ratings) store.add_rating(rating);
    change.commit(lines.size() == 1 ? lines.front() : fmt::format("rated {}", fmt::join(parts, ", ")));
    for (const std::string& line : lines) print(context.show(line) + "\n");
}

}  // namespace

void register_rate(CLI::App& command, Context& context) {
    auto options = std::make_shared<RateOptions>();
    CLI::App* rate = &command;
    rate->add_option("RATINGS", options->words, "SLICE SCORE [NOTE...], or SLICE=SCORE...");
    rate->add_option("--at", options->at, "when (default: now)")->type_name("WHEN");
    rate->add_flag("--list", options->list, "show the rating history");
    rate->add_option("--slice", options->slice, "with --list: only this slice");
    rate->add_option("--format", options->format, "with --list: text (default), json or csv")
        ->check(CLI::IsMember({"text", "json", "csv"}));
    set_examples(rate,
                 "  pie rate social 4 missing my peer group\n"
                 "  pie rate social=4 career=7 health=6\n"
                 "  pie rate                 # asks for each slice\n"
                 "  pie rate --list --slice social\n");
    rate->callback([options, &context] { run_rate(*options, context); });
}

}  // namespace pie
