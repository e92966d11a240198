#pragma once

// `pie rate --list` output (§4): the rating history as a table, JSON or CSV. Each renderer
// returns the whole output.

#include <pie/records.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pie {

// when, slice, rating (as N/10), note; "No ratings yet." when there are none. Times read
// relative to `now`; the note column is cut to `width` when given.
std::string render_ratings_text(const std::vector<Rating>& ratings, Instant now, std::optional<int> width, bool ascii);

// An array of rating objects (rating_json, listed).
std::string render_ratings_json(const std::vector<Rating>& ratings);

// at,slice,score,note.
std::string render_ratings_csv(const std::vector<Rating>& ratings);

}  // namespace pie
