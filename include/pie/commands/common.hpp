#pragma once

// Small pieces several commands share: describing records, reading ids, WHEN options, help text.

#include <pie/context.hpp>
#include <pie/report.hpp>
#include <pie/store.hpp>

#include <CLI/CLI.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pie {

// `#42 social 1h30m "peer consultation" +tag Tue 24 Nov 18:30`: an entry in one line (raw text).
std::string describe_entry(const Entry& entry, Instant now);

// The instant of an --at option: now when not given; a usage error more than a day in the future.
Instant resolve_at(const std::optional<std::string>& at, Instant now);

// The [since, until) a command's --since and --until name (empty: not given); a usage error
// unless since is before until.
RecordQuery time_range(const std::string& since, const std::string& until, Instant now);

// The report of `period` read from `store` (§6): slices, goals at its last instant, and the
// intentions of the reviews made inside it. `pie report` and `pie review` show it.
Report read_report(Store& store, const ReportPeriod& period, Basis basis, Instant now);

// Words joined by single spaces, from index `from` on.
std::string join_words(const std::vector<std::string>& words, std::size_t from = 0);

// An id as typed: "42" or "#42"; a usage error otherwise.
std::int64_t parse_id(std::string_view text);

// Ends the help of `command` with examples, one per line.
void set_examples(CLI::App* command, std::string_view examples);

// A whole number option from `low` to `high`; a usage error naming `option` otherwise.
int parse_number(const std::string& text, std::string_view option, int low, int high);

// The columns text output may take: --width as given (`text`, empty when not given) from
// k_min_width on, else the terminal's width, else 80.
int output_width(const std::string& text, Context& context);

// What the store knows of every slice, in pie order, for a report of `period` (§6): the numbers
// `pie report` and `pie trend` compute on.
std::vector<SliceFacts> report_facts(Store& store, const ReportPeriod& period);

// Writes to stdout (all output goes through fmt).
void print(std::string_view text);

}  // namespace pie
