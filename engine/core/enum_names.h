// One table per enum gives both directions between a value and the word that names it in
// files, on the command line and in logs. Replaces a switch for the name plus a loop for the
// parse in every module that has a named enum.
#pragma once

#include <array>
#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace core {

template <typename Enum>
struct EnumName {
    Enum value;
    std::string_view name;
};

// A fixed list of (value, name) pairs: `constexpr core::EnumNames<Easing, 4> kEasingNames{{{...}}};`
template <typename Enum, std::size_t Count>
struct EnumNames {
    std::array<EnumName<Enum>, Count> entries;

    // Every value of the enum must be in the table: a missing one is a programmer error.
    constexpr std::string_view name(Enum value) const
    {
        for (const EnumName<Enum>& entry : entries)
            if (entry.value == value) return entry.name;
        assert(!"enum value missing from its name table");
        return {};
    }
    constexpr std::optional<Enum> parse(std::string_view name) const
    {
        for (const EnumName<Enum>& entry : entries)
            if (entry.name == name) return entry.value;
        return std::nullopt;
    }
    // "a, b or c": for error messages that list what would have been accepted.
    std::string choices(std::string_view lastJoin = " or ") const
    {
        std::string text;
        for (std::size_t i = 0; i < Count; ++i) {
            if (i > 0) text += i + 1 == Count ? lastJoin : std::string_view(", ");
            text += entries[i].name;
        }
        return text;
    }
    // Every name, in table order: the candidates for a "did you mean" suggestion.
    std::vector<std::string> allNames() const
    {
        std::vector<std::string> names;
        for (const EnumName<Enum>& entry : entries) names.emplace_back(entry.name);
        return names;
    }
    constexpr auto begin() const { return entries.begin(); }
    constexpr auto end() const { return entries.end(); }
};

// Deduces the count: `constexpr auto kNames = core::enumNames<Easing>({{Easing::Linear, "linear"}, ...});`
template <typename Enum, std::size_t Count>
constexpr EnumNames<Enum, Count> enumNames(const EnumName<Enum> (&entries)[Count])
{
    EnumNames<Enum, Count> table{};
    for (std::size_t i = 0; i < Count; ++i) table.entries[i] = entries[i];
    return table;
}

} // namespace core
