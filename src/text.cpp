#include <pie/text.hpp>

#include <pie/error.hpp>

#include <fmt/format.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

namespace pie {

namespace {

// Decodes the code point at `pos`, advancing it; -1 (and one byte) for a malformed sequence.
utf8proc_int32_t next_code_point(std::string_view text, std::size_t& pos) {
    utf8proc_int32_t code = -1;
    auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + pos),
                              static_cast<utf8proc_ssize_t>(text.size() - pos), &code);
    if (n <= 0) {
        ++pos;
        return -1;
    }
    pos += static_cast<std::size_t>(n);
    return code;
}

// Whether a code point may not stand in a tag: whitespace (Unicode's separators, and the
// ASCII and C1 blanks) or a control character (U+0000-U+001F, U+007F-U+009F).
bool breaks_tag(utf8proc_int32_t code) {
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
    utf8proc_category_t category = utf8proc_category(code);
    return category == UTF8PROC_CATEGORY_ZS || category == UTF8PROC_CATEGORY_ZL || category == UTF8PROC_CATEGORY_ZP;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
    for (std::size_t pos = 0; pos < text.size();) {
        if (next_code_point(text, pos) < 0) return false;
    }
    return true;
}

void require_utf8(std::string_view text, std::string_view what) {
    if (!is_valid_utf8(text)) throw UserError(fmt::format("{} is not valid UTF-8", what));
}

std::string display_text(std::string_view text, bool ascii) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t start = pos;
        utf8proc_int32_t code = next_code_point(text, pos);
        if (code == '\n' || code == '\t') {
            out += ' ';
        } else if (code < 0 || code < 0x20 || (code >= 0x7f && code <= 0x9f) || (ascii && code > 0x7f)) {
            out += '?';
        } else {
            out.append(text.substr(start, pos - start));
        }
    }
    return out;
}

std::string fold_case(std::string_view text) {
    // ASCII folds to itself with A-Z lowered: no need for utf8proc (goal --match folds every note).
    if (std::all_of(text.begin(), text.end(), [](unsigned char c) { return c < 0x80; })) return lower_ascii(text);
    utf8proc_uint8_t* folded = nullptr;
    auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                          static_cast<utf8proc_ssize_t>(text.size()), &folded, UTF8PROC_CASEFOLD);
    if (n < 0) return std::string(text);
    std::string out(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(n));
    std::free(folded);
    return out;
}

std::string lower_ascii(std::string_view text) {
    std::string out(text);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string plural(std::int64_t n, std::string_view one, std::string_view many) {
    return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string tag_word(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t start = pos;
        utf8proc_int32_t code = next_code_point(text, pos);
        if (code >= 0 && breaks_tag(code)) {
            out += '-';
        } else {
            out.append(text.substr(start, pos - start));
        }
    }
    return out;
}

void require_tags(const std::vector<std::string>& tags) {
    for (auto tag = tags.begin(); tag != tags.end(); ++tag) {
        require_utf8(*tag, "a tag");
        if (tag->empty() || tag_word(*tag) != *tag) {
            throw UserError(fmt::format("invalid tag '{}'", *tag),
                            "a tag is one word: no spaces or control characters");
        }
        if (std::find(tags.begin(), tag, *tag) != tag) throw UserError(fmt::format("tag '{}' given twice", *tag));
    }
}

int display_width(std::string_view text) {
    int width = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        utf8proc_int32_t code = next_code_point(text, pos);
        width += code < 0 ? 1 : std::max(0, utf8proc_charwidth(code));
    }
    return width;
}

std::string truncate_to_width(std::string_view text, int width, bool ascii) {
    if (display_width(text) <= width) return std::string(text);
    std::string_view ellipsis = ascii ? "..." : "…";
    int room = width - display_width(ellipsis);
    if (room < 0) return std::string(ellipsis.substr(0, static_cast<std::size_t>(std::max(width, 0))));
    std::string out;
    int used = 0;
    for (std::size_t pos = 0; pos < text.size();) {
        std::size_t start = pos;
        utf8proc_int32_t code = next_code_point(text, pos);
        int w = code < 0 ? 1 : std::max(0, utf8proc_charwidth(code));
        if (used + w > room) break;
        used += w;
        out.append(text.substr(start, pos - start));
    }
    return out + std::string(ellipsis);
}

std::string pad_right(std::string_view text, int width) {
    std::string out(text);
    out.append(static_cast<std::size_t>(std::max(0, width - display_width(text))), ' ');
    return out;
}

std::string pad_left(std::string_view text, int width) {
    std::string out(static_cast<std::size_t>(std::max(0, width - display_width(text))), ' ');
    return out.append(text);
}

}  // namespace pie
