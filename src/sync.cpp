#include <pie/format/json.hpp>
#include <pie/slice.hpp>
#include <pie/sync.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <iterator>

namespace pie {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view k_prefix = "changes-";
constexpr std::string_view k_suffix = ".jsonl";
constexpr std::array<std::string_view, 5> k_kinds = {"slice", "goal", "entry", "rating", "review"};

SyncFileError damaged(const std::string& what) { return SyncFileError(what); }

Json parse_object(std::string_view line) {
    Json value = Json::parse(line, nullptr, false);
    if (value.is_discarded() || !value.is_object()) throw damaged("a line is not a JSON object");
    return value;
}

const Json& at(const Json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end()) throw damaged(fmt::format("a record lacks \"{}\"", key));
    return *it;
}

std::string text(const Json& object, const char* key) { return at(object, key).get<std::string>(); }

std::optional<std::string> optional_text(const Json& object, const char* key) {
    const Json& value = at(object, key);
    if (value.is_null()) return std::nullopt;
    return value.get<std::string>();
}

std::optional<int> optional_int(const Json& object, const char* key) {
    const Json& value = at(object, key);
    if (value.is_null()) return std::nullopt;
    return value.get<int>();
}

Instant time_of(const std::string& iso, Instant now) {
    try {
        return parse_when(iso, now).at;
    } catch (const std::exception&) {
        throw damaged(fmt::format("bad time '{}'", iso));
    }
}

Instant time_member(const Json& object, const char* key, Instant now) { return time_of(text(object, key), now); }

// A time that may be null: 0 for null where export writes 0 as null (a default slice's times).
std::optional<Instant> optional_time(const Json& object, const char* key, Instant now) {
    std::optional<std::string> value = optional_text(object, key);
    if (!value) return std::nullopt;
    return time_of(*value, now);
}

void read_slice(const Json& record, SyncChange& change, Instant now) {
    Slice& slice = change.slice;
    slice.uuid = change.uuid;
    slice.name = text(record, "name");
    slice.label = text(record, "label");
    slice.added_at = optional_time(record, "added_at", now).value_or(0);
    slice.retired_at = optional_time(record, "retired_at", now);
    slice.changed_at = optional_time(record, "changed_at", now).value_or(0);
    for (const Json& event : at(record, "history")) {
        std::string word = text(event, "event");
        if (word != "retire" && word != "restore") throw damaged(fmt::format("bad slice event '{}'", word));
        change.history.push_back({time_member(event, "at", now), word == "retire"});
    }
}

void read_goal(const Json& record, SyncChange& change, Instant now) {
    Goal& goal = change.goal;
    goal.uuid = change.uuid;
    goal.slice = text(record, "slice");
    goal.title = text(record, "title");
    auto kind = parse_goal_kind(text(record, "kind"));
    auto state = parse_goal_state(text(record, "state"));
    if (!kind || !state) throw damaged("bad goal kind or state");
    goal.kind = *kind;
    goal.state = *state;
    if (auto every = optional_text(record, "every")) {
        goal.every = parse_period_kind(*every);
        if (!goal.every) throw damaged(fmt::format("bad goal period '{}'", *every));
    }
    goal.times = optional_int(record, "times");
    goal.minutes = optional_int(record, "minutes");
    goal.match = optional_text(record, "match");
    goal.rating = optional_int(record, "rating");
    goal.created_at = time_member(record, "created_at", now);
    goal.done_at = optional_time(record, "done_at", now);
    goal.dropped_at = optional_time(record, "dropped_at", now);
    goal.changed_at = time_member(record, "changed_at", now);
    for (const Json& pause : at(record, "pauses")) {
        change.pauses.push_back({time_member(pause, "from", now), optional_time(pause, "until", now)});
    }
}

void read_entry(const Json& record, SyncChange& change, Instant now) {
    Entry& entry = change.entry;
    entry.uuid = change.uuid;
    entry.slice = text(record, "slice");
    entry.at = time_member(record, "at", now);
    entry.minutes = optional_int(record, "minutes");
    entry.note = text(record, "note");
    entry.tags = at(record, "tags").get<std::vector<std::string>>();
    entry.changed_at = optional_time(record, "changed_at", now);
}

void read_rating(const Json& record, SyncChange& change, Instant now) {
    Rating& rating = change.rating;
    rating.uuid = change.uuid;
    rating.slice = text(record, "slice");
    rating.at = time_member(record, "at", now);
    rating.score = at(record, "score").get<int>();
    rating.note = text(record, "note");
}

void read_review(const Json& record, SyncChange& change, Instant now) {
    change.review.uuid = change.uuid;
    change.review.at = time_member(record, "at", now);
    change.review.intention = optional_text(record, "intention");
}

Json record_of(const SyncChange& change) {
    switch (change.kind) {
        case SyncKind::slice: return slice_json(change.slice, change.history);
        case SyncKind::goal: return goal_json(change.goal, JsonUse::exported, {}, change.pauses);
        case SyncKind::entry: return entry_json(change.entry, JsonUse::exported);
        case SyncKind::rating: return rating_json(change.rating, JsonUse::exported);
        case SyncKind::review: return review_json(change.review);
    }
    return nullptr;
}

