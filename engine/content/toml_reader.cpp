#include "content/toml_reader.h"

#include "core/text.h"

#include <sstream>

namespace content {
namespace {

// The value under `key` as `get` reads it (empty for a value of the wrong type). A missing
// required value is reported as "missing (<what> is required)", a wrong type as `wrongType`.
template <class Get>
auto readTyped(TableReader& reader, std::string_view key, bool required, std::string_view what,
               std::string_view wrongType, Get get)
{
    const toml::node* value = reader.table().get(key);
    if (!value && required)
        reader.errors().add(&reader.table(), reader.field(key), "missing (" + std::string(what) + " is required)");
    auto result = value ? get(*value) : decltype(get(*value)){};
    if (value && !result) reader.errors().add(value, reader.field(key), std::string(wrongType));
    return result;
}

} // namespace

core::Expected<toml::table> parseTomlText(std::string_view text, const std::string& path)
{
    try {
        return toml::parse(text, path);
    } catch (const toml::parse_error& failure) {
        const auto& where = failure.source().begin;
        return core::Error{path, int(where.line), int(where.column), "", std::string(failure.description())};
    }
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

std::string TableReader::itemField(std::string_view key, std::size_t index) const
{
    return field(key) + "[" + std::to_string(index) + "]";
}

void TableReader::error(std::string_view key, std::string message)
{
    const toml::node* where = node(key);
    errors_.add(where ? where : static_cast<const toml::node*>(&table_), field(key), std::move(message));
}

void TableReader::itemError(std::string_view key, std::size_t index, std::string message)
{
    const toml::array* list = table_.get_as<toml::array>(key);
    const toml::node* where = list ? list->get(index) : nullptr;
    errors_.add(where, itemField(key, index), std::move(message));
}

std::string TableReader::describeUnknown(const std::string& word, const UnknownWord& unknown, const std::string& choices,
                                         const std::vector<std::string>& candidates)
{
    std::string message = "unknown " + std::string(unknown.what) + " '" + word + "'";
    if (unknown.listChoices) message += " (" + choices + ")";
    return unknown.suggest ? core::withSuggestion(message, word, candidates) : message;
}

std::optional<std::string> TableReader::string(std::string_view key, bool required)
{
    return readTyped(*this, key, required, "a text value", "expected text in quotes",
                     [](const toml::node& value) { return value.value<std::string>(); });
}

std::optional<double> TableReader::number(std::string_view key, bool required, double min, double max)
{
    // value<double>() is empty for text, and for integers too large to be exact doubles.
    const auto number = readTyped(*this, key, required, "a number", "expected a number",
                                  [](const toml::node& value) { return value.value<double>(); });
    if (!number) return std::nullopt;
    if (!withinRange(*number, min, max)) {
        std::ostringstream message;
        message << *number << " is out of range (" << min << " to " << max << ")";
        errors_.add(node(key), field(key), message.str());
        return std::nullopt;
    }
    return number;
}

std::optional<bool> TableReader::boolean(std::string_view key, bool required)
{
    return readTyped(*this, key, required, "true or false", "expected true or false",
                     [](const toml::node& value) { return value.value<bool>(); });
}

const toml::table* TableReader::subtable(std::string_view key, bool required)
{
    return readTyped(*this, key, required, "a table", "expected a table",
                     [](const toml::node& value) { return value.as_table(); });
}

const toml::array* TableReader::array(std::string_view key, bool required)
{
    return readTyped(*this, key, required, "a list", "expected a list in [ ]",
                     [](const toml::node& value) { return value.as_array(); });
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
            errors_.add(&item, itemField(key, i), "expected text in quotes");
    }
    return result;
}

void TableReader::eachTable(std::string_view notATable, const ReadEntry& read)
{
    eachTable([notATable](const std::string&) { return std::string(notATable); }, read);
}

void TableReader::eachTable(const std::function<std::string(const std::string& field)>& notATable,
                            const ReadEntry& read)
{
    for (const auto& [key, value] : table_) {
        const std::string name(key.str());
        if (const toml::table* entry = value.as_table()) {
            TableReader entryReader(*entry, field(name), errors_);
            read(name, entryReader);
        } else {
            errors_.add(&value, field(name), notATable(field(name)));
        }
    }
}

const toml::array* TableReader::eachTableIn(std::string_view key, bool required, std::string_view notATable,
                                            const ReadItem& read)
{
    const toml::array* list = array(key, required);
    if (!list) return nullptr;
    for (std::size_t i = 0; i < list->size(); ++i) {
        const toml::node& item = *list->get(i);
        if (const toml::table* table = item.as_table()) {
            TableReader itemReader(*table, itemField(key, i), errors_);
            read(i, itemReader);
        } else {
            errors_.add(&item, itemField(key, i), std::string(notATable));
        }
    }
    return list;
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

} // namespace content
