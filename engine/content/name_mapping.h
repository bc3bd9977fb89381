// Renaming a model's nodes to the trainer's convention at import, for models made elsewhere
// (a school's licensed model): a TOML file "<model>.names.toml" beside the model whose
// [nodes] table maps "their node name" = "our node name".
#pragma once

#include "assets/model_data.h"
#include "core/error.h"
#include "core/file.h"

#include <map>
#include <string>
#include <string_view>

namespace content {

struct NameMapping {
    std::string path;
    std::map<std::string, std::string> renames; // their name -> our name
    std::map<std::string, int> lines;           // their name -> line in the file
};

// Checks that every new name follows the convention ("<layer>.<structure>[.<side>]" or
// "joint.<segment>"); errors name the file, line and field.
core::Expected<NameMapping> parseNameMappingText(std::string_view text, const std::string& path);
inline core::Expected<NameMapping> loadNameMapping(const std::string& path) { return core::parseTextFile(path, parseNameMappingText); }

// Renames the model's nodes (and their meshes); an entry for a node the model does not have
// is an error naming its line, so a misspelt name is never silently ignored.
core::Status applyNameMapping(const NameMapping& mapping, assets::ModelData& model);

} // namespace content
