#include <pie/format/page.hpp>

#include <pie/format/svg.hpp>
#include <pie/format/xml.hpp>

#include <fmt/format.h>

namespace pie {

namespace {

// No quotes, '<', '>' or '&': tinyxml2 escapes them in text, and HTML reads <style> raw.
constexpr const char* k_base_style = R"(
:root{color-scheme:light dark;--ink:#1b1b1b;--muted:#5f5f5f;--paper:#ffffff;--faint:#c8c8c8;--track:#f0f0f0;--bar:#0072B2}
@media (prefers-color-scheme:dark){:root{--ink:#e6e6e6;--muted:#a3a3a3;--paper:#17181a;--faint:#4b4d52;--track:#2a2c30;--bar:#56B4E9}}
*{box-sizing:border-box}
body{margin:0;background:var(--paper);color:var(--ink);font:16px/1.5 system-ui,sans-serif}
main{max-width:46rem;margin:0 auto;padding:1rem 1rem 2rem}
h1{font-size:1.6rem;line-height:1.2;margin:.5rem 0 .25rem}
h2{font-size:1.15rem;margin:1.75rem 0 .5rem}
p{margin:.25rem 0}
.muted{color:var(--muted)}
.nowrap{white-space:nowrap}
table{border-collapse:collapse}
td,th{padding:.15rem .4rem;text-align:right;white-space:nowrap;vertical-align:top}
.name{text-align:left;white-space:normal}
th{font-weight:600;color:var(--muted)}
.edge{stroke:var(--paper)}
.ring{stroke:var(--faint)}
.track{fill:var(--track)}
.bar{fill:var(--bar)}
)";

// Gives every empty HTML element but <meta> an empty text, so it is written <name></name>.
// Inside <svg>, <name/> is what it means.
void close_empty(tinyxml2::XMLElement* element) {
    std::string_view name = element->Name();
    if (name == "svg") return;
    if (element->NoChildren() && name != "meta") element->InsertNewText("");
    for (auto* child = element->FirstChildElement(); child != nullptr; child = child->NextSiblingElement()) {
        close_empty(child);
    }
}

void add_meta(tinyxml2::XMLElement* head, const char* name, const char* content) {
    tinyxml2::XMLElement* meta = add_element(head, "meta");
    set_attribute(meta, "name", name);
    set_attribute(meta, "content", content);
}

}  // namespace

tinyxml2::XMLElement* add_html(tinyxml2::XMLNode* parent, const char* name, std::string_view text,
                               const char* css_class) {
    tinyxml2::XMLElement* element = add_element(parent, name);
    if (!text.empty()) add_text(element, text);
    if (css_class != nullptr) set_attribute(element, "class", css_class);
    return element;
}

void add_bdi(tinyxml2::XMLElement* parent, std::string_view text) { add_html(parent, "bdi", text); }

tinyxml2::XMLElement* new_page(tinyxml2::XMLDocument& document, std::string_view title, std::string_view style) {
    document.InsertEndChild(document.NewUnknown("DOCTYPE html"));
    tinyxml2::XMLElement* html = add_element(&document, "html");
    set_attribute(html, "lang", "en");
    tinyxml2::XMLElement* head = add_element(html, "head");
    set_attribute(add_element(head, "meta"), "charset", "utf-8");
    add_meta(head, "viewport", "width=device-width, initial-scale=1");
    add_meta(head, "color-scheme", "light dark");
    add_html(head, "title", title);
    add_html(head, "style", fmt::format("{}{}", k_base_style, style));
    return add_html(add_html(html, "body"), "main");
}

void add_page_header(tinyxml2::XMLElement* main, std::string_view lead, std::string_view label,
                     const std::vector<std::string>& lines) {
    tinyxml2::XMLElement* header = add_html(main, "header");
    // The lead may break from the label, never the label itself.
    tinyxml2::XMLElement* title = add_html(header, "h1", lead);
    add_html(title, "span", label, "nowrap");
    for (std::size_t i = 0; i < lines.size(); ++i) add_html(header, "p", lines[i], i == 0 ? "muted" : nullptr);
}

void add_legend_head(tinyxml2::XMLElement* table, const std::vector<std::string>& headings) {
    tinyxml2::XMLElement* row = add_html(table, "tr");
    add_html(row, "th");
    add_html(row, "th", "slice", "name");
    for (const std::string& heading : headings) add_html(row, "th", heading);
}

tinyxml2::XMLElement* add_legend_row(tinyxml2::XMLElement* table, int index, std::string_view name,
                                     std::string_view label, const std::vector<std::string>& cells) {
    tinyxml2::XMLElement* row = add_html(table, "tr");
    add_swatch(add_html(row, "td"), index);
    tinyxml2::XMLElement* cell = add_html(row, "td", name, "name");
    set_attribute(cell, "title", label);
    for (const std::string& text : cells) add_html(row, "td", text);
    return row;
}

void add_swatch(tinyxml2::XMLElement* parent, int index) {
    tinyxml2::XMLElement* svg = new_svg(parent, 14, 14, false);
    set_attribute(svg, "aria-hidden", "true");
    draw_swatch(svg, 0, 0, 14, index);
}

std::string print_page(tinyxml2::XMLDocument& document) {
    close_empty(document.RootElement());
    return print_xml(document);
}

}  // namespace pie
