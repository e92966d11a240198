#include <pie/commands/common.hpp>

#include <pie/error.hpp>

#include <fmt/format.h>

#include <charconv>

namespace pie {

std::string describe_entry(const Entry& entry, Instant now) {
    std::string out = fmt::format("#{} {}", entry.id, entry.slice);
    if (entry.minutes) out += " " + format_duration(*entry.minutes);
    if (!entry.note.empty()) out += fmt::format(" \"{}\"", entry.note);
    for (const std::string& tag : entry.tags) out += " +" + tag;
    return out + " " + format_short(entry.at, now);
}

Instant resolve_at(const std::optional<std::string>& at, Instant now) {
    if (!at) return now;
    Instant when = parse_when(*at, now).at;
    if (when > now + 86400) {
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
