#include <doctest/doctest.h>

#include <pie/error.hpp>
#include <pie/text.hpp>

#include <string>
#include <string_view>

// Unit tests of the text module against the contract's §1 "User text" and "--ascii".
// Byte sequences are spelled as hex escapes; adjacent literals keep an escape from swallowing
// the next character ("\xC3" "a", not "\xC3a").

using namespace std::string_view_literals;

TEST_CASE("is_valid_utf8 accepts well-formed UTF-8 of every length") {
    CHECK(pie::is_valid_utf8(""));
    CHECK(pie::is_valid_utf8("plain ASCII, with punctuation!"));
    CHECK(pie::is_valid_utf8("a\0b"sv));                    // U+0000 is well-formed
    CHECK(pie::is_valid_utf8("\x7F"));                      // last 1-byte
    CHECK(pie::is_valid_utf8("\xC2\x80"));                  // first 2-byte
    CHECK(pie::is_valid_utf8("caf\xC3\xA9"));               // é
    CHECK(pie::is_valid_utf8("\xDF\xBF"));                  // last 2-byte
    CHECK(pie::is_valid_utf8("\xE0\xA0\x80"));              // first 3-byte
    CHECK(pie::is_valid_utf8("\xE2\x82\xAC"));              // €
    CHECK(pie::is_valid_utf8("\xE6\x97\xA5\xE6\x9C\xAC"));  // 日本
    CHECK(pie::is_valid_utf8("\xED\x9F\xBF"));              // U+D7FF, just below the surrogates
    CHECK(pie::is_valid_utf8("\xEE\x80\x80"));              // U+E000, just above them
    CHECK(pie::is_valid_utf8("\xEF\xBF\xBD"));              // U+FFFD
    CHECK(pie::is_valid_utf8("\xEF\xBF\xBF"));              // U+FFFF, a noncharacter but well-formed
    CHECK(pie::is_valid_utf8("\xF0\x90\x80\x80"));          // first 4-byte
    CHECK(pie::is_valid_utf8("\xF0\x9F\x98\x80"));          // 😀
    CHECK(pie::is_valid_utf8("\xF4\x8F\xBF\xBF"));          // U+10FFFF, the last code point
}

TEST_CASE("is_valid_utf8 rejects overlong encodings") {
    CHECK_FALSE(pie::is_valid_utf8("\xC0\x80"));          // U+0000 in 2 bytes
    CHECK_FALSE(pie::is_valid_utf8("\xC0\xAF"));          // '/' in 2 bytes
    CHECK_FALSE(pie::is_valid_utf8("\xC1\xBF"));          // U+007F in 2 bytes
    CHECK_FALSE(pie::is_valid_utf8("\xE0\x80\xAF"));      // '/' in 3 bytes
    CHECK_FALSE(pie::is_valid_utf8("\xE0\x9F\xBF"));      // U+07FF in 3 bytes
    CHECK_FALSE(pie::is_valid_utf8("\xF0\x80\x80\xAF"));  // '/' in 4 bytes
    CHECK_FALSE(pie::is_valid_utf8("\xF0\x8F\xBF\xBF"));  // U+FFFF in 4 bytes
}

TEST_CASE("is_valid_utf8 rejects surrogates and code points past U+10FFFF") {
    CHECK_FALSE(pie::is_valid_utf8("\xED\xA0\x80"));              // U+D800
    CHECK_FALSE(pie::is_valid_utf8("\xED\xAF\xBF"));              // U+DBFF
    CHECK_FALSE(pie::is_valid_utf8("\xED\xB0\x80"));              // U+DC00
    CHECK_FALSE(pie::is_valid_utf8("\xED\xBF\xBF"));              // U+DFFF
    CHECK_FALSE(pie::is_valid_utf8("\xED\xA0\xBD\xED\xB8\x80"));  // a CESU-8 pair for 😀
    CHECK_FALSE(pie::is_valid_utf8("\xF4\x90\x80\x80"));          // U+110000
    CHECK_FALSE(pie::is_valid_utf8("\xF5\x80\x80\x80"));
    CHECK_FALSE(pie::is_valid_utf8("\xF8\x88\x80\x80\x80"));      // old 5-byte form
    CHECK_FALSE(pie::is_valid_utf8("\xFC\x84\x80\x80\x80\x80"));  // old 6-byte form
    CHECK_FALSE(pie::is_valid_utf8("\xFE"));
    CHECK_FALSE(pie::is_valid_utf8("\xFF"));
}

