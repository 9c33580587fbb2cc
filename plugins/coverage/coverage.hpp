#pragma once
// coverage.ratio: pay by täckningsgrad (coverage), the share of the unit's listed's outpatient
// visits that were made in primary care (Jämtland Härjedalen 2016: 55-85 %, mean 71 %;
// Västmanland has it under review for 2022). Two modes:
//  - threshold: units whose ratio reaches a level get a fixed amount per year, or share a
//    pot in proportion to their listed;
//  - share: every unit is paid for listed × ratio, at a price per year or as a share of a pot.
// A unit with no outpatient visits, or that reports neither measure, has no ratio and is
// not paid; its line says why.
#include "vardval/plugin_api.hpp"

namespace vardval::coverage {

ComponentType ratio_type();
void register_types(Registrar& registrar);

}  // namespace vardval::coverage
