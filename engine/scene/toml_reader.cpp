#include "scene/toml_reader.h"

#include "core/file.h"
#include "core/text.h"

#include <cmath>
#include <sstream>

namespace scene {

core::Expected<toml::table> parseTomlText(std::string_view text, const std::string& path)
{
    try {
        return toml::parse(text, path);
    } catch (const toml::parse_error& failure) {
        const auto& where = failure.source().begin;
        return core::Error{path, int(where.line), int(where.column), "", std::string(failure.description())};
    }
}

core::Expected<toml::table> parseTomlFile(const std::string& path)
{
    auto text = core::readTextFile(path);
    if (!text) return text.error();
    return parseTomlText(*text, path);
}

void TomlErrors::add(const toml::source_region& where, std::string field, std::string message)
{
    list.push_back(core::Error{file, int(where.begin.line), int(where.begin.column), std::move(field), std::move(message)});
}

void TomlErrors::add(const toml::node* where, std::string field, std::string message)
{
    if (where) {
        add(where->source(), std::move(field), std::move(message));
    } else {
        list.push_back(core::Error{file, 0, 0, std::move(field), std::move(message)});
    }
}

TableReader::TableReader(const toml::table& table, std::string fieldPath, TomlErrors& errors)
    : table_(table), path_(std::move(fieldPath)), errors_(errors)
{
}

std::string TableReader::field(std::string_view key) const
{
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
}

void TableReader::error(std::string_view key, std::string message)
{
    const toml::node* where = node(key);
    errors_.add(where ? where : static_cast<const toml::node*>(&table_), field(key), std::move(message));
}

std::optional<std::string> TableReader::string(std::string_view key, bool required)
{
    const toml::node* value = node(key);
    if (!value) {
        if (required) errors_.add(&table_, field(key), "missing (a text value is required)");
        return std::nullopt;
    }
    if (auto text = value->value<std::string>()) return *text;
    errors_.add(value, field(key), "expected text in quotes");
    return std::nullopt;
}

std::optional<double> TableReader::number(std::string_view key, bool required, double min, double max)
{
    const toml::node* value = node(key);
    if (!value) {
        if (required) errors_.add(&table_, field(key), "missing (a number is required)");
        return std::nullopt;
    }
    if (!value->is_number()) {
        errors_.add(value, field(key), "expected a number");
        return std::nullopt;
    }
    const double number = *value->value<double>();
    if (!std::isfinite(number) || number < min || number > max) {
        std::ostringstream message;
        message << number << " is out of range (" << min << " to " << max << ")";
        errors_.add(value, field(key), message.str());
        return std::nullopt;
    }
    return number;
}

std::optional<bool> TableReader::boolean(std::string_view key, bool required)
{
    const toml::node* value = node(key);
    if (!value) {
        if (required) errors_.add(&table_, field(key), "missing (true or false is required)");
        return std::nullopt;
    }
    if (auto flag = value->value<bool>()) return *flag;
    errors_.add(value, field(key), "expected true or false");
    return std::nullopt;
}

const toml::table* TableReader::subtable(std::string_view key, bool required)
{
    const toml::node* value = node(key);
    if (!value) {
        if (required) errors_.add(&table_, field(key), "missing (a table is required)");
        return nullptr;
    }
    if (const toml::table* table = value->as_table()) return table;
    errors_.add(value, field(key), "expected a table");
    return nullptr;
}

const toml::array* TableReader::array(std::string_view key, bool required)
{
    const toml::node* value = node(key);
    if (!value) {
        if (required) errors_.add(&table_, field(key), "missing (a list is required)");
        return nullptr;
    }
    if (const toml::array* array = value->as_array()) return array;
    errors_.add(value, field(key), "expected a list in [ ]");
    return nullptr;
}

std::vector<std::string> TableReader::stringList(std::string_view key, bool required)
{
    std::vector<std::string> result;
    const toml::array* list = array(key, required);
    if (!list) return result;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const toml::node& item = *list->get(i);
        if (auto text = item.value<std::string>())
            result.push_back(*text);
        else
            errors_.add(&item, field(key) + "[" + std::to_string(i) + "]", "expected text in quotes");
    }
    return result;
}

void TableReader::rejectUnknownKeys(std::initializer_list<std::string_view> known)
{
    rejectUnknownKeys(std::vector<std::string>(known.begin(), known.end()));
}

void TableReader::rejectUnknownKeys(const std::vector<std::string>& known)
{
    for (const auto& [key, value] : table_) {
        (void)value;
        const std::string name(key.str());
        bool found = false;
        for (const std::string& candidate : known) found = found || candidate == name;
        if (!found)
            errors_.add(key.source(), field(name),
                        core::withSuggestion("unknown field '" + name + "'", name, known));
    }
}

core::Error summarise(const TomlErrors& errors)
{
    core::Error first = errors.list.front();
    if (errors.list.size() > 1)
        first.message += " (and " + std::to_string(errors.list.size() - 1) + " more problem" +
                         (errors.list.size() > 2 ? "s" : "") + ")";
    return first;
}

} // namespace scene