TEST_CASE("is_valid_utf8 rejects truncated sequences and stray continuation bytes") {
    CHECK_FALSE(pie::is_valid_utf8("\xC3"));
    CHECK_FALSE(pie::is_valid_utf8("caf\xC3"));
    CHECK_FALSE(
        pie::is_valid_utf8("\xC3"
                           "a"));
    CHECK_FALSE(pie::is_valid_utf8("\xE2\x82"));
    CHECK_FALSE(
        pie::is_valid_utf8("\xE2\x82"
                           "a"));
    CHECK_FALSE(
        pie::is_valid_utf8("\xE2"
                           "a\xAC"));
    CHECK_FALSE(pie::is_valid_utf8("\xF0\x9F\x98"));
    CHECK_FALSE(
        pie::is_valid_utf8("\xF0\x9F\x98"
                           " ok"));
    CHECK_FALSE(pie::is_valid_utf8("\x80"));
    CHECK_FALSE(
        pie::is_valid_utf8("a\xBF"
                           "b"));
    CHECK_FALSE(pie::is_valid_utf8("\xC3\xA9\xA9"));  // one continuation too many
    CHECK_FALSE(
        pie::is_valid_utf8("ok, then \x9B"
                           "31m"));  // an 8-bit CSI is not UTF-8
}

TEST_CASE("require_utf8 throws a UserError naming what was bad") {
    CHECK_NOTHROW(pie::require_utf8("caf\xC3\xA9", "note"));
    try {
        pie::require_utf8("caf\xE9", "the note");
        FAIL("no error");
    } catch (const pie::UserError& error) {
        CHECK(std::string(error.what()) == "the note is not valid UTF-8");
    }
}

TEST_CASE("display_text turns a newline or a tab into a space") {
    CHECK(pie::display_text("peer\nconsultation\tgroup", false) == "peer consultation group");
    CHECK(pie::display_text("\n\n", false) == "  ");
    CHECK(pie::display_text("a\tb", true) == "a b");
}

TEST_CASE("display_text turns every other control character into '?'") {
    CHECK(pie::display_text("a\0b"sv, false) == "a?b");
    CHECK(pie::display_text("\x01\x07\x08\x0B\x0C\x1F", false) == "??????");
    CHECK(pie::display_text("del\x7F", false) == "del?");
    CHECK(pie::display_text("\xC2\x80", false) == "?");      // U+0080, first C1 control
    CHECK(pie::display_text("x\xC2\x85y", false) == "x?y");  // U+0085 NEL: one '?', not two
    CHECK(pie::display_text("\xC2\x9B"
                            "2J",
                            false) == "?2J");                   // U+009B CSI
    CHECK(pie::display_text("\xC2\x9F", false) == "?");         // U+009F, last C1 control
    CHECK(pie::display_text("\xC2\xA0", false) == "\xC2\xA0");  // U+00A0 is not a control
}

TEST_CASE("display_text turns a carriage return into '?': only newline and tab become spaces") {
    // Regression (was a bug): display_text maps '\r' to a space, but §1 and text.hpp say only a newline or a tab
    // becomes a space and "any other" control character (U+000D included) a '?'.
    CHECK(pie::display_text("a\rb", false) == "a?b");
    CHECK(pie::display_text("line\r\n", false) == "line? ");
}

TEST_CASE("display_text neutralises terminal escape sequences") {
    std::string shown = pie::display_text(
        "\x1B[31mred\x1B[0m \x1B]0;title\x07 \x1B"
        "c",
        false);
    CHECK(shown == "?[31mred?[0m ?]0;title? ?c");
    CHECK(shown.find('\x1B') == std::string::npos);
    CHECK(shown.find('\x07') == std::string::npos);
    // An 8-bit CSI (raw byte 0x9B) is invalid UTF-8: it must not reach the terminal either.
    std::string raw = pie::display_text(
        "x\x9B"
        "31my",
        false);
    CHECK(raw == "x?31my");
}

