// SCB's per-unit CNI delivery (the cni kind): unit → listed and variable → share, each share
// kept as its exact fraction ("n/d") so storage never rounds what SCB delivered.
#include "../payload.hpp"
#include "codecs.hpp"

namespace vardval {

std::string encode_payload(const CniDelivery& cni) {
    PayloadWriter out;
    out.count(cni.units.size());
    for (const auto& [unit, figures] : cni.units) {
        out.text(unit);
        out.integer(figures.listed);
        out.count(figures.shares.size());
        for (const auto& [variable, share] : figures.shares) {
            out.text(variable);
            out.text(share.to_fraction());
        }
    }
    return out.finish();
}

void decode_payload(std::string_view bytes, CniDelivery& cni) {
    PayloadReader in(bytes);
    const std::size_t units = in.items();
    for (std::size_t u = 0; u < units; ++u) {
        const std::string& unit = in.text();
        auto [it, fresh] = cni.units.try_emplace(unit);
        if (!fresh)
            throw PayloadError("unit " + unit + " twice");
        it->second.listed = in.integer();
        if (it->second.listed < 0)
            throw PayloadError("negative listed for unit " + unit);
        const std::size_t variables = in.items();
        for (std::size_t v = 0; v < variables; ++v) {
            const std::string& variable = in.text();
            const auto share = Rational::parse(in.text());
            if (!share || *share < Rational() || Rational::from_int(1) < *share)
                throw PayloadError("share of " + variable + " in unit " + unit +
                                   " is not a fraction from 0 to 1");
            if (!it->second.shares.emplace(variable, *share).second)
                throw PayloadError("variable " + variable + " twice in unit " + unit);
        }
    }
    in.finish();
}

}  // namespace vardval
