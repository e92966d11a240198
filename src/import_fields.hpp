#pragma once

// The fields of imported records (§7), shared by the readers of src/import*.cpp: times, tags and
// minutes as files give them, members of JSON records, and errors with the record they are in.
// Private to the import: only src/import*.cpp include it.

#include <pie/error.hpp>
#include <pie/records.hpp>
#include <pie/slice.hpp>
#include <pie/time.hpp>

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pie::import_fields {

using Json = nlohmann::json;

constexpr std::string_view k_time_hint = "a time is ISO 8601 with its offset, e.g. 2026-11-24T18:30:00+01:00";

// Runs `work`; a UserError it throws gets `context` in front of its message ("line 4: ...").
template <typename Work>
void with_context(const std::string& context, Work&& work) {
    try {
        work();
    } catch (const UserError& e) {
        throw UserError(fmt::format("{}: {}", context, e.what()), e.hint());
    } catch (const SQLite::Exception& e) {
        // The schema's CHECK and UNIQUE constraints catch what slipped through; it is still the input's fault.
        throw UserError(fmt::format("{}: rejected by the database ({})", context, e.what()));
    }
}

// An instant as a record gives it: ISO 8601, with an offset or in local time (a date alone is
// its start). Relative WHEN forms ("yesterday") have no place in a file: they are refused.
Instant parse_record_time(std::string_view text, Instant now);

// Tags as a CSV field holds them, separated by spaces; a tag given twice counts once.
std::vector<std::string> split_tags(std::string_view text);

// Minutes as a CSV field gives them: empty for an occurrence, else 1 to 1440.
std::optional<int> parse_minutes(std::string_view text);

// Members of a JSON record, checked: present, of the type asked, in range (a usage error naming
// the member otherwise).
const Json& member(const Json& record, const char* key);

std::string text_member(const Json& record, const char* key);

std::optional<std::string> optional_text(const Json& record, const char* key);

std::optional<int> optional_int(const Json& record, const char* key, int low, int high);

// A goal's target as a whole number; validate_goal judges its range.
std::optional<int> optional_target(const Json& record, const char* key);

// A member holding an instant (null or absent: none).
std::optional<Instant> optional_time(const Json& record, const char* key, Instant now);

// A slice's "history": its retires and restores; an export without one (an older pie's) holds
// the slice's retirement, if any, as its history.
std::vector<SliceEvent> history_member(const Json& record, const Slice& slice, Instant now);

// The record's "uuid", in its canonical form.
std::string uuid_member(const Json& record);

// The text of an nlohmann error without its "[json.exception.parse_error.101] " prefix.
std::string json_error(const Json::exception& e);

// Parses `in` for its callback, which hands each record to the store and discards it; malformed
// JSON, or a number no type holds (1e999), is a UserError.
void parse_json_stream(std::istream& in, const Json::parser_callback_t& callback);

}  // namespace pie::import_fields
