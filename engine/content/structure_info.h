// What the trainer says about each named structure (assets/structures.toml): common and Latin
// names, origin, insertion, nerve, action, blood supply and the sources of those facts, with
// the fields that come from general anatomy knowledge rather than a cited source marked.
#pragma once

#include "core/error.h"
#include "core/file.h"
#include "content/structures.h"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace content {

struct StructureInfo {
    std::string key;          // "muscle.semitendinosus": the node name without its side
    std::string name;         // "Semitendinosus"
    std::string latin;        // "Musculus semitendinosus"; may be empty
    std::string summary;      // what it is and why it matters here
    std::string origin;       // the fields below may be empty where they do not apply
    std::string insertion;
    std::string nerve;
    std::string action;
    std::string bloodSupply;
    std::vector<std::string> sources;          // ids from the file's [sources] table, e.g. "S11"
    std::vector<std::string> generalKnowledge; // field keys not backed by the listed sources
    int line = 0;                              // where the entry starts in its file

    // Whether a field ("origin", "blood_supply", ...) is general knowledge rather than sourced.
    bool isGeneralKnowledge(std::string_view field) const;
};

struct StructureCatalogue {
    std::string path;                              // the file it came from
    std::map<std::string, StructureInfo> entries;  // by key
    std::map<std::string, std::string> sources;    // id -> short citation

    // The entry for a node's structure, e.g. "muscle.semitendinosus.r"; null when there is none.
    const StructureInfo* find(const StructureName& name) const;
    bool empty() const { return entries.empty(); }
};

// The field keys of an entry, in the order the card shows them.
const std::vector<std::string>& structureInfoFields();

core::Expected<StructureCatalogue> parseStructureInfoText(std::string_view text, const std::string& path);
inline core::Expected<StructureCatalogue> loadStructureInfo(const std::string& path)
{
    return core::parseTextFile(path, parseStructureInfoText);
}

} // namespace content
