#include <doctest/doctest.h>

#include <pie/uuid.hpp>

#include <fmt/format.h>

#include <string>

// Unit tests of name-based UUIDs: SHA-1 against FIPS 180 test vectors, version 5 UUIDs against
// RFC 9562 / Python's uuid.uuid5, and record UUIDs that tell their parts apart.

namespace {

std::string hex(const std::string& bytes) {
    std::string out;
    for (unsigned char c : bytes) out += fmt::format("{:02x}", c);
    return out;
}

}  // namespace

TEST_CASE("sha1 matches the FIPS 180 test vectors") {
    CHECK(hex(pie::sha1("")) == "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    CHECK(hex(pie::sha1("abc")) == "a9993e364706816aba3e25717850c26c9cd0d89d");
    CHECK(hex(pie::sha1("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")) ==
          "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    CHECK(hex(pie::sha1(std::string(1000000, 'a'))) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
}

TEST_CASE("uuid_v5 gives the UUIDs of RFC 9562 and Python's uuid.uuid5") {
    // uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
    CHECK(pie::uuid_v5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org") == "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    // uuid.uuid5(uuid.UUID(k_pie_uuid_namespace), "5:hello;3:a,b;")
    CHECK(pie::uuid_v5(pie::k_pie_uuid_namespace, "5:hello;3:a,b;") == "1b9873b5-cee7-5ea0-847a-637129a06305");
}

TEST_CASE("record_uuid is stable, well-formed and tells its parts apart") {
    std::string uuid = pie::record_uuid({"hello", "a,b"});
    CHECK(uuid == "1b9873b5-cee7-5ea0-847a-637129a06305");
    CHECK(pie::is_uuid(uuid));
    CHECK(uuid[14] == '5');
    CHECK(pie::record_uuid({"a,b", "c"}) != pie::record_uuid({"a", "b,c"}));
    CHECK(pie::record_uuid({"ab", ""}) != pie::record_uuid({"a", "b"}));
    CHECK(pie::record_uuid({"x"}) == pie::record_uuid({"x"}));
}

TEST_CASE("is_uuid takes the canonical lowercase form only") {
    CHECK(pie::is_uuid("0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f01"));
    CHECK_FALSE(pie::is_uuid("0B6D3F0E-5F3A-4C6E-9D1A-7C2E8A4B1F01"));
    CHECK_FALSE(pie::is_uuid("0b6d3f0e5f3a4c6e9d1a7c2e8a4b1f01"));
    CHECK_FALSE(pie::is_uuid("0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f0g"));
    CHECK_FALSE(pie::is_uuid("0b6d3f0e-5f3a-4c6e-9d1a-7c2e8a4b1f0"));
    CHECK_FALSE(pie::is_uuid(""));
}
