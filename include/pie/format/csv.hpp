#pragma once

// CSV as RFC 4180 has it, with LF line ends: a writer, and a streaming reader for `pie import`.

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace pie {

// A field, quoted when it holds a comma, a quote, CR or LF (quotes doubled).
std::string csv_field(std::string_view text);

// A record: fields joined by commas, ended by "\n".
std::string csv_row(const std::vector<std::string>& fields);

// Reads RFC 4180 records one at a time, so memory does not grow with the input. Records end in
// LF or CRLF (the last one may have none); a quoted field may hold commas, doubled quotes and
// line ends. Blank lines are skipped. Malformed input (an unterminated quote, a quote inside an
// unquoted field or after a closing one, a bare CR, a record with the wrong number of fields)
// throws UserError; line() tells the line its record started on.
class CsvReader {
public:
    // Reads from `in`; `first_line` is the line number of its next byte (lines already consumed + 1).
    explicit CsvReader(std::istream& in, std::size_t first_line = 1);

    // The next record into `fields`; false at the end of the input.
    bool next(std::vector<std::string>& fields);

    // From now on every record must have `count` fields (0: any number).
    void expect_fields(std::size_t count) { m_expected = count; }

    // The line the record last read (or being read, when it failed) started on.
    std::size_t line() const { return m_record_line; }

private:
    std::streambuf& m_in;
    std::size_t m_line;
    std::size_t m_record_line = 0;
    std::size_t m_expected = 0;
};

}  // namespace pie
