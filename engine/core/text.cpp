#include "core/text.h"

#include <algorithm>
#include <cctype>

namespace core {

int editDistance(std::string_view a, std::string_view b)
{
    // Optimal string alignment: insertions, deletions, substitutions and swaps of two
    // neighbouring letters each cost one, so "veiw" is one edit from "view".
    auto lower = [](char c) { return char(std::tolower(static_cast<unsigned char>(c))); };
    const std::size_t rows = a.size() + 1, columns = b.size() + 1;
    std::vector<int> d(rows * columns);
    auto at = [&](std::size_t i, std::size_t j) -> int& { return d[i * columns + j]; };
    for (std::size_t i = 0; i < rows; ++i) at(i, 0) = int(i);
    for (std::size_t j = 0; j < columns; ++j) at(0, j) = int(j);
    for (std::size_t i = 1; i < rows; ++i)
        for (std::size_t j = 1; j < columns; ++j) {
            const int cost = lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1;
            at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost});
            if (i > 1 && j > 1 && lower(a[i - 1]) == lower(b[j - 2]) && lower(a[i - 2]) == lower(b[j - 1]))
                at(i, j) = std::min(at(i, j), at(i - 2, j - 2) + 1);
        }
    return at(rows - 1, columns - 1);
}

std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates)
{
    const int allowed = std::max(1, int(word.size()) / 3);
    int best = allowed + 1;
    std::string match;
    for (const std::string& candidate : candidates) {
        const int distance = editDistance(word, candidate);
        if (distance < best) {
            best = distance;
            match = candidate;
        }
    }
    return match;
}

std::string withSuggestion(std::string message, std::string_view word, const std::vector<std::string>& candidates)
{
    const std::string match = closestMatch(word, candidates);
    if (!match.empty()) message += "; did you mean '" + match + "'?";
    return message;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator)
{
    std::string result;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i) result += separator;
        result += parts[i];
    }
    return result;
}

} // namespace core
