// Reading hand-written TOML with messages a teacher can act on: every problem is reported
// as file:line:column with the field's full path, and misspelt keys get a suggestion.
#pragma once

#include "core/error.h"

#include <toml++/toml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace scene {

// Parses a TOML file; a syntax error comes back with the line and column toml++ reports.
core::Expected<toml::table> parseTomlFile(const std::string& path);
core::Expected<toml::table> parseTomlText(std::string_view text, const std::string& path);

// Collects the errors found while reading one file.
struct TomlErrors {
    std::string file;
    std::vector<core::Error> list;

    void add(const toml::node* where, std::string field, std::string message);
    void add(const toml::source_region& where, std::string field, std::string message);
    bool empty() const { return list.empty(); }
};

// Typed access to one table, e.g. `steps[2].pose`, recording what is wrong instead of throwing.
class TableReader {
public:
    TableReader(const toml::table& table, std::string fieldPath, TomlErrors& errors);

    const toml::table& table() const { return table_; }
    const std::string& fieldPath() const { return path_; }
    std::string field(std::string_view key) const;

    bool has(std::string_view key) const { return table_.contains(key); }
    std::optional<std::string> string(std::string_view key, bool required);
    std::optional<double> number(std::string_view key, bool required, double min, double max);
    std::optional<bool> boolean(std::string_view key, bool required);
    const toml::table* subtable(std::string_view key, bool required);
    const toml::array* array(std::string_view key, bool required);
    std::vector<std::string> stringList(std::string_view key, bool required);

    // Reports every key not in `known`, with a suggestion for near misses.
    void rejectUnknownKeys(std::initializer_list<std::string_view> known);
    void rejectUnknownKeys(const std::vector<std::string>& known);

    void error(std::string_view key, std::string message);
    TomlErrors& errors() { return errors_; }

private:
    const toml::node* node(std::string_view key) const { return table_.get(key); }

    const toml::table& table_;
    std::string path_;
    TomlErrors& errors_;
};

// Builds the final error for a file: the first problem, with a count of the rest.
core::Error summarise(const TomlErrors& errors);

} // namespace scene
