#include <pie/import.hpp>

#include "import_fields.hpp"

#include <pie/error.hpp>
#include <pie/format/csv.hpp>
#include <pie/slice.hpp>
#include <pie/text.hpp>
#include <pie/timewarrior.hpp>
#include <pie/uuid.hpp>

#include <SQLiteCpp/Exception.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <optional>

namespace pie {

using namespace import_fields;

bool ImportCounts::changes() const {
    return entries_added + ratings_added + slices_added + goals_added + entries_updated + slices_updated +
               goals_updated + pauses_added + reviews_added >
           0;
}

std::string ImportCounts::describe_changes() const {
    std::vector<std::string> added;
    if (entries_added) added.push_back(plural(entries_added, "entry", "entries"));
    if (ratings_added) added.push_back(plural(ratings_added, "rating", "ratings"));
    if (slices_added) added.push_back(plural(slices_added, "slice", "slices"));
    if (goals_added) added.push_back(plural(goals_added, "goal", "goals"));
    if (pauses_added) added.push_back(plural(pauses_added, "goal pause", "goal pauses"));
    if (reviews_added) added.push_back(plural(reviews_added, "review", "reviews"));
    std::vector<std::string> updated;
    if (entries_updated) updated.push_back(plural(entries_updated, "entry", "entries"));
    if (slices_updated) updated.push_back(plural(slices_updated, "slice", "slices"));
    if (goals_updated) updated.push_back(plural(goals_updated, "goal", "goals"));
    std::string out = added.empty() ? "nothing added" : fmt::format("{} added", fmt::join(added, ", "));
    if (!updated.empty()) out += fmt::format("; {} updated", fmt::join(updated, ", "));
    return out;
}

std::string ImportCounts::describe() const {
    std::string out = describe_changes();
    if (present) out += fmt::format("; {} skipped (already present)", present);
    if (intervals_skipped) {
        out += fmt::format("; {} skipped (listed on stderr)", plural(intervals_skipped, "interval", "intervals"));
    }
    return out;
}

ImportSession::ImportSession(Store& store, std::map<std::string, std::string> tag_map, Instant now)
    : m_store(store), m_importer(store.importer()), m_tag_map(std::move(tag_map)), m_now(now) {
    refresh_slices();
}

void ImportSession::refresh_slices() { m_slices = m_store.slices(); }

const Slice* ImportSession::local_slice(const std::string& name) const {
    std::string wanted = lower_ascii(name);
    if (auto mapped = m_tag_map.find(wanted); mapped != m_tag_map.end()) wanted = mapped->second;
    auto it = std::find_if(m_slices.begin(), m_slices.end(), [&](const Slice& s) { return s.name == wanted; });
    return it == m_slices.end() ? nullptr : &*it;
}

std::int64_t ImportSession::slice_id_for(const std::string& name) {
    if (auto it = m_file_slices.find(name); it != m_file_slices.end()) return it->second;
    auto it = std::find_if(m_slices.begin(), m_slices.end(), [&](const Slice& s) { return s.name == name; });
    if (it == m_slices.end()) {
        throw UserError(fmt::format("unknown slice '{}'", name),
                        "'pie slices add NAME' adds it; 'pie slices' lists the slices there are");
    }
    return it->id;
}

// --- pie's JSON export ------------------------------------------------------------------------

void ImportSession::read_json(std::istream& in) {
    static constexpr std::array<std::string_view, 5> k_sections = {"slices", "goals", "entries", "ratings", "reviews"};
    auto not_an_export = [] {
        return UserError("not a pie export",
                         fmt::format("a pie export is the JSON object 'pie export' writes, starting with "
                                     "{{\"pie_export\": {}",
                                     k_export_format));
    };
    std::string section;
    std::size_t index = 0;
    bool marked = false;
    auto callback = [&](int depth, Json::parse_event_t event, Json& parsed) -> bool {
        using Event = Json::parse_event_t;
        if (depth == 0 && event != Event::object_start && event != Event::object_end) throw not_an_export();
        if (depth == 1 && event == Event::key) {
            section = parsed.get<std::string>();
            index = 0;
            if (!marked && section != "pie_export") throw not_an_export();
            if (section != "pie_export" &&
                std::find(k_sections.begin(), k_sections.end(), section) == k_sections.end()) {
                throw UserError(fmt::format("unknown member \"{}\" in a pie export", section));
            }
            return true;
        }
        if (depth == 1 && section == "pie_export") {
            if (event != Event::value || !parsed.is_number_integer()) throw not_an_export();
            if (parsed.get<std::int64_t>() != k_export_format) {
                throw UserError(fmt::format("pie export format {} is not one this pie reads (it reads {})",
                                            parsed.dump(), k_export_format),
                                "a newer pie wrote it: install a newer pie");
            }
            marked = true;
            return false;
        }
        if (depth == 1 && event != Event::array_start && event != Event::array_end) {
            throw UserError(fmt::format("\"{}\" is not an array", section));
        }
        if (depth == 2 && (event == Event::value || event == Event::array_start)) {
            throw UserError(fmt::format("{}[{}]: not an object", section, index));
        }
        if (depth == 2 && event == Event::object_end) {
            with_context(fmt::format("{}[{}]", section, index++), [&] {
                if (section == "slices") {
                    add_slice_record(parsed);
                } else if (section == "goals") {
                    add_goal_record(parsed);
                } else if (section == "entries") {
                    add_entry_record(parsed);
                } else if (section == "reviews") {
                    add_review_record(parsed);
                } else {
                    add_rating_record(parsed);
                }
            });
            return false;  // done with it: the array never holds more than one record
        }
        return true;
    };
    parse_json_stream(in, callback);
    if (!marked) throw not_an_export();
    m_importer.finish();
}

void ImportSession::add_slice_record(const Json& record) {
    Slice slice;
    slice.uuid = uuid_member(record);
    slice.name = text_member(record, "name");
    require_slice_name(slice.name);
    slice.label = text_member(record, "label");
    require_utf8(slice.label, "the label");
    if (slice.label.empty()) throw UserError("the label is empty");
    slice.added_at = optional_time(record, "added_at", m_now).value_or(0);
    slice.retired_at = optional_time(record, "retired_at", m_now);
    slice.changed_at = optional_time(record, "changed_at", m_now).value_or(0);
    std::vector<SliceEvent> history = history_member(record, slice, m_now);

    auto by_uuid = std::find_if(m_slices.begin(), m_slices.end(), [&](const Slice& s) { return s.uuid == slice.uuid; });
    auto by_name = std::find_if(m_slices.begin(), m_slices.end(), [&](const Slice& s) { return s.name == slice.name; });
    if (by_uuid != m_slices.end()) {
        m_file_slices[slice.name] = by_uuid->id;
        bool differs = by_uuid->name != slice.name || by_uuid->label != slice.label ||
                       by_uuid->retired_at != slice.retired_at || by_uuid->changed_at != slice.changed_at;
        bool merged = merge_slice_history(by_uuid->id, history);
        if (slice.changed_at <= by_uuid->changed_at || !differs) {
            m_counts.slices_updated += merged ? 1 : 0;
            return;
        }
        if (by_name != m_slices.end() && by_name != by_uuid) {
            throw UserError(
                fmt::format("slice '{}' was renamed '{}', a name another slice has here", by_uuid->name, slice.name),
                "rename that slice here first ('pie slices rename'), then import again");
        }
        m_importer.record_each();
        m_store.update_slice(by_uuid->id, slice);
        ++m_counts.slices_updated;
    } else if (by_name != m_slices.end()) {
        m_file_slices[slice.name] = by_name->id;  // the same life area, made on two machines
        return;
    } else {
        m_importer.record_each();
        m_file_slices[slice.name] = m_store.import_slice(slice);
        merge_slice_history(m_file_slices[slice.name], history);
        ++m_counts.slices_added;
    }
    refresh_slices();
}

void ImportSession::add_goal_record(const Json& record) {
    Goal goal;
    goal.uuid = uuid_member(record);
    goal.slice_id = slice_id_for(text_member(record, "slice"));
    goal.title = text_member(record, "title");
    require_utf8(goal.title, "the title");
    if (goal.title.empty()) throw UserError("the title is empty");
    std::string kind = text_member(record, "kind");
    if (auto parsed = parse_goal_kind(kind)) {
        goal.kind = *parsed;
    } else {
        throw UserError(fmt::format("unknown goal kind '{}'", kind));
    }
    if (auto every = optional_text(record, "every")) {
        goal.every = parse_period_kind(*every);
        if (!goal.every) throw UserError(fmt::format("unknown period '{}'", *every), "day, week or month");
    }
    goal.times = optional_target(record, "times");
    goal.minutes = optional_target(record, "minutes");
    goal.match = optional_text(record, "match");
    if (goal.match) require_utf8(*goal.match, "the match");
    goal.rating = optional_target(record, "rating");
    validate_goal(goal);
    std::string state = text_member(record, "state");
    if (auto parsed = parse_goal_state(state)) {
        goal.state = *parsed;
    } else {
        throw UserError(fmt::format("unknown goal state '{}'", state));
    }
    goal.created_at = parse_record_time(text_member(record, "created_at"), m_now);
    goal.done_at = optional_time(record, "done_at", m_now);
    goal.dropped_at = optional_time(record, "dropped_at", m_now);
    goal.changed_at = parse_record_time(text_member(record, "changed_at"), m_now);

    if (std::optional<Goal> local = m_store.goal_by_uuid(goal.uuid)) {
        bool differs = local->title != goal.title || local->state != goal.state || local->done_at != goal.done_at ||
                       local->dropped_at != goal.dropped_at || local->changed_at != goal.changed_at;
        if (goal.changed_at > local->changed_at && differs) {
            m_importer.record_each();
            m_store.update_goal(local->id, goal);
            ++m_counts.goals_updated;
        }
        add_goal_pauses(record, local->id);
        return;
    }
    m_importer.record_each();
    std::int64_t id = m_store.add_goal(goal);
    ++m_counts.goals_added;
    add_goal_pauses(record, id);
}

void ImportSession::add_goal_pauses(const Json& record, std::int64_t goal_id) {
    auto pauses = record.find("pauses");
    if (pauses == record.end() || pauses->is_null()) return;  // an export from before pauses
    if (!pauses->is_array()) throw UserError("\"pauses\" is not an array");
    for (const Json& item : *pauses) {
        if (!item.is_object()) throw UserError("a pause is not an object");
        GoalPause pause{parse_record_time(text_member(item, "from"), m_now), optional_time(item, "until", m_now)};
        if (pause.until && *pause.until <= pause.from) throw UserError("a pause ends before it starts");
        m_importer.record_each();
        if (m_store.add_goal_pause(goal_id, pause)) ++m_counts.pauses_added;
    }
}

void ImportSession::add_review_record(const Json& record) {
    Review review;
    review.uuid = uuid_member(record);
    review.at = parse_record_time(text_member(record, "at"), m_now);
    review.intention = optional_text(record, "intention");
    if (review.intention) require_utf8(*review.intention, "the intention");
    if (m_store.has_review(review.uuid)) {
        ++m_counts.present;
        return;
    }
    m_importer.record_each();
    m_store.add_review(review);
    ++m_counts.reviews_added;
}

void ImportSession::add_entry_record(const Json& record) {
    Entry entry;
    entry.uuid = uuid_member(record);
    entry.at = parse_record_time(text_member(record, "at"), m_now);
    entry.slice_id = slice_id_for(text_member(record, "slice"));
    entry.minutes = optional_int(record, "minutes", 1, 1440);
    entry.note = optional_text(record, "note").value_or("");
    require_utf8(entry.note, "the note");
    entry.changed_at = optional_time(record, "changed_at", m_now);
    if (auto tags = record.find("tags"); tags != record.end() && !tags->is_null()) {
        if (!tags->is_array()) throw UserError("\"tags\" is not an array");
        for (const Json& tag : *tags) {
            if (!tag.is_string()) throw UserError("a tag is not a string");
            entry.tags.push_back(tag.get<std::string>());
        }
        require_tags(entry.tags);
    }
    add_entry(entry, false);
}

void ImportSession::add_rating_record(const Json& record) {
    Rating rating;
    rating.uuid = uuid_member(record);
    rating.at = parse_record_time(text_member(record, "at"), m_now);
    rating.slice_id = slice_id_for(text_member(record, "slice"));
    std::optional<int> score = optional_int(record, "score", 1, 10);
    if (!score) throw UserError("\"score\" is missing");
    rating.score = *score;
    rating.note = optional_text(record, "note").value_or("");
    require_utf8(rating.note, "the note");
    if (m_importer.has_rating(rating.uuid)) {
        ++m_counts.present;
        return;
    }
    m_importer.add_rating(rating);
    ++m_counts.ratings_added;
}

void ImportSession::add_entry(Entry& entry, bool derived_uuid) {
    // Rows without a UUID of their own (CSV, Timewarrior) are also present when an identical entry
    // is, whatever its UUID. An entry of a pie export is also present when an identical entry came
    // in through such a row: the same entry, once imported from CSV here and logged there. (Two
    // identical entries logged in the same second on one machine both travel.)
    if (m_importer.has_entry(entry.uuid) && update_entry_if_later(entry)) return;
    if (m_importer.has_entry(entry.uuid) || m_importer.has_same_entry(entry, !derived_uuid)) {
        ++m_counts.present;
        return;
    }
    m_importer.add_entry(entry);
    ++m_counts.entries_added;
}

void ImportSession::finish_derived() {
    // Rows the importer staged twice: counted as added, they were present.
    std::int64_t twice = m_importer.finish();
    m_counts.entries_added -= twice;
    m_counts.present += twice;
}

// --- CSV entries ------------------------------------------------------------------------------

void ImportSession::read_csv(std::istream& in, std::size_t first_line) {
    CsvReader reader(in, first_line);
    std::vector<std::string> fields;
    bool any = false;
    with_context(fmt::format("line {}", first_line), [&] { any = reader.next(fields); });
    if (!any) throw UserError("no CSV header", fmt::format("the first line must be {}", k_csv_header));
    // The columns by name; `id`, as `pie history --format csv` writes it, is ignored.
    std::array<std::string_view, 5> names = {"at", "slice", "minutes", "note", "tags"};
    std::array<std::size_t, 5> column{};
    for (std::size_t c = 0; c < names.size(); ++c) {
        auto it = std::find(fields.begin(), fields.end(), names[c]);
        bool once = it != fields.end() && std::find(it + 1, fields.end(), names[c]) == fields.end();
        if (!once) {
            throw UserError(fmt::format("line {}: not the header of CSV entries", reader.line()),
                            fmt::format("the first line must be {}", k_csv_header));
        }
        column[c] = static_cast<std::size_t>(it - fields.begin());
    }
    for (const std::string& name : fields) {
        if (name != "id" && std::find(names.begin(), names.end(), name) == names.end()) {
            throw UserError(fmt::format("line {}: unknown column '{}'", reader.line(), name),
                            fmt::format("the first line must be {}", k_csv_header));
        }
    }
    reader.expect_fields(fields.size());

    // A row's UUID derives from all it holds: the same UUID is the same entry, so a new pie may
    // take the rows staged (Store::Importer::stage_entries).
    m_importer.stage_entries();
    Entry entry;
    auto read_rows = [&] {
        while (reader.next(fields)) {
            const std::string& at = fields[column[0]];
            const std::string& slice_name = fields[column[1]];
            const std::string& note = fields[column[3]];
            require_utf8(at, "the time");
            entry.at = parse_record_time(at, m_now);
            require_utf8(slice_name, "the slice");
            const Slice* slice = local_slice(slice_name);
            if (!slice) {
                throw UserError(fmt::format("unknown slice '{}'", slice_name),
                                "'pie slices add NAME' adds it; --map NAME=SLICE files it under another");
            }
            entry.slice_id = slice->id;
            entry.minutes = parse_minutes(fields[column[2]]);
            require_utf8(note, "the note");
            entry.note = note;
            require_utf8(fields[column[4]], "the tags");
            entry.tags = split_tags(fields[column[4]]);
            entry.uuid = record_uuid({"entry", std::to_string(entry.at), slice->name,
                                      entry.minutes ? std::to_string(*entry.minutes) : "", entry.note,
                                      fmt::format("{}", fmt::join(entry.tags, " "))});
            add_entry(entry, true);
        }
    };
    try {
        read_rows();
    } catch (const UserError& e) {
        throw UserError(fmt::format("line {}: {}", reader.line(), e.what()), e.hint());
    }
    finish_derived();
}

// --- Timewarrior ------------------------------------------------------------------------------

void ImportSession::read_timewarrior(std::istream& in) {
    auto not_timewarrior = [] {
        return UserError("not a Timewarrior export", "it is the JSON array 'timew export' prints");
    };
    std::size_t index = 0;
    auto slice_of_tag = [&](const std::string& tag) -> std::optional<std::string> {
        const Slice* slice = local_slice(tag);
        return slice ? std::optional<std::string>(slice->name) : std::nullopt;
    };
    auto callback = [&](int depth, Json::parse_event_t event, Json& parsed) -> bool {
        using Event = Json::parse_event_t;
        if (depth == 0 && event != Event::array_start && event != Event::array_end) throw not_timewarrior();
        if (depth == 1 && (event == Event::value || event == Event::array_start)) {
            throw UserError(fmt::format("interval {}: not an object", index + 1));
        }
        if (depth != 1 || event != Event::object_end) return true;
        with_context(fmt::format("interval {}", ++index), [&] {
            TimewInterval interval;
            interval.start_text = text_member(parsed, "start");
            auto start = parse_timew_time(interval.start_text);
            if (!start) {
                throw UserError(fmt::format("bad timestamp '{}'", interval.start_text),
                                "Timewarrior writes UTC times like 20261120T090000Z");
            }
            interval.start = *start;
            if (auto end_text = optional_text(parsed, "end")) {
                interval.end = parse_timew_time(*end_text);
                if (!interval.end) {
                    throw UserError(fmt::format("bad timestamp '{}'", *end_text),
                                    "Timewarrior writes UTC times like 20261120T090000Z");
                }
                if (*interval.end < interval.start) throw UserError("it ends before it starts");
            }
            if (auto tags = parsed.find("tags"); tags != parsed.end()) {
                if (!tags->is_array()) throw UserError("\"tags\" is not an array");
                for (const Json& tag : *tags) {
                    if (!tag.is_string()) throw UserError("a tag is not a string");
                    interval.tags.push_back(tag.get<std::string>());
                }
            }
            interval.annotation = optional_text(parsed, "annotation").value_or("");
            TimewEntry mapped = map_interval(interval, slice_of_tag);
            if (!mapped.skipped.empty()) {
                m_skipped.push_back(fmt::format("skipped interval {} ({})", interval.start_text, mapped.skipped));
                ++m_counts.intervals_skipped;
                return;
            }
            Entry entry;
            entry.uuid = mapped.uuid;
            entry.slice_id = slice_id_for(mapped.slice);
            entry.at = interval.start;
            entry.minutes = mapped.minutes;
            entry.note = interval.annotation;
            entry.tags = mapped.tags;
            add_entry(entry, true);
        });
        return false;
    };
    parse_json_stream(in, callback);
    finish_derived();
}

}  // namespace pie
