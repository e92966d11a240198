#include <pie/slice.hpp>

#include <pie/error.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <numeric>

namespace pie {

const std::vector<DefaultSlice>& default_slices() {
    static const std::vector<DefaultSlice> slices = {
        {"0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f01", "spiritual", "Spiritual"},
        {"0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f02", "career", "Career"},
        {"0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f03", "cultural-identity", "Cultural identity"},
        {"0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f04", "health-fitness", "Health and fitness"},
        {"0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f05", "family", "Family"},
        {"0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f06", "social", "Social network"},
        {"0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f07", "mental-health", "Mental health"},
        {"0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f08", "finances", "Finances"},
    };
    return slices;
}

void require_slice_name(std::string_view name) {
    auto allowed = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; };
    bool ok = !name.empty() && name.size() <= 32 && name.front() >= 'a' && name.front() <= 'z' &&
              std::all_of(name.begin(), name.end(), allowed);
    if (!ok) {
        throw UserError(fmt::format("invalid slice name '{}'", name),
                        "a name is 1-32 characters of a-z, 0-9 and '-', starting with a letter");
    }
}

std::string default_label(std::string_view name) {
    std::string label(name);
    std::replace(label.begin(), label.end(), '-', ' ');
    if (!label.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
    return label;
}

const Slice& require_active(const Slice& slice) {
    if (slice.retired()) {
        throw UserError(fmt::format("slice '{}' is retired", slice.name),
                        fmt::format("'pie slices restore {}' brings it back", slice.name));
    }
    return slice;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

namespace {

// How far a typed word is from a name: the closest of the whole name, the name cut to the
// word's length (a misspelt prefix) and each hyphen-separated part ("helth" ~ "health-fitness").
std::size_t name_distance(std::string_view typed, std::string_view name) {
    std::size_t best = std::min(edit_distance(typed, name), edit_distance(typed, name.substr(0, typed.size())) + 1);
    std::size_t start = 0;
    while (start <= name.size()) {
        std::size_t end = std::min(name.find('-', start), name.size());
        best = std::min(best, edit_distance(typed, name.substr(start, end - start)) + 1);
        start = end + 1;
    }
    return best;
}

}  // namespace

const Slice& resolve_slice(std::string_view typed, const std::vector<Slice>& slices) {
    std::string wanted = lower_ascii(typed);
    std::vector<const Slice*> prefixed;
    for (const Slice& slice : slices) {
        if (slice.name == wanted) return slice;
        if (!wanted.empty() && slice.name.starts_with(wanted)) prefixed.push_back(&slice);
    }
    if (prefixed.size() == 1) return *prefixed.front();
    if (prefixed.size() > 1) {
        std::vector<std::string_view> names;
        for (const Slice* slice : prefixed) names.push_back(slice->name);
        throw UserError(fmt::format("ambiguous slice '{}': {}", typed, fmt::join(names, ", ")));
    }
    const Slice* closest = nullptr;
    std::size_t best = 0;
    for (const Slice& slice : slices) {
        std::size_t distance = name_distance(wanted, slice.name);
        if (!closest || distance < best) {
            closest = &slice;
            best = distance;
        }
    }
    std::string hint = closest ? fmt::format("did you mean '{}'? ('pie slices' lists them all)", closest->name)
                               : "'pie slices add NAME' adds one";
    throw UserError(fmt::format("unknown slice '{}'", typed), hint);
}

}  // namespace pie
