#include "platform/input.h"

#include "core/enum_names.h"

namespace platform {
namespace {

// The names the F1 help shows and input scripts use.
constexpr auto kKeyNames = core::enumNames<Key>({
    {Key::Unknown, "?"},
    {Key::A, "A"}, {Key::B, "B"}, {Key::C, "C"}, {Key::D, "D"}, {Key::E, "E"}, {Key::F, "F"}, {Key::G, "G"},
    {Key::H, "H"}, {Key::I, "I"}, {Key::J, "J"}, {Key::K, "K"}, {Key::L, "L"}, {Key::M, "M"}, {Key::N, "N"},
    {Key::O, "O"}, {Key::P, "P"}, {Key::Q, "Q"}, {Key::R, "R"}, {Key::S, "S"}, {Key::T, "T"}, {Key::U, "U"},
    {Key::V, "V"}, {Key::W, "W"}, {Key::X, "X"}, {Key::Y, "Y"}, {Key::Z, "Z"},
    {Key::Num0, "0"}, {Key::Num1, "1"}, {Key::Num2, "2"}, {Key::Num3, "3"}, {Key::Num4, "4"},
    {Key::Num5, "5"}, {Key::Num6, "6"}, {Key::Num7, "7"}, {Key::Num8, "8"}, {Key::Num9, "9"},
    {Key::F1, "F1"}, {Key::F2, "F2"}, {Key::F3, "F3"}, {Key::F4, "F4"}, {Key::F5, "F5"}, {Key::F6, "F6"},
    {Key::F7, "F7"}, {Key::F8, "F8"}, {Key::F9, "F9"}, {Key::F10, "F10"}, {Key::F11, "F11"}, {Key::F12, "F12"},
    {Key::Escape, "Esc"}, {Key::Enter, "Enter"}, {Key::Space, "Space"}, {Key::Tab, "Tab"},
    {Key::Backspace, "Backspace"}, {Key::Delete, "Delete"},
    {Key::Left, "Left"}, {Key::Right, "Right"}, {Key::Up, "Up"}, {Key::Down, "Down"},
    {Key::PageUp, "PageUp"}, {Key::PageDown, "PageDown"}, {Key::Home, "Home"}, {Key::End, "End"},
    {Key::Minus, "-"}, {Key::Equals, "="}, {Key::Comma, ","}, {Key::Period, "."}, {Key::Slash, "/"},
});
static_assert(kKeyNames.entries.size() == std::size_t(Key::Slash) + 1, "a Key without its name");

} // namespace

std::string_view keyName(Key key)
{
    return kKeyNames.name(key);
}

std::optional<Key> keyFromName(std::string_view name)
{
    const std::optional<Key> key = kKeyNames.parse(name);
    if (key == Key::Unknown) return std::nullopt;  // "?" stands for no key
    return key;
}

} // namespace platform
