#include <catch2/catch.hpp>

#include "weight_table.hpp"

using namespace vardval;
using psychiatry::WeightTable;

TEST_CASE("weight table: the most specific key wins, a/b then a/* then */b then */*") {
    const auto d = [](int v) { return Decimal::from_int(v); };
    const WeightTable all(
        {{"visit/doctor", d(1)}, {"visit/*", d(2)}, {"*/doctor", d(3)}, {"*/*", d(4)}});
    CHECK(all.find("visit", "doctor")->key == "visit/doctor");
    CHECK(all.find("visit", "nurse")->key == "visit/*");
    CHECK(all.find("phone", "doctor")->key == "*/doctor");
    CHECK(all.find("phone", "nurse")->key == "*/*");
    CHECK(all.find("phone", "nurse")->weight == d(4));

    const WeightTable sides({{"visit/*", d(2)}, {"*/doctor", d(3)}});
    CHECK(sides.find("visit", "doctor")->weight == d(2));  // the first side is more specific
    CHECK_FALSE(sides.find("phone", "nurse"));
}

TEST_CASE("weight table: a key is two names, or *, joined by one /") {
    CHECK(WeightTable::split("visit/doctor") ==
          std::pair<std::string, std::string>{"visit", "doctor"});
    CHECK(WeightTable::split("*/*"));
    for (const char* bad :
         {"visit", "/doctor", "visit/", "a/b/c", "vis*/doctor", "visit /doctor", "visit/**"})
        CHECK_FALSE(WeightTable::split(bad));
}
