// The trend as pictures (§13): an SVG document, or an HTML page with inline SVG and CSS, no
// script and no external resource, in light and dark colour schemes, one column on a phone.

#include <pie/format/trend_pictures.hpp>

#include <pie/format/page.hpp>
#include <pie/format/svg.hpp>
#include <pie/format/trend.hpp>
#include <pie/format/xml.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace pie {

namespace {

// The balance chart at a desktop's and at a phone's width, and a slice's chart (HTML); the
// page shows the one that fits (.wide or .narrow) at the scale its text stays readable.
constexpr double k_wide = 704;
constexpr double k_narrow = 300;
constexpr double k_balance_height = 190;
constexpr double k_cell_width = 300;
constexpr double k_cell_height = 124;

// The trend page's own style, after the page's (no quotes, '<', '>' or '&'): the charts' ink
// follows the colour scheme.
constexpr const char* k_style = R"(svg text{fill:var(--ink)}
svg .muted{fill:var(--muted)}
.ink-stroke{stroke:var(--ink)}
.ink-fill{fill:var(--ink)}
.plot{display:block;width:100%;height:auto}
.narrow{display:none}
@media (max-width:36rem){.wide{display:none}.narrow{display:block}}
.cells{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:1rem 1.5rem}
h3{font-size:1rem;margin:0;display:flex;align-items:center;gap:.4rem;overflow-wrap:anywhere}
.scroll{overflow-x:auto}
td.spark,th.spark,td.none{text-align:left}
td.spark{font-family:monospace;line-height:1.2;white-space:pre}
td.none{color:var(--muted)}
@media (max-width:36rem){.share{display:none}td,th{padding:.15rem .25rem}}
)";

// A chart's <svg> of `width` x `height` with `css_class` and its description, in `parent`.
tinyxml2::XMLElement* add_chart(tinyxml2::XMLElement* parent, double width, double height, const char* css_class,
                                std::string_view description) {
    tinyxml2::XMLElement* svg = new_svg(parent, width, height, false);
    set_attribute(svg, "class", css_class);
    set_attribute(svg, "role", "img");
    set_attribute(svg, "aria-label", description);
    return svg;
}

void add_balance(tinyxml2::XMLElement* main, const Trend& trend, const TrendData& data) {
    tinyxml2::XMLElement* section = add_html(main, "section");
    add_html(section, "h2", "Balance score");
    add_html(section, "p", data.balance_note);
    std::string description = fmt::format("Balance score by {}: {}", unit_name(trend, false), data.balance_note);
    for (auto [width, css_class] : {std::pair{k_wide, "plot wide"}, std::pair{k_narrow, "plot narrow"}}) {
        draw_balance_chart(add_chart(section, width, k_balance_height, css_class, description), data, 0, 8, width,
                           k_balance_height - 8);
    }
}

void add_shares(tinyxml2::XMLElement* main, const Trend& trend, const TrendData& data) {
    tinyxml2::XMLElement* section = add_html(main, "section");
    add_html(section, "h2", "Share of each slice");
    add_html(section, "p", fmt::format("Every chart runs from 0% to {:.0f}%.", share_top(data) * 100), "muted");
    tinyxml2::XMLElement* cells = add_html(section, "div", "", "cells");
    for (std::size_t i = 0; i < data.slices.size(); ++i) {
        const TrendSeries& series = data.slices[i];
        tinyxml2::XMLElement* cell = add_html(cells, "div");
        tinyxml2::XMLElement* heading = add_html(cell, "h3");
        add_swatch(heading, series.colour);
        set_attribute(add_html(heading, "span", series.name), "title", series.label);
        std::string description = fmt::format("Share of {} by {}", isolated(series.label), unit_name(trend, false));
        draw_share_chart(add_chart(cell, k_cell_width, k_cell_height, "plot", description), data, i, 0, 8, k_cell_width,
                         k_cell_height - 8);
    }
}

// "7, -, 5": a slice's ratings, one per period.
std::string ratings_words(const TrendSlice& slice) {
    std::string out;
    for (const auto& rating : slice.rating) {
        out += fmt::format("{}{}", out.empty() ? "" : ", ", rating ? fmt::format("{}", *rating) : "-");
    }
    return out;
}

