// Shared by the script parser's files (script.cpp, script_returns.cpp): a line split into
// words, and the helpers its commands use. Internal to counter_ui.
#pragma once

#include <charconv>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "pos/result.hpp"
#include "ui/script.hpp"

namespace ui::script {

using ParseResult = pos::Result<std::optional<ScriptStep>>;
using Words = std::vector<std::string>;

inline Words words_of(const std::string& line) {
    std::istringstream in(line);
    Words words;
    for (std::string w; in >> w;)
        words.push_back(w);
    return words;
}

// Words from `from` on, joined by single spaces: free text such as a reason or a search.
inline std::string rest(const Words& words, std::size_t from) {
    std::string text;
    for (std::size_t i = from; i < words.size(); ++i)
        text += (text.empty() ? "" : " ") + words[i];
    return text;
}

// "3" -> index 2; the script counts lines and results from 1, as the screen shows them.
inline pos::Result<std::size_t> position(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || ptr != text.data() + text.size() || n == 0) {
        return pos::bad_input(what + " must be a number from 1, not '" + text + "'");
    }
    return n - 1;
}

inline ParseResult step(Intent intent) {
    return std::optional<ScriptStep>{ScriptStep{std::move(intent)}};
}

// The commands of returns, exchanges, ticket search and approvals (script_returns.cpp).
ParseResult parse_return(const Words& w);
ParseResult parse_find(const Words& w);
ParseResult parse_refund(const Words& w);
ParseResult parse_approve(const Words& w);
ParseResult parse_decline(const Words& w);
ParseResult parse_expect(const Words& w);

}  // namespace ui::script
