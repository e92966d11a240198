#include <pie/slice.hpp>

#include <pie/error.hpp>
#include <pie/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <numeric>
#include <optional>

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
    bool ok = !name.empty() && name.size() <= k_max_slice_name && name.front() >= 'a' && name.front() <= 'z' &&
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
    // Three rows of the table: distances from a's first i-2, i-1 and i characters.
    std::vector<std::size_t> before(b.size() + 1), above(b.size() + 1), row(b.size() + 1);
    std::iota(row.begin(), row.end(), 0);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        before.swap(above);
        above.swap(row);
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            row[j] = std::min({above[j] + 1, row[j - 1] + 1, above[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                row[j] = std::min(row[j], before[j - 2] + 1);
            }
        }
    }
    return row[b.size()];
}

std::size_t typo_limit(std::string_view typed) { return std::max<std::size_t>(1, typed.size() / 3); }

std::optional<std::size_t> closest_name(std::string_view typed, const std::vector<std::string_view>& names,
                                        std::size_t max_distance) {
    std::optional<std::size_t> closest;
    std::size_t best = max_distance;
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::size_t distance = edit_distance(typed, names[i]);
        if (distance <= best && (!closest || distance < best)) {
            closest = i;
            best = distance;
        }
    }
    return closest;
}

namespace {

// The slice a typo `wanted` (lowercase, not empty) most likely meant, or null when none is close.
const Slice* likely_meant(std::string_view wanted, const std::vector<Slice>& slices) {
    // What a typo may be of: each whole name first (so it wins a tie), then each name cut to the
    // typed length (a misspelt prefix, from three letters on: "q" is one edit from any "s"), then
    // each hyphen-separated part.
    std::vector<std::string_view> names;
    std::vector<const Slice*> owners;
    auto add = [&](std::string_view name, const Slice& slice) {
        names.push_back(name);
        owners.push_back(&slice);
    };
    for (const Slice& slice : slices) add(slice.name, slice);
    if (wanted.size() >= 3) {
        for (const Slice& slice : slices) add(std::string_view(slice.name).substr(0, wanted.size()), slice);
    }
    for (const Slice& slice : slices) {
        std::string_view name = slice.name;
        if (name.find('-') == std::string_view::npos) continue;
        std::size_t start = 0;
        while (start < name.size()) {
            std::size_t end = std::min(name.find('-', start), name.size());
            add(name.substr(start, end - start), slice);
            start = end + 1;
        }
    }
    std::optional<std::size_t> closest = closest_name(wanted, names, typo_limit(wanted));
    return closest ? owners[*closest] : nullptr;
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
    if (slices.empty()) throw UserError(fmt::format("unknown slice '{}'", typed), "'pie slices add NAME' adds one");
    const Slice* meant = wanted.empty() ? nullptr : likely_meant(wanted, slices);
    std::string hint = meant ? fmt::format("did you mean '{}'? ('pie slices' lists them all)", meant->name)
                             : "'pie slices' lists them all";
    throw UserError(fmt::format("unknown slice '{}'", typed), hint);
}

}  // namespace pie
