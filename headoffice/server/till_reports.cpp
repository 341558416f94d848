// Tills and Z reports at head office: the Z reports and till closes folded from every terminal's
// journal (till_ingest.cpp), listed per store and read back with their figures.
#include <map>

#include "headoffice/server/head_office.hpp"
#include "headoffice/server/internal.hpp"

namespace headoffice {

namespace {

// The store's setting, else the chain's; "" when neither has it.
std::string setting_of(sql::Connection& connection, const std::string& store_code,
                       const std::string& key) {
    const auto found = connection.query(
        "SELECT value FROM settings WHERE key = $1 AND (scope = $2 OR scope = '')"
        " ORDER BY scope DESC",
        {key, store_code});
    return found.empty() ? std::string() : found.front().text(0);
}

// The currency a store's terminals sell in (settings currency_code and currency_exponent);
// "XXX" with the chain's exponent when head office was never told.
pos::Currency store_currency(sql::Connection& connection, const std::string& store_code) {
    const std::string code = setting_of(connection, store_code, "currency_code");
    int exponent = detail::chain_exponent(connection);
    try {
        const std::string text = setting_of(connection, store_code, "currency_exponent");
        if (!text.empty())
            exponent = std::stoi(text);
    } catch (const std::exception&) {
        // An unreadable exponent leaves the chain's.
    }
    if (exponent < 0 || exponent > 4)
        exponent = 2;
    return pos::Currency::of(code.size() == 3 ? code : "XXX", exponent);
}

pos::Status require_store(sql::Connection& connection, const std::string& store_code) {
    if (!store_code.empty() &&
        connection.query("SELECT code FROM stores WHERE code = $1", {store_code}).empty())
        return pos::not_found("There is no store " + store_code);
    return pos::ok();
}

// " WHERE store_code = $1" when a store is named, with its parameter.
std::string store_filter(const std::string& store_code, sql::Params& params) {
    if (store_code.empty())
        return "";
    params.push_back(store_code);
    return " WHERE store_code = $1";
}

std::vector<pos::ReportAmount>& section_of(pos::ReportFigures& figures,
                                           const std::string& section) {
    if (section == "sales")
        return figures.sales;
    if (section == "taxes")
        return figures.taxes;
    if (section == "tenders")
        return figures.tenders;
    if (section == "clerks")
        return figures.clerks;
    return figures.hours;
}

// The tenders of every close listed (one query, not one per close), by shift id, in the order the
// terminal counted them; amounts in minor units until the close's currency is known.
struct TenderRow {
    pos::PaymentMethod method = pos::PaymentMethod::cash;
    std::int64_t expected = 0, counted = 0;
};
std::map<std::string, std::vector<TenderRow>> tenders_of_closes(sql::Connection& connection,
                                                                const std::string& where,
                                                                const sql::Params& params) {
    std::map<std::string, std::vector<TenderRow>> tenders;
    for (const sql::Row& row : connection.query(
             "SELECT t.shift_id, t.method, t.expected_minor, t.counted_minor"
             " FROM till_close_tenders t WHERE t.shift_id IN (SELECT shift_id FROM till_closes" +
                 where + ") ORDER BY t.shift_id, t.position",
             params))
        tenders[row.text(0)].push_back(
            {pos::payment_method_from(row.text(1)).value_or(pos::PaymentMethod::cash),
             row.integer(2), row.integer(3)});
    return tenders;
}

}  // namespace

pos::Result<std::vector<ZReportSummary>> HeadOffice::z_reports(const std::string& store_code) {
    using Reply = std::vector<ZReportSummary>;
    return detail::guarded<Reply>("Reading Z reports", [&]() -> pos::Result<Reply> {
        auto connection = pool_.acquire();
        if (auto known = require_store(*connection, store_code); !known)
            return known.error();
        sql::Params params;
        const std::string where = store_filter(store_code, params);
        Reply reports;
        for (const sql::Row& row : connection->query(
                 "SELECT store_code, terminal_id, number, business_day, to_ms, run_by_name,"
                 " currency, currency_exponent, net_count, net_minor FROM z_reports" +
                     where + " ORDER BY store_code, terminal_id, number",
                 params)) {
            const auto currency = pos::Currency::of(row.text(6), static_cast<int>(row.integer(7)));
            reports.push_back({row.text(0), row.text(1), row.integer(2), row.integer(3),
                               row.integer(4), row.text(5), row.integer(8),
                               pos::Money(row.integer(9), currency)});
        }
        return reports;
    });
}

pos::Result<StoredZReport> HeadOffice::z_report(const std::string& store_code,
                                                const std::string& terminal_id,
                                                std::int64_t number) {
    const std::string which =
        "Z report No. " + std::to_string(number) + " of " + terminal_id + " in " + store_code;
    return detail::guarded<StoredZReport>("Reading " + which, [&]() -> pos::Result<StoredZReport> {
        auto connection = pool_.acquire();
        const auto found = connection->query(
            "SELECT business_day, from_ms, to_ms, run_by_id, run_by_name, currency,"
            " currency_exponent FROM z_reports"
            " WHERE store_code = $1 AND terminal_id = $2 AND number = $3",
            {store_code, terminal_id, number});
        if (found.empty())
            return pos::not_found("Head office holds no " + which);
        const sql::Row& z = found.front();
        const auto currency = pos::Currency::of(z.text(5), static_cast<int>(z.integer(6)));
        StoredZReport report{store_code, z.integer(3), {}};
        pos::ReportFigures& figures = report.figures;
        figures.final = true;
        figures.number = number;
        figures.terminal_id = terminal_id;
        figures.business_day = z.integer(0);
        figures.from_ms = z.integer(1);
        figures.to_ms = z.integer(2);
        figures.run_by = z.text(4);
        for (const sql::Row& row :
             connection->query("SELECT section, label, count, amount_minor FROM z_report_rows"
                               " WHERE terminal_id = $1 AND number = $2 ORDER BY section, position",
                               {terminal_id, number}))
            section_of(figures, row.text(0))
                .push_back({row.text(1), row.integer(2), pos::Money(row.integer(3), currency)});
        return report;
    });
}

pos::Result<std::vector<TillClose>> HeadOffice::till_closes(const std::string& store_code) {
    using Reply = std::vector<TillClose>;
    return detail::guarded<Reply>("Reading till closes", [&]() -> pos::Result<Reply> {
        auto connection = pool_.acquire();
        if (auto known = require_store(*connection, store_code); !known)
            return known.error();
        sql::Params params;
        const std::string where = store_filter(store_code, params);
        auto tenders = tenders_of_closes(*connection, where, params);
        std::map<std::string, pos::Currency> currencies;
        Reply closes;
        for (const sql::Row& row : connection->query(
                 "SELECT store_code, terminal_id, shift_id, shift_number, closed_at_ms,"
                 " closed_by_id, closed_by_name, cash_count, approved_by_id, approver_name, reason"
                 " FROM till_closes" +
                     where + " ORDER BY closed_at_ms, terminal_id, shift_number",
                 params)) {
            if (!currencies.count(row.text(0)))
                currencies.emplace(row.text(0), store_currency(*connection, row.text(0)));
            const pos::Currency& currency = currencies.at(row.text(0));
            TillClose close{row.text(0),    row.text(1),    row.text(2),
                            row.integer(3), row.integer(4), row.integer(5),
                            row.text(6),    row.text(7),    {},
                            row.integer(8), row.text(9),    row.text(10)};
            for (const TenderRow& tender : tenders[close.shift_id])
                close.tenders.push_back({tender.method, pos::Money(tender.expected, currency),
                                         pos::Money(tender.counted, currency)});
            closes.push_back(std::move(close));
        }
        return closes;
    });
}

}  // namespace headoffice
