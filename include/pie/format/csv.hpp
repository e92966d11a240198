#pragma once

// CSV as RFC 4180 has it, with LF line ends.

#include <string>
#include <string_view>
#include <vector>

namespace pie {

// A field, quoted when it holds a comma, a quote, CR or LF (quotes doubled).
std::string csv_field(std::string_view text);

// A record: fields joined by commas, ended by "\n".
std::string csv_row(const std::vector<std::string>& fields);

}  // namespace pie
