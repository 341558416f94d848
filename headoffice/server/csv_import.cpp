#include "headoffice/server/csv_import.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "pos/barcode.hpp"

namespace headoffice {

namespace {

// ---- RFC 4180 records ------------------------------------------------------------------------

struct CsvRecord {
    std::int64_t line = 0;  // where the record starts (a quoted field may span lines)
    std::vector<std::string> fields;
};

struct CsvFile {
    std::vector<CsvRecord> records;     // blank lines skipped
    std::optional<RejectedRow> broken;  // a quoted field never closed: the rest is unreadable
};

CsvFile read_records(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF")  // a byte order mark, as spreadsheets write it
        text.remove_prefix(3);
    CsvFile file;
    std::int64_t line = 1;
    std::size_t i = 0;
    while (i < text.size()) {
        CsvRecord record{line, {}};
        std::string field;
        bool quoted_anywhere = false;
        bool at_end_of_record = false;
        while (!at_end_of_record) {
            if (i < text.size() && text[i] == '"') {
                quoted_anywhere = true;
                ++i;
                while (true) {
                    if (i >= text.size()) {
                        file.broken = RejectedRow{
                            record.line, "a quoted field is never closed (a '\"' is missing)"};
                        return file;
                    }
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            field += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (text[i] == '\n')
                        ++line;
                    field += text[i++];
                }
            }
            // Unquoted text (or text after a closing quote, kept as written).
            while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                field += text[i++];
            record.fields.push_back(std::move(field));
            field.clear();
            if (i < text.size() && text[i] == ',') {
                ++i;
                continue;
            }
            if (i < text.size() && text[i] == '\r')
                ++i;
            if (i < text.size() && text[i] == '\n')
                ++i;
            ++line;
            at_end_of_record = true;
        }
        const bool blank =
            record.fields.size() == 1 && record.fields[0].empty() && !quoted_anywhere;
        if (!blank)
            file.records.push_back(std::move(record));
    }
    return file;
}

// ---- fields ----------------------------------------------------------------------------------

std::string trim(std::string_view text) {
    const auto not_space = [](char c) { return c != ' ' && c != '\t'; };
    const auto first = std::find_if(text.begin(), text.end(), not_space);
    const auto last = std::find_if(text.rbegin(), text.rend(), not_space).base();
    return first < last ? std::string(first, last) : std::string{};
}

std::string lower(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

bool all_digits(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// A row is rejected by throwing this inside the per-row readers; the loop records it.
struct BadRow {
    std::string reason;
};

std::string quoted(std::string_view value) {
    return "'" + std::string(value) + "'";
}

std::string product_code(const std::string& value, std::string_view column) {
    if (value.empty())
        throw BadRow{std::string(column) + " is empty"};
    if (value.size() > 14 || !all_digits(value)) {
        throw BadRow{std::string(column) + " " + quoted(value) +
                     " is not a product code: use 1 to 14 digits"};
    }
    return value;
}

// A code of GTIN length (8, 12, 13, 14 digits) must carry its right check digit: a terminal
// refuses the product otherwise, and it would stop every terminal's download.
void check_digit(const std::string& value, std::string_view column) {
    if (!pos::is_gtin_length(value.size()))
        return;
    const char expected =
        pos::gtin_check_digit(std::string_view(value).substr(0, value.size() - 1));
    if (value.back() != expected) {
        throw BadRow{std::string(column) + " " + quoted(value) +
                     " has a wrong check digit (the last digit should be " +
                     std::string(1, expected) + ")"};
    }
}

std::int64_t price_minor(const std::string& value, int exponent) {
    const std::string shown = "price " + quoted(value);
    if (value.empty())
        throw BadRow{"price is empty"};
    if (value.front() == '-')
        throw BadRow{shown + " is negative"};
    if (value.find(',') != std::string::npos) {
        std::string suggestion = value;
        std::replace(suggestion.begin(), suggestion.end(), ',', '.');
        throw BadRow{shown + " is not an amount: use " + suggestion};
    }
    const auto dot = value.find('.');
    const std::string whole = value.substr(0, dot);
    const std::string fraction = dot == std::string::npos ? "" : value.substr(dot + 1);
    if (whole.empty() || !all_digits(whole) || !all_digits(fraction) ||
        (dot != std::string::npos && fraction.empty())) {
        throw BadRow{shown + " is not an amount: use digits and at most one '.' (12.50)"};
    }
    if (fraction.size() > static_cast<std::size_t>(exponent)) {
        throw BadRow{shown + " has more than " + std::to_string(exponent) + " decimals"};
    }
    if (whole.size() > 12)
        throw BadRow{shown + " is too large"};
    std::int64_t minor = 0;
    for (char c : whole)
        minor = minor * 10 + (c - '0');
    for (int place = 0; place < exponent; ++place) {
        const auto index = static_cast<std::size_t>(place);
        minor = minor * 10 + (index < fraction.size() ? fraction[index] - '0' : 0);
    }
    return minor;
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

unsigned days_in_month(std::int64_t year, unsigned month) {
    constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

unsigned number(std::string_view digits) {
    unsigned value = 0;
    for (char c : digits)
        value = value * 10 + static_cast<unsigned>(c - '0');
    return value;
}

// "2026-12-01" or "2026-12-01T08:00" (UTC) -> Unix ms.
std::int64_t date_ms(const std::string& value) {
    const std::string shown = "effective_from " + quoted(value);
    const bool has_time = value.size() == 16;
    const bool shape_ok =
        (value.size() == 10 || has_time) && value[4] == '-' && value[7] == '-' &&
        all_digits(value.substr(0, 4)) && all_digits(value.substr(5, 2)) &&
        all_digits(value.substr(8, 2)) &&
        (!has_time || (value[10] == 'T' && value[13] == ':' && all_digits(value.substr(11, 2)) &&
                       all_digits(value.substr(14, 2))));
    if (!shape_ok)
        throw BadRow{shown + " is not a date: use YYYY-MM-DD or YYYY-MM-DDTHH:MM (UTC)"};
    const std::int64_t year = number(value.substr(0, 4));
    const unsigned month = number(value.substr(5, 2));
    const unsigned day = number(value.substr(8, 2));
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
        throw BadRow{shown + " is not a date of the calendar"};
    unsigned hour = 0;
    unsigned minute = 0;
    if (has_time) {
        hour = number(value.substr(11, 2));
        minute = number(value.substr(14, 2));
        if (hour > 23 || minute > 59)
            throw BadRow{shown + " is not a time of day"};
    }
    const std::int64_t minutes = days_from_civil(year, month, day) * 1440 + hour * 60 + minute;
    return minutes * 60'000;
}

// ---- header ----------------------------------------------------------------------------------

// Column positions by name; throws BadRow naming the first required column that is missing.
class Columns {
  public:
    Columns(const std::vector<std::string>& header, const std::vector<std::string>& required) {
        for (std::size_t i = 0; i < header.size(); ++i)
            index_.emplace(lower(trim(header[i])), i);
        for (const auto& name : required) {
            if (!index_.contains(name)) {
                std::string present;
                for (const auto& column : header)
                    present += (present.empty() ? "" : ", ") + trim(column);
                throw BadRow{"missing column '" + name + "' (the header has: " + present + ")"};
            }
        }
        width_ = header.size();
    }
    std::string get(const CsvRecord& record, const std::string& name) const {
        const auto found = index_.find(name);
        return found == index_.end() ? std::string{} : trim(record.fields[found->second]);
    }
    bool has(const std::string& name) const { return index_.contains(name); }
    void check_width(const CsvRecord& record) const {
        if (record.fields.size() != width_) {
            throw BadRow{std::to_string(record.fields.size()) + " fields, but the header has " +
                         std::to_string(width_) + " columns"};
        }
    }

  private:
    std::map<std::string, std::size_t> index_;
    std::size_t width_ = 0;
};

// Reads the header and hands each later record to read_row, collecting rejections.
template <typename Read>
std::vector<RejectedRow> read_file(std::string_view csv, const std::vector<std::string>& required,
                                   Read read_row) {
    std::vector<RejectedRow> rejected;
    CsvFile file = read_records(csv);
    if (file.records.empty()) {
        std::string names;
        for (const auto& name : required)
            names += (names.empty() ? "" : ",") + name;
        if (file.broken)
            return {*file.broken};
        return {{1, "the file is empty: expected a header line with " + names}};
    }
    try {
        const Columns columns(file.records.front().fields, required);
        for (std::size_t r = 1; r < file.records.size(); ++r) {
            const CsvRecord& record = file.records[r];
            try {
                columns.check_width(record);
                read_row(columns, record);
            } catch (const BadRow& bad) {
                rejected.push_back({record.line, bad.reason});
            }
        }
    } catch (const BadRow& bad) {
        return {{file.records.front().line, bad.reason}};
    }
    if (file.broken)
        rejected.push_back(*file.broken);
    return rejected;
}

pos::UnitOfSale unit_of(const std::string& value) {
    const std::string word = lower(value);
    if (word == "each")
        return pos::UnitOfSale::each;
    if (word == "kg")
        return pos::UnitOfSale::kilogram;
    throw BadRow{"unit " + quoted(value) + " is not a unit: use each or kg"};
}

std::vector<std::string> barcodes_of(const std::string& primary, const std::string& value) {
    std::vector<std::string> codes{primary};
    std::size_t at = 0;
    while (at < value.size()) {
        const auto end = value.find(' ', at);
        const std::string word = value.substr(at, end == std::string::npos ? end : end - at);
        at = end == std::string::npos ? value.size() : end + 1;
        if (word.empty())
            continue;
        if (word.size() > 14 || !all_digits(word)) {
            throw BadRow{"barcodes: " + quoted(word) + " is not a barcode: use 1 to 14 digits"};
        }
        check_digit(word, "barcodes:");
        if (std::find(codes.begin(), codes.end(), word) == codes.end())
            codes.push_back(word);
    }
    return codes;
}

}  // namespace

ParsedCatalogue parse_catalogue_csv(std::string_view csv, int exponent) {
    ParsedCatalogue parsed;
    std::map<std::string, std::int64_t> first_line;  // code -> line it first appeared on
    const std::vector<std::string> required = {"code",     "name",  "department",
                                               "tax_code", "price", "unit"};
    parsed.rejected = read_file(csv, required, [&](const Columns& columns, const CsvRecord& row) {
        pos::ProductRecord product;
        product.code = product_code(columns.get(row, "code"), "code");
        check_digit(product.code, "code");
        product.name = columns.get(row, "name");
        if (product.name.empty())
            throw BadRow{"name is empty"};
        product.department = columns.get(row, "department");
        product.tax_code = columns.get(row, "tax_code");
        if (product.tax_code.empty())
            throw BadRow{"tax_code is empty"};
        product.unit_price_minor = price_minor(columns.get(row, "price"), exponent);
        product.unit = unit_of(columns.get(row, "unit"));
        product.barcodes = barcodes_of(product.code, columns.get(row, "barcodes"));
        product.brand = columns.get(row, "brand");
        const auto [seen, fresh] = first_line.emplace(product.code, row.line);
        if (!fresh) {
            throw BadRow{"code " + quoted(product.code) + " already appears on line " +
                         std::to_string(seen->second)};
        }
        parsed.products.push_back(std::move(product));
        parsed.lines.push_back(row.line);
    });
    return parsed;
}

ParsedPrices parse_prices_csv(std::string_view csv, int exponent) {
    ParsedPrices parsed;
    std::map<std::pair<std::string, std::int64_t>, std::int64_t> first_line;
    const std::vector<std::string> required = {"code", "price", "effective_from"};
    parsed.rejected = read_file(csv, required, [&](const Columns& columns, const CsvRecord& row) {
        pos::PriceRecord price;
        price.product_code = product_code(columns.get(row, "code"), "code");
        price.unit_price_minor = price_minor(columns.get(row, "price"), exponent);
        const std::string when = columns.get(row, "effective_from");
        price.effective_from_ms = date_ms(when);
        const auto [seen, fresh] =
            first_line.emplace(std::pair{price.product_code, price.effective_from_ms}, row.line);
        if (!fresh) {
            throw BadRow{"code " + quoted(price.product_code) + " from " + when +
                         " already appears on line " + std::to_string(seen->second)};
        }
        parsed.prices.push_back(price);
        parsed.lines.push_back(row.line);
    });
    return parsed;
}

}  // namespace headoffice
