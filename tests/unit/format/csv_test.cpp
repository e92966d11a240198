#include <doctest/doctest.h>

#include <pie/error.hpp>
#include <pie/format/csv.hpp>

#include <sstream>
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

// Unit tests of the streaming CSV reader (RFC 4180): quoting, line ends, line numbers, and the
// malformed input `pie import` must refuse with the line it is on.

namespace {

using Records = std::vector<std::vector<std::string>>;

Records read_all(const std::string& text, std::size_t expect_fields = 0) {
    std::istringstream in(text);
    pie::CsvReader reader(in);
    reader.expect_fields(expect_fields);
    Records records;
    std::vector<std::string> fields;
    while (reader.next(fields)) records.push_back(fields);
    return records;
}

// The message of the UserError reading `text` throws, and the line the reader was on.
std::pair<std::string, std::size_t> failure(const std::string& text, std::size_t expect_fields = 0) {
    std::istringstream in(text);
    pie::CsvReader reader(in);
    reader.expect_fields(expect_fields);
    std::vector<std::string> fields;
    try {
        while (reader.next(fields)) {
        }
    } catch (const pie::UserError& e) {
        return {e.what(), reader.line()};
    }
    return {"", 0};
}

}  // namespace

TEST_CASE("CsvReader reads plain records, with or without a final line end") {
    CHECK(read_all("") == Records{});
    CHECK(read_all("a,b,c\n") == Records{{"a", "b", "c"}});
    CHECK(read_all("a,b,c") == Records{{"a", "b", "c"}});
    CHECK(read_all("a,,\n,b,\n") == Records{{"a", "", ""}, {"", "b", ""}});
    CHECK(read_all(" padded , x\n") == Records{{" padded ", " x"}});
}

TEST_CASE("CsvReader reads quoted fields: commas, doubled quotes, line ends, UTF-8") {
    CHECK(read_all("\"a,b\",c\n") == Records{{"a,b", "c"}});
    CHECK(read_all("\"say \"\"hi\"\"\"\n") == Records{{"say \"hi\""}});
    CHECK(read_all("\"\"\"\"\n") == Records{{"\""}});
    CHECK(read_all("\"\",x\n") == Records{{"", "x"}});
    CHECK(read_all("\"two\nlines\",x\n\"cr\r\nlf\"\n") == Records{{"two\nlines", "x"}, {"cr\r\nlf"}});
    CHECK(read_all("caf\xC3\xA9,\"\xE2\x98\x95, \xF0\x9F\x98\x80\"\n") ==
          Records{{"caf\xC3\xA9", "\xE2\x98\x95, \xF0\x9F\x98\x80"}});
}

TEST_CASE("CsvReader takes CRLF line ends and skips blank lines") {
    CHECK(read_all("a,b\r\nc,d\r\n") == Records{{"a", "b"}, {"c", "d"}});
    CHECK(read_all("\na,b\n\n\r\nc,d\n\n") == Records{{"a", "b"}, {"c", "d"}});
}

TEST_CASE("CsvReader reads back what csv_row writes") {
    const Records records = {{"plain", "two words", ""},
                             {",", "\"", "\"\"", ",\",\"", "\n", "\r\n", "a\nb\r\nc"},
                             {"caf\xC3\xA9", " lead", "trail "}};
    std::string text;
    for (const auto& fields : records) text += pie::csv_row(fields);
    CHECK(read_all(text) == records);
}

TEST_CASE("CsvReader tells the line a record starts on") {
    std::istringstream in("h1,h2\n\n\"multi\nline\",x\nlast,y\n");
    pie::CsvReader reader(in, 1);
    std::vector<std::string> fields;
    REQUIRE(reader.next(fields));
    CHECK(reader.line() == 1);
    REQUIRE(reader.next(fields));
    CHECK(reader.line() == 3);
    REQUIRE(reader.next(fields));
    CHECK(reader.line() == 5);
    CHECK(fields == std::vector<std::string>{"last", "y"});
    CHECK_FALSE(reader.next(fields));

    std::istringstream after_blanks("a\n");
    pie::CsvReader counted(after_blanks, 4);
    REQUIRE(counted.next(fields));
    CHECK(counted.line() == 4);
}

TEST_CASE("CsvReader refuses malformed CSV, naming the line") {
    CHECK(failure("a,\"never closed\nmore\n") ==
          std::pair<std::string, std::size_t>{"a quoted field opened on line 1 never closes", 1});
    CHECK(failure("ok\nsay \"hi\"\n") == std::pair<std::string, std::size_t>{"a quote inside the unquoted field 1", 2});
    CHECK(failure("ok\n\"quoted\" more,x\n") ==
          std::pair<std::string, std::size_t>{"text after the closing quote of field 1", 2});
    CHECK(failure("a,b\nbare\rcr\n") ==
          std::pair<std::string, std::size_t>{"a carriage return not followed by a line feed", 2});
    CHECK(failure("a,b\nc,d,e\n", 2) == std::pair<std::string, std::size_t>{"3 fields where the header has 2", 2});
    CHECK(failure("a,b\n\"x\ny\"\n", 2) == std::pair<std::string, std::size_t>{"1 field where the header has 2", 2});
}
