#include <doctest/doctest.h>

#include <pie/error.hpp>
#include <pie/format/csv.hpp>

#include <sstream>
#include <string>
#include <vector>

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