void add_slice_table(tinyxml2::XMLElement* main, const Trend& trend, const TrendData& data) {
    tinyxml2::XMLElement* section = add_html(main, "section");
    add_html(section, "h2", "Slices");
    if (trend.slices.empty()) {
        add_html(section, "p", fmt::format("Nothing counted in these {}.", unit_name(trend, true)));
        return;
    }
    tinyxml2::XMLElement* table = add_html(add_html(section, "div", "", "scroll"), "table");
    add_legend_head(table, {"share", fmt::format("this {}", unit_name(trend, false)), "total", "ratings"});
    // The sparklines read left to right; the share's gives way to the charts above on a phone.
    tinyxml2::XMLElement* head = table->FirstChildElement();
    set_attribute(head->FirstChildElement()->NextSiblingElement()->NextSiblingElement(), "class", "spark share");
    set_attribute(head->LastChildElement(), "class", "spark");
    for (std::size_t i = 0; i < trend.slices.size(); ++i) {
        const TrendSlice& slice = trend.slices[i];
        TrendAmounts amounts = trend_amounts(trend, slice);
        tinyxml2::XMLElement* row = add_legend_row(table, data.slices[i].colour, slice.name, slice.label, {});
        add_html(row, "td", sparkline(share_series(slice), false), "spark share");
        add_html(row, "td", amounts.now);
        add_html(row, "td", amounts.total);
        bool rated = std::any_of(slice.rating.begin(), slice.rating.end(), [](const auto& r) { return r.has_value(); });
        // A blank in a sparkline is a period without a rating: the cell keeps its spaces.
        tinyxml2::XMLElement* ratings =
            add_html(row, "td", rated ? sparkline(rating_series(slice), false) : "not rated", rated ? "spark" : "none");
        set_attribute(ratings, "title", ratings_words(slice));
    }
}

void add_period_table(tinyxml2::XMLElement* main, const Trend& trend) {
    tinyxml2::XMLElement* section = add_html(main, "section");
    std::string unit = unit_name(trend, false);
    unit[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(unit[0])));
    add_html(section, "h2", fmt::format("{}s", unit));
    tinyxml2::XMLElement* table = add_html(add_html(section, "div", "", "scroll"), "table");
    tinyxml2::XMLElement* head = add_html(table, "tr");
    for (const char* heading : {unit.c_str(), "from", "entries", "time", "balance"}) add_html(head, "th", heading);
    head->FirstChildElement()->SetAttribute("class", "name");
    for (const TrendPeriod& period : trend.periods) {
        tinyxml2::XMLElement* row = add_html(table, "tr");
        std::vector<std::string> cells = period_cells(period);
        for (std::size_t i = 0; i < cells.size(); ++i) add_html(row, "td", cells[i], i == 0 ? "name" : nullptr);
    }
}

}  // namespace

TrendData trend_data(const Trend& trend) {
    TrendData data;
    data.title = trend_title(trend);
    data.subtitle = trend_subtitle(trend);
    data.balance_note = balance_stats(trend);
    for (const TrendPeriod& period : trend.periods) {
        data.periods.push_back(period.period.label);
        data.balance.push_back(period.balance);
    }
    for (const TrendSlice& slice : trend.slices) {
        TrendSeries series{slice.name, slice.label, {}, slice.colour};
        for (double share : slice.share) series.shares.emplace_back(share);
        data.slices.push_back(std::move(series));
    }
    data.notes = trend_sentences(trend);
    return data;
}

std::string render_svg(const Trend& trend) { return render_trend_svg(trend_data(trend)); }

std::string render_html(const Trend& trend) {
    TrendData data = trend_data(trend);
    tinyxml2::XMLDocument document;
    tinyxml2::XMLElement* main = new_page(document, data.title, k_style);
    add_page_header(main, fmt::format("Trend by {}, ", unit_name(trend, false)), trend_span(trend), {data.subtitle});
    add_balance(main, trend, data);
    add_shares(main, trend, data);
    add_slice_table(main, trend, data);
    add_period_table(main, trend);
    if (!data.notes.empty()) {
        tinyxml2::XMLElement* section = add_html(main, "section");
        add_html(section, "h2", "What goes with feeling better");
        for (const std::string& note : data.notes) add_html(section, "p", note);
    }
    return print_page(document);
}

}  // namespace pie
