#pragma once

// A rating's score as typed (§4): a whole number from 1 to 10. Pure.

#include <optional>
#include <string_view>

namespace pie {

// The score `text` gives; nullopt for anything but a whole number from 1 to 10.
std::optional<int> read_score(std::string_view text);

// The same, or a UserError saying the range.
int parse_score(std::string_view text);

}  // namespace pie
