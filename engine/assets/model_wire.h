// ModelData as bytes and back, for carrying an imported model out of the import process
// (see model_import.cpp). The bytes are checked as they are read and the decoded model is
// checked for consistency (indices in range, arrays of matching sizes), so nothing built
// from a damaged or truncated message can index out of bounds later.
#pragma once

#include "assets/model_data.h"
#include "core/error.h"

#include <string>
#include <string_view>

namespace assets {

std::string encodeModel(const ModelData& model);
core::Expected<ModelData> decodeModel(std::string_view bytes, const std::string& name);

// An import error travels the same way; a damaged one decodes to an error saying so.
std::string encodeError(const core::Error& error);
core::Error decodeError(std::string_view bytes, const std::string& name);

// The consistency rules decodeModel applies, on their own: the first broken one, or none.
core::Status checkModelConsistency(const ModelData& model, const std::string& name);

} // namespace assets
