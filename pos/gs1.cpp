#include "pos/gs1.hpp"

#include <algorithm>
#include <array>

namespace pos {

namespace {

enum class Format {
    numeric,
    alphanumeric,     // GS1 AI encodable character set 82
    date,             // YYMMDD
    currency_amount,  // N3 ISO 4217 numeric code + N..15 amount
};

struct AiDefinition {
    std::string_view ai;  // for an AI with a decimal-point digit, the three digits before it
    std::string_view title;
    Format format;
    int min_length;
    int max_length;
    int max_decimals = -1;  // >= 0: the AI is `ai` + one digit n <= max_decimals, n decimals
    bool check_digit = false;
};

// From the GS1 General Specifications' AI table (formats as in the GS1 Barcode Syntax
// Dictionary); a subset for retail.
constexpr std::array<AiDefinition, 44> ai_table{{
    {"00", "SSCC", Format::numeric, 18, 18, -1, true},
    {"01", "GTIN", Format::numeric, 14, 14, -1, true},
    {"02", "CONTENT", Format::numeric, 14, 14, -1, true},
    {"10", "BATCH/LOT", Format::alphanumeric, 1, 20},
    {"11", "PROD DATE", Format::date, 6, 6},
    {"12", "DUE DATE", Format::date, 6, 6},
    {"13", "PACK DATE", Format::date, 6, 6},
    {"15", "BEST BEFORE", Format::date, 6, 6},
    {"16", "SELL BY", Format::date, 6, 6},
    {"17", "USE BY", Format::date, 6, 6},
    {"20", "VARIANT", Format::numeric, 2, 2},
    {"21", "SERIAL", Format::alphanumeric, 1, 20},
    {"22", "CPV", Format::alphanumeric, 1, 20},
    {"240", "ADDITIONAL ID", Format::alphanumeric, 1, 30},
    {"241", "CUST. PART No.", Format::alphanumeric, 1, 30},
    {"250", "SECONDARY SERIAL", Format::alphanumeric, 1, 30},
    {"251", "REF. TO SOURCE", Format::alphanumeric, 1, 30},
    {"254", "GLN EXTENSION COMPONENT", Format::alphanumeric, 1, 20},
    {"30", "VAR. COUNT", Format::numeric, 1, 8},
    {"310", "NET WEIGHT (kg)", Format::numeric, 6, 6, 5},
    {"320", "NET WEIGHT (lb)", Format::numeric, 6, 6, 5},
    {"330", "GROSS WEIGHT (kg)", Format::numeric, 6, 6, 5},
    {"37", "COUNT", Format::numeric, 1, 8},
    {"390", "AMOUNT", Format::numeric, 1, 15, 9},
    {"391", "AMOUNT", Format::currency_amount, 4, 18, 9},
    {"392", "PRICE", Format::numeric, 1, 15, 9},
    {"393", "PRICE", Format::currency_amount, 4, 18, 9},
    {"400", "ORDER NUMBER", Format::alphanumeric, 1, 30},
    {"410", "SHIP TO LOC", Format::numeric, 13, 13, -1, true},
    {"414", "LOC No.", Format::numeric, 13, 13, -1, true},
    {"422", "ORIGIN", Format::numeric, 3, 3},
    {"8005", "PRICE PER UNIT", Format::numeric, 6, 6},
    {"8200", "PRODUCT URL", Format::alphanumeric, 1, 70},
    {"90", "INTERNAL", Format::alphanumeric, 1, 30},
    {"91", "INTERNAL", Format::alphanumeric, 1, 90},
    {"92", "INTERNAL", Format::alphanumeric, 1, 90},
    {"93", "INTERNAL", Format::alphanumeric, 1, 90},
    {"94", "INTERNAL", Format::alphanumeric, 1, 90},
    {"95", "INTERNAL", Format::alphanumeric, 1, 90},
    {"96", "INTERNAL", Format::alphanumeric, 1, 90},
    {"97", "INTERNAL", Format::alphanumeric, 1, 90},
    {"98", "INTERNAL", Format::alphanumeric, 1, 90},
    {"99", "INTERNAL", Format::alphanumeric, 1, 90},
    {"7003", "EXPIRY TIME", Format::numeric, 10, 10},
}};

// AIs whose length is predefined by their first two digits need no FNC1 after them (the GS1
// General Specifications' table of predefined-length element strings; "*" in the GS1 Barcode
// Syntax Dictionary); every other field ends with one unless it is last.
bool has_predefined_length(std::string_view ai) {
    constexpr std::array<std::string_view, 22> prefixes{
        "00", "01", "02", "03", "04", "11", "12", "13", "14", "15", "16",
        "17", "18", "19", "20", "31", "32", "33", "34", "35", "36", "41"};
    return std::find(prefixes.begin(), prefixes.end(), ai.substr(0, 2)) != prefixes.end();
}

// How many digits an AI starting with these two digits has, to name an unknown one whole.
std::size_t ai_length_by_prefix(std::string_view two) {
    const int p = (two[0] - '0') * 10 + (two[1] - '0');
    if (p <= 22 || p == 30 || p == 37 || p >= 90)
        return 2;
    if ((p >= 23 && p <= 25) || (p >= 40 && p <= 42) || p == 71)
        return 3;
    if ((p >= 31 && p <= 36) || p == 39 || p == 43 || (p >= 70 && p <= 72) || (p >= 80 && p <= 82))
        return 4;
    return 2;
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// GS1 AI encodable character set 82 (GS1 General Specifications figure 7.11-1).
bool in_character_set_82(char c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || is_digit(c))
        return true;
    constexpr std::string_view others = "!\"%&'()*+,-./:;<=>?_";
    return others.find(c) != std::string_view::npos;
}

struct Match {
    const AiDefinition* definition = nullptr;
    std::string ai;
    int decimals = 0;
};

// The AI at the start of `data`, if it is one we know.
std::optional<Match> match_ai(std::string_view data) {
    for (const AiDefinition& def : ai_table) {
        if (data.substr(0, def.ai.size()) != def.ai)
            continue;
        if (def.max_decimals < 0)
            return Match{&def, std::string(def.ai), 0};
        if (data.size() <= def.ai.size() || !is_digit(data[def.ai.size()]))
            return std::nullopt;
        const int n = data[def.ai.size()] - '0';
        if (n > def.max_decimals)
            return std::nullopt;
        return Match{&def, std::string(data.substr(0, def.ai.size() + 1)), n};
    }
    return std::nullopt;
}

std::string name(const Match& m) {
    return "AI (" + m.ai + ") " + std::string(m.definition->title);
}

Error gs1_error(const std::string& detail) {
    return bad_input("GS1 code: " + detail);
}

std::int64_t to_int(std::string_view digits) {
    std::int64_t value = 0;
    for (char c : digits)
        value = value * 10 + (c - '0');
    return value;
}

int resolve_year(int yy, int current_year) {
    if (current_year <= 0)
        return 2000 + yy;
    const int century = current_year / 100 * 100;
    const int difference = yy - current_year % 100;
    if (difference >= 51)
        return century - 100 + yy;
    if (difference <= -50)
        return century + 100 + yy;
    return century + yy;
}

Result<Gs1Date> parse_date(const Match& m, std::string_view value, int current_year) {
    Gs1Date date;
    date.year = resolve_year(static_cast<int>(to_int(value.substr(0, 2))), current_year);
    date.month = static_cast<int>(to_int(value.substr(2, 2)));
    date.day = static_cast<int>(to_int(value.substr(4, 2)));
    const std::string what = name(m) + " " + std::string(value);
    if (date.month < 1 || date.month > 12) {
        return gs1_error(what + " is not a valid date YYMMDD: month " +
                         std::string(value.substr(2, 2)) + " is not 01-12");
    }
    const int last = days_in_month(date.year, date.month);
    if (date.day == 0) {
        date.day = last;
        date.end_of_month = true;
    } else if (date.day > last) {
        return gs1_error(what + " is not a valid date YYMMDD: day " +
                         std::string(value.substr(4, 2)) + " is past the end of the month (" +
                         std::to_string(last) + " days in " + std::to_string(date.year) + "-" +
                         std::string(value.substr(2, 2)) + ")");
    }
    return date;
}

// Checks one field's data against its AI's format; the length was checked by the caller.
Status check_value(const Match& m, std::string_view value) {
    const AiDefinition& def = *m.definition;
    if (def.format == Format::alphanumeric) {
        for (char c : value) {
            if (!in_character_set_82(c)) {
                return gs1_error(name(m) + " contains '" + printable_scan(std::string_view(&c, 1)) +
                                 "', which is not in the GS1 character set");
            }
        }
        return ok();
    }
    if (!is_all_digits(value)) {
        return gs1_error(name(m) + " must be digits only, but its data is '" +
                         printable_scan(value) + "'");
    }
    if (def.check_digit) {
        const char expected = gtin_check_digit(value.substr(0, value.size() - 1));
        if (value.back() != expected) {
            return gs1_error(name(m) + " " + std::string(value) +
                             " has a wrong check digit (the last digit should be " + expected +
                             ")");
        }
    }
    return ok();
}

Status check_length(const Match& m, std::string_view value) {
    const AiDefinition& def = *m.definition;
    const auto size = static_cast<int>(value.size());
    if (def.min_length == def.max_length && size != def.min_length) {
        return gs1_error(name(m) + " has a bad length: it takes " + std::to_string(def.min_length) +
                         " characters, found " + std::to_string(size) + " ('" +
                         printable_scan(value) + "')");
    }
    if (size > def.max_length) {
        return gs1_error(name(m) + " value is too long: " + std::to_string(size) +
                         " characters, at most " + std::to_string(def.max_length) +
                         ". Is a GS separator missing after it?");
    }
    if (size < def.min_length) {
        return gs1_error(name(m) + " has a bad length: " + std::to_string(size) +
                         " characters, at least " + std::to_string(def.min_length));
    }
    return ok();
}

// Adds one checked element and reads it into the typed fields.
Status add_element(Gs1Data& data, const Match& m, std::string_view value, int current_year) {
    if (auto s = check_length(m, value); !s)
        return s;
    if (auto s = check_value(m, value); !s)
        return s;
    for (const Gs1Element& e : data.elements) {
        if (e.ai == m.ai)
            return gs1_error(name(m) + " appears twice");
    }
    data.elements.push_back({m.ai, std::string(value)});

    const std::string_view ai = m.definition->ai;
    const std::string text(value);
    if (m.definition->format == Format::date) {
        auto date = parse_date(m, value, current_year);
        if (!date)
            return date.error();
        std::optional<Gs1Date>* target = ai == "11"   ? &data.production_date
                                         : ai == "12" ? &data.due_date
                                         : ai == "13" ? &data.packaging_date
                                         : ai == "15" ? &data.best_before
                                         : ai == "16" ? &data.sell_by
                                                      : &data.expiry;
        *target = *date;
    } else if (ai == "00") {
        data.sscc = text;
    } else if (ai == "01") {
        data.gtin = text;
    } else if (ai == "02") {
        data.content_gtin = text;
    } else if (ai == "10") {
        data.batch = text;
    } else if (ai == "20") {
        data.variant = text;
    } else if (ai == "21") {
        data.serial = text;
    } else if (ai == "30") {
        data.variable_count = to_int(value);
    } else if (ai == "37") {
        data.count = to_int(value);
    } else if (ai == "310") {
        if (data.net_weight_kg)
            return gs1_error("the net weight in kg is given twice (AI 310n)");
        const Decimal kg{to_int(value), m.decimals};
        data.net_weight_kg = kg;
        std::int64_t grams = kg.value;
        for (int d = kg.decimals; d < 3; ++d)
            grams *= 10;
        std::int64_t divisor = 1;
        for (int d = kg.decimals; d > 3; --d)
            divisor *= 10;
        data.net_weight_grams = (grams + divisor / 2) / divisor;
    } else if (ai == "320") {
        if (data.net_weight_lb)
            return gs1_error("the net weight in lb is given twice (AI 320n)");
        data.net_weight_lb = Decimal{to_int(value), m.decimals};
    } else if (ai == "392" || ai == "393") {
        if (data.price)
            return gs1_error("the price is given twice (AI 392n/393n)");
        if (ai == "393") {
            data.price_currency = static_cast<int>(to_int(value.substr(0, 3)));
            value.remove_prefix(3);
        }
        data.price = Decimal{to_int(value), m.decimals};
    }
    return ok();
}

Error unknown_ai(std::string_view data, std::size_t position) {
    if (data.size() - position < 2 || !is_digit(data[position]) || !is_digit(data[position + 1])) {
        return gs1_error("expected an Application Identifier (digits) at character " +
                         std::to_string(position + 1) + ", found '" +
                         printable_scan(data.substr(position, 4)) + "'");
    }
    std::string_view ai = data.substr(position, ai_length_by_prefix(data.substr(position, 2)));
    while (!ai.empty() && !is_digit(ai.back()))
        ai.remove_suffix(1);
    return gs1_error("unknown Application Identifier (" + printable_scan(ai) + ") at character " +
                     std::to_string(position + 1));
}

Result<Gs1Data> parse_transmitted(std::string_view s, int current_year) {
    Gs1Data data;
    std::size_t pos = 0;
    while (pos < s.size()) {
        if (s[pos] == gs1_separator) {
            ++pos;  // a doubled separator ends nothing: skip it
            continue;
        }
        auto m = match_ai(s.substr(pos));
        if (!m)
            return unknown_ai(s, pos);
        pos += m->ai.size();
        const AiDefinition& def = *m->definition;
        std::string_view value;
        if (def.min_length == def.max_length) {
            const auto length = static_cast<std::size_t>(def.min_length);
            value = s.substr(pos, length);
            value = value.substr(0, value.find(gs1_separator));
            pos += value.size();
            if (value.size() != length) {
                if (auto status = check_length(*m, value); !status)
                    return status.error();
            }
            if (pos < s.size()) {
                if (s[pos] == gs1_separator) {
                    ++pos;
                } else if (!has_predefined_length(m->ai)) {
                    return gs1_error("missing GS separator after " + name(*m) + " " +
                                     std::string(value) +
                                     ": its length is not predefined, so a "
                                     "GS must end it before the next AI");
                }
            }
        } else {
            const std::size_t end = std::min(s.find(gs1_separator, pos), s.size());
            value = s.substr(pos, end - pos);
            pos = end < s.size() ? end + 1 : end;
        }
        if (auto status = add_element(data, *m, value, current_year); !status)
            return status.error();
    }
    if (data.elements.empty())
        return gs1_error("the code holds no data");
    return data;
}

std::string_view trim_spaces(std::string_view s) {
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

Result<Gs1Data> parse_human_readable(std::string_view s, int current_year) {
    Gs1Data data;
    s = trim_spaces(s);
    while (!s.empty()) {
        if (s.front() != '(')
            return gs1_error("expected '(' before an Application Identifier, found '" +
                             printable_scan(s.substr(0, 8)) + "'");
        const std::size_t close = s.find(')');
        if (close == std::string_view::npos)
            return gs1_error("an Application Identifier '" + printable_scan(s) + "' has no ')'");
        const std::string_view ai = s.substr(1, close - 1);
        auto m = is_all_digits(ai) ? match_ai(ai) : std::nullopt;
        if (!m || m->ai.size() != ai.size())
            return gs1_error("unknown Application Identifier (" + printable_scan(ai) + ")");
        s.remove_prefix(close + 1);
        const std::size_t next = std::min(s.find('('), s.size());
        const std::string_view value = trim_spaces(s.substr(0, next));
        s.remove_prefix(next);
        if (auto status = add_element(data, *m, value, current_year); !status)
            return status.error();
    }
    if (data.elements.empty())
        return gs1_error("the code holds no data");
    return data;
}

}  // namespace

int days_in_month(int year, int month) {
    constexpr std::array<int, 12> days{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[static_cast<std::size_t>(month - 1)];
}

bool is_gs1_human_readable(std::string_view text) {
    return !text.empty() && text.front() == '(';
}

Result<Gs1Data> parse_gs1(std::string_view element_string, int current_year) {
    auto data = is_gs1_human_readable(trim_spaces(element_string))
                    ? parse_human_readable(element_string, current_year)
                    : parse_transmitted(element_string, current_year);
    if (data && data->gtin && data->content_gtin) {
        // An invalid pair in the GS1 General Specifications: a trade item's own GTIN and the
        // GTIN of the items a logistic unit contains cannot describe the same thing.
        return gs1_error("AI (01) GTIN and AI (02) CONTENT must not appear together");
    }
    return data;
}

}  // namespace pos
