#include <pie/commands/common.hpp>

#include <pie/error.hpp>
#include <pie/format/report.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace pie {

std::string describe_entry(const Entry& entry, Instant now) {
    std::string out = fmt::format("#{} {}", entry.id, entry.slice);
    if (entry.minutes) out += " " + format_duration(*entry.minutes);
    if (!entry.note.empty()) out += fmt::format(" \"{}\"", entry.note);
    for (const std::string& tag : entry.tags) out += " +" + tag;
    return out + " " + format_short(entry.at, now);
}

int parse_number(const std::string& text, std::string_view option, int low, int high) {
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec == std::errc::invalid_argument || end != text.data() + text.size()) {
        throw UserError(fmt::format("invalid {} '{}'", option, text),
                        fmt::format("a whole number from {} to {}", low, high));
    }
    if (ec == std::errc::result_out_of_range || value < low || value > high) {
        throw UserError(fmt::format("{} {} is out of range: it must be from {} to {}", option, text, low, high));
    }
    return value;
}

// The largest --width: wider than any terminal.
constexpr int k_max_width = 1000;

int output_width(const std::string& text, Context& context) {
    if (!text.empty()) return parse_number(text, "--width", k_min_width, k_max_width);
    return std::max(k_min_width, context.terminal_width().value_or(80));
}

std::vector<SliceFacts> report_facts(Store& store, const ReportPeriod& period) {
    Instant last_instant = period.to - 1;
    std::vector<SliceFacts> slices;
    for (Slice& slice : store.slices()) {
        SliceFacts facts;
        facts.totals = store.slice_totals(slice.id, period.from, period.to);
        facts.last_logged = store.last_logged(slice.id, period.to);
        if (auto rating = store.latest_rating(slice.id, last_instant)) {
            facts.rating = rating->score;
            facts.rating_at = rating->at;
        }
        if (auto rating = store.latest_rating(slice.id, period.from - 1)) facts.rating_before = rating->score;
        facts.retired_at_end = store.retired_by_history(slice.id, period.to).value_or(false);
        facts.slice = std::move(slice);
        slices.push_back(std::move(facts));
    }
    return slices;
}

Instant resolve_at(const std::optional<std::string>& at, Instant now) {
    if (!at) return now;
    Instant when = parse_when(*at, now).at;
    if (when > now + k_day) {
        throw UserError(fmt::format("--at '{}' is more than a day in the future", *at));
    }
    return when;
}

RecordQuery time_range(const std::string& since, const std::string& until, Instant now) {
    RecordQuery query;
    if (!since.empty()) query.since = parse_when(since, now).at;
    if (!until.empty()) query.until = parse_until(until, now);
    if (query.since && query.until && *query.since >= *query.until) {
        throw UserError(fmt::format("--since '{}' is not before --until '{}'", since, until));
    }
    return query;
}

std::string join_words(const std::vector<std::string>& words, std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < words.size(); ++i) {
        if (i > from) out += ' ';
        out += words[i];
    }
    return out;
}

std::int64_t parse_id(std::string_view text) {
    std::string_view digits = text.starts_with('#') ? text.substr(1) : text;
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || id <= 0) {
        throw UserError(fmt::format("invalid id '{}'", text), "ids are the numbers 'pie history' and 'pie goals' show");
    }
    return id;
}

void set_examples(CLI::App* command, std::string_view examples) {
    command->footer(fmt::format("\nExamples:\n{}", examples));
}

void print(std::string_view text) { fmt::print("{}", text); }

}  // namespace pie