TEST_CASE("display_text keeps other text exactly, and replaces each invalid byte with '?'") {
    CHECK(pie::display_text("", false) == "");
    CHECK(pie::display_text("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80", false) ==
          "caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80");
    CHECK(pie::display_text("a\xFF"
                            "b",
                            false) == "a?b");
    CHECK(pie::display_text("\xC3", false) == "?");
    std::string shown = pie::display_text("\xED\xA0\x80", false);  // a surrogate: never passed through
    CHECK(pie::is_valid_utf8(shown));
    CHECK(shown.find_first_not_of('?') == std::string::npos);
}

TEST_CASE("display_text in ascii mode prints every non-ASCII character as one '?'") {
    CHECK(pie::display_text("caf\xC3\xA9", true) == "caf?");
    CHECK(pie::display_text("\xE6\x97\xA5\xE6\x9C\xAC", true) == "??");
    CHECK(pie::display_text("\xF0\x9F\x98\x80!", true) == "?!");
    CHECK(pie::display_text("e\xCC\x81", true) == "e?");  // e + combining acute
    CHECK(pie::display_text("\xC2\xA0", true) == "?");
    CHECK(pie::display_text("\x1B[1m\xC2\x85", true) == "?[1m?");
    CHECK(pie::display_text("plain ~ text", true) == "plain ~ text");
    std::string shown = pie::display_text("\xFF\xE2\x82\xAC\n\x7F", true);
    CHECK(shown == "?? ?");
    for (char c : shown) CHECK(static_cast<unsigned char>(c) < 0x80);
}

TEST_CASE("display_width counts terminal columns") {
    CHECK(pie::display_width("") == 0);
    CHECK(pie::display_width("social") == 6);
    CHECK(pie::display_width("caf\xC3\xA9") == 4);               // precomposed é
    CHECK(pie::display_width("cafe\xCC\x81") == 4);              // e + combining acute: 0 columns
    CHECK(pie::display_width("\xE6\x97\xA5\xE6\x9C\xAC") == 4);  // 日本: wide
    CHECK(pie::display_width("\xED\x95\x9C") == 2);              // 한: wide
    CHECK(pie::display_width("\xEF\xBC\xA1") == 2);              // Ａ fullwidth
    CHECK(pie::display_width("\xF0\x9F\x98\x80") == 2);          // 😀
    CHECK(pie::display_width("a\xF0\x9F\x8D\x95"
                             "b") == 4);             // a🍕b
    CHECK(pie::display_width("\xE2\x80\xA6") == 1);  // …
    CHECK(pie::display_width("\xE2\x82\xAC"
                             "5") == 2);  // €5
}

TEST_CASE("truncate_to_width leaves text that fits alone") {
    CHECK(pie::truncate_to_width("hello", 10, false) == "hello");
    CHECK(pie::truncate_to_width("hello", 5, false) == "hello");
    CHECK(pie::truncate_to_width("hello", 5, true) == "hello");
    CHECK(pie::truncate_to_width("\xE6\x97\xA5\xE6\x9C\xAC", 4, false) == "\xE6\x97\xA5\xE6\x9C\xAC");
    CHECK(pie::truncate_to_width("", 0, false) == "");
}

