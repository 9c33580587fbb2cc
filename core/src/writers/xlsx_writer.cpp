// A Report as an Excel workbook (libxlsxwriter): a summary sheet with the title, warnings
// and notes, then one sheet per table. Amounts are numbers with a kronor number format, so
// the office can add and chart them; the labels are in the reader's language.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <xlsxwriter.h>

#include "vardval_host/number_format.hpp"
#include "vardval_host/report.hpp"
#include "vardval_host/report_writers.hpp"

namespace vardval::report {

namespace {

// Format codes are stored in Excel's invariant (en-US) notation; a Swedish Excel shows
// `#,##0.00` as "1 234,56". Negatives get the true minus sign, as in every other format.
const char* const kKrFormat = "#,##0.00\\ \"kr\";\"\xE2\x88\x92\"#,##0.00\\ \"kr\"";
const char* const kCountFormat = "#,##0;\"\xE2\x88\x92\"#,##0";
const char* const kPercentFormat = "0.0\\ %;\"\xE2\x88\x92\"0.0\\ %";
const char* const kExactFormat = "#,##0.00####;\"\xE2\x88\x92\"#,##0.00####";
constexpr double kMaxColumnWidth = 60;

double to_double(const Rational& r) {
    return r.numerator().convert_to<double>() / r.denominator().convert_to<double>();
}

// A sheet name Excel accepts: at most 31 characters (counted as UTF-16 units, here code
// points, which is the same for Swedish text), none of []:*?/\, unique in the workbook.
std::string sheet_name(const std::string& title, std::set<std::string>& taken) {
    std::string clean;
    std::size_t points = 0;
    for (std::size_t i = 0; i < title.size();) {
        const unsigned char c = static_cast<unsigned char>(title[i]);
        const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        std::string ch = title.substr(i, len);
        i += len;
        if (ch.size() == 1 && std::string("[]:*?/\\").find(ch[0]) != std::string::npos)
            ch = "-";
        if (points == 28)  // room for a " 2" suffix below
            break;
        clean += ch;
        ++points;
    }
    if (clean.empty())
        clean = "Sheet";
    // Excel compares sheet names without case (ASCII letters here).
    const auto folded = [](std::string s) {
        for (char& c : s)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    std::string name = clean;
    for (int n = 2; taken.count(folded(name)); ++n)
        name = clean + " " + std::to_string(n);
    taken.insert(folded(name));
    return name;
}

class Workbook {
  public:
    Workbook(const std::string& file, Lang lang) : file_(file), lang_(lang) {
        lxw_workbook_options options{};
        options.constant_memory = LXW_FALSE;
        book_ = workbook_new_opt(file.c_str(), &options);
        if (!book_)
            throw std::runtime_error(file + ": cannot create the workbook");
        header_ = workbook_add_format(book_);
        format_set_bold(header_);
        format_set_bottom(header_, LXW_BORDER_THIN);
        format_set_bg_color(header_, 0xE8EEF4);
        format_set_text_wrap(header_);
        format_set_align(header_, LXW_ALIGN_VERTICAL_TOP);
        title_ = workbook_add_format(book_);
        format_set_bold(title_);
        format_set_font_size(title_, 14);
        warning_ = workbook_add_format(book_);
        format_set_bold(warning_);
        format_set_font_color(warning_, 0x9C0006);
        format_set_bg_color(warning_, 0xFFC7CE);
        for (RowRole role : {RowRole::body, RowRole::subtotal, RowRole::total})
            for (ColumnKind kind : {ColumnKind::text, ColumnKind::count, ColumnKind::kr,
                                    ColumnKind::ore, ColumnKind::percent, ColumnKind::number})
                formats_[{role, kind}] = make_format(role, kind);
    }
    // Only reached with the book open after a failure: no half-written file is left.
    ~Workbook() {
        if (!book_)
            return;
        workbook_close(book_);
        std::remove(file_.c_str());
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    void summary(const Report& report, const std::string& name) {
        lxw_worksheet* sheet = add_sheet(name);
        check(worksheet_write_string(sheet, 0, 0, report.title.in(lang_).c_str(), title_));
        lxw_row_t row = 2;
        double width = static_cast<double>(display_width(report.title.in(lang_)));
        for (const Text& w : report.warnings) {
            check(worksheet_write_string(sheet, row++, 0, w.in(lang_).c_str(), warning_));
            width = std::max(width, static_cast<double>(display_width(w.in(lang_))));
        }
        if (!report.warnings.empty())
            ++row;
        for (const Text& n : report.notes) {
            check(worksheet_write_string(sheet, row++, 0, n.in(lang_).c_str(), nullptr));
            width = std::max(width, static_cast<double>(display_width(n.in(lang_))));
        }
        check(worksheet_set_column(sheet, 0, 0, std::min(width + 2, 2 * kMaxColumnWidth), nullptr));
    }

    void table(const Table& table, const std::string& name) {
        lxw_worksheet* sheet = add_sheet(name);
        std::vector<double> widths(table.columns.size(), 8);
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const std::string& label = table.columns[c].label.in(lang_);
            check(worksheet_write_string(sheet, 0, static_cast<lxw_col_t>(c), label.c_str(),
                                         header_));
            widths[c] = std::max(widths[c], static_cast<double>(display_width(label)));
        }
        // The header stays in view while the office scrolls through 25 units or 300 lines.
        worksheet_freeze_panes(sheet, 1, 0);
        for (std::size_t r = 0; r < table.rows.size(); ++r) {
            const Row& row = table.rows[r];
            for (std::size_t c = 0; c < table.columns.size() && c < row.cells.size(); ++c) {
                const std::size_t shown =
                    write_cell(sheet, static_cast<lxw_row_t>(r + 1), static_cast<lxw_col_t>(c),
                               table.columns[c].kind, row.role, row.cells[c]);
                widths[c] = std::max(widths[c], static_cast<double>(shown));
            }
        }
        for (std::size_t c = 0; c < widths.size(); ++c)
            check(worksheet_set_column(sheet, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                                       std::min(widths[c] + 2, kMaxColumnWidth), nullptr));
    }

    void close() {
        lxw_workbook* book = book_;
        book_ = nullptr;
        check(workbook_close(book));
    }

  private:
    lxw_format* make_format(RowRole role, ColumnKind kind) {
        lxw_format* f = workbook_add_format(book_);
        if (role != RowRole::body)
            format_set_bold(f);
        if (role == RowRole::total)
            format_set_top(f, LXW_BORDER_THIN);
        switch (kind) {
            case ColumnKind::kr:
                format_set_num_format(f, kKrFormat);
                break;
            case ColumnKind::count:
                format_set_num_format(f, kCountFormat);
                break;
            case ColumnKind::percent:
                format_set_num_format(f, kPercentFormat);
                break;
            case ColumnKind::ore:
            case ColumnKind::number:
                format_set_num_format(f, kExactFormat);
                break;
            case ColumnKind::text:
                format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
                break;
        }
        return f;
    }

    lxw_worksheet* add_sheet(const std::string& name) {
        lxw_worksheet* sheet = workbook_add_worksheet(book_, name.c_str());
        if (!sheet)
            throw std::runtime_error(file_ + ": cannot add the sheet '" + name + "'");
        return sheet;
    }

    // Writes one cell as the column's kind says; returns its width as a reader sees it.
    std::size_t write_cell(lxw_worksheet* sheet, lxw_row_t r, lxw_col_t c, ColumnKind kind,
                           RowRole role, const Cell& cell) {
        lxw_format* f = formats_.at({role, kind});
        if (const auto* s = std::get_if<std::string>(&cell)) {
            check(worksheet_write_string(sheet, r, c, s->c_str(),
                                         formats_.at({role, ColumnKind::text})));
            return display_width(*s);
        }
        if (std::holds_alternative<std::monostate>(cell)) {
            check(worksheet_write_string(sheet, r, c, "\xE2\x80\x93", f));  // "–": does not apply
            return 1;
        }
        const auto* whole = std::get_if<std::int64_t>(&cell);
        const Rational exact = whole ? Rational::from_int(*whole) : std::get<Rational>(cell);
        std::string shown;
        double value = to_double(exact);
        switch (kind) {
            case ColumnKind::kr:
                value /= 100;  // öre → kronor; the format shows two decimals
                shown = format_number(exact * Rational::of(1, 100), 2, lang_) + " kr";
                break;
            case ColumnKind::percent:
                shown = format_percent(exact, lang_);
                break;
            case ColumnKind::count:
            case ColumnKind::text:
                shown = format_number(exact, 0, lang_);
                break;
            case ColumnKind::ore:
            case ColumnKind::number:
                shown = format_number(exact, 6, lang_);
                break;
        }
        check(worksheet_write_number(sheet, r, c, value, f));
        return display_width(shown);
    }

    void check(lxw_error error) const {
        if (error != LXW_NO_ERROR)
            throw std::runtime_error(file_ + ": cannot write the workbook: " + lxw_strerror(error));
    }

    std::string file_;
    Lang lang_;
    lxw_workbook* book_ = nullptr;
    lxw_format* header_ = nullptr;
    lxw_format* title_ = nullptr;
    lxw_format* warning_ = nullptr;
    std::map<std::pair<RowRole, ColumnKind>, lxw_format*> formats_;
};

}  // namespace

void write_xlsx(const std::string& file, const Report& report, Lang lang) {
    Workbook book(file, lang);
    std::set<std::string> taken;
    book.summary(report, sheet_name(lang == Lang::en ? "Summary" : "Sammanfattning", taken));
    for (const Table& t : report.tables)
        book.table(t, sheet_name(t.title.in(lang), taken));
    book.close();
}

}  // namespace vardval::report
