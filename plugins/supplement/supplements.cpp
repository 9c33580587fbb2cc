#include "supplements.hpp"

#include <stdexcept>

#include "vardval/payment.hpp"

namespace vardval::supplement {
namespace {

class PerListed : public Component {
  public:
    explicit PerListed(const Params& p)
        : payment_(Payment::read(p, "amount_per_listed_year")),
          from_(static_cast<int>(p.integer("from_age"))),
          to_(p.has("to_age") ? static_cast<int>(p.integer("to_age")) : kMaxAge) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const ListingAggregate& listing = ctx.data.listing(ctx.period);
        std::vector<UnitBasis> bases;
        for (const Unit& unit : ctx.region.units)
            bases.push_back(
                {unit.id, Decimal::from_int(listing.unit(unit.id).persons_aged(from_, to_))});
        const std::string range =
            std::to_string(from_) + (to_ == kMaxAge ? "+" : "-" + std::to_string(to_));
        std::vector<LedgerLine> lines = pay(payment_, ctx.period, bases, "listed aged " + range);
        for (LedgerLine& line : lines)
            line.explanation =
                line.basis.to_short_string() + " listed aged " + range + "; " + payment_.describe();
        return lines;
    }

  private:
    Payment payment_;
    int from_;
    int to_;
};

class PerPlace : public Component {
  public:
    explicit PerPlace(const Params& p)
        : payment_(Payment::read(p, "amount_per_place_year")), attribute_(p.text("attribute")) {
        payment_.fixed_annual = true;
    }

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        std::vector<UnitBasis> bases;
        for (const Unit& unit : ctx.region.units) {
            auto it = unit.attributes.find(attribute_);
            Decimal places;
            if (it != unit.attributes.end()) {
                auto parsed = Decimal::parse(it->second);
                if (!parsed || parsed->raw() < 0)
                    throw std::runtime_error(
                        ctx.region.file + ": unit '" + unit.id + "': " + attribute_ +
                        " must be a number of places ≥ 0, got '" + it->second + "'");
                places = *parsed;
            }
            bases.push_back({unit.id, places});
        }
        std::vector<LedgerLine> lines = pay(payment_, ctx.period, bases, attribute_);
        for (LedgerLine& line : lines)
            line.explanation = line.basis.to_short_string() + " " + attribute_ +
                               " (region.yaml); " + payment_.describe();
        return lines;
    }

  private:
    Payment payment_;
    std::string attribute_;
};

}  // namespace

ComponentType per_listed_type() {
    ComponentType t;
    t.name = "supplement.per_listed";
    t.summary =
        "supplement per listed person in an age range (e.g. rehabilitation coordinators 16-67, "
        "family centre 0-5)";
    std::vector<ParamSpec> fields{param::integer("from_age")
                                      .require()
                                      .at_least(0)
                                      .at_most(kMaxAge)
                                      .describe("youngest age counted"),
                                  param::integer("to_age").at_least(0).at_most(kMaxAge).describe(
                                      "oldest age counted; omit for no limit")};
    for (ParamSpec& f : Payment::params("amount_per_listed_year",
                                        "amount per listed person in the range per year"))
        fields.push_back(std::move(f));
    t.params = param::object("params", std::move(fields));
    Payment::require_one(t.params, "amount_per_listed_year");
    t.reads = {"listing"};
    t.check = [](const Params& p, std::vector<Issue>& issues) {
        if (p.has("to_age") && p.integer("to_age") < p.integer("from_age"))
            issues.push_back(p.issue("to_age", "to_age must be at least from_age"));
    };
    t.create = [](const Params& p) { return std::make_unique<PerListed>(p); };
    return t;
}

ComponentType per_place_type() {
    ComponentType t;
    t.name = "supplement.per_place";
    t.summary =
        "supplement per place a unit serves (SÄBO, short-term places), places from region.yaml";
    std::vector<ParamSpec> fields{param::text("attribute")
                                      .require()
                                      .describe("the unit attribute in region.yaml holding the "
                                                "number of places, e.g. saebo_places")};
    for (ParamSpec& f : Payment::params("amount_per_place_year", "amount per place per year"))
        fields.push_back(std::move(f));
    t.params = param::object("params", std::move(fields));
    Payment::require_one(t.params, "amount_per_place_year");
    t.reads = {"region.yaml unit attributes"};
    t.create = [](const Params& p) { return std::make_unique<PerPlace>(p); };
    return t;
}

void register_types(Registrar& registrar) {
    registrar.add(per_listed_type());
    registrar.add(per_place_type());
}

}  // namespace vardval::supplement
