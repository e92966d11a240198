#include <doctest/doctest.h>

#include <pie/format/table.hpp>
#include <pie/text.hpp>

#include <sstream>
#include <string>
#include <vector>

// Unit tests of plain text tables: alignment by display width, no trailing blanks, `max_width`.

namespace {

using Rows = std::vector<std::vector<std::string>>;

// The lines of `text`, which must end in "\n"; each without its "\n".
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

const std::vector<pie::Column> k_history_columns = {{"id", pie::Align::right}, {"slice"}, {"note"}};

}  // namespace

TEST_CASE("render_table aligns columns two spaces apart, numbers right, text left") {
    Rows rows = {{"1", "social", "peer group"}, {"42", "family", "dinner"}, {"7", "career", ""}};
    CHECK(pie::render_table(k_history_columns, rows) ==
          "id  slice   note\n"
          " 1  social  peer group\n"
          "42  family  dinner\n"
          " 7  career\n");
}

TEST_CASE("render_table measures cells by display width, not bytes") {
    Rows rows = {{"1", "\xE6\x97\xA5\xE6\x9C\xAC", "wide"},  // 日本: 4 columns, 6 bytes
                 {"2", "cafe\xCC\x81", "combining"},         // café: 4 columns, 6 bytes
                 {"3", "\xF0\x9F\x98\x80!", "emoji"},        // 😀!: 3 columns, 5 bytes
                 {"4", "social", "ascii"}};
    CHECK(pie::render_table(k_history_columns, rows) ==
          "id  slice   note\n"
          " 1  \xE6\x97\xA5\xE6\x9C\xAC    wide\n"
          " 2  cafe\xCC\x81    combining\n"
          " 3  \xF0\x9F\x98\x80!     emoji\n"
          " 4  social  ascii\n");
    for (const std::string& line : lines_of(pie::render_table(k_history_columns, rows))) {
        CAPTURE(line);
        // Every note starts in the same terminal column.
        if (line.rfind("id", 0) != 0) {
            std::size_t note_at = line.find_last_of(' ') + 1;
            CHECK(pie::display_width(line.substr(0, note_at)) == 12);
        }
    }
}

TEST_CASE("render_table leaves no trailing blanks, whatever the alignment of the last column") {
    std::vector<pie::Column> right_last = {{"slice"}, {"minutes", pie::Align::right}};
    Rows rows = {{"social", "90"}, {"family", ""}, {"", ""}, {"x"}};
    std::string table = pie::render_table(right_last, rows);
    CHECK(table ==
          "slice   minutes\n"
          "social       90\n"
          "family\n"
          "\n"
          "x\n");

    Rows trailing = {{"1", "social", "note with trailing spaces   "}, {"2", "", ""}};
    for (const std::string& line : lines_of(pie::render_table(k_history_columns, trailing))) {
        CAPTURE(line);
        CHECK((line.empty() || line.back() != ' '));
    }
}

TEST_CASE("render_table: one line per row, a header even with no rows, missing cells empty") {
    CHECK(pie::render_table(k_history_columns, {}) == "id  slice  note\n");
    CHECK(pie::render_table(k_history_columns, {{"5"}}) == "id  slice  note\n 5\n");
    std::string table = pie::render_table(k_history_columns, {{"1", "a", "x"}, {"2", "b", "y"}, {"3", "c", "z"}});
    CHECK(lines_of(table).size() == 4);
    CHECK(table.back() == '\n');
}

TEST_CASE("render_table with max_width cuts the last column to fit") {
    Rows rows = {{"1", "social", "peer consultation group"}, {"42", "family", "dinner"}};
    // Before the note: 2 + 2 + 6 + 2 = 12 columns; 20 leaves 8 for it.
    CHECK(pie::render_table(k_history_columns, rows, 20) ==
          "id  slice   note\n"
          " 1  social  peer co\xE2\x80\xA6\n"
          "42  family  dinner\n");
    CHECK(pie::render_table(k_history_columns, rows, 20, true) ==
          "id  slice   note\n"
          " 1  social  peer ...\n"
          "42  family  dinner\n");
    for (int max_width = 16; max_width <= 40; ++max_width) {
        for (bool ascii : {false, true}) {
            CAPTURE(max_width);
            CAPTURE(ascii);
            for (const std::string& line : lines_of(pie::render_table(k_history_columns, rows, max_width, ascii))) {
                CAPTURE(line);
                CHECK(pie::display_width(line) <= max_width);
                CHECK(pie::is_valid_utf8(line));
            }
        }
    }
}

TEST_CASE("render_table with max_width cuts wide characters whole") {
    Rows rows = {{"1", "social", "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xA7\xE3\x81\x99"}};  // 10 columns
    std::string table = pie::render_table(k_history_columns, rows, 17);                             // room for 5
    CHECK(table ==
          "id  slice   note\n"
          " 1  social  \xE6\x97\xA5\xE6\x9C\xAC\xE2\x80\xA6\n");
}

TEST_CASE("render_table with a max_width that is wide enough changes nothing") {
    Rows rows = {{"1", "social", "peer consultation group"}, {"42", "family", "dinner"}};
    std::string unlimited = pie::render_table(k_history_columns, rows);
    CHECK(pie::render_table(k_history_columns, rows, 35) == unlimited);  // exactly the widest line
    CHECK(pie::render_table(k_history_columns, rows, 200) == unlimited);
}

TEST_CASE("render_table with a tiny max_width still shows the whole header and cuts only the last column") {
    Rows rows = {{"1", "social", "peer consultation group"}};
    std::string table = pie::render_table(k_history_columns, rows, 5);
    auto lines = lines_of(table);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "id  slice   note");
    CHECK(lines[1] == " 1  social  pee\xE2\x80\xA6");
}

TEST_CASE("render_table with one column cuts it to max_width") {
    std::vector<pie::Column> notes = {{"note"}};
    CHECK(pie::render_table(notes, {{"short"}, {"a rather long note"}}, 8) == "note\nshort\na rathe\xE2\x80\xA6\n");
    CHECK(pie::render_table(notes, {{"a rather long note"}}, 8, true) == "note\na rat...\n");
}
