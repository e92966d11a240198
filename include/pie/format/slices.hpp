#pragma once

// `pie slices` output (§2): the slices as a table, or their names for scripts. Each renderer
// returns the whole output.

#include <pie/records.hpp>
#include <pie/slice.hpp>

#include <string>
#include <vector>

namespace pie {

// name, label, status, entries, last logged: one row per slice in pie order, with its use from
// `activity` (a slice missing there has no entries). Times read relative to `now`.
std::string render_slices_text(const std::vector<Slice>& slices, const std::vector<SliceActivity>& activity,
                               Instant now, bool ascii);

// The active slice names, one per line in pie order: for scripts and shell completion.
std::string render_slice_names(const std::vector<Slice>& slices);

}  // namespace pie