TEST_CASE("truncate_to_width cuts to the width, ending in an ellipsis") {
    CHECK(pie::truncate_to_width("hello world", 8, false) == "hello w\xE2\x80\xA6");
    CHECK(pie::truncate_to_width("hello world", 8, true) == "hello...");
    CHECK(pie::truncate_to_width("hello", 4, false) == "hel\xE2\x80\xA6");
    CHECK(pie::truncate_to_width("hello", 4, true) == "h...");
    CHECK(pie::truncate_to_width("hello", 1, false) == "\xE2\x80\xA6");
    // A wide character that would straddle the edge is left out whole.
    CHECK(pie::truncate_to_width("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 4, false) == "\xE6\x97\xA5\xE2\x80\xA6");
    CHECK(pie::truncate_to_width("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", 5, false) ==
          "\xE6\x97\xA5\xE6\x9C\xAC\xE2\x80\xA6");
    // A combining mark stays with its base character.
    CHECK(pie::truncate_to_width("cafe\xCC\x81s and more", 5, false) == "cafe\xCC\x81\xE2\x80\xA6");
}

TEST_CASE("truncate_to_width never exceeds the width and never splits a character") {
    const std::string samples[] = {"hello world", "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xA7\xE3\x81\x99",
                                   "a\xF0\x9F\x98\x80"
                                   "b\xF0\x9F\x98\x80"
                                   "c",
                                   "cafe\xCC\x81 cafe\xCC\x81"};
    for (const std::string& text : samples) {
        for (int width = 0; width <= 16; ++width) {
            for (bool ascii : {false, true}) {
                CAPTURE(text);
                CAPTURE(width);
                CAPTURE(ascii);
                std::string cut = pie::truncate_to_width(text, width, ascii);
                CHECK(pie::display_width(cut) <= width);
                CHECK(pie::is_valid_utf8(cut));
                if (pie::display_width(text) <= width) CHECK(cut == text);
            }
        }
    }
}

TEST_CASE("pad_right and pad_left pad to a display width, never cut") {
    CHECK(pie::pad_right("ab", 5) == "ab   ");
    CHECK(pie::pad_left("42", 5) == "   42");
    CHECK(pie::pad_right("\xE6\x97\xA5\xE6\x9C\xAC", 6) == "\xE6\x97\xA5\xE6\x9C\xAC  ");
    CHECK(pie::pad_left("\xE6\x97\xA5", 3) == " \xE6\x97\xA5");
    CHECK(pie::pad_right("cafe\xCC\x81", 5) == "cafe\xCC\x81 ");
    CHECK(pie::pad_right("exact", 5) == "exact");
    CHECK(pie::pad_left("exact", 5) == "exact");
    CHECK(pie::pad_right("longer", 3) == "longer");
    CHECK(pie::pad_left("longer", 3) == "longer");
    CHECK(pie::pad_right("", 3) == "   ");
    CHECK(pie::pad_left("x", 0) == "x");
    CHECK(pie::pad_left("x", -4) == "x");
}

TEST_CASE("lower_ascii lowers A-Z only and keeps every other byte") {
    CHECK(pie::lower_ascii("MoN 18:30") == "mon 18:30");
    CHECK(pie::lower_ascii("\xC3\x84"
                           "BC") ==
          "\xC3\x84"
          "bc");  // Ä stays: keywords are ASCII
    CHECK(pie::lower_ascii("") == "");
}

TEST_CASE("plural picks the noun for the count") {
    CHECK(pie::plural(1, "entry", "entries") == "1 entry");
    CHECK(pie::plural(0, "entry", "entries") == "0 entries");
    CHECK(pie::plural(2, "slice", "slices") == "2 slices");
}

TEST_CASE("tag_word turns whitespace and control characters into '-'") {
    CHECK(pie::tag_word("deep work") == "deep-work");
    CHECK(pie::tag_word("a\tb\nc\x7f"
                        "d") == "a-b-c-d");
    CHECK(pie::tag_word("no\xC2\xA0"
                        "break") == "no-break");                // U+00A0 no-break space
    CHECK(pie::tag_word("em\xE2\x80\x83space") == "em-space");  // U+2003 em space
    CHECK(pie::tag_word("c1\xC2\x85"
                        "next") == "c1-next");  // U+0085, a C1 control
    CHECK(pie::tag_word("caf\xC3\xA9-\xE2\x9C\x93") == "caf\xC3\xA9-\xE2\x9C\x93");
}

TEST_CASE("require_tags: each tag one word, valid UTF-8, given once") {
    CHECK_NOTHROW(pie::require_tags({}));
    CHECK_NOTHROW(pie::require_tags({"work", "Work", "caf\xC3\xA9"}));  // case kept: two tags
    for (const char* bad : {"", "two words", "tab\there", "bell\x07", "nbsp\xC2\xA0x", "c1\xC2\x9B", "\xC3"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(pie::require_tags({"ok", bad}), pie::UserError);
    }
    CHECK_THROWS_WITH_AS(pie::require_tags({"a", "b", "a"}), "tag 'a' given twice", pie::UserError);
    CHECK_THROWS_WITH_AS(pie::require_tags({"a b"}), "invalid tag 'a b'", pie::UserError);
}
