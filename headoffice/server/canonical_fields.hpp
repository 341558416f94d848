// Internal to headoffice/server: reading the fields of a journal entry's canonical text
// (pos/canonical_text.hpp) when head office folds an uploaded entry into sales, stock, Z reports
// and till closes.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

#include "pos/canonical_text.hpp"

namespace headoffice::detail {

// Every "key=value" line of an entry's payload (the first of a key wins, as canonical_field
// does). text() and integer() throw std::runtime_error naming the missing or malformed field.
class CanonicalFields {
  public:
    explicit CanonicalFields(std::string_view payload) {
        std::size_t start = 0;
        while (start < payload.size()) {
            std::size_t end = payload.find('\n', start);
            if (end == std::string_view::npos)
                end = payload.size();
            const std::string_view line = payload.substr(start, end - start);
            const std::size_t equals = line.find('=');
            if (equals != std::string_view::npos)
                fields_.emplace(std::string(line.substr(0, equals)),
                                pos::unescape_value(line.substr(equals + 1)));
            start = end + 1;
        }
    }
    bool has(const std::string& key) const { return fields_.count(key) != 0; }
    const std::string& text(const std::string& key) const {
        const auto found = fields_.find(key);
        if (found == fields_.end())
            throw std::runtime_error("the payload has no field " + key);
        return found->second;
    }
    std::int64_t integer(const std::string& key) const {
        const std::string& value = text(key);
        std::size_t used = 0;
        std::int64_t number = 0;
        try {
            number = std::stoll(value, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used == 0 || used != value.size())
            throw std::runtime_error("the payload's " + key + " is not a number: '" + value + "'");
        return number;
    }

  private:
    std::map<std::string, std::string> fields_;
};

}  // namespace headoffice::detail
