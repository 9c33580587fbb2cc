#pragma once
// A small hand-built Report for the writers' tests: two units, a gain and a loss, a total,
// text that needs escaping, and a chart of the amounts.
#include "vardval_host/report_model.hpp"

namespace vardval::test {

inline report::Report sample_report() {
    using namespace vardval::report;
    Table units{"units",
                {"Ersättning per enhet", "Payment per unit"},
                {{"unit", {"Enhet", "Unit"}, ColumnKind::text},
                 {"listed", {"Listade", "Listed"}, ColumnKind::count},
                 {"total", {"Belopp (kr)", "Amount (kr)"}, ColumnKind::kr},
                 {"change", {"Förändring", "Change"}, ColumnKind::percent},
                 {"rate", {"Pris (öre)", "Rate (öre)"}, ColumnKind::ore}},
                {}};
    units.rows.push_back({{std::string("Hälsocentral A & <B>"), std::int64_t{1234},
                           std::int64_t{1234567}, Rational::of(1, 8), Rational::of(20055, 2)}});
    units.rows.push_back({{std::string("Unit \"C\""), std::int64_t{99}, std::int64_t{-50005},
                           Rational::of(-1, 20), Cell{}}});
    // 1 234 567 − 50 005 = 1 184 562 öre; 1 234 + 99 = 1 333 listed.
    units.rows.push_back(
        {{std::string("Totalt"), std::int64_t{1333}, std::int64_t{1184562}, Cell{}, Cell{}},
         RowRole::total});
    Report r;
    r.title = {"Ersättning 2020-02", "Payment 2020-02"};
    r.warnings = {{"EXEMPELDATA: betala aldrig efter detta", "SAMPLE DATA: never pay from it"}};
    r.notes = {{"Modell: test.yaml", "Model: test.yaml"}};
    r.tables.push_back(units);
    r.charts.push_back({"units", "unit", "total", {"Belopp per enhet", "Amount per unit"}});
    return r;
}

}  // namespace vardval::test
