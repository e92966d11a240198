#include "import_fields.hpp"

#include <pie/text.hpp>
#include <pie/time.hpp>
#include <pie/uuid.hpp>

#include <algorithm>
#include <charconv>
#include <limits>

namespace pie::import_fields {

// An instant as a record gives it: ISO 8601, with an offset or in local time (a date alone is
// its start). Relative WHEN forms ("yesterday") have no place in a file: they are refused.
Instant parse_record_time(std::string_view text, Instant now) {
    bool dated = text.size() >= 5 && text[4] == '-' &&
                 std::all_of(text.begin(), text.begin() + 4, [](char c) { return c >= '0' && c <= '9'; });
    if (dated) {
        try {
            return parse_when(text, now).at;
        } catch (const UserError&) {
        }
    }
    throw UserError(fmt::format("bad timestamp '{}'", text), std::string(k_time_hint));
}

// Tags as a CSV field holds them, separated by spaces; a tag given twice counts once.
std::vector<std::string> split_tags(std::string_view text) {
    std::vector<std::string> tags;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = std::min(text.find(' ', start), text.size());
        std::string tag(text.substr(start, end - start));
        if (!tag.empty() && std::find(tags.begin(), tags.end(), tag) == tags.end()) tags.push_back(std::move(tag));
        start = end + 1;
    }
    require_tags(tags);
    return tags;
}

std::optional<int> parse_minutes(std::string_view text) {
    if (text.empty()) return std::nullopt;
    int minutes = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), minutes);
    bool number = ec != std::errc::invalid_argument && end == text.data() + text.size();
    if (!number || ec != std::errc() || minutes < 1 || minutes > 1440) {
        throw UserError(fmt::format("minutes '{}' {}", text, number ? "out of range" : "is not a number"),
                        "minutes are a whole number from 1 to 1440, or empty for an occurrence");
    }
    return minutes;
}

// Members of a JSON record, checked.
const Json& member(const Json& record, const char* key) {
    auto it = record.find(key);
    if (it == record.end()) throw UserError(fmt::format("\"{}\" is missing", key));
    return *it;
}

std::string text_member(const Json& record, const char* key) {
    const Json& value = member(record, key);
    if (!value.is_string()) throw UserError(fmt::format("\"{}\" is not a string", key));
    return value.get<std::string>();
}

std::optional<std::string> optional_text(const Json& record, const char* key) {
    auto it = record.find(key);
    if (it == record.end() || it->is_null()) return std::nullopt;
    return text_member(record, key);
}

std::optional<int> optional_int(const Json& record, const char* key, int low, int high) {
    auto it = record.find(key);
    if (it == record.end() || it->is_null()) return std::nullopt;
    if (!it->is_number_integer() || it->get<std::int64_t>() < low || it->get<std::int64_t>() > high) {
        throw UserError(fmt::format("\"{}\" is not a whole number from {} to {}", key, low, high));
    }
    return it->get<int>();
}

// A goal's target as a whole number; validate_goal judges its range.
std::optional<int> optional_target(const Json& record, const char* key) {
    auto it = record.find(key);
    if (it == record.end() || it->is_null()) return std::nullopt;
    std::int64_t value = it->is_number_integer() ? it->get<std::int64_t>() : 0;
    if (!it->is_number_integer() || value < std::numeric_limits<int>::min() ||
        value > std::numeric_limits<int>::max()) {
        throw UserError(fmt::format("\"{}\" is not a whole number", key));
    }
    return static_cast<int>(value);
}

std::optional<Instant> optional_time(const Json& record, const char* key, Instant now) {
    std::optional<std::string> text = optional_text(record, key);
    if (!text) return std::nullopt;
    return parse_record_time(*text, now);
}

// A slice's "history": its retires and restores; an export without one (an older pie's) holds
// the slice's retirement, if any, as its history.
std::vector<SliceEvent> history_member(const Json& record, const Slice& slice, Instant now) {
    auto it = record.find("history");
    if (it == record.end() || it->is_null()) {
        if (!slice.retired_at) return {};
        return {SliceEvent{*slice.retired_at, true}};
    }
    if (!it->is_array()) throw UserError("\"history\" is not an array");
    std::vector<SliceEvent> events;
    for (const Json& event : *it) {
        if (!event.is_object()) throw UserError("a history event is not an object");
        std::string kind = text_member(event, "event");
        if (kind != "retire" && kind != "restore") throw UserError(fmt::format("unknown history event '{}'", kind));
        events.push_back({parse_record_time(text_member(event, "at"), now), kind == "retire"});
    }
    return events;
}

std::string uuid_member(const Json& record) {
    std::string uuid = text_member(record, "uuid");
    if (!is_uuid(uuid))
        throw UserError(fmt::format("bad uuid '{}'", uuid), "a UUID is 8-4-4-4-12 lowercase hex digits");
    return uuid;
}

// The text of an nlohmann error without its "[json.exception.parse_error.101] " prefix.
std::string json_error(const Json::exception& e) {
    std::string_view what = e.what();
    if (auto close = what.find("] "); what.starts_with("[json.") && close != std::string_view::npos) {
        what.remove_prefix(close + 2);
    }
    return std::string(what);
}

// Parses `in` for its callback, which hands each record to the store and discards it; malformed
// JSON, or a number no type holds (1e999), is a UserError.
void parse_json_stream(std::istream& in, const Json::parser_callback_t& callback) {
    try {
        [[maybe_unused]] Json rest = Json::parse(in, callback);
    } catch (const Json::parse_error& e) {
        throw UserError(fmt::format("not valid JSON: {}", json_error(e)));
    } catch (const Json::out_of_range& e) {
        throw UserError(fmt::format("not valid JSON: {}", json_error(e)));
    }
}

}  // namespace pie::import_fields
