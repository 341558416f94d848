// One table per enum naming its values: the stored name (database, journal, scripts) and the
// words people read. The lookups both ways are written once, here.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace pos {

template <typename Enum>
struct EnumName {
    Enum value;
    std::string_view name;        // "changed_mind": stored, journaled, scripted
    std::string_view label = {};  // "Changed mind": on screen and receipts, where there is one
};

template <typename Enum, std::size_t N>
constexpr const EnumName<Enum>* find_name(const EnumName<Enum> (&table)[N], Enum value) {
    for (const auto& entry : table) {
        if (entry.value == value)
            return &entry;
    }
    return nullptr;
}

// "?" for a value the table lacks: a name is shown or stored, never thrown over.
template <typename Enum, std::size_t N>
constexpr std::string_view name_of(const EnumName<Enum> (&table)[N], Enum value) {
    const auto* entry = find_name(table, value);
    return entry ? entry->name : "?";
}

template <typename Enum, std::size_t N>
constexpr std::string_view label_of(const EnumName<Enum> (&table)[N], Enum value) {
    const auto* entry = find_name(table, value);
    return entry ? entry->label : "?";
}

template <typename Enum, std::size_t N>
constexpr std::optional<Enum> value_named(const EnumName<Enum> (&table)[N], std::string_view name) {
    for (const auto& entry : table) {
        if (entry.name == name)
            return entry.value;
    }
    return std::nullopt;
}

}  // namespace pos
