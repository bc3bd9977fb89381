// Text helpers: "did you mean" suggestions for misspelt names, trimming, joining.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace core {

// Levenshtein distance, case-insensitive.
int editDistance(std::string_view a, std::string_view b);

// The candidate nearest to `word` when it is close enough to be a likely typo (a distance of
// at most a third of the word's length, and at least 1 edit allowed); empty otherwise.
std::string closestMatch(std::string_view word, const std::vector<std::string>& candidates);

// "unknown joint 'hipflexion'" + "; did you mean 'hip_flexion'?" when there is a near miss.
std::string withSuggestion(std::string message, std::string_view word, const std::vector<std::string>& candidates);

std::string join(const std::vector<std::string>& parts, std::string_view separator);

} // namespace core
