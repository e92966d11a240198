#include <doctest/doctest.h>

#include "../support.hpp"

#include <pie/format/slices.hpp>

// Unit tests of `pie slices`'s renderers (§2): the table and the names for scripts.

using pie::Slice;
using pie::SliceActivity;
using pie::test::k_now;
using pie::test::utc_time;

namespace {

std::vector<Slice> sample() {
    Slice social;
    social.id = 6;
    social.name = "social";
    social.label = "Social network";
    Slice finances;
    finances.id = 8;
    finances.name = "finances";
    finances.label = "Geld\tund \xE2\x82\xAC";
    finances.retired_at = k_now;
    return {social, finances};
}

}  // namespace

TEST_CASE("slices as a table: status, entries and last logged from their activity") {
    pie::test::ZoneGuard zone("Europe/Berlin");
    std::vector<SliceActivity> activity = {{6, 12, utc_time(2026, 11, 23, 17)}};
    CHECK(pie::render_slices_text(sample(), activity, k_now, true) ==
          "name      label           status   entries  last logged\n"
          "social    Social network  active        12  Mon 23 Nov 18:00\n"
          "finances  Geld und ?      retired        0  -\n");
}

TEST_CASE("slice names: the active ones, one per line, in pie order") {
    CHECK(pie::render_slice_names(sample()) == "social\n");
    CHECK(pie::render_slice_names({}) == "");
}
