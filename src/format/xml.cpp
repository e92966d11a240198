#include <pie/format/xml.hpp>

#include <pie/text.hpp>

#include <fmt/format.h>

namespace pie {

std::string xml_text(std::string_view text) {
    // display_text leaves valid UTF-8 without C0 or C1 controls; of what remains, XML 1.0 refuses
    // only the noncharacters U+FFFE and U+FFFF (UTF-8 EF BF BE, EF BF BF).
    std::string shown = display_text(text, false);
    std::string out;
    out.reserve(shown.size());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        if (shown.compare(i, 2, "\xEF\xBF") == 0 && i + 2 < shown.size() &&
            (shown[i + 2] == '\xBE' || shown[i + 2] == '\xBF')) {
            out += '?';
            i += 2;
        } else {
            out += shown[i];
        }
    }
    return out;
}

std::string isolated(std::string_view text) { return fmt::format("\u2068{}\u2069", text); }

tinyxml2::XMLElement* add_element(tinyxml2::XMLNode* parent, const char* name) {
    tinyxml2::XMLElement* element = parent->GetDocument()->NewElement(name);
    parent->InsertEndChild(element);
    return element;
}

tinyxml2::XMLElement* add_text_element(tinyxml2::XMLNode* parent, const char* name, std::string_view text) {
    tinyxml2::XMLElement* element = add_element(parent, name);
    add_text(element, text);
    return element;
}

void add_text(tinyxml2::XMLElement* element, std::string_view text) { element->InsertNewText(xml_text(text).c_str()); }

void set_attribute(tinyxml2::XMLElement* element, const char* name, std::string_view value) {
    element->SetAttribute(name, xml_text(value).c_str());
}

std::string svg_number(double value) {
    std::string out = fmt::format("{:.2f}", value);
    while (out.back() == '0') out.pop_back();
    if (out.back() == '.') out.pop_back();
    return out == "-0" ? "0" : out;
}

std::string print_xml(const tinyxml2::XMLDocument& document) {
    tinyxml2::XMLPrinter printer;
    document.Print(&printer);
    std::string out(printer.CStr(), static_cast<std::size_t>(printer.CStrSize() - 1));
    if (out.empty() || out.back() != '\n') out += '\n';
    return out;
}

}  // namespace pie
