#include <random>

#include "fixtures.hpp"
#include "split.hpp"
#include "vardval/money.hpp"

using namespace vardval;
using namespace vardval::test;

namespace {

std::vector<ComponentPart> expand(const std::string& yaml) {
    const ValidParams p(budget::split_type(), yaml);
    return p.type.expand(p.params);
}

Ore budget_of(const ComponentPart& part) {
    return amount_ore(Decimal::from_int(1),
                      Decimal::parse(part.params["budget_year"].Scalar())->times(100));
}

}  // namespace

TEST_CASE("budget.split gives each part its share of the budget as a pot") {
    const auto parts = expand(R"(
budget_year: 420000000
parts:
  - {id: appropriation, share: 0.7, type: psychiatry.appropriation, label: Anslag,
     params: {amounts_year: {a: 1}}}
  - {id: visits, share: 0.3, type: psychiatry.visit, params: {weights: {"*/*": 1}}}
)");
    REQUIRE(parts.size() == 2);
    CHECK(parts[0].id == "appropriation");
    CHECK(parts[0].type == "psychiatry.appropriation");
    CHECK(parts[0].label == "Anslag (70 % of 420 000 000,00 kr)");
    CHECK(parts[0].params["budget_year"].Scalar() == "294000000");
    CHECK(parts[0].params["amounts_year"]["a"].Scalar() == "1");
    CHECK(parts[1].params["budget_year"].Scalar() == "126000000");
    CHECK(parts[1].label == "30 % of 420 000 000,00 kr");
}

TEST_CASE("budget.split leaves a part's planned volume for a price derived from its pot") {
    const auto parts = expand(R"(
budget_year: 1000
parts:
  - {id: a, share: 0.87, type: psychiatry.visit, params: {planned_volume_year: 10}}
  - {id: b, share: 0.13, type: goal.approved}
)");
    CHECK(parts[0].params["planned_volume_year"].Scalar() == "10");
    CHECK(parts[0].params["budget_year"].Scalar() == "870");
    CHECK(parts[1].params["budget_year"].Scalar() == "130");  // no params given: a fresh map
}

TEST_CASE("budget.split does not change the model's own parameters") {
    const ValidParams p(budget::split_type(), R"(
budget_year: 100
parts:
  - {id: a, share: 0.5, type: x, params: {k: 1}}
  - {id: b, share: 0.5, type: y}
)");
    (void)p.type.expand(p.params);
    CHECK_FALSE(p.node["parts"][0]["params"]["budget_year"].IsDefined());
}

TEST_CASE("budget.split parts add up to the budget to the öre over random inputs") {
    std::mt19937_64 rng(2024);
    for (int trial = 0; trial < 500; ++trial) {
        const Ore total = std::uniform_int_distribution<Ore>(0, 100'000'000'000)(rng);
        const int n = std::uniform_int_distribution<int>(2, 5)(rng);
        // Shares in hundredths that add up to exactly 1.
        std::vector<int> hundredths(n, 1);
        for (int left = 100 - n; left > 0; --left)
            ++hundredths[std::uniform_int_distribution<int>(0, n - 1)(rng)];
        std::string yaml =
            "budget_year: " + Decimal::from_int(total).divided_by(100).to_string() + "\nparts:\n";
        for (int i = 0; i < n; ++i)
            yaml += "  - {id: p" + std::to_string(i) + ", share: " +
                    Decimal::from_int(hundredths[i]).divided_by(100).to_short_string() +
                    ", type: t}\n";
        const auto parts = expand(yaml);
        Ore sum = 0;
        for (int i = 0; i < n; ++i) {
            const Ore part = budget_of(parts[i]);
            // Within one öre of the exact share.
            const Ore exact_floor = total * hundredths[i] / 100;
            CHECK(part >= exact_floor);
            CHECK(part <= exact_floor + 1);
            Ore months = 0;  // a pot's months add up to its year
            for (int m = 1; m <= 12; ++m)
                months += monthly_share(part, m);
            CHECK(months == part);
            sum += part;
        }
        CHECK(sum == total);
    }
}

TEST_CASE("budget.split rejects shares that do not add up, duplicate parts and budgets set twice") {
    CHECK(any_issue_contains(issues_for(budget::split_type(), R"(
budget_year: 100
parts: [{id: a, share: 0.7, type: t}, {id: b, share: 0.2, type: t}]
)"),
                             "the shares add up to 0.9, not 1"));
    CHECK(any_issue_contains(issues_for(budget::split_type(), R"(
budget_year: 100
parts: [{id: a, share: 0.5, type: t}, {id: a, share: 0.5, type: t}]
)"),
                             "two parts are called 'a'"));
    CHECK(any_issue_contains(issues_for(budget::split_type(), R"(
budget_year: 100
parts: [{id: a, share: 1, type: t, params: {budget_year: 5}}]
)"),
                             "'budget_year' is set by the split"));
    CHECK(any_issue_contains(issues_for(budget::split_type(), R"(
budget_year: 100
parts: [{id: a, share: 1, type: t, params: [1, 2]}]
)"),
                             "expected a mapping of parameters"));
}
