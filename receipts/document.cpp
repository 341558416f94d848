#include "receipts/document.hpp"

#include <algorithm>
#include <cstddef>

namespace receipts {

namespace {

bool starts_code_point(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
}

// The first `columns` code points of `text`.
std::string cut_to(const std::string& text, int columns) {
    int seen = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (starts_code_point(text[i])) {
            if (seen == columns)
                return text.substr(0, i);
            ++seen;
        }
    }
    return text;
}

// What is left of `text` after its first `columns` code points.
std::string rest_after(const std::string& text, int columns) {
    return text.substr(cut_to(text, columns).size());
}

std::string spaces(int n) {
    return std::string(static_cast<std::size_t>(std::max(n, 0)), ' ');
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos)
            end = text.size();
        if (end > start)
            words.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

int leading_spaces(const std::string& text) {
    const std::size_t first = text.find_first_not_of(' ');
    return first == std::string::npos ? 0 : static_cast<int>(first);
}

std::string pad_left(const std::string& text, int width) {
    return spaces(width - text_width(text)) + text;
}

// `left` and `right` on one line of exactly `columns`, `right` against the edge.
std::string spread(const std::string& left, const std::string& right, int columns) {
    return left + spaces(columns - text_width(left) - text_width(right)) + right;
}

// The middle and right parts of a row: the middle ends where a right column of at least a
// quarter of the paper starts, so quantities line up above each other whatever the amount.
std::string row_tail(const Row& row, int columns) {
    if (row.middle.empty())
        return row.right;
    const int right_column = std::max(text_width(row.right), columns / 4);
    return row.middle + " " + pad_left(row.right, right_column);
}

}  // namespace

int text_width(const std::string& utf8) {
    return static_cast<int>(std::count_if(utf8.begin(), utf8.end(), starts_code_point));
}

std::vector<std::string> wrap_text(const std::string& utf8, int columns) {
    return wrap_text(utf8, columns, leading_spaces(utf8));
}

std::vector<std::string> wrap_text(const std::string& utf8, int columns, int continuation_indent) {
    columns = std::max(columns, 1);
    continuation_indent = std::clamp(continuation_indent, 0, columns - 1);
    std::vector<std::string> lines;
    std::string line = spaces(std::min(leading_spaces(utf8), columns - 1));
    bool has_word = false;
    for (std::string word : words_of(utf8)) {
        if (has_word && text_width(line) + 1 + text_width(word) > columns) {
            lines.push_back(line);
            line = spaces(continuation_indent);
            has_word = false;
        }
        if (has_word)
            line += ' ';
        // A word longer than the room left is cut across lines.
        while (text_width(line) + text_width(word) > columns) {
            const int room = columns - text_width(line);
            lines.push_back(line + cut_to(word, room));
            word = rest_after(word, room);
            line = spaces(continuation_indent);
        }
        line += word;
        has_word = true;
    }
    if (has_word || lines.empty())
        lines.push_back(line);
    return lines;
}

std::vector<std::string> layout_row(const Row& row, int columns) {
    const std::string tail = row_tail(row, columns);
    const int tail_width = text_width(tail);
    const int indent = leading_spaces(row.left);
    std::vector<std::string> lines;
    if (!row.left.empty())
        lines = wrap_text(row.left, columns, indent + 2);
    if (tail.empty())
        return lines.empty() ? std::vector<std::string>{""} : lines;
    if (tail_width > columns) {
        // Not even the tail fits one line: the middle, then the amount, each on a line of its own.
        for (const auto& part : wrap_text(row.middle, columns, 0))
            lines.push_back(spaces(columns - text_width(part)) + part);
        for (const auto& part : wrap_text(row.right, columns, 0))
            lines.push_back(spaces(columns - text_width(part)) + part);
        return lines;
    }
    if (!lines.empty() && text_width(lines.back()) + 1 + tail_width <= columns) {
        lines.back() = spread(lines.back(), tail, columns);
    } else {
        lines.push_back(spread("", tail, columns));
    }
    return lines;
}

std::vector<std::string> layout_tax_table(const TaxTable& table, int columns) {
    const TaxTable::Line heading{"Rate", "Net", "Tax", "Gross"};
    int code_width = text_width(heading.code);
    int value_width = text_width(heading.gross);
    for (const auto& line : table.lines) {
        code_width = std::max(code_width, text_width(line.code));
        value_width = std::max(
            {value_width, text_width(line.net), text_width(line.tax), text_width(line.gross)});
    }
    const int indent = 2;
    // Three amount columns sharing what the code leaves, each a space wider than its widest value.
    const int field = std::max((columns - indent - code_width) / 3, value_width + 1);
    const bool one_line = indent + code_width + 3 * field <= columns;
    const bool values_fit = 3 * value_width + 2 <= columns;
    std::vector<std::string> lines;
    const auto add = [&](const TaxTable::Line& line) {
        if (one_line) {
            lines.push_back(spread(
                spaces(indent) + line.code,
                pad_left(line.net, field) + pad_left(line.tax, field) + pad_left(line.gross, field),
                columns));
            return;
        }
        // Narrow paper or large amounts: the code on a line of its own, the amounts beneath.
        lines.push_back(spaces(indent) + line.code);
        if (values_fit) {
            lines.push_back(spread("",
                                   pad_left(line.net, value_width) + " " +
                                       pad_left(line.tax, value_width) + " " +
                                       pad_left(line.gross, value_width),
                                   columns));
            return;
        }
        for (const auto* value : {&line.net, &line.tax, &line.gross})
            lines.push_back(spread("", cut_to(*value, columns), columns));
    };
    add(heading);
    for (const auto& line : table.lines)
        add(line);
    return lines;
}

}  // namespace receipts
