#pragma once

// User text: validation on the way in, harmless display on the way out (§1 "User text").
// Pure: no database, no command line.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pie {

// Whether `text` is well-formed UTF-8.
bool is_valid_utf8(std::string_view text);

// Throws UserError ("<what> is not valid UTF-8") unless `text` is well-formed UTF-8.
void require_utf8(std::string_view text, std::string_view what);

// `text` made safe for a terminal: a newline or tab becomes a space, any other control character
// (U+0000-U+001F, U+007F-U+009F) a '?'; with `ascii`, every non-ASCII character is a '?' too.
std::string display_text(std::string_view text, bool ascii);

// `text` case-folded (Unicode, through utf8proc), for case-insensitive matching; malformed
// UTF-8 comes back unchanged.
std::string fold_case(std::string_view text);

// `text` with A-Z lowered and every other byte kept: for keywords (WHEN words, formats, names).
std::string lower_ascii(std::string_view text);

// "1 entry", "3 entries": a count and the noun that goes with it.
std::string plural(std::int64_t n, std::string_view one, std::string_view many);

// A tag (§3) is one word: no whitespace and no control character. `text` made one: every such
// character becomes '-' (for tags from other programs); malformed UTF-8 is kept as it is.
std::string tag_word(std::string_view text);

// Throws UserError unless every tag is valid UTF-8 and one word (non-empty, as tag_word keeps
// it), and none is given twice.
void require_tags(const std::vector<std::string>& tags);

// Columns `text` takes in a terminal (wide characters count 2), for text already made safe.
int display_width(std::string_view text);

// `text` cut to at most `width` columns, ending in "..." (or "…" unless `ascii`) when it was cut.
std::string truncate_to_width(std::string_view text, int width, bool ascii);

// `text` padded with spaces to `width` columns, on the right or (for numbers) on the left.
std::string pad_right(std::string_view text, int width);
std::string pad_left(std::string_view text, int width);

}  // namespace pie
