#pragma once

// The frame every HTML page of pie shares (§13): the document with its <head>, the colour
// schemes and base style, a header, legend tables with slice swatches, and the printing that
// keeps empty elements HTML can read. The report's and the trend's pages fill it. Pure.

#include <tinyxml2.h>

#include <string>
#include <string_view>
#include <vector>

namespace pie {

// An HTML element `name` holding `text` (if any), with `css_class` (if any), added to `parent`.
tinyxml2::XMLElement* add_html(tinyxml2::XMLNode* parent, const char* name, std::string_view text = "",
                               const char* css_class = nullptr);

// `text` in a <bdi>, so that right-to-left text in it cannot reorder what is around it.
void add_bdi(tinyxml2::XMLElement* parent, std::string_view text);

// A new page in `document`: <head> with charset, viewport, colour schemes, `title` and the base
// style followed by `style` (no quotes, '<', '>' or '&'); returns the <main> of its <body>.
tinyxml2::XMLElement* new_page(tinyxml2::XMLDocument& document, std::string_view title, std::string_view style);

// The page's <header>: an <h1> of `lead` then `label` (which never breaks), then `lines`, the
// first muted.
void add_page_header(tinyxml2::XMLElement* main, std::string_view lead, std::string_view label,
                     const std::vector<std::string>& lines);

// A legend table's head: an empty cell (for the swatch), "slice", then `headings`.
void add_legend_head(tinyxml2::XMLElement* table, const std::vector<std::string>& headings);

// One legend row: the swatch of the slice with palette `index`, its `name` (`label` the
// tooltip), then right-aligned `cells`; returns the row.
tinyxml2::XMLElement* add_legend_row(tinyxml2::XMLElement* table, int index, std::string_view name,
                                     std::string_view label, const std::vector<std::string>& cells);

// The swatch of the slice with palette `index` as a small inline <svg>, added to `parent`.
void add_swatch(tinyxml2::XMLElement* parent, int index);

// The page as text: empty HTML elements written <name></name> (HTML reads <td/> as an open tag).
std::string print_page(tinyxml2::XMLDocument& document);

}  // namespace pie
