#include "pos/canonical_text.hpp"

#include <charconv>

namespace pos {

std::string escape_value(std::string_view text) {
    static constexpr std::string_view hex = "0123456789abcdef";
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        switch (c) {
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (byte < 0x20 || byte == 0x7F) {
                    out += "\\x";
                    out += hex[byte >> 4];
                    out += hex[byte & 0xF];
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::string unescape_value(std::string_view text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '\\' || i + 1 == text.size()) {
            out += text[i];
            continue;
        }
        const char next = text[++i];
        if (next == 'n') {
            out += '\n';
        } else if (next == 'r') {
            out += '\r';
        } else if (next == 't') {
            out += '\t';
        } else if (next == 'x' && i + 2 < text.size()) {
            unsigned value = 0;
            std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16);
            out += static_cast<char>(value);
            i += 2;
        } else {
            out += next;
        }
    }
    return out;
}

Canonical& Canonical::field(std::string_view key, std::string_view value) {
    text_ += key;
    text_ += '=';
    text_ += escape_value(value);
    text_ += '\n';
    return *this;
}

Canonical& Canonical::field(std::string_view key, std::int64_t value) {
    text_ += key;
    text_ += '=';
    text_ += std::to_string(value);
    text_ += '\n';
    return *this;
}

std::optional<std::string> canonical_field(std::string_view text, std::string_view key) {
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view line = text.substr(start, end - start);
        if (line.size() > key.size() && line.starts_with(key) && line[key.size()] == '=')
            return unescape_value(line.substr(key.size() + 1));
        start = end + 1;
    }
    return std::nullopt;
}

}  // namespace pos
