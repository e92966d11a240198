#include <doctest/doctest.h>

#include "../support.hpp"

#include <pie/format/trend.hpp>
#include <pie/text.hpp>

#include <nlohmann/json.hpp>

#include <sstream>

// Unit tests of the trend's renderers against §10: the sparkline ramps and scaling, the sentence
// rule, the width of every text line, and the JSON and CSV shapes.

using pie::Basis;
using pie::PeriodKind;
using pie::RenderOptions;
using pie::Trend;
using pie::TrendPeriod;
using pie::TrendSlice;
using pie::test::utc_time;

namespace {

// Four weeks of two slices; `name` is the first slice's name.
Trend sample(std::string name = "social") {
    Trend trend;
    trend.unit = PeriodKind::week;
    const char* labels[] = {"2026-W45", "2026-W46", "2026-W47", "2026-W48"};
    for (int i = 0; i < 4; ++i) {
        TrendPeriod p;
        p.period.label = labels[i];
        p.period.from = utc_time(2026, 11, 1) + i * 7 * 86400;
        p.period.to = p.period.from + 7 * 86400;
        p.totals = {2, 120};
        p.balance = i == 1 ? std::nullopt : std::optional(25 * (i + 1));
        trend.periods.push_back(p);
    }
    trend.slices.push_back(TrendSlice{name,
                                      "Social network",
                                      {1, 0, 1, 2},
                                      {30, 0, 60, 90},
                                      {0.25, 0, 0.5, 1.0},
                                      {1, std::nullopt, 10, 5},
                                      std::nullopt});
    trend.slices.push_back(TrendSlice{"career",
                                      "Career",
                                      {1, 2, 1, 0},
                                      {90, 120, 60, 0},
                                      {0.75, 1, 0.5, 0},
                                      {},
                                      pie::RatingByTime{{3, 6.5}, {3, 3.8}}});
    trend.slices[1].rating.assign(4, std::nullopt);
    return trend;
}

int widest(const std::string& text) {
    std::istringstream in(text);
    int widest = 0;
    for (std::string line; std::getline(in, line);) widest = std::max(widest, pie::display_width(line));
    return widest;
}

}  // namespace

TEST_CASE("a sparkline draws round(7x) of each ramp, a blank for null") {
    CHECK(pie::sparkline({0.0, 1.0 / 7, 0.5, 1.0, std::nullopt, 0.07, 0.08}, false) == "▁▂▅█ ▁▂");
    CHECK(pie::sparkline({0.0, 1.0 / 7, 2.0 / 7, 3.0 / 7, 4.0 / 7, 5.0 / 7, 6.0 / 7, 1.0}, true) == "_.-=+*#@");
    CHECK(pie::sparkline({}, true).empty());
}

TEST_CASE("trend text scales shares to the slice's highest and ratings from 1 to 10") {
    RenderOptions options;
    options.ascii = true;
    std::string text = pie::render_text(sample(), options);
    // Balance 25, null, 75, 100 of 100; shares of social 0.25, 0, 0.5, 1 of 1; ratings 1, -, 10, 5.
    CHECK(text.find("Balance  - *@  first 25, last 100, low 25, high 100") != std::string::npos);
    CHECK(text.find("social   -_+@") != std::string::npos);
    CHECK(text.find("_ @=") != std::string::npos);
    CHECK(text.find("career   *@+_") != std::string::npos);
}

TEST_CASE("trend sentences come only when the means differ by at least 1.0, and never as cause") {
    Trend trend = sample();
    auto sentences = pie::trend_sentences(trend);
    REQUIRE(sentences.size() == 1);
    CHECK(sentences[0] == "In the 3 weeks with more career time you rated career 6.5 on average; in the other 3, 3.8.");
    trend.slices[1].rating_by_time = pie::RatingByTime{{3, 6.0}, {3, 5.06}};
    CHECK(pie::trend_sentences(trend).empty());
    trend.slices[1].rating_by_time = pie::RatingByTime{{3, 4.0}, {3, 5.0}};
    CHECK(pie::trend_sentences(trend).size() == 1);
}

TEST_CASE("no line of trend text or markdown is wider than --width") {
    for (int periods : {4, 104}) {
        Trend trend = sample(std::string(32, 'x'));
        while (static_cast<int>(trend.periods.size()) < periods) {
            trend.periods.push_back(trend.periods.back());
            for (TrendSlice& slice : trend.slices) {
                slice.entries.push_back(1);
                slice.minutes.push_back(1500 * 60);
                slice.share.push_back(0.5);
                slice.rating.push_back(3);
            }
        }
        for (int width : {40, 57, 80, 120}) {
            for (bool ascii : {false, true}) {
                RenderOptions options;
                options.width = width;
                options.ascii = ascii;
                CAPTURE(periods);
                CAPTURE(width);
                CHECK(widest(pie::render_text(trend, options)) <= width);
                // The markdown table shows labels and numbers that fit: only its fenced block is checked.
                std::string markdown = pie::render_markdown(trend, options);
                CHECK(widest(markdown.substr(0, markdown.find("| Week"))) <= width);
            }
        }
    }
}

TEST_CASE("trend JSON and CSV carry one value per period, rounded as the contract says") {
    Trend trend = sample();
    trend.slices[0].share[2] = 1.0 / 3;
    auto json = nlohmann::json::parse(pie::render_json(trend));
    CHECK(json["unit"] == "week");
    CHECK(json["basis"] == "minutes");
    CHECK(json["periods"].size() == 4);
    CHECK(json["periods"][1]["balance"].is_null());
    CHECK(json["periods"][0]["totals"]["minutes"] == 120);
    CHECK(json["slices"][0]["share"][2] == 0.3333);
    CHECK(json["slices"][0]["rating"][1].is_null());
    CHECK(json["slices"][0]["rating_by_time"].is_null());
    CHECK(json["slices"][1]["rating_by_time"]["more"]["mean_rating"] == 6.5);
    std::string csv = pie::render_csv(trend);
    CHECK(csv.substr(0, csv.find('\n')) == "period,from,to,slice,entries,minutes,share,rating,balance");
    CHECK(std::count(csv.begin(), csv.end(), '\n') == 1 + 4 * 2);
    CHECK(csv.find("2026-W46,") != std::string::npos);
    CHECK(csv.find(",social,0,0,0,,\n") != std::string::npos);
}
