#include "scene/sources.h"

#include "core/file.h"
#include "scene/toml_reader.h"

namespace scene {

core::Expected<SourceList> SourceList::parse(std::string_view text, const std::string& path)
{
    auto table = parseTomlText(text, path);
    if (!table) return table.error();
    TomlErrors errors{path, {}};
    SourceList list;
    for (const auto& [key, value] : *table) {
        const std::string id(key.str());
        const toml::table* entry = value.as_table();
        if (!entry) {
            errors.add(&value, id, "expected a table with a citation");
            continue;
        }
        TableReader reader(*entry, id, errors);
        reader.rejectUnknownKeys({"citation"});
        if (auto citation = reader.string("citation", true)) list.citations_[id] = *citation;
    }
    if (!errors.empty()) return summarise(errors);
    return list;
}

core::Expected<SourceList> SourceList::load(const std::string& path)
{
    auto text = core::readTextFile(path);
    if (!text) return text.error();
    return parse(*text, path);
}

std::string SourceList::citation(const std::string& id) const
{
    auto found = citations_.find(id);
    return found != citations_.end() ? found->second : id;
}

std::vector<std::string> SourceList::ids() const
{
    std::vector<std::string> result;
    for (const auto& [id, citation] : citations_) result.push_back(id);
    return result;
}

} // namespace scene
