#include <pie/format/table.hpp>

#include <pie/text.hpp>

#include <algorithm>

namespace pie {

std::string render_table(const std::vector<Column>& columns, const std::vector<std::vector<std::string>>& rows,
                         std::optional<int> max_width, bool ascii) {
    constexpr int gap = 2;
    std::vector<int> widths;
    for (const Column& column : columns) widths.push_back(display_width(column.header));
    for (const auto& row : rows) {
        for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i) {
            widths[i] = std::max(widths[i], display_width(row[i]));
        }
    }
    std::optional<int> last_room;
    if (max_width && !widths.empty()) {
        int before = 0;
        for (std::size_t i = 0; i + 1 < widths.size(); ++i) before += widths[i] + gap;
        last_room = std::max(*max_width - before, display_width(columns.back().header));
        widths.back() = std::min(widths.back(), *last_room);
    }

    auto line = [&](const std::vector<std::string>& cells) {
        std::string out;
        for (std::size_t i = 0; i < columns.size(); ++i) {
            std::string cell = i < cells.size() ? cells[i] : "";
            bool last = i + 1 == columns.size();
            if (last && last_room) cell = truncate_to_width(cell, *last_room, ascii);
            if (i > 0) out.append(gap, ' ');
            if (columns[i].align == Align::right) {
                out += pad_left(cell, widths[i]);
            } else {
                out += last ? cell : pad_right(cell, widths[i]);
            }
        }
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out + "\n";
    };

    std::vector<std::string> headers;
    for (const Column& column : columns) headers.push_back(column.header);
    std::string out = line(headers);
    for (const auto& row : rows) out += line(row);
    return out;
}

}  // namespace pie
