#include <doctest/doctest.h>

#include <pie/format/csv.hpp>

#include <string>
#include <string_view>
#include <vector>

// Unit tests of CSV output: RFC 4180 quoting, LF line ends, user text carried exactly (§1).

using namespace std::string_view_literals;

namespace {

// Parses one RFC 4180 record ending in "\n" back into its fields; an independent reader for
// round-trip checks. Sets `ok` false on anything RFC 4180 does not allow.
std::vector<std::string> parse_record(std::string_view text, bool& ok) {
    std::vector<std::string> fields(1);
    ok = false;
    std::size_t i = 0;
    while (i < text.size()) {
        std::string& field = fields.back();
        if (text[i] == '"' && field.empty()) {
            for (++i;; ++i) {
                if (i >= text.size()) return fields;  // unterminated quote
                if (text[i] == '"') {
                    if (i + 1 < text.size() && text[i + 1] == '"') {
                        field += '"';
                        ++i;
                    } else {
                        ++i;
                        break;
                    }
                } else {
                    field += text[i];
                }
            }
            if (i >= text.size() || (text[i] != ',' && text[i] != '\n')) return fields;
        }
        if (text[i] == ',') {
            fields.emplace_back();
            ++i;
        } else if (text[i] == '\n') {
            ok = i + 1 == text.size();
            return fields;
        } else if (text[i] == '"' || text[i] == '\r') {
            return fields;  // a bare quote or CR inside an unquoted field
        } else {
            field += text[i++];
        }
    }
    return fields;  // no line end
}

}  // namespace

TEST_CASE("csv_field leaves a plain field alone") {
    CHECK(pie::csv_field("") == "");
    CHECK(pie::csv_field("social") == "social");
    CHECK(pie::csv_field("peer consultation group") == "peer consultation group");
    CHECK(pie::csv_field(" padded ") == " padded ");
    CHECK(pie::csv_field("2026-11-24T18:30:00Z") == "2026-11-24T18:30:00Z");
    CHECK(pie::csv_field("it's; fine\ttoo") == "it's; fine\ttoo");
}

TEST_CASE("csv_field quotes a field holding a comma, a quote, CR or LF") {
    CHECK(pie::csv_field("a,b") == "\"a,b\"");
    CHECK(pie::csv_field(",") == "\",\"");
    CHECK(pie::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(pie::csv_field("\"") == "\"\"\"\"");
    CHECK(pie::csv_field("\"\"") == "\"\"\"\"\"\"");
    CHECK(pie::csv_field("line\nbreak") == "\"line\nbreak\"");
    CHECK(pie::csv_field("carriage\rreturn") == "\"carriage\rreturn\"");
    CHECK(pie::csv_field("crlf\r\n") == "\"crlf\r\n\"");
    CHECK(pie::csv_field("\"quoted\", then more") == "\"\"\"quoted\"\", then more\"");
}

TEST_CASE("csv_field carries UTF-8 and other bytes exactly") {
    CHECK(pie::csv_field("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80") ==
          "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80");
    CHECK(pie::csv_field("caf\xC3\xA9, \xE6\x97\xA5\xE6\x9C\xAC") == "\"caf\xC3\xA9, \xE6\x97\xA5\xE6\x9C\xAC\"");
    CHECK(pie::csv_field("\x1B[31m\x7F\x01") == "\x1B[31m\x7F\x01");
    CHECK(pie::csv_field("a\0b"sv) == "a\0b"sv);
}

TEST_CASE("csv_row joins fields with commas and ends the record with LF") {
    CHECK(pie::csv_row({}) == "\n");
    CHECK(pie::csv_row({""}) == "\n");
    CHECK(pie::csv_row({"", ""}) == ",\n");
    CHECK(pie::csv_row({"id", "slice", "minutes"}) == "id,slice,minutes\n");
    CHECK(pie::csv_row({"42", "social", "90", "peer group, weekly"}) == "42,social,90,\"peer group, weekly\"\n");
    CHECK(pie::csv_row({"a\nb", "\"", ""}) == "\"a\nb\",\"\"\"\",\n");
}

TEST_CASE("csv_row output reads back as the same fields") {
    const std::vector<std::vector<std::string>> records = {
        {"plain", "two words", ""},
        {",", "\"", "\"\"", ",\",\"", "\n", "\r", "\r\n", "a\nb\rc"},
        {"caf\xC3\xA9", "\xE6\x97\xA5\xE6\x9C\xAC, \"\xF0\x9F\x98\x80\"", " lead", "trail "},
        {""},
        {"", "", ""},
    };
    for (const auto& fields : records) {
        std::string row = pie::csv_row(fields);
        CAPTURE(row);
        bool ok = false;
        std::vector<std::string> back = parse_record(row, ok);
        CHECK(ok);
        CHECK(back == fields);
    }
}
