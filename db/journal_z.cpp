#include "db/journal_z.hpp"

#include <charconv>
#include <optional>
#include <vector>

#include "db/format.hpp"
#include "pos/canonical_text.hpp"

namespace db {

namespace {

struct Section {
    std::string_view name;
    std::vector<pos::ReportAmount> pos::ReportFigures::*rows;
};

constexpr Section sections[] = {
    {"sales", &pos::ReportFigures::sales},     {"taxes", &pos::ReportFigures::taxes},
    {"tenders", &pos::ReportFigures::tenders}, {"clerks", &pos::ReportFigures::clerks},
    {"hours", &pos::ReportFigures::hours},
};

// Reads fields of one body, remembering the first problem so callers can read on and check once.
class BodyReader {
  public:
    explicit BodyReader(std::string_view body) : body_(body) {}

    std::string text(const std::string& key) {
        auto value = pos::canonical_field(body_, key);
        if (!value)
            fail("The Z report has no field " + key);
        return value.value_or("");
    }

    std::int64_t number(const std::string& key) {
        const std::string value = text(key);
        std::int64_t parsed = 0;
        const auto [end, error] =
            std::from_chars(value.data(), value.data() + value.size(), parsed);
        if (error != std::errc{} || end != value.data() + value.size() || value.empty())
            fail("The Z report's field " + key + " is not a number");
        return parsed;
    }

    const std::optional<std::string>& problem() const { return problem_; }

  private:
    void fail(std::string what) {
        if (!problem_)
            problem_ = std::move(what);
    }

    std::string_view body_;
    std::optional<std::string> problem_;
};

std::vector<pos::ReportAmount> read_section(BodyReader& reader, std::string_view name,
                                            const pos::Currency& currency) {
    const std::string prefix = "z." + std::string(name);
    const std::int64_t count = reader.number(prefix);
    std::vector<pos::ReportAmount> rows;
    for (std::int64_t i = 1; i <= count && !reader.problem(); ++i) {
        const std::string p = prefix + "." + std::to_string(i) + ".";
        pos::ReportAmount row;
        row.label = reader.text(p + "label");
        row.count = reader.number(p + "count");
        row.amount = pos::Money(reader.number(p + "amount"), currency);
        rows.push_back(std::move(row));
    }
    return rows;
}

}  // namespace

std::string z_report_body(const pos::ReportFigures& figures, std::int64_t run_by_id,
                          const pos::Currency& currency) {
    pos::Canonical out;
    out.field("z.number", figures.number)
        .field("z.business_day", figures.business_day)
        .field("z.from_ms", figures.from_ms)
        .field("z.to_ms", figures.to_ms)
        .field("z.run_by_id", run_by_id)
        .field("z.run_by_name", figures.run_by)
        .field("z.currency", currency_text(currency))
        .field("z.currency_exponent", currency.exponent);
    for (const Section& section : sections) {
        const std::string prefix = "z." + std::string(section.name);
        const auto& rows = figures.*section.rows;
        out.field(prefix, static_cast<std::int64_t>(rows.size()));
        std::int64_t number = 0;
        for (const pos::ReportAmount& row : rows) {
            const std::string p = prefix + "." + std::to_string(++number) + ".";
            out.field(p + "label", row.label)
                .field(p + "count", row.count)
                .field(p + "amount", row.amount.minor());
        }
    }
    return out.text();
}

pos::Result<pos::ReportFigures> z_figures_from(std::string_view body,
                                               const std::string& terminal_id) {
    BodyReader reader(body);
    pos::ReportFigures figures;
    figures.final = true;
    figures.terminal_id = terminal_id;
    figures.number = reader.number("z.number");
    figures.business_day = reader.number("z.business_day");
    figures.from_ms = reader.number("z.from_ms");
    figures.to_ms = reader.number("z.to_ms");
    figures.run_by = reader.text("z.run_by_name");
    const std::string code = reader.text("z.currency");
    const std::int64_t exponent = reader.number("z.currency_exponent");
    pos::Currency currency;
    if (!reader.problem()) {
        if (code.size() != 3 || exponent < 0 || exponent > 4)
            return pos::bad_input("The Z report's currency " + code + " (exponent " +
                                  std::to_string(exponent) + ") is not one the store can use");
        currency = pos::Currency::of(code, static_cast<int>(exponent));
    }
    for (const Section& section : sections) {
        if (reader.problem())
            break;
        figures.*section.rows = read_section(reader, section.name, currency);
    }
    if (reader.problem())
        return pos::bad_input(*reader.problem());
    return figures;
}

}  // namespace db
