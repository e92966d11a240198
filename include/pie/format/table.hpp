#pragma once

// Plain text tables: a header line and aligned columns, measured by display width.

#include <optional>
#include <string>
#include <vector>

namespace pie {

enum class Align { left, right };

struct Column {
    std::string header;
    Align align = Align::left;
};

// Rows under a header line, columns two spaces apart, no trailing blanks, one row per line.
// Cells must already be safe to display. With `max_width`, the last column is cut to fit.
std::string render_table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
                         std::optional<int> max_width = std::nullopt, bool ascii = false);

}  // namespace pie
