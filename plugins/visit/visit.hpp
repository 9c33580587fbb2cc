#pragma once
// Visit-based component types, read from the month's visit counts:
//  - visit.fee: besöksersättning, a price per visit by profession and contact type, with an
//    optional region-wide ceiling on paid visits (Västmanland 2021: 695 000 a year, see
//    ceiling.hpp for the rule);
//  - visit.cross_listing: otrohetsersättning, the unit a patient is listed at pays the unit
//    that treated them (Jämtland Härjedalen until 2019: 500 kr per doctor visit, 250 kr per
//    other treatment visit). Both sides appear in the ledger; the region total is zero;
//  - visit.net_of_fee: reported visits paid at a rate minus the patient fee the unit took
//    (Jämtland Härjedalen 2023: asylum seekers at the out-of-region rate minus the fee).
#include "vardval/plugin_api.hpp"

namespace vardval::visit {

ComponentType fee_type();
ComponentType cross_listing_type();
ComponentType net_of_fee_type();
void register_types(Registrar& registrar);

}  // namespace vardval::visit