SyncChange read_change(const Json& line, Instant now) {
    SyncChange change;
    std::string kind = text(line, "kind");
    auto found = std::find(k_kinds.begin(), k_kinds.end(), kind);
    if (found == k_kinds.end()) throw damaged(fmt::format("unknown kind of record '{}'", kind));
    change.kind = static_cast<SyncKind>(found - k_kinds.begin());
    change.uuid = text(line, "uuid");
    const Json& version = at(line, "version");
    change.version = {at(version, "gen").get<std::int64_t>(), time_member(version, "at", now), text(version, "device")};
    std::string op = text(line, "change");
    if (op == "delete") {
        change.deleted = true;
        return change;
    }
    if (op != "put") throw damaged(fmt::format("unknown change '{}'", op));
    if (change.kind == SyncKind::slice) change.added_as = optional_text(line, "added_as");
    if (change.kind != SyncKind::slice && change.kind != SyncKind::review) {
        change.slice_uuid = text(line, "slice_uuid");
    }
    const Json& record = at(line, "record");
    if (text(record, "uuid") != change.uuid) throw damaged("a record's uuid differs from its change's");
    switch (change.kind) {
        case SyncKind::slice: read_slice(record, change, now); break;
        case SyncKind::goal: read_goal(record, change, now); break;
        case SyncKind::entry: read_entry(record, change, now); break;
        case SyncKind::rating: read_rating(record, change, now); break;
        case SyncKind::review: read_review(record, change, now); break;
    }
    return change;
}

}  // namespace

std::string change_file_name(std::int64_t seq) { return fmt::format("{}{:08}{}", k_prefix, seq, k_suffix); }

std::optional<std::int64_t> change_file_seq(std::string_view name) {
    if (!name.starts_with(k_prefix) || !name.ends_with(k_suffix)) return std::nullopt;
    std::string_view digits = name.substr(k_prefix.size(), name.size() - k_prefix.size() - k_suffix.size());
    if (digits.size() < 8 || digits.size() > 18) return std::nullopt;
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    std::int64_t seq = std::stoll(std::string(digits));
    if (seq < 1 || change_file_name(seq) != name) return std::nullopt;  // one name per number
    return seq;
}

void Fnv1a::add(std::string_view bytes) {
    for (unsigned char byte : bytes) {
        m_hash ^= byte;
        m_hash *= 0x100000001b3ULL;
    }
}

std::string Fnv1a::hex() const { return fmt::format("{:016x}", m_hash); }

std::string_view sync_kind_name(SyncKind kind) { return k_kinds.at(static_cast<std::size_t>(kind)); }

std::string encode_header(const SyncHeader& header) {
    Json line = {{"pie_sync", header.format},
                 {"device", header.device},
                 {"seq", header.seq},
                 {"written_at", format_iso(header.written_at)},
                 {"attempt", header.attempt}};
    return line.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string encode_change(const SyncChange& change) {
    Json line = {
        {"change", change.deleted ? "delete" : "put"},
        {"kind", sync_kind_name(change.kind)},
        {"uuid", change.uuid},
        {"version",
         {{"gen", change.version.gen}, {"at", format_iso(change.version.at)}, {"device", change.version.device}}}};
    if (!change.deleted) {
        if (change.kind == SyncKind::slice) {
            line["added_as"] = change.added_as ? Json(*change.added_as) : Json(nullptr);
        } else if (change.kind != SyncKind::review) {
            line["slice_uuid"] = change.slice_uuid;
        }
        line["record"] = record_of(change);
    }
    return line.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string encode_trailer(std::int64_t changes, const Fnv1a& checksum) {
    Json line = {{"pie_sync_end", {{"changes", changes}, {"fnv1a64", checksum.hex()}}}};
    return line.dump();
}

SyncHeader decode_header(std::string_view line) {
    try {
        Json value = parse_object(line);
        auto format = value.find("pie_sync");
        if (format == value.end() || !format->is_number_integer()) throw damaged("no \"pie_sync\" header");
        SyncHeader header;
        header.format = format->get<int>();
        if (header.format > k_sync_format) {
            throw SyncFileError(
                fmt::format("written in sync format {}, newer than this pie's {}", header.format, k_sync_format), true);
        }
        header.device = text(value, "device");
        header.seq = at(value, "seq").get<std::int64_t>();
        header.written_at = time_member(value, "written_at", 0);
        header.attempt = text(value, "attempt");
        return header;
    } catch (const Json::exception& e) {
        throw damaged(fmt::format("bad header ({})", e.what()));
    }
}

SyncLine decode_line(std::string_view line, Instant now) {
    try {
        Json value = parse_object(line);
        SyncLine out;
        if (auto end = value.find("pie_sync_end"); end != value.end()) {
            out.changes = at(*end, "changes").get<std::int64_t>();
            out.checksum = text(*end, "fnv1a64");
            return out;
        }
        out.change = read_change(value, now);
        return out;
    } catch (const Json::exception& e) {
        throw damaged(fmt::format("bad change ({})", e.what()));
    }
}

namespace {

// The hex digits of `uuid`, without its hyphens.
std::string uuid_digits(std::string_view uuid) {
    std::string digits;
    std::copy_if(uuid.begin(), uuid.end(), std::back_inserter(digits), [](char c) { return c != '-'; });
    return digits;
}

// The last `length` characters of `text` (all of it when shorter).
std::string_view last(std::string_view text, std::size_t length) {
    return text.substr(text.size() - std::min(text.size(), length));
}

}  // namespace

std::string sync_placeholder_name(std::string_view uuid) {
    return fmt::format("s{}", last(uuid_digits(uuid), k_max_slice_name - 1));
}

std::vector<std::string> sync_name_candidates(std::string_view name, std::string_view uuid) {
    std::string digits = uuid_digits(uuid);
    std::vector<std::string> names;
    for (std::size_t length : {4, 8, 12}) {
        if (digits.size() < length) break;
        names.push_back(fmt::format("{}-{}", name.substr(0, k_max_slice_name - 1 - length), last(digits, length)));
    }
    names.push_back(sync_placeholder_name(uuid));
    return names;
}

}  // namespace pie
