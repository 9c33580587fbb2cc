#include <map>
#include <set>

#include "common.hpp"
#include "psychiatry.hpp"
#include "weight_table.hpp"

namespace vardval::psychiatry {
namespace {

constexpr const char* kPriceKey = "price_per_contact";

const WeightKeys kContactKeys{"contact_type",
                              "profession",
                              {},
                              "{visit/doctor: 1.5, \"visit/*\": 1, \"*/*\": 0.5}",
                              Vocabulary::psychiatry_contact_type,
                              Vocabulary::psychiatry_profession};

// One unit's contacts in the month, grouped by contact type and profession for the trace.
struct UnitContacts {
    struct Paid {
        WeightTable::Match match;
        std::int64_t contacts = 0;
    };
    std::map<std::pair<std::string, std::string>, Paid> paid;  // (contact type, profession)
    std::map<std::string, std::int64_t> unpaid;                // "type/profession" → contacts
    std::map<std::string, std::int64_t> other_groups;          // diagnosis group → contacts

    std::int64_t paid_contacts() const {
        std::int64_t n = 0;
        for (const auto& [key, p] : paid)
            n += p.contacts;
        return n;
    }
    Decimal basis() const {
        Decimal b;
        for (const auto& [key, p] : paid)
            b += p.match.weight.times(p.contacts);
        return b;
    }
};

std::int64_t sum(const std::map<std::string, std::int64_t>& counts) {
    std::int64_t n = 0;
    for (const auto& [key, c] : counts)
        n += c;
    return n;
}

std::string listed(const std::map<std::string, std::int64_t>& counts) {
    std::vector<std::string> parts;
    for (const auto& [key, c] : counts)
        parts.push_back(key + " " + num(Decimal::from_int(c)));
    return join(parts);
}

class Visit : public Component {
  public:
    explicit Visit(const Params& p)
        : payment_(read_counted_payment(p, kPriceKey)), weights_(p.numbers("weights")) {
        if (p.has("diagnosis_groups")) {
            const std::vector<std::string> groups = p.texts("diagnosis_groups");
            diagnosis_groups_ = std::set<std::string>(groups.begin(), groups.end());
        }
    }

    std::vector<LedgerLine> compute(const RunContext& ctx) const override {
        const PsychiatryAggregate& data = ctx.data.psychiatry(ctx.period);
        std::map<std::string, UnitContacts> units;
        for (const Unit& unit : ctx.region.units)
            units[unit.id];
        for (const PsychiatricContactCount& c : data.contacts) {
            auto it = units.find(c.unit);
            if (it == units.end() || c.month != ctx.period)
                continue;  // another model's unit, or another month of the extract
            UnitContacts& u = it->second;
            if (diagnosis_groups_ && !diagnosis_groups_->count(c.diagnosis_group)) {
                u.other_groups[c.diagnosis_group] += c.contacts;
                continue;
            }
            if (auto match = weights_.find(c.contact_type, c.profession)) {
                UnitContacts::Paid& paid = u.paid[{c.contact_type, c.profession}];
                paid.match = *match;
                paid.contacts += c.contacts;
            } else {
                u.unpaid[c.contact_type + "/" + c.profession] += c.contacts;
            }
        }

        const std::string month = ctx.period.to_string();
        std::vector<UnitCount> counts;
        for (const Unit& unit : ctx.region.units) {
            const UnitContacts& u = units.at(unit.id);
            UnitCount c{unit.id, u.basis(), "", {}};
            const std::int64_t all = u.paid_contacts() + sum(u.unpaid) + sum(u.other_groups);
            if (all == 0) {
                c.what = "no psychiatric contacts at the unit in " + month;
            } else {
                c.what = count(all, "psychiatric contact", "psychiatric contacts") + " in " +
                         month + ": " + num(Decimal::from_int(u.paid_contacts())) +
                         " paid, weighted by contact type and profession";
                if (!u.unpaid.empty())
                    c.what += "; not paid, as no weight matches: " +
                              count(sum(u.unpaid), "contact", "contacts") + " (" +
                              listed(u.unpaid) + ")";
                if (!u.other_groups.empty())
                    c.what += "; not counted, outside the diagnosis groups paid: " +
                              count(sum(u.other_groups), "contact", "contacts") + " (" +
                              listed(u.other_groups) + ")";
            }
            c.trace.push_back("contacts in " + month + " from " + data.ref.to_string() +
                              (diagnosis_groups_ ? ", diagnosis groups " + groups_text() : ""));
            for (const auto& [key, paid] : u.paid)
                c.trace.push_back(key.first + "/" + key.second + ": " +
                                  count(paid.contacts, "contact", "contacts") + " × weight " +
                                  paid.match.weight.to_short_string() + " (" + paid.match.key +
                                  ") = " + num(paid.match.weight.times(paid.contacts)));
            for (const auto& [key, contacts] : u.unpaid)
                c.trace.push_back("not paid: " + key + ": " +
                                  count(contacts, "contact", "contacts") + " (no weight matches)");
            for (const auto& [group, contacts] : u.other_groups)
                c.trace.push_back("not counted: diagnosis group " + group + ": " +
                                  count(contacts, "contact", "contacts"));
            counts.push_back(std::move(c));
        }
        return pay_counts(payment_, ctx.period, counts, "weighted contacts");
    }

  private:
    std::string groups_text() const {
        return join(std::vector<std::string>(diagnosis_groups_->begin(), diagnosis_groups_->end()));
    }

    CountedPayment payment_;
    WeightTable weights_;
    std::optional<std::set<std::string>> diagnosis_groups_;
};

void check(const Params& p, std::vector<Issue>& issues) {
    check_weight_table(p, "weights", kContactKeys, issues);
    if (p.has("diagnosis_groups") && p.texts("diagnosis_groups").empty())
        issues.push_back(p.issue("diagnosis_groups",
                                 "diagnosis_groups lists the groups paid, e.g. [depression, "
                                 "anxiety]; omit it to pay every group"));
}

}  // namespace

ComponentType visit_type() {
    ComponentType t;
    t.name = "psychiatry.visit";
    t.summary =
        "åtgärdsersättning (pay per visit) in psychiatry: a price per contact weighted by "
        "contact type and profession, optionally only some diagnosis groups; per contact, a pot "
        "or a price derived from one";
    t.params = param::object(
        "params",
        {weight_table_param("weights", kContactKeys,
                            "weight per contact by contact type and profession; a contact no "
                            "key matches is not paid"),
         param::list("diagnosis_groups",
                     param::text("diagnosis_group").naming(Vocabulary::diagnosis_group))
             .describe("count only contacts in these diagnosis groups, e.g. [depression, "
                       "anxiety]; default every group")});
    Payment::add_params(t.params, kPriceKey, "kr per weighted contact");
    t.reads = {"psychiatry"};
    t.check = check;
    t.create = [](const Params& p) { return std::make_unique<Visit>(p); };
    return t;
}

}  // namespace vardval::psychiatry
