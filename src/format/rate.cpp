#include <pie/format/rate.hpp>

#include <pie/format/csv.hpp>
#include <pie/format/json.hpp>
#include <pie/format/table.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

namespace pie {

std::string render_ratings_text(const std::vector<Rating>& ratings, Instant now, std::optional<int> width, bool ascii) {
    if (ratings.empty()) return "No ratings yet.\n";
    std::vector<std::vector<std::string>> rows;
    for (const Rating& rating : ratings) {
        rows.push_back({format_short(rating.at, now), rating.slice, fmt::format("{}/10", rating.score),
                        display_text(rating.note, ascii)});
    }
    return render_table({{"when"}, {"slice"}, {"rating", Align::right}, {"note"}}, rows, width, ascii);
}

std::string render_ratings_json(const std::vector<Rating>& ratings) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Rating& rating : ratings) out.push_back(rating_json(rating, JsonUse::listed));
    return json_text(out);
}

std::string render_ratings_csv(const std::vector<Rating>& ratings) {
    std::string out = csv_row({"at", "slice", "score", "note"});
    for (const Rating& rating : ratings) {
        out += csv_row({format_iso(rating.at), rating.slice, std::to_string(rating.score), rating.note});
    }
    return out;
}

}  // namespace pie
