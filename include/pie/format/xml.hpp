#pragma once

// The one path by which text reaches SVG and HTML (§13): every string is first made something
// XML 1.0 can hold (xml_text), then tinyxml2 writes it, escaping &, <, > and quotes. Nothing
// in pie escapes XML by hand. Pure.

#include <tinyxml2.h>

#include <string>
#include <string_view>

namespace pie {

// `text` as XML 1.0 can hold it, shown as the text report shows it (§1): a newline or tab is a
// space; a control character, a malformed byte, U+FFFE or U+FFFF is a '?'. Everything else,
// right-to-left marks included, is kept.
std::string xml_text(std::string_view text);

// User text set inside a line of other text: between FIRST STRONG ISOLATE and POP DIRECTIONAL
// ISOLATE, so right-to-left marks or overrides in it cannot reorder the rest of the line.
std::string isolated(std::string_view text);

// A new last child `name` of `parent`.
tinyxml2::XMLElement* add_element(tinyxml2::XMLNode* parent, const char* name);

// A new last child `name` of `parent` holding `text` (through xml_text).
tinyxml2::XMLElement* add_text_element(tinyxml2::XMLNode* parent, const char* name, std::string_view text);

// Appends `text` (through xml_text) to `element`, after what it holds.
void add_text(tinyxml2::XMLElement* element, std::string_view text);

// Sets attribute `name` to `value` (through xml_text).
void set_attribute(tinyxml2::XMLElement* element, const char* name, std::string_view value);

// `value` as an SVG number: at most two decimals, no trailing zeros, never "-0".
std::string svg_number(double value);

// The document as text, indented, ending in a newline.
std::string print_xml(const tinyxml2::XMLDocument& document);

}  // namespace pie
