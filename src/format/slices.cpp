#include <pie/format/slices.hpp>

#include <pie/format/table.hpp>
#include <pie/text.hpp>

#include <algorithm>

namespace pie {

std::string render_slices_text(const std::vector<Slice>& slices, const std::vector<SliceActivity>& activity,
                               Instant now, bool ascii) {
    std::vector<std::vector<std::string>> rows;
    for (const Slice& slice : slices) {
        auto used = std::find_if(activity.begin(), activity.end(),
                                 [&](const SliceActivity& a) { return a.slice_id == slice.id; });
        bool any = used != activity.end();
        rows.push_back({slice.name, display_text(slice.label, ascii), slice.retired() ? "retired" : "active",
                        std::to_string(any ? used->entries : 0),
                        any && used->last_logged ? format_short(*used->last_logged, now) : "-"});
    }
    return render_table({{"name"}, {"label"}, {"status"}, {"entries", Align::right}, {"last logged"}}, rows,
                        std::nullopt, ascii);
}

std::string render_slice_names(const std::vector<Slice>& slices) {
    std::string out;
    for (const Slice& slice : slices) {
        if (!slice.retired()) out += slice.name + "\n";
    }
    return out;
}

}  // namespace pie
