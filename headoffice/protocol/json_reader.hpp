// Private to the protocol's .cpp files: checked reads of a parsed JSON document that name the field
// at fault
// ("changes[3].record.unit_price_minor: expected an integer"). A failed read throws
// DecodeError, which decode<T>() turns into a pos::Error; nothing here escapes this folder.
#pragma once

#include <cstdint>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pos/result.hpp"

namespace headoffice::json_reader {

using nlohmann::json;

struct DecodeError {
    std::string message;
};

// Where a value sits in the document. Paths are linked through the stack and only turned into
// text when something is wrong, so a 5,000-change batch costs no string building.
struct Path {
    const Path* parent = nullptr;
    std::string_view name;  // a field name, or empty for an array element
    std::size_t index = 0;

    Path field(std::string_view field_name) const { return {this, field_name, 0}; }
    Path element(std::size_t element_index) const { return {this, {}, element_index}; }

    std::string text() const {
        std::string prefix = parent ? parent->text() : std::string{};
        if (!parent)
            return std::string(name);
        if (name.empty())
            return prefix + "[" + std::to_string(index) + "]";
        return prefix.empty() ? std::string(name) : prefix + "." + std::string(name);
    }
};

inline std::string_view type_name(const json& value) {
    if (value.is_number_float())
        return "a decimal number";
    if (value.is_number())
        return "an integer";
    if (value.is_string())
        return "a string";
    if (value.is_boolean())
        return "true or false";
    if (value.is_array())
        return "an array";
    if (value.is_object())
        return "an object";
    return "null";
}

[[noreturn]] inline void fail(const Path& path, const std::string& what) {
    const std::string where = path.text();
    throw DecodeError{where.empty() ? what : where + ": " + what};
}

[[noreturn]] inline void wrong_type(const Path& path, std::string_view expected, const json& got) {
    fail(path, "expected " + std::string(expected) + ", got " + std::string(type_name(got)));
}

// The member `name` of an object (the caller has checked `object` is one).
inline const json& member(const json& object, const Path& path) {
    const auto found = object.find(std::string(path.name));
    if (found == object.end())
        fail(path, "missing");
    return *found;
}

inline const json& object_at(const json& value, const Path& path) {
    if (!value.is_object())
        wrong_type(path, "an object", value);
    return value;
}

inline const json& array_at(const json& value, const Path& path) {
    if (!value.is_array())
        wrong_type(path, "an array", value);
    return value;
}

inline std::int64_t integer_at(const json& value, const Path& path) {
    if (value.is_number_unsigned()) {
        const auto unsigned_value = value.get<std::uint64_t>();
        if (unsigned_value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            fail(path, "integer out of range");
        return static_cast<std::int64_t>(unsigned_value);
    }
    if (value.is_number_integer())
        return value.get<std::int64_t>();
    if (value.is_number_float())
        fail(path, "expected an integer, got a decimal number (" + value.dump() + ")");
    wrong_type(path, "an integer", value);
}

inline std::string string_at(const json& value, const Path& path) {
    if (!value.is_string())
        wrong_type(path, "a string", value);
    return value.get<std::string>();
}

inline bool boolean_at(const json& value, const Path& path) {
    if (!value.is_boolean())
        wrong_type(path, "true or false", value);
    return value.get<bool>();
}

// A reader over one JSON object, reading its fields by name.
class ObjectReader {
  public:
    ObjectReader(const json& value, const Path& path)
        : object_(object_at(value, path)), path_(path) {}

    const json& raw(std::string_view name) const { return member(object_, path_.field(name)); }
    std::int64_t integer(std::string_view name) const {
        return integer_at(raw(name), path_.field(name));
    }
    std::string string(std::string_view name) const {
        return string_at(raw(name), path_.field(name));
    }
    bool boolean(std::string_view name) const { return boolean_at(raw(name), path_.field(name)); }
    // Fields added to a message later are optional: an older sender leaves them out.
    bool has(std::string_view name) const { return object_.contains(std::string(name)); }
    std::int64_t integer_or(std::string_view name, std::int64_t absent) const {
        return has(name) ? integer(name) : absent;
    }
    std::string string_or(std::string_view name, std::string absent) const {
        return has(name) ? string(name) : absent;
    }
    std::vector<std::string> strings(std::string_view name) const {
        const Path path = path_.field(name);
        const json& list = array_at(raw(name), path);
        std::vector<std::string> out;
        out.reserve(list.size());
        for (std::size_t i = 0; i < list.size(); ++i)
            out.push_back(string_at(list[i], path.element(i)));
        return out;
    }
    // Reads each element of the array field `name` with read(element, element_path).
    template <typename T, typename Read>
    std::vector<T> list(std::string_view name, Read read) const {
        const Path path = path_.field(name);
        const json& items = array_at(raw(name), path);
        std::vector<T> out;
        out.reserve(items.size());
        for (std::size_t i = 0; i < items.size(); ++i)
            out.push_back(read(items[i], path.element(i)));
        return out;
    }
    const Path& path() const { return path_; }

  private:
    const json& object_;
    Path path_;  // by value: callers pass temporaries (path.element(i))
};

// ---- whole messages --------------------------------------------------------------------------

// Invalid UTF-8 in a string (a corrupt payload) is replaced rather than thrown: encode never
// fails, and head office then sees a payload whose hash does not match.
inline std::string dump(const json& document) {
    return document.dump(-1, ' ', false, json::error_handler_t::replace);
}

// "not JSON: parse error at line 1, column 12: syntax error ..." (nlohmann's text without its
// "[json.exception.parse_error.101]" tag).
inline std::string parse_failure(const std::exception& error) {
    std::string text = error.what();
    if (const auto tag_end = text.find("] ");
        text.rfind("[json.exception", 0) == 0 && tag_end != std::string::npos) {
        text.erase(0, tag_end + 2);
    }
    return "not valid JSON: " + text;
}

// Parses the text and reads the object with read(document); never throws.
template <typename T, typename Read>
pos::Result<T> decode_document(std::string_view text, std::string_view what, Read read) {
    try {
        const json document = json::parse(text.begin(), text.end());
        if (!document.is_object()) {
            return pos::bad_input(std::string(what) + ": expected a JSON object, got " +
                                  std::string(type_name(document)));
        }
        return read(document);
    } catch (const DecodeError& error) {
        return pos::bad_input(error.message);  // starts with the field's path
    } catch (const json::parse_error& error) {
        return pos::bad_input(std::string(what) + " is " + parse_failure(error));
    } catch (const std::exception& error) {
        return pos::bad_input(std::string(what) + ": " + error.what());
    }
}

// Parses the text and reads the message with read(root_object_reader); never throws.
template <typename T, typename Read>
pos::Result<T> decode_with(std::string_view text, std::string_view what, Read read) {
    return decode_document<T>(text, what, [&](const json& document) {
        const Path root;
        return read(ObjectReader(document, root));
    });
}

}  // namespace headoffice::json_reader
