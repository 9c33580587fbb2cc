// The one dispatch from a human format to its writer.
#include <stdexcept>

#include "vardval_host/report.hpp"
#include "vardval_host/report_writers.hpp"

namespace vardval {

void write_report(std::ostream& out, const report::Report& r, const OutputOptions& options) {
    switch (options.format) {
        case Format::table:
            report::write_table(out, r, options.lang);
            return;
        case Format::csv_sv:
            report::write_csv_sv(out, r, options.lang);
            return;
        case Format::xlsx:
            if (options.file.empty())
                throw std::invalid_argument("--format xlsx needs --output FILE.xlsx");
            report::write_xlsx(options.file, r, options.lang);
            return;
        case Format::html:
            report::write_html(out, r, options.lang);
            return;
        case Format::csv:
        case Format::json:
            break;
    }
    throw std::logic_error("write_report: csv and json are written by their own writers");
}

}  // namespace vardval
