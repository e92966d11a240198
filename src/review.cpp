#include <pie/review.hpp>

namespace pie {

std::optional<std::string> clean_intention(std::string_view text) {
    constexpr std::string_view k_blanks = " \t\r\n";
    std::size_t first = text.find_first_not_of(k_blanks);
    if (first == std::string_view::npos) return std::nullopt;
    std::size_t last = text.find_last_not_of(k_blanks);
    return std::string(text.substr(first, last - first + 1));
}

}  // namespace pie
