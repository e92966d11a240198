#include <doctest/doctest.h>

#include <pie/error.hpp>
#include <pie/score.hpp>

// A score as typed (§4): a whole number from 1 to 10, for pie rate and pie review.

TEST_CASE("read_score: whole numbers from 1 to 10 only") {
    CHECK(pie::read_score("1") == 1);
    CHECK(pie::read_score("10") == 10);
    CHECK_FALSE(pie::read_score("0").has_value());
    CHECK_FALSE(pie::read_score("11").has_value());
    CHECK_FALSE(pie::read_score("").has_value());
    CHECK_FALSE(pie::read_score("5.5").has_value());
    CHECK_FALSE(pie::read_score(" 5").has_value());
    CHECK_FALSE(pie::read_score("99999999999999999999").has_value());
    CHECK(pie::parse_score("7") == 7);
    CHECK_THROWS_AS(pie::parse_score("x"), pie::UserError);
}
