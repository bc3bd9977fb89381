// Reading hand-written TOML with messages a teacher can act on: every problem is reported
// as file:line:column with the field's full path, and misspelt keys get a suggestion.
// Every file format of the trainer is read through readTomlText below.
#pragma once

#include "core/enum_names.h"
#include "core/error.h"

#include <toml++/toml.h>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace content {

// Whether `value` lies from `least` to `most`. Not-a-number never does: TOML spells nan and inf,
// and every comparison with not-a-number is false, so a check written as "below the least or
// above the most" lets it through. Every range a file's number must be in is checked this way.
constexpr bool withinRange(double value, double least, double most)
{
    return value >= least && value <= most;
}

// Parses TOML text; a syntax error comes back with the line and column toml++ reports.
core::Expected<toml::table> parseTomlText(std::string_view text, const std::string& path);

// Collects the errors found while reading one file.
struct TomlErrors {
    std::string file;
    std::vector<core::Error> list;

    void add(const toml::node* where, std::string field, std::string message);
    void add(const toml::source_region& where, std::string field, std::string message);
    bool empty() const { return list.empty(); }
};

// How a word outside a fixed set is reported: "unknown <what> '<word>'", then the accepted
// words in brackets when listed, then "; did you mean '<near miss>'?" when suggested.
struct UnknownWord {
    std::string_view what;
    bool listChoices = true;
    bool suggest = true;
};

// Typed access to one table, e.g. `steps[2].pose`, recording what is wrong instead of throwing.
class TableReader {
public:
    TableReader(const toml::table& table, std::string fieldPath, TomlErrors& errors);

    const toml::table& table() const { return table_; }
    const std::string& fieldPath() const { return path_; }
    const std::string& file() const { return errors_.file; }
    std::string field(std::string_view key) const;
    // "sources[2]": the field of one item of the list under `key`.
    std::string itemField(std::string_view key, std::size_t index) const;

    bool has(std::string_view key) const { return table_.contains(key); }
    std::optional<std::string> string(std::string_view key, bool required);
    std::optional<double> number(std::string_view key, bool required, double min, double max);
    std::optional<bool> boolean(std::string_view key, bool required);
    const toml::table* subtable(std::string_view key, bool required);
    const toml::array* array(std::string_view key, bool required);
    std::vector<std::string> stringList(std::string_view key, bool required);

    // A word from a fixed set, such as `ease = "in_out"`; an unknown word is reported as `unknown` says.
    template <class Enum, std::size_t Count>
    std::optional<Enum> choice(std::string_view key, bool required, const core::EnumNames<Enum, Count>& names,
                               const UnknownWord& unknown)
    {
        auto word = string(key, required);
        if (!word) return std::nullopt;
        if (auto value = names.parse(*word)) return value;
        error(key, describeUnknown(*word, unknown, names.choices(), names.allNames()));
        return std::nullopt;
    }

    using ReadEntry = std::function<void(const std::string& key, TableReader& entry)>;
    // Calls `read` for every value of this table, each of which must be a table (`[name]`
    // sections); any other value is reported against its field with `notATable`.
    void eachTable(std::string_view notATable, const ReadEntry& read);
    // The same, with a message made from the field path of the value at fault.
    void eachTable(const std::function<std::string(const std::string& field)>& notATable, const ReadEntry& read);

    using ReadItem = std::function<void(std::size_t index, TableReader& item)>;
    // Calls `read` for every item of the list under `key`, each of which must be a table
    // (`[[key]]` sections or `{ ... }`); any other item is reported with `notATable`.
    // Returns the list, or null where it is missing or not a list (reported when required).
    const toml::array* eachTableIn(std::string_view key, bool required, std::string_view notATable, const ReadItem& read);

    // Reports every key not in `known`, with a suggestion for near misses.
    void rejectUnknownKeys(std::initializer_list<std::string_view> known);
    void rejectUnknownKeys(const std::vector<std::string>& known);

    void error(std::string_view key, std::string message);
    // Reports one item of the list under `key`, at the item when it can be found.
    void itemError(std::string_view key, std::size_t index, std::string message);
    TomlErrors& errors() { return errors_; }

private:
    const toml::node* node(std::string_view key) const { return table_.get(key); }
    static std::string describeUnknown(const std::string& word, const UnknownWord& unknown, const std::string& choices,
                                       const std::vector<std::string>& candidates);

    const toml::table& table_;
    std::string path_;
    TomlErrors& errors_;
};

// Builds the final error for a file: the first problem, with a count of the rest.
core::Error summarise(const TomlErrors& errors);

// The one skeleton of every file format: parse the text (a syntax error comes back as
// file:line:column), let `readRoot(TableReader& root)` build the result while it records each
// problem, and fail with the first problem and a count of the rest. Loading a file is
// core::parseTextFile over the format's parser.
template <class Result, class ReadRoot>
core::Expected<Result> readTomlText(std::string_view text, const std::string& path, ReadRoot&& readRoot)
{
    const core::Expected<toml::table> parsed = parseTomlText(text, path);
    if (!parsed) return parsed.error();
    TomlErrors errors{path, {}};
    TableReader root(*parsed, "", errors);
    Result result = readRoot(root);
    if (!errors.empty()) return summarise(errors);
    return result;
}

} // namespace content
