#include <doctest/doctest.h>

#include "support.hpp"

#include <pie/format/report.hpp>
#include <pie/text.hpp>

#include <nlohmann/json.hpp>

#include <sstream>

// Unit tests of the report renderers (§6): findings in words, the JSON schema, CSV, and the
// rules every text and markdown report keeps (width, ASCII, no escape without colour).

using pie::Basis;
using pie::RenderOptions;
using pie::Report;
using pie::SliceFacts;

namespace {

SliceFacts facts(std::string name, std::int64_t entries, std::int64_t minutes, std::optional<int> rating = {},
                 std::optional<int> before = {}) {
    SliceFacts f;
    f.slice.name = std::move(name);
    f.slice.label = "Label, \"quoted\"";
    f.totals = {entries, minutes};
    f.rating = rating;
    f.rating_before = before;
    if (entries > 0) f.last_logged = 1000;  // 6 days 23:43 before the period's end
    return f;
}

const pie::ReportPeriod k_period = {0, 7 * 86400, "1970-01-01..1970-01-07", "this week"};

Report report_of(std::vector<SliceFacts> slices, Basis basis = Basis::minutes) {
    return pie::compute_report(k_period, basis, 7 * 86400, slices, {});
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace

TEST_CASE("findings: the balance in words, by score") {
    auto first = [](std::vector<SliceFacts> slices) {
        return pie::report_findings(report_of(std::move(slices))).front();
    };
    CHECK(first({facts("a", 1, 60), facts("b", 1, 60)}) == "Attention was spread evenly (balance 100/100).");
    // shares 0.7, 0.3: H = 0.6109, / ln 2 = 88
    CHECK(first({facts("a", 1, 70), facts("b", 1, 30)}) == "Attention was spread evenly (balance 88/100).");
    // 0.9, 0.1: 47 -> leaned; 0.8, 0.2: 72 -> fairly evenly
    CHECK(first({facts("a", 1, 80), facts("b", 1, 20)}) == "Attention was spread fairly evenly (balance 72/100).");
    CHECK(first({facts("a", 1, 90), facts("b", 1, 10)}) == "Attention leaned toward a few slices (balance 47/100).");
    CHECK(first({facts("a", 1, 97), facts("b", 1, 3)}) ==
          "Attention went mostly to one or two slices (balance 19/100).");
    CHECK(first({facts("a", 0, 0), facts("b", 0, 0)}) ==
          "Nothing was logged this week, so there is no balance score yet.");
    CHECK(first({facts("a", 2, 30)}) == "All of it went to a; with one slice there is no balance score.");
}

TEST_CASE("findings: hyper-focus, neglect as one sentence, needs care, or all is well") {
    auto findings = pie::report_findings(
        report_of({facts("career", 5, 300, 7), facts("social", 1, 30, 3, 5), facts("spiritual", 0, 0, 2),
                   facts("family", 0, 0), facts("finances", 0, 0), facts("health", 2, 90)}));
    REQUIRE(findings.size() == 5);
    CHECK(findings[1] == "career took 71% of your logged time.");
    CHECK(findings[2] == "Nothing logged for spiritual, family or finances this week.");
    CHECK(findings[3] == "social feels low (3/10) and got little time: it may need care.");
    CHECK(findings[4] == "spiritual feels low (2/10) and got no time: it may need care.");

    auto by_count = pie::report_findings(report_of({facts("a", 9, 0), facts("b", 1, 0)}));
    CHECK(by_count[1] == "a took 90% of your logged entries.");

    auto calm = pie::report_findings(report_of({facts("a", 2, 55, 8), facts("b", 2, 50, 5), facts("c", 1, 45, 7)}));
    REQUIRE(calm.size() == 2);
    CHECK(calm[1] == "No slice was neglected or over-weighted this week.");

    auto two = pie::report_findings(report_of({facts("a", 2, 60), facts("b", 0, 0), facts("c", 0, 0)}));
    CHECK(two[2] == "Nothing logged for b or c this week.");
}

TEST_CASE("JSON: every key of §6, nulls never omitted, shares to 4 decimals, average to 1") {
    pie::test::ZoneGuard zone("UTC");
    Report report = report_of({facts("career", 2, 200, 6, 8), facts("social", 1, 100, 4), facts("spiritual", 0, 0)});
    auto json = nlohmann::json::parse(pie::render_json(report));
    CHECK(json["period"] == nlohmann::json{{"from", "1970-01-01T00:00:00+00:00"},
                                           {"to", "1970-01-08T00:00:00+00:00"},
                                           {"label", "1970-01-01..1970-01-07"}});
    CHECK(json["basis"] == "minutes");
    CHECK(json["totals"] == nlohmann::json{{"entries", 3}, {"minutes", 300}});
    REQUIRE(json["slices"].size() == 3);
    const auto& career = json["slices"][0];
    CHECK(career.size() == 12);
    CHECK(career["share"] == 0.6667);
    CHECK(career["rating_change"] == -2);
    CHECK(json["slices"][1]["share"] == 0.3333);
    CHECK(json["slices"][1]["rating_change"].is_null());
    const auto& spiritual = json["slices"][2];
    for (const char* key : {"rating", "rating_change", "last_logged", "days_since_last"}) {
        CAPTURE(key);
        REQUIRE(spiritual.contains(key));
        CHECK(spiritual[key].is_null());
    }
    CHECK(spiritual["neglected"] == true);
    CHECK(json["balance"]["hyper_focus"] == nlohmann::json{"career"});
    CHECK(json["balance"]["needs_care"] == nlohmann::json::array());
    CHECK(json["ratings"]["average"] == 5.0);
    CHECK(json["goals"] == nlohmann::json::array());

    Report empty = report_of({facts("a", 0, 0)});
    auto none = nlohmann::json::parse(pie::render_json(empty));
    CHECK(none["balance"]["score"].is_null());
    CHECK(none["ratings"]["average"].is_null());
    CHECK(none["slices"][0]["share"] == 0);
}

TEST_CASE("CSV: the header, one row per counted slice, quoted labels, empty for null") {
    Report report = report_of({facts("career", 2, 200, 6, 8), facts("social", 1, 100)});
    CHECK(pie::render_csv(report) ==
          "slice,label,entries,minutes,share,rating,rating_change,days_since_last\n"
          "career,\"Label, \"\"quoted\"\"\",2,200,0.6667,6,-2,6\n"
          "social,\"Label, \"\"quoted\"\"\",1,100,0.3333,,,6\n");
}

TEST_CASE("text and markdown: no line wider than the width, ASCII stays 7-bit, no escape without colour") {
    pie::test::ZoneGuard zone("UTC");
    std::vector<SliceFacts> slices;
    for (const char* name : {"spiritual", "career", "cultural-identity", "health-fitness", "family", "social",
                             "mental-health", "finances", "a-very-long-slice-name-of-32-ch", "hobby"}) {
        slices.push_back(facts(name, 3, 40 + 7 * static_cast<int>(slices.size()), 1 + static_cast<int>(slices.size())));
    }
    pie::GoalReport goal;
    goal.goal.kind = pie::GoalKind::one_off;
    goal.goal.slice = "family";
    goal.goal.title = "家族と過ごす時間をもっと大切にしたい \x1b[31m red";
    Report report = pie::compute_report(k_period, Basis::minutes, 7 * 86400, slices, {goal});
    for (int width = pie::k_min_width; width <= 200; width += 7) {
        for (bool ascii : {false, true}) {
            RenderOptions options{width, ascii, false};
            for (const std::string& out : {pie::render_text(report, options), pie::render_markdown(report, options)}) {
                CAPTURE(width);
                CAPTURE(ascii);
                CHECK(out.find('\x1b') == std::string::npos);
                for (const std::string& line : lines_of(out)) {
                    CAPTURE(line);
                    CHECK(pie::display_width(line) <= width);
                    CHECK((line.empty() || line.back() != ' '));
                    if (ascii) {
                        for (char c : line) CHECK(static_cast<unsigned char>(c) < 0x80);
                    }
                }
            }
        }
    }
    // Colour goes to the text only, and every escape is closed on its line.
    RenderOptions color{80, false, true};
    std::string colored = pie::render_text(report, color);
    CHECK(colored.find("\x1b[31m") != std::string::npos);
    CHECK(pie::render_markdown(report, color).find('\x1b') == std::string::npos);
    for (const std::string& line : lines_of(colored)) {
        std::size_t last = line.rfind('\x1b');
        if (last != std::string::npos) CHECK(line.substr(last).starts_with("\x1b[0m"));
    }
}

TEST_CASE("markdown: pipe tables where they fit, lists where they would not") {
    Report report = report_of({facts("career", 2, 200, 6), facts("cultural-identity", 1, 100)});
    std::string wide = pie::render_markdown(report, {80, true, false});
    CHECK(wide.find("| `#` | career            | 3h20m | 66.7% |") != std::string::npos);
    CHECK(wide.find("| :-: | ----------------- | ----: | ----: |") != std::string::npos);
    CHECK(wide.find("```text\n") != std::string::npos);
    CHECK(wide.find("## Life balance 1970-01-01..1970-01-07\n") == 0);

    std::vector<SliceFacts> long_names;
    for (const char* name : {"a-very-long-slice-name-of-32-ch", "another-very-long-slice-name-32"}) {
        long_names.push_back(facts(name, 1, 1000));
    }
    std::string narrow = pie::render_markdown(report_of(long_names), {40, true, false});
    CHECK(narrow.find("- `#` a-very-long-slice-name-of-32-ch:\n  16h40m, 50.0%\n") != std::string::npos);
    CHECK(narrow.find("| ") == std::string::npos);
}
