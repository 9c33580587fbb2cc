// Per-unit values (the unit-values and acg kinds): unit → measure → exact decimal, kept as
// its raw six-decimal integer so no value is ever rounded by storage.
#include "../payload.hpp"
#include "codecs.hpp"

namespace vardval {

std::string encode_payload(const UnitValues& values) {
    PayloadWriter out;
    out.count(values.values.size());
    for (const auto& [unit, measures] : values.values) {
        out.text(unit);
        out.count(measures.size());
        for (const auto& [measure, value] : measures) {
            out.text(measure);
            out.integer(value.raw());
        }
    }
    return out.finish();
}

void decode_payload(std::string_view bytes, UnitValues& values) {
    PayloadReader in(bytes);
    const std::size_t units = in.items();
    for (std::size_t u = 0; u < units; ++u) {
        const std::string& unit = in.text();
        auto [it, fresh] = values.values.try_emplace(unit);
        if (!fresh)
            throw PayloadError("unit " + unit + " twice");
        const std::size_t measures = in.items();
        for (std::size_t m = 0; m < measures; ++m) {
            const std::string& measure = in.text();
            if (!it->second.try_emplace(measure, Decimal::from_raw(in.integer())).second)
                throw PayloadError("measure " + measure + " twice in unit " + unit);
        }
    }
    in.finish();
}

}  // namespace vardval
