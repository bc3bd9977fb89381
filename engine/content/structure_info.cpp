#include "content/structure_info.h"

#include "core/text.h"
#include "content/toml_reader.h"

#include <algorithm>

namespace content {
namespace {

// Fields that state facts and so need a source or a general-knowledge mark.
const std::vector<std::string> kFactFields = {"summary", "origin", "insertion", "nerve", "action", "blood_supply"};

// The hamstrings are what the trainer teaches: their cards must be complete.
const std::vector<std::string> kRequiredForMuscles = {"origin", "insertion", "nerve", "action", "blood_supply"};

std::string structureKey(const StructureName& name)
{
    return std::string(layerInfo(name.layer).key) + "." + name.structure;
}

void readEntry(TableReader& entry, LayerId layer, StructureCatalogue& catalogue)
{
    const toml::table& table = entry.table();
    const std::string& key = entry.fieldPath();
    std::vector<std::string> known = {"name", "latin", "sources", "general_knowledge"};
    known.insert(known.end(), kFactFields.begin(), kFactFields.end());
    entry.rejectUnknownKeys(known);

    StructureInfo info;
    info.key = key;
    info.line = int(table.source().begin.line);
    info.name = entry.string("name", true).value_or("");
    info.latin = entry.string("latin", false).value_or("");
    info.summary = entry.string("summary", true).value_or("");
    const bool muscle = layer == LayerId::Muscle;
    auto fact = [&](const std::string& field) {
        const bool required = muscle && std::find(kRequiredForMuscles.begin(), kRequiredForMuscles.end(), field) !=
                                            kRequiredForMuscles.end();
        std::string value = entry.string(field, required).value_or("");
        if (entry.has(field) && value.empty() && table.get(field)->is_string())
            entry.error(field, "is empty; leave the field out where it does not apply");
        return value;
    };
    info.origin = fact("origin");
    info.insertion = fact("insertion");
    info.nerve = fact("nerve");
    info.action = fact("action");
    info.bloodSupply = fact("blood_supply");
    if (info.name.empty() && entry.has("name")) entry.error("name", "is empty");

    info.sources = entry.stringList("sources", true);
    for (std::size_t i = 0; i < info.sources.size(); ++i) {
        std::vector<std::string> ids;
        for (const auto& [id, citation] : catalogue.sources) ids.push_back(id);
        if (!catalogue.sources.count(info.sources[i]))
            entry.itemError("sources", i,
                            core::withSuggestion("unknown source '" + info.sources[i] + "' (not in [sources])",
                                                 info.sources[i], ids));
    }
    info.generalKnowledge = entry.stringList("general_knowledge", false);
    for (std::size_t i = 0; i < info.generalKnowledge.size(); ++i) {
        const std::string& field = info.generalKnowledge[i];
        const bool isFact = std::find(kFactFields.begin(), kFactFields.end(), field) != kFactFields.end();
        if (!isFact)
            entry.itemError("general_knowledge", i,
                            core::withSuggestion("'" + field + "' is not a field that states a fact", field, kFactFields));
        else if (!entry.has(field))
            entry.itemError("general_knowledge", i, "marks '" + field + "', which this entry does not have");
    }
    // With no source at all, every fact must be marked as general knowledge.
    if (info.sources.empty() && entry.has("sources"))
        for (const std::string& field : kFactFields)
            if (entry.has(field) && !info.isGeneralKnowledge(field))
                entry.error(field, "has no source: list one in 'sources' or mark it in 'general_knowledge'");
    catalogue.entries[key] = std::move(info);
}

// A [sources] table of short citations, then one table per layer holding a table per structure.
StructureCatalogue readCatalogue(TableReader& root)
{
    std::vector<std::string> topKeys = {"sources"};
    for (const LayerInfo& info : layerInfos())
        if (info.id != LayerId::Other) topKeys.emplace_back(info.key);
    root.rejectUnknownKeys(topKeys);

    StructureCatalogue catalogue;
    catalogue.path = root.file();
    if (const toml::table* sources = root.subtable("sources", true)) {
        TableReader reader(*sources, "sources", root.errors());
        for (const auto& [id, value] : *sources) {
            (void)value;
            if (auto citation = reader.string(id.str(), true)) catalogue.sources[std::string(id.str())] = *citation;
        }
    }
    for (const LayerInfo& layer : layerInfos()) {
        if (layer.id == LayerId::Other) continue;
        const toml::table* structures = root.subtable(layer.key, false);
        if (!structures) continue;
        TableReader layerReader(*structures, std::string(layer.key), root.errors());
        layerReader.eachTable(
            [](const std::string& key) { return "expected a table: [" + key + "] followed by its fields"; },
            [&](const std::string&, TableReader& entry) { readEntry(entry, layer.id, catalogue); });
    }
    return catalogue;
}

} // namespace

bool StructureInfo::isGeneralKnowledge(std::string_view field) const
{
    return std::find(generalKnowledge.begin(), generalKnowledge.end(), field) != generalKnowledge.end();
}

const StructureInfo* StructureCatalogue::find(const StructureName& name) const
{
    auto found = entries.find(structureKey(name));
    return found == entries.end() ? nullptr : &found->second;
}

const std::vector<std::string>& structureInfoFields()
{
    static const std::vector<std::string> fields = {"origin", "insertion", "nerve", "action", "blood_supply"};
    return fields;
}

core::Expected<StructureCatalogue> parseStructureInfoText(std::string_view text, const std::string& path)
{
    return readTomlText<StructureCatalogue>(text, path, readCatalogue);
}

} // namespace content
