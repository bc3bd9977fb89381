#include "content/sources.h"

#include "content/toml_reader.h"

namespace content {

// Each source is a table `[S11]` with its citation.
SourceList SourceList::read(TableReader& root)
{
    SourceList list;
    root.eachTable("expected a table with a citation", [&](const std::string& id, TableReader& entry) {
        entry.rejectUnknownKeys({"citation"});
        if (auto citation = entry.string("citation", true)) list.citations_[id] = *citation;
    });
    return list;
}

core::Expected<SourceList> SourceList::parse(std::string_view text, const std::string& path)
{
    return readTomlText<SourceList>(text, path, read);
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

} // namespace content
