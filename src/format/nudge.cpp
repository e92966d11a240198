#include <pie/format/chart.hpp>
#include <pie/format/nudge.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace pie {

std::string render_nudges_text(const std::vector<Nudge>& nudges, bool ascii, bool color) {
    std::string out;
    for (const Nudge& nudge : nudges) {
        std::string line = truncate_to_width(display_text(nudge.text, ascii), k_nudge_width, ascii);
        out += color ? fmt::format("{}{}{}\n", k_ansi_faint, line, k_plain) : line + "\n";
    }
    return out;
}

std::string render_nudges_json(const std::vector<Nudge>& nudges) {
    using json = nlohmann::ordered_json;
    auto or_null = [](const auto& value) { return value ? json(*value) : json(nullptr); };
    json out = json::array();
    for (const Nudge& nudge : nudges) {
        out.push_back({{"kind", nudge.kind},
                       {"slice", or_null(nudge.slice)},
                       {"goal", or_null(nudge.goal)},
                       {"days", or_null(nudge.days)},
                       {"text", nudge.text}});
    }
    return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace pie
