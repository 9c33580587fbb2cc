#include "catchment.hpp"

#include <optional>
#include <stdexcept>

#include "distance_rule.hpp"
#include "vardval/payment.hpp"

namespace vardval::sparsity {
namespace {

constexpr const char* kMaxSize = "max_size";
constexpr const char* kPrice = "amount_per_distant_listed_year";
constexpr const char* kFixed = "fixed_per_unit_year";

// One size class: a unit pays the first row whose max_size its size does not exceed; the
// last row, without a max_size, takes every larger unit.
struct SizeRow {
    std::optional<Decimal> max_size;
    Decimal price_year_ore;  // per distant listed person
    Decimal fixed_year_ore;  // per unit
    std::string label;       // "size up to 3 000", "size above 8 000"
};

// A column of the table, in row order; empty when the column is not given.
std::vector<Decimal> column(const Params& table, const std::string& key) {
    std::vector<Decimal> values;
    if (table.has(key))
        for (const std::string& text : table.texts(key))
            values.push_back(*Decimal::parse(text));
    return values;
}

std::vector<SizeRow> read_rows(const Params& table) {
    const std::vector<Decimal> max_size = column(table, kMaxSize);
    const std::vector<Decimal> price = column(table, kPrice);
    const std::vector<Decimal> fixed = column(table, kFixed);
    std::vector<SizeRow> rows;
    for (std::size_t i = 0; i < price.size(); ++i) {
        SizeRow row;
        row.price_year_ore = price[i].times(100);
        row.fixed_year_ore = fixed.empty() ? Decimal() : fixed[i].times(100);
        if (i < max_size.size()) {
            row.max_size = max_size[i];
            row.label = "size up to " + format_decimal(max_size[i], 0);
        } else {
            row.label =
                max_size.empty() ? "any size" : "size above " + format_decimal(max_size.back(), 0);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

class Catchment : public Component {
  public:
    explicit Catchment(const Params& p)
        : rule_(p),
          size_attribute_(p.text("size_basis") == "attribute" ? p.text("size_attribute") : ""),
          rows_(read_rows(p.object("table"))),
          fixed_min_distant_(p.integer("fixed_min_distant_listed")) {}

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const ListingAggregate& listing = ctx.data.listing(ctx.period);
        std::vector<LedgerLine> lines;
        for (const Unit& unit : ctx.region.units) {
            const UnitListing& listed = listing.unit(unit.id);
            const Decimal size = size_of(unit, listed, ctx.region);
            const SizeRow& row = row_for(size);
            const std::int64_t distant = rule_.distant(listed);
            const Rational rate = Rational(row.price_year_ore) / Rational::from_int(12);  // exact
            const Ore distant_part = amount_ore(Rational::from_int(distant), rate);
            const bool fixed_due = distant >= fixed_min_distant_ && !row.fixed_year_ore.is_zero();

            LedgerLine line;
            line.unit = unit.id;
            std::string fixed_text;
            if (fixed_due) {
                // Two parts with their own rounding: the distant-listed part basis × rate rounded,
                // the fixed part this month's share of the annual amount, so the months sum to
                // it. A line has one basis × rate, so it shows 1 unit × the sum (exact, so
                // per_line re-checks), and the explanation gives both parts.
                const Ore fixed_part = monthly_share(
                    amount_ore(Decimal::from_int(1), row.fixed_year_ore), ctx.period.month);
                line.basis = Decimal::from_int(1);
                line.basis_unit = "unit (distant-listed amount + fixed share)";
                line.amount_ore = distant_part + fixed_part;
                line.rate_ore = Decimal::from_int(line.amount_ore);
                line.rounding = Rounding::per_line;
                fixed_text = "; plus this month's share of the fixed " +
                             format_ore_kr(row.fixed_year_ore) +
                             " a year: " + format_ore_kr(Decimal::from_int(fixed_part));
            } else {
                line.basis = Decimal::from_int(distant);
                line.basis_unit = rule_.basis_unit();
                line.set_rate(rate);
                line.amount_ore = distant_part;
                line.rounding = Rounding::per_line;
                if (!row.fixed_year_ore.is_zero())
                    fixed_text = "; no fixed amount: fewer than " +
                                 std::to_string(fixed_min_distant_) + " distant listed";
            }
            line.explanation = rule_.describe(distant, listed.listed()) + "; " + size_text(size) +
                               " is in the row " + row.label + ": " + std::to_string(distant) +
                               " × " + format_ore_kr(row.price_year_ore) +
                               " a year / 12 = " + format_ore_kr(Decimal::from_int(distant_part)) +
                               fixed_text;
            line.trace = table_trace(row);
            lines.push_back(std::move(line));
        }
        return lines;
    }

  private:
    Decimal size_of(const Unit& unit, const UnitListing& listed, const Region& region) const {
        if (size_attribute_.empty())
            return Decimal::from_int(listed.listed());
        auto it = unit.attributes.find(size_attribute_);
        if (it == unit.attributes.end())
            throw std::runtime_error(region.file + ": unit '" + unit.id + "' has no attribute '" +
                                     size_attribute_ +
                                     "', which sparsity.catchment reads as the unit's size "
                                     "(size_attribute); add it to every unit of the region");
        auto size = Decimal::parse(it->second);
        if (!size || size->raw() < 0)
            throw std::runtime_error(region.file + ": unit '" + unit.id + "': " + size_attribute_ +
                                     " must be a number ≥ 0, got '" + it->second + "'");
        return *size;
    }

    const SizeRow& row_for(Decimal size) const {
        for (const SizeRow& row : rows_)
            if (!row.max_size || size <= *row.max_size)
                return row;
        return rows_.back();  // unreachable: check() made the last row open-ended
    }

    std::string size_text(Decimal size) const {
        return "size " + format_decimal(size, 0) +
               (size_attribute_.empty() ? " listed" : " (" + size_attribute_ + ", region.yaml)");
    }

    // The whole table with the row applied marked, so the reader sees the neighbouring rows.
    std::vector<std::string> table_trace(const SizeRow& applied) const {
        std::vector<std::string> trace{"size table (values set by the region):"};
        for (const SizeRow& row : rows_)
            trace.push_back((&row == &applied ? "▶ " : "  ") + row.label + ": " +
                            format_ore_kr(row.price_year_ore) +
                            " per distant listed a year, fixed " +
                            format_ore_kr(row.fixed_year_ore) + " a year");
        if (fixed_min_distant_ > 0)
            trace.push_back("the fixed amount goes to units with at least " +
                            std::to_string(fixed_min_distant_) + " distant listed");
        return trace;
    }

    DistanceRule rule_;
    std::string size_attribute_;  // empty: the size is the unit's listed count
    std::vector<SizeRow> rows_;
    std::int64_t fixed_min_distant_;
};

void check(const Params& p, std::vector<Issue>& issues) {
    DistanceRule::check(p, issues);
    const bool by_attribute = p.text("size_basis") == "attribute";
    if (by_attribute && !p.has("size_attribute"))
        issues.push_back(p.issue("size_basis",
                                 "size_basis 'attribute' needs size_attribute: the unit attribute "
                                 "in region.yaml holding the size, e.g. catchment"));
    if (!by_attribute && p.has("size_attribute"))
        issues.push_back(
            p.issue("size_attribute", "size_attribute is read only with size_basis: attribute"));

    const Params table = p.object("table");
    const std::vector<Decimal> max_size = column(table, kMaxSize);
    for (std::size_t i = 1; i < max_size.size(); ++i)
        if (max_size[i] <= max_size[i - 1])
            issues.push_back(table.issue(
                kMaxSize, "max_size must be strictly ascending: " + max_size[i].to_short_string() +
                              " follows " + max_size[i - 1].to_short_string()));
    const std::size_t rows = max_size.size() + 1;
    const std::string open_row =
        max_size.empty() ? "every size" : "sizes above " + max_size.back().to_short_string();
    for (const char* key : {kPrice, kFixed}) {
        const std::size_t given = column(table, key).size();
        if (table.has(key) && given != rows)
            issues.push_back(
                table.issue(key, std::string(key) + " needs " + std::to_string(rows) +
                                     " values, one per row: one for each max_size and one for the "
                                     "open-ended last row (" +
                                     open_row + "), got " + std::to_string(given)));
    }
}

}  // namespace

ComponentType catchment_type() {
    ComponentType t;
    t.name = "sparsity.catchment";
    t.summary =
        "sparsity supplement (glesbygdsersättning) by distance and unit size: per listed person "
        "living beyond a distance from the hospital, at an amount by the unit's size class, plus "
        "an optional fixed amount per unit; the table's values are the region's to set (the "
        "sources give none)";
    t.params = param::object(
        "params",
        {DistanceRule::param(),
         param::choice("size_basis", {"listed", "attribute"})
             .defaults_to("listed")
             .describe("what a unit's size is: its listed count this month, or a unit attribute "
                       "in region.yaml (size_attribute)"),
         param::text("size_attribute")
             .describe("with size_basis: attribute, the unit attribute holding the size, e.g. "
                       "catchment (people in the unit's catchment area)"),
         param::object(
             "table",
             {param::list(kMaxSize, param::integer("size").at_least(0))
                  .require()
                  .describe("upper size of each row but the last, inclusive, strictly "
                            "ascending; the last row takes every larger unit"),
              param::list(kPrice, param::money("amount").at_least(0))
                  .require()
                  .describe("kr per distant listed person per year, one per row, paid 1/12 a "
                            "month"),
              param::list(kFixed, param::money("amount").at_least(0))
                  .describe("kr per unit per year, one per row; the months sum to it")})
             .require()
             .describe("size classes as columns: row i is max_size[i] with the i-th amounts"),
         param::integer("fixed_min_distant_listed")
             .at_least(0)
             .defaults_to("1")
             .describe("the fixed amount goes only to units with at least this many distant "
                       "listed (0: to every unit of its row)")});
    t.reads = {"listing", "region.yaml unit attributes (size_basis: attribute)"};
    t.check = check;
    t.create = [](const Params& p) { return std::make_unique<Catchment>(p); };
    return t;
}

}  // namespace vardval::sparsity
