// Fuzz target: user text shown in text output (§1). For any bytes that are valid UTF-8,
// display_text never lets a control character through (C0, DEL, C1: no raw ESC reaches a
// terminal), with --ascii only 7-bit ASCII, and the width and truncation helpers stay in bounds.

#include "fuzz.hpp"

#include <pie/text.hpp>

#include <string>

namespace {

// Whether `shown` holds a control character: a C0 byte, DEL, or a C1 character (U+0080-U+009F,
// UTF-8 C2 80..C2 9F).
bool has_control(std::string_view shown) {
    for (std::size_t i = 0; i < shown.size(); ++i) {
        auto c = static_cast<unsigned char>(shown[i]);
        if (c < 0x20 || c == 0x7f) return true;
        if (c == 0xc2 && i + 1 < shown.size() && static_cast<unsigned char>(shown[i + 1]) <= 0x9f) return true;
    }
    return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view text = pie::fuzz::text_of(data, size);
    if (!pie::is_valid_utf8(text)) return 0;  // refused on the way in (require_utf8)
    for (bool ascii : {false, true}) {
        std::string shown = pie::display_text(text, ascii);
        pie::fuzz::require(pie::is_valid_utf8(shown));
        pie::fuzz::require(!has_control(shown));
        if (ascii) {
            for (char c : shown) pie::fuzz::require(static_cast<unsigned char>(c) < 0x80);
        }
        int width = pie::display_width(shown);
        pie::fuzz::require(width >= 0);
        for (int limit : {0, 1, 3, 10, 40}) {
            std::string cut = pie::truncate_to_width(shown, limit, ascii);
            pie::fuzz::require(pie::is_valid_utf8(cut));
            pie::fuzz::require(pie::display_width(cut) <= std::max(limit, 0) || limit < 3);
        }
    }
    (void)pie::fold_case(text);
    return 0;
}
