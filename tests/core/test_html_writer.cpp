// The HTML writer's page, read as text: warnings first, escaped text, sv-SE figures with
// their exact values beside them, and a bar per unit drawn to the right for a gain and to
// the left for a loss. (tests/integration/html_report_test.sh renders it in Chromium.)
#include <catch2/catch.hpp>

#include <regex>
#include <sstream>

#include "report_fixture.hpp"
#include "vardval_host/report_writers.hpp"

using namespace vardval;
using namespace vardval::report;

namespace {

std::string html(const Report& r, Lang lang) {
    std::ostringstream out;
    write_html(out, r, lang);
    return out.str();
}

// The numbers x and width of the bar with this label.
std::pair<double, double> bar(const std::string& page, const std::string& label) {
    const std::regex re("data-label=\"" + label +
                        "\" [^>]* x=\"([-0-9.]+)\" [^>]*width=\"([0-9.]+)\"");
    std::smatch m;
    REQUIRE(std::regex_search(page, m, re));
    return {std::stod(m[1]), std::stod(m[2])};
}

}  // namespace

TEST_CASE("html: self-contained, warnings first, everything escaped") {
    const std::string page = html(test::sample_report(), Lang::sv);
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(page.find("<html lang=\"sv\">") != std::string::npos);
    // Nothing is fetched and nothing runs.
    CHECK(page.find("<script") == std::string::npos);
    CHECK(page.find("src=") == std::string::npos);
    CHECK(page.find("href=") == std::string::npos);
    CHECK(page.find("@page { size: A4") != std::string::npos);
    // The warning comes before the first table and the chart.
    const auto warning = page.find("EXEMPELDATA");
    CHECK(warning < page.find("<table"));
    CHECK(warning < page.find("<svg"));
    CHECK(page.find("Hälsocentral A &amp; &lt;B&gt;") != std::string::npos);
    CHECK(page.find("Unit &quot;C&quot;") != std::string::npos);
    CHECK(page.find("<B>") == std::string::npos);
}

TEST_CASE("html: sv-SE figures, exact values alongside, roles styled") {
    const std::string page = html(test::sample_report(), Lang::sv);
    // 1 184 562 öre = 11 845,62 kr; −50 005 öre = −500,05 kr with a true minus.
    CHECK(
        page.find("<td class=\"num\" data-column=\"total\" data-ore=\"1184562\">11 845,62</td>") !=
        std::string::npos);
    CHECK(page.find("data-ore=\"-50005\">\xE2\x88\x92"
                    "500,05</td>") != std::string::npos);
    // 1/8 = +12,5 %; −1/20 = −5,0 %; 20055/2 öre = 10 027,5.
    CHECK(page.find("data-value=\"1/8\">+12,5 %</td>") != std::string::npos);
    CHECK(page.find("data-value=\"-1/20\">\xE2\x88\x92"
                    "5,0 %</td>") != std::string::npos);
    CHECK(page.find("data-value=\"20055/2\">10 027,5</td>") != std::string::npos);
    CHECK(page.find("<tr class=\"total\">") != std::string::npos);
    // English: a decimal point and English labels.
    const std::string en = html(test::sample_report(), Lang::en);
    CHECK(en.find(">11,845.62</td>") != std::string::npos);
    CHECK(en.find(">Amount (kr)</th>") != std::string::npos);
}

TEST_CASE("html: one bar per unit, gains right of zero and losses left, scaled alike") {
    const std::string page = html(test::sample_report(), Lang::sv);
    // The total row is not a bar: two bars, in the table's order.
    const std::regex rect("<rect ");
    CHECK(std::distance(std::sregex_iterator(page.begin(), page.end(), rect),
                        std::sregex_iterator()) == 2);
    CHECK(page.find("data-label=\"Hälsocentral A &amp; &lt;B&gt;\" data-value-ore=\"1234567\"") <
          page.find("data-label=\"Unit &quot;C&quot;\" data-value-ore=\"-50005\""));
    const auto [gain_x, gain_w] = bar(page, "Hälsocentral A &amp; &lt;B&gt;");
    const auto [loss_x, loss_w] = bar(page, "Unit &quot;C&quot;");
    // The loss ends where the gain starts: the zero line.
    CHECK(loss_x + loss_w == Approx(gain_x));
    // Lengths in proportion to the amounts: 1 234 567 / 50 005.
    CHECK(gain_w / loss_w == Approx(1234567.0 / 50005.0));
    CHECK(page.find("12 345,67 kr</text>") != std::string::npos);
    CHECK(page.find("class=\"bar loss\"") != std::string::npos);
}

TEST_CASE("html: a chart naming a table or column that is not there is an error") {
    Report r = test::sample_report();
    r.charts[0].value_column = "nope";
    std::ostringstream out;
    CHECK_THROWS_WITH(write_html(out, r, Lang::sv), Catch::Contains("no column 'nope'"));
    r.charts[0].table = "nope";
    CHECK_THROWS_WITH(write_html(out, r, Lang::sv), Catch::Contains("no table 'nope'"));
}
