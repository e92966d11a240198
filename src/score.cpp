#include <pie/error.hpp>
#include <pie/score.hpp>

#include <fmt/format.h>

#include <charconv>

namespace pie {

std::optional<int> read_score(std::string_view text) {
    int score = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), score);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || score < 1 || score > 10) {
        return std::nullopt;
    }
    return score;
}

int parse_score(std::string_view text) {
    if (auto score = read_score(text)) return *score;
    throw UserError(fmt::format("rating '{}' is out of range: it must be a whole number from 1 to 10", text));
}

}  // namespace pie
