#include "listing_row.hpp"

namespace vardval::listing {

Columns find_columns(const CsvReader& csv) {
    Columns c;
    c.separator = csv.format().separator;
    c.count = csv.header().size();
    c.person = require_column(csv, "person_id", "pseudonymous person key");
    c.unit = require_column(csv, "unit", "unit id from region.yaml");
    c.sex = require_column(csv, "sex", "F or M");
    c.distance = require_column(csv, "distance_km", "distance to hospital in km");
    c.birth = birth_columns(csv);
    for (std::size_t i = 0; i < csv.header().size(); ++i)
        if (csv.header()[i].rfind("cni_", 0) == 0)
            c.cni.emplace_back(csv.header()[i].substr(4), i);
    if (c.cni.size() > kMaxCniVariables)
        throw ImportError(csv.file() + ":1: more than " + std::to_string(kMaxCniVariables) +
                          " cni_ columns");
    return c;
}

bool RowReader::read(const std::vector<std::string_view>& f, FieldSplitter::Result split,
                     PersonRow& row, Rejection* why) const {
    auto reject = [&](const char* kind, auto&& detail) {
        if (why != nullptr)
            *why = {kind, detail()};
        return false;
    };
    if (split == FieldSplitter::Result::malformed)
        return reject("malformed row", [] { return "a quoted field is not closed"; });
    if (f.size() != c_.count)
        return reject("wrong number of fields",
                      [&] { return wrong_number_of_fields(c_.count, f.size()); });
    if (f[c_.person].empty())
        return reject("missing person_id", [] { return ""; });
    const auto unit = units_.find(f[c_.unit]);
    if (!unit)
        return reject("unknown unit", [&] { return unknown_unit(f[c_.unit], region_); });
    row.unit = static_cast<std::uint32_t>(*unit);
    std::string age_why;
    const auto age =
        parse_age(field_at(f, c_.birth.date), field_at(f, c_.birth.year), census_, age_why);
    if (!age)
        return reject("invalid birth", [&] { return age_why; });
    row.age = *age;
    const auto sex = parse_sex(f[c_.sex]);
    if (!sex)
        return reject("invalid sex", [&] { return invalid_sex_detail(f[c_.sex]); });
    row.sex = static_cast<int>(*sex);
    const auto km = parse_decimal(f[c_.distance], c_.separator);
    if (km && c_.separator == ';')
        row.mark = decimal_mark_of(f[c_.distance]);
    if (!km || km->raw() < 0 || *km > Decimal::from_int(kMaxDistanceKm))
        return reject("invalid distance", [&] {
            return "distance_km " + shown(f[c_.distance]) + "; valid: a number of km from 0 to " +
                   std::to_string(kMaxDistanceKm);
        });
    constexpr std::int64_t per_bucket = Decimal::kScale / 10;  // 0.1 km
    row.bucket = static_cast<int>((km->raw() + per_bucket - 1) / per_bucket);
    row.cni = 0;
    for (std::size_t v = 0; v < c_.cni.size(); ++v) {
        const std::string_view value = f[c_.cni[v].second];
        if (value.size() == 1 && value[0] == '1')
            row.cni |= 1U << v;
        else if (value.size() != 1 || value[0] != '0')
            return reject("invalid CNI flag", [&] {
                return "cni_" + c_.cni[v].first + " = " + shown(value) + "; valid: 0 or 1";
            });
    }
    return true;
}

}  // namespace vardval::listing
