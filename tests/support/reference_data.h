// The published reference figures (assets/reference/hamstring_reference.json, a copy of the
// project's shared reference with its sources) for tests that check the model against them.
#pragma once

#include <nlohmann/json.hpp>

namespace testing_support {

const nlohmann::json& referenceData();

} // namespace testing_support
