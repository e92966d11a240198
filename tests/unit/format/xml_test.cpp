#include <doctest/doctest.h>

#include <pie/format/xml.hpp>

// Unit tests of the one path text takes into XML (§13): what XML 1.0 cannot hold is replaced as
// the text report shows it, everything else is kept, and tinyxml2 escapes markup.

TEST_CASE("xml_text: control characters as the text report shows them, the rest kept") {
    CHECK(pie::xml_text("plain") == "plain");
    CHECK(pie::xml_text("a\nb\tc") == "a b c");
    CHECK(pie::xml_text(std::string("nul\0x", 5)) == "nul?x");
    CHECK(pie::xml_text("esc\x1b[31m") == "esc?[31m");
    CHECK(pie::xml_text("del\x7f c1\xc2\x85") == "del? c1?");
    CHECK(pie::xml_text("bad \xff\xfe byte") == "bad ?? byte");
    CHECK(pie::xml_text("nonchar \xef\xbf\xbe \xef\xbf\xbf \xef\xbf\xbd") == "nonchar ? ? \xef\xbf\xbd");
    // Right-to-left marks, overrides and isolates are kept: they are text, not markup.
    CHECK(pie::xml_text("\u200f\u202eabc\u202c") == "\u200f\u202eabc\u202c");
    CHECK(pie::xml_text("<&]]>\"'") == "<&]]>\"'");  // markup characters are tinyxml2's to escape
}

TEST_CASE("isolated: user text between FSI and PDI") { CHECK(pie::isolated("abc") == "\u2068abc\u2069"); }

TEST_CASE("svg_number: two decimals at most, no trailing zeros, no minus zero") {
    CHECK(pie::svg_number(120) == "120");
    CHECK(pie::svg_number(0.5) == "0.5");
    CHECK(pie::svg_number(3.14159) == "3.14");
    CHECK(pie::svg_number(-0.001) == "0");
    CHECK(pie::svg_number(-12.25) == "-12.25");
    CHECK(pie::svg_number(1e-12) == "0");
}

TEST_CASE("hostile text in elements and attributes is escaped and reads back as written") {
    std::string hostile = "<script>alert('x')</script> & ]]> \"q\" \x01 \u202e";
    tinyxml2::XMLDocument document;
    tinyxml2::XMLElement* root = pie::add_element(&document, "root");
    pie::add_text_element(root, "t", hostile);
    pie::set_attribute(root, "a", hostile);
    std::string out = pie::print_xml(document);
    CHECK(out.find("<script") == std::string::npos);
    CHECK(out.find("&lt;script&gt;") != std::string::npos);
    CHECK(out.find("]]&gt;") != std::string::npos);
    CHECK(out.find('\x01') == std::string::npos);
    CHECK(out.back() == '\n');

    tinyxml2::XMLDocument parsed;
    REQUIRE(parsed.Parse(out.c_str()) == tinyxml2::XML_SUCCESS);
    const tinyxml2::XMLElement* back = parsed.FirstChildElement("root");
    REQUIRE(back != nullptr);
    CHECK(back->FirstChildElement() == back->LastChildElement());  // no element injected
    CHECK(std::string(back->FirstChildElement("t")->GetText()) == pie::xml_text(hostile));
    CHECK(std::string(back->Attribute("a")) == pie::xml_text(hostile));
}
